package io.sangdam.platform.database;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Starts the embedded PostgreSQL before the beans are built, when no external database is
 * configured (registered in META-INF/spring.factories).
 */
class EmbeddedDatabaseStartup implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (!environment.getProperty("spring.datasource.url", "").isEmpty()
                || !(context instanceof GenericApplicationContext generic)) {
            return;
        }
        EmbeddedDatabaseProperties properties =
                Binder.get(environment).bindOrCreate("sangdam.database.embedded", EmbeddedDatabaseProperties.class);
        StartingDatabase starting = StartingDatabase.begin(properties);
        generic.registerBean(StartingDatabase.class, () -> starting);
    }
}
