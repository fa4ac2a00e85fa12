package io.sangdam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(SangdamApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiWithoutCycles() {
        modules.verify();
    }

    /**
     * The diagrams belong to the project's docs so reviewers see them change, and only then: the
     * Documenter writes relations in an order that differs from run to run, so they are written to
     * a scratch folder, their relation lines sorted, and a file in docs/ replaced only when its
     * content changed.
     */
    @Test
    void writesModuleDiagramsToDocs() throws IOException {
        Path scratch = Files.createTempDirectory("module-diagrams");
        var options = Documenter.Options.defaults().withOutputFolder(scratch.toString());
        new Documenter(modules, options)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        // Tests run in server/.
        Path docs = Path.of("..", "docs", "modules");
        Files.createDirectories(docs);
        try (var written = Files.list(scratch)) {
            for (Path file : written.toList()) {
                String content = stable(Files.readString(file, StandardCharsets.UTF_8));
                Path target = docs.resolve(file.getFileName().toString());
                if (!Files.exists(target)
                        || !Files.readString(target, StandardCharsets.UTF_8).equals(content)) {
                    Files.writeString(target, content, StandardCharsets.UTF_8);
                }
                Files.delete(file);
            }
        }
        Files.delete(scratch);
    }

    /** Sorts each run of consecutive relation lines, the only part whose order the Documenter does not keep. */
    static String stable(String diagram) {
        List<String> lines = new ArrayList<>(diagram.lines().toList());
        int start = -1;
        for (int i = 0; i <= lines.size(); i++) {
            boolean relation = i < lines.size() && lines.get(i).startsWith("Rel(");
            if (relation && start < 0) {
                start = i;
            } else if (!relation && start >= 0) {
                lines.subList(start, i).sort(null);
                start = -1;
            }
        }
        return String.join("\n", lines) + (diagram.endsWith("\n") ? "\n" : "");
    }
}
