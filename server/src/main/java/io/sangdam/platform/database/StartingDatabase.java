package io.sangdam.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The embedded PostgreSQL, started on a thread of its own as soon as the application context
 * exists. Unpacking the binaries, initdb and start take seconds; doing them while Spring builds
 * its beans cuts that much off the time to a usable sign-in page.
 *
 * <p>It owns the PostgreSQL process: whatever happens to the start-up, destroying this bean stops
 * the server, so no postgres process outlives the application.
 */
final class StartingDatabase implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartingDatabase.class);

    private final CompletableFuture<EmbeddedPostgres> postgres;

    private StartingDatabase(CompletableFuture<EmbeddedPostgres> postgres) {
        this.postgres = postgres;
    }

    static StartingDatabase begin(EmbeddedDatabaseProperties properties) {
        var future = new CompletableFuture<EmbeddedPostgres>();
        Thread.ofPlatform().name("embedded-postgresql-start").daemon().start(() -> {
            try {
                future.complete(start(properties));
            } catch (Throwable failure) {
                future.completeExceptionally(failure);
            }
        });
        return new StartingDatabase(future);
    }

    EmbeddedPostgres await() {
        try {
            return postgres.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the embedded PostgreSQL was starting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The embedded PostgreSQL did not start: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void destroy() throws IOException {
        EmbeddedPostgres started = postgres.getNow(null);
        if (started == null && !postgres.isDone()) {
            try {
                started = postgres.join();
            } catch (RuntimeException failedToStart) {
                return;
            }
        }
        if (started != null) {
            started.close();
        }
    }

    private static EmbeddedPostgres start(EmbeddedDatabaseProperties properties) {
        try {
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
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }
}
