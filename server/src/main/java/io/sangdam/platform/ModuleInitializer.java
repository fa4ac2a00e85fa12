package io.sangdam.platform;

/**
 * Work a module does once the application has started and before it is ready, after that of the
 * modules it depends on ({@link ModuleInitializers}): its demo data.
 */
public interface ModuleInitializer {

    void initialize();
}
