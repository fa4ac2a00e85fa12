package io.sangdam.knowledge;

import io.sangdam.knowledge.demo.DemoScriptStore;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The demo scripts' writes, on knowledge's tables, checked like every script. */
@Component
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoScriptTables implements DemoScriptStore {

    private final StoredScripts scripts;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoScriptTables(StoredScripts scripts, JdbcClient jdbc, Clock clock) {
        this.scripts = scripts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean hasScripts() {
        return jdbc.sql("select exists (select 1 from knowledge.script)")
                .query(Boolean.class)
                .single();
    }

    @Override
    @Transactional
    public void addPublished(long centerId, ScriptDraft script) {
        ScriptGraph graph = ScriptGraph.checked(script);
        long id = scripts.add(centerId, graph, "demo", clock.instant());
        scripts.publish(id, 1, "demo", clock.instant());
    }
}
