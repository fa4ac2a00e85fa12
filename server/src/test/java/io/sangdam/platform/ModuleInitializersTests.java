package io.sangdam.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModuleInitializersTests {

    @Test
    void aModuleIsInitializedAfterEveryModuleItDependsOnEvenThroughOneWithoutInitializers() {
        Map<String, List<String>> dependencies = Map.of(
                "workforce", List.of("routing", "identity"),
                "routing", List.of("identity", "platform"),
                "contact", List.of("identity"),
                "identity", List.of("platform"));

        List<String> order = ModuleInitializers.inDependencyOrder(
                Set.of("workforce", "routing", "contact", "identity"),
                module -> dependencies.getOrDefault(module, List.of()));

        assertThat(order).containsExactly("platform", "identity", "contact", "routing", "workforce");
    }

    @Test
    void theModulesAndTheirDependenciesAreReadFromTheirPackageInfo() {
        assertThat(ModuleInitializers.modulePackage(io.sangdam.routing.demo.DemoRoutingStore.class))
                .isEqualTo("io.sangdam.routing");
        assertThat(ModuleInitializers.dependenciesOf("io.sangdam.workforce"))
                .containsExactlyInAnyOrder("io.sangdam.platform", "io.sangdam.identity", "io.sangdam.routing");
        assertThat(ModuleInitializers.dependenciesOf("io.sangdam.platform")).isEmpty();
    }
}
