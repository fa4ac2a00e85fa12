package io.sangdam.platform.database;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its data. An {@code ephemeral} database (tests)
 * lives in a fresh temporary folder, on a free port, without fsync, and is thrown away at the end.
 * {@code poolSize} is the most connections the request pool opens to it (under load hundreds of
 * requests queue for them); the routing workers have a small pool of their own beside it
 * ({@code sangdam.routing.pool-size}).
 * {@code settings} are PostgreSQL server settings of a kept (not ephemeral) database, for example
 * {@code sangdam.database.embedded.settings.shared_buffers=512MB} or, to see which statements run
 * how often, {@code ...settings.shared_preload_libraries=pg_stat_statements}.
 */
@ConfigurationProperties("sangdam.database.embedded")
record EmbeddedDatabaseProperties(
        boolean ephemeral,
        @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("54329") int port,
        @DefaultValue("sangdam") String databaseName,
        @DefaultValue("20") int poolSize,
        Map<String, String> settings) {

    EmbeddedDatabaseProperties {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
