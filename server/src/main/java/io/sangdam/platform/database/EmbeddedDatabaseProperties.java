package io.sangdam.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its data. An {@code ephemeral} database (tests)
 * lives in a fresh temporary folder, on a free port, without fsync, and is thrown away at the end.
 * {@code poolSize} is the most connections the server opens to it: each center's routing worker
 * holds one for a whole batch, and under load hundreds of requests queue for the others.
 */
@ConfigurationProperties("sangdam.database.embedded")
record EmbeddedDatabaseProperties(boolean ephemeral, @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("54329") int port, @DefaultValue("sangdam") String databaseName, @DefaultValue("20") int poolSize) {
}
