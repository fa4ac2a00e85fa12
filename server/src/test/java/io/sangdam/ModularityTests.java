package io.sangdam;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(SangdamApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiWithoutCycles() {
        modules.verify();
    }

    @Test
    void writesModuleDiagramsToDocs() {
        // Tests run in server/; the diagrams belong to the project's docs so reviewers see them change.
        var options = Documenter.Options.defaults().withOutputFolder(Path.of("..", "docs", "modules").toString());
        new Documenter(modules, options)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
