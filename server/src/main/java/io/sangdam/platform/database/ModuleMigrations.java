package io.sangdam.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Migrates each module's own schema from its own folder, {@code db/migration/<module>}, with its
 * own history table, so modules version their tables independently and never share one.
 *
 * <p>It runs as soon as the DataSource bean exists, before any other bean can use it: a
 * repository must never see a schema older than its code.
 */
class ModuleMigrations implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);

    private boolean migrated;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !migrated) {
            migrated = true;
            migrate(dataSource);
        }
        return bean;
    }

    static void migrate(DataSource dataSource) {
        for (String module : modulesWithMigrations()) {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(module)
                    .defaultSchema(module)
                    .createSchemas(true)
                    .locations("classpath:db/migration/" + module)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info("Migrated schema {} to version {}", module, result.targetSchemaVersion);
            }
        }
    }

    static Set<String> modulesWithMigrations() {
        try {
            Resource[] scripts =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/V*.sql");
            Set<String> modules = new TreeSet<>();
            for (Resource script : scripts) {
                String url = script.getURL().toString();
                String folder = url.substring(0, url.lastIndexOf('/'));
                modules.add(folder.substring(folder.lastIndexOf('/') + 1));
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list migration folders", e);
        }
    }
}
