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
            throw new IllegalStateException(
                    "The embedded PostgreSQL did not start: " + e.getCause().getMessage(), e.getCause());
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

    /**
     * After Sangdam was killed (kill -9, out of memory), its PostgreSQL keeps running without it and
     * holds the data folder, so the next start would fail. A server whose parent process is gone is
     * such an orphan and is stopped (fast shutdown, then the start recovers from the WAL); one whose
     * parent lives belongs to another running Sangdam, and this start refuses to touch it.
     */
    static void stopOrphanedServer(java.nio.file.Path dataDirectory) throws IOException {
        java.nio.file.Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        } catch (RuntimeException unreadable) {
            return;
        }
        var server = ProcessHandle.of(pid);
        if (server.isEmpty() || !server.get().isAlive()) {
            return;
        }
        boolean orphaned = server.get()
                .parent()
                .map(parent -> parent.pid() == 1 || !parent.isAlive())
                .orElse(true);
        if (!orphaned) {
            throw new IllegalStateException("The embedded database in " + dataDirectory
                    + " is in use by another running process ("
                    + server.get().parent().map(ProcessHandle::pid).orElse(0L)
                    + "); stop it or choose another sangdam.database.embedded.data-directory");
        }
        log.warn("Stopping PostgreSQL {} left running by a Sangdam that ended abruptly", pid);
        // SIGINT is PostgreSQL's fast shutdown: roll back open transactions, write a checkpoint.
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
        try {
            server.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception stillRunning) {
            server.get().destroyForcibly();
        }
    }

    private static EmbeddedPostgres start(EmbeddedDatabaseProperties properties) {
        try {
            // zonky gives up after 10 s; a first start (initdb) on a busy small machine takes longer than that.
            var builder = EmbeddedPostgres.builder()
                    .setLocaleConfig("encoding", "UTF8")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (properties.ephemeral()) {
                builder.setDataDirectory(Files.createTempDirectory("sangdam-test-pg"))
                        .setCleanDataDirectory(true)
                        .setPort(0);
            } else {
                Files.createDirectories(properties.dataDirectory());
                stopOrphanedServer(properties.dataDirectory());
                // zonky's defaults are for throwaway test databases (fsync off); this one keeps real data.
                // Stopped by destroy(), once the application has stopped using it: zonky's own JVM
                // shutdown hook would stop it at once, beside Spring's, under the requests still
                // finishing; an orphan left by a hard kill is stopped by the next start (above).
                builder.setDataDirectory(properties.dataDirectory())
                        .setRegisterShutdownHook(false)
                        .setCleanDataDirectory(false)
                        .setPort(properties.port())
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
                properties.settings().forEach(builder::setServerConfig);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info(
                    "Embedded PostgreSQL on port {} with data in {}",
                    postgres.getPort(),
                    properties.ephemeral()
                            ? "a temporary folder"
                            : properties.dataDirectory().toAbsolutePath());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }
}
