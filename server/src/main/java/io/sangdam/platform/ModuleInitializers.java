package io.sangdam.platform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.ApplicationModule;
import org.springframework.stereotype.Component;

/**
 * Runs each module's {@link ModuleInitializer}s (the demo data) once the application has
 * started and before it is ready (routing starts its engines when ready): a module's after those of
 * every module it declares among its allowed dependencies in its {@code package-info}, so that
 * routing's demo queues find identity's demo centers without order numbers. Within a module they
 * run in the order the beans were registered.
 *
 * <p>Not spring-modulith-runtime, which does the same from the module graph: it builds that graph by
 * reading every class with ArchUnit at each start, 4 to 5 seconds on two cores added to every
 * restart and fail-over, to learn what the package-info annotations already say.
 */
@Component
class ModuleInitializers {

    private static final Logger log = LoggerFactory.getLogger(ModuleInitializers.class);

    private final ObjectProvider<ModuleInitializer> initializers;

    ModuleInitializers(ObjectProvider<ModuleInitializer> initializers) {
        this.initializers = initializers;
    }

    @EventListener(ApplicationStartedEvent.class)
    void started() {
        Map<String, List<ModuleInitializer>> byModule = new LinkedHashMap<>();
        initializers
                .orderedStream()
                .forEach(initializer -> byModule.computeIfAbsent(
                                modulePackage(AopUtils.getTargetClass(initializer)), any -> new ArrayList<>())
                        .add(initializer));
        for (String module : inDependencyOrder(byModule.keySet(), ModuleInitializers::dependenciesOf)) {
            for (ModuleInitializer initializer : byModule.getOrDefault(module, List.of())) {
                log.debug("Initializing module {} with {}", module, AopUtils.getTargetClass(initializer));
                initializer.initialize();
            }
        }
    }

    /**
     * The modules, each after the modules it depends on (directly or not), ties by name. A cycle
     * cannot reach here: Modulith's verification in the tests refuses one.
     */
    static List<String> inDependencyOrder(Set<String> modules, Function<String, List<String>> dependencies) {
        List<String> ordered = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (String module : new TreeSet<>(modules)) {
            visit(module, dependencies, visited, ordered);
        }
        return ordered;
    }

    private static void visit(
            String module, Function<String, List<String>> dependencies, Set<String> visited, List<String> ordered) {
        if (!visited.add(module)) {
            return;
        }
        for (String dependency : new TreeSet<>(dependencies.apply(module))) {
            visit(dependency, dependencies, visited, ordered);
        }
        ordered.add(module);
    }

    /** The package of the module a class belongs to: the nearest enclosing package with an {@code @ApplicationModule}. */
    static String modulePackage(Class<?> type) {
        for (String name = type.getPackageName(); !name.isEmpty(); name = parentOf(name)) {
            if (annotationOf(name) != null) {
                return name;
            }
        }
        throw new IllegalStateException(type + " is in no package with @ApplicationModule");
    }

    /** The module packages a module may depend on, its siblings named in {@code allowedDependencies}. */
    static List<String> dependenciesOf(String modulePackage) {
        ApplicationModule module = annotationOf(modulePackage);
        if (module == null) {
            return List.of();
        }
        String parent = parentOf(modulePackage);
        List<String> packages = new ArrayList<>();
        for (String dependency : module.allowedDependencies()) {
            // "routing" or "routing :: api": the module's name, before any named interface. A module that
            // declares none has Modulith's marker for "any" here, which names no package with a module.
            String name = dependency.split("::")[0].strip();
            String named = parent.isEmpty() ? name : parent + "." + name;
            if (annotationOf(named) != null) {
                packages.add(named);
            }
        }
        return packages;
    }

    private static @Nullable ApplicationModule annotationOf(String packageName) {
        try {
            return Class.forName(packageName + ".package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException noPackageInfo) {
            return null;
        }
    }

    private static String parentOf(String packageName) {
        int dot = packageName.lastIndexOf('.');
        return dot < 0 ? "" : packageName.substring(0, dot);
    }
}
