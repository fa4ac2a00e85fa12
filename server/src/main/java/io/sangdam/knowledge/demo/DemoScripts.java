package io.sangdam.knowledge.demo;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.knowledge.ScriptDraft;
import io.sangdam.platform.ModuleInitializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's consultation scripts ({@code knowledge/demo/scripts.json}): 요금제 변경 상담 at
 * headquarters, shared with every center, and 해지 방어 상담 of 강남센터, both published, so the demo
 * desk has scripts to follow with branches, a loop and variables.
 */
@Component
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoScripts implements ModuleInitializer {

    /** @param center the code of the center the script belongs to (HQ, GN …) */
    record DemoScript(String center, ScriptDraft script) {}

    private final DemoScriptStore store;
    private final CenterDirectory centers;
    private final JsonMapper json;

    DemoScripts(DemoScriptStore store, CenterDirectory centers, JsonMapper json) {
        this.store = store;
        this.centers = centers;
        this.json = json;
    }

    @Override
    public void initialize() {
        if (store.hasScripts()) {
            return;
        }
        for (DemoScript demo : scripts()) {
            // A center the demo organisation lacks (renamed, or demo data of another shape) is skipped.
            centers.all().stream()
                    .filter(center -> center.code().equals(demo.center()))
                    .map(Center::id)
                    .findFirst()
                    .ifPresent(center -> store.addPublished(center, demo.script()));
        }
    }

    private List<DemoScript> scripts() {
        try (InputStream in = new ClassPathResource("knowledge/demo/scripts.json").getInputStream()) {
            return json.readValue(in, new TypeReference<List<DemoScript>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo scripts", e);
        }
    }
}
