package io.sangdam.routing.runtime;

import io.micrometer.core.instrument.Timer;
import io.sangdam.engine.routing.RoutingCommand;
import io.sangdam.engine.routing.RoutingEngine;
import io.sangdam.engine.routing.RoutingEvent;
import io.sangdam.engine.routing.RoutingRejected;
import io.sangdam.platform.AfterCommit;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.PublishedEvents;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A center's worker (docs/adr/0008): takes the commands waiting in the center's inbox, applies them
 * to the engine one after another, and stores them, their events and the listeners' writes with one
 * commit; each caller is answered after it. A refused command leaves the engine as it was and is
 * not stored. Workers store with connections of a small pool of their own ({@link
 * RoutingConnections}), borrowed while their center is busy, never one of the request pool for good.
 *
 * <p>Hazards: the engine is single-threaded, so the worker holds the center's lock for a whole batch
 * and its commit (it borrows its connection before it takes the lock, so waiting for one never
 * blocks the center's readers). A listener of routing events runs under that lock: it may give a
 * command of the same center (it joins the batch's transaction), but must not wait for another
 * center's worker, or two centers could wait for each other.
 */
@Component
class CenterWorker {

    /** The problem code of a command the engine refused; its first argument is the engine's problem. */
    static final String REFUSED = "routing-rejected";
    /** The problem code of a command whose data the database refused to store; its argument is the command's type. */
    static final String UNSTORABLE = "unstorable-routing-command";
    /** Logged when time passing made something happen (an offer timed out); replay only advances the clock. */
    static final String TICK_TYPE = "Tick";
    /**
     * Commands stored by one commit at most. Large enough that a busy center's commands share a
     * commit, small enough that the first caller of a batch does not wait long for the last.
     */
    static final int MAXIMUM_BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(CenterWorker.class);

    private final RoutingLog routingLog;
    private final TransactionTemplate transaction;
    private final DataSource dataSource;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final RoutingConnections connections;
    private final RoutingMetrics metrics;
    private final Replay replay;
    private final Checkpoints checkpoints;
    private volatile boolean stopped;

    CenterWorker(
            RoutingLog routingLog,
            TransactionTemplate transaction,
            DataSource dataSource,
            JsonMapper json,
            Clock clock,
            ApplicationEventPublisher publisher,
            RoutingConnections connections,
            RoutingMetrics metrics,
            Replay replay,
            Checkpoints checkpoints) {
        this.routingLog = routingLog;
        this.transaction = transaction;
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
        this.publisher = publisher;
        this.connections = connections;
        this.metrics = metrics;
        this.replay = replay;
        this.checkpoints = checkpoints;
    }

    /** Workers finish the batch they store and stop; what waits is answered {@code 503}. */
    void stop() {
        stopped = true;
    }

    /**
     * Takes what waits in the center's inbox, a batch at a time, until the node stops. The worker
     * borrows a connection of the routing pool ({@link RoutingConnections}) before it takes the
     * center's lock, so waiting for one never holds up readers of the engine, and keeps it only
     * while more commands wait and no other center's worker needs it.
     */
    void work(CenterEngine center) {
        List<Pending> batch = new ArrayList<>();
        @Nullable Connection borrowed = null;
        try {
            while (!stopped) {
                try {
                    batch.add(center.inbox.take());
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    break;
                }
                center.inbox.drainTo(batch, MAXIMUM_BATCH - 1);
                try {
                    if (borrowed == null) {
                        borrowed = connections.borrow();
                    }
                } catch (SQLException noConnection) {
                    log.error(
                            "No database connection for the routing commands of center {}",
                            center.centerId,
                            noConnection);
                    unavailable(center, batch);
                    continue;
                }
                center.lock.lock();
                try {
                    // Bound like this, the batch's transaction and its listeners' statements use the borrowed
                    // connection.
                    TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(borrowed));
                    try {
                        process(center, batch);
                        checkpointIfDue(center);
                    } finally {
                        TransactionSynchronizationManager.unbindResource(dataSource);
                    }
                } catch (RuntimeException unexpected) {
                    log.error("Routing commands of center {} failed", center.centerId, unexpected);
                    center.connectionInDoubt = true;
                    unavailable(center, batch);
                } finally {
                    center.lock.unlock();
                    batch.clear();
                }
                if (center.connectionInDoubt || center.inbox.isEmpty() || connections.wanted()) {
                    // One that failed a batch may be broken: Hikari discards a connection that raised a fatal error.
                    center.connectionInDoubt = false;
                    connections.giveBack(borrowed);
                    borrowed = null;
                }
            }
        } finally {
            connections.giveBack(borrowed);
        }
        RuntimeException stopped =
                new RequestRejected(HttpStatus.SERVICE_UNAVAILABLE, "routing-unavailable", center.centerId);
        for (Pending left; (left = center.inbox.poll()) != null; ) {
            left.answer().completeExceptionally(stopped);
        }
    }

    /** Answers every command of the batch not yet answered with {@code 503 routing-unavailable}. */
    private static void unavailable(CenterEngine center, List<Pending> batch) {
        RuntimeException unavailable =
                new RequestRejected(HttpStatus.SERVICE_UNAVAILABLE, "routing-unavailable", center.centerId);
        batch.forEach(p -> p.answer().completeExceptionally(unavailable));
        batch.clear();
    }

    /** A periodic checkpoint (docs/adr/0019), once the batch is answered: it bounds what a rebuild replays. */
    private void checkpointIfDue(CenterEngine center) {
        RoutingEngine engine = center.engine;
        if (engine == null || !center.held() || !checkpoints.periodicDue(center, engine)) {
            return;
        }
        try {
            publishAfterStoring(
                    center.centerId,
                    Objects.requireNonNull(transaction.execute(status -> checkpoints.checkpoint(center, engine))));
        } catch (RuntimeException failed) {
            // The old engine holds the same state; the log may not have the whole carrying, so rebuild from it.
            log.error(
                    "Periodic checkpoint of center {} failed; its engine is rebuilt from the log",
                    center.centerId,
                    failed);
            center.engine = null;
        }
    }

    /**
     * Applies a batch to the engine, stores it, lets the listeners write their read models in the
     * same transaction, and answers the callers after the commit. A command the engine refuses
     * leaves the engine as it was and is not stored. Call with the center's lock held.
     */
    void process(CenterEngine center, List<Pending> batch) {
        long centerId = center.centerId;
        if (!center.held()) {
            RuntimeException elsewhere = RequestRejected.conflict("routing-elsewhere", centerId);
            batch.forEach(p -> p.answer().completeExceptionally(elsewhere));
            return;
        }
        RoutingEngine engine;
        try {
            engine = replay.engineOf(center);
        } catch (RequestRejected unavailable) {
            batch.forEach(p -> p.answer().completeExceptionally(unavailable));
            return;
        }
        List<RoutingLog.Decided> decided = new ArrayList<>();
        List<Pending> deciding = new ArrayList<>();
        Instant now = clock.instant();
        List<RoutingEvent> clockEvents = List.of();
        if (now.isAfter(engine.now())) {
            // Time passing decides too (an offer expires): stored first, as a tick, replayed by moving the clock.
            clockEvents = engine.apply(new RoutingCommand.ClockAdvanced(now));
            if (!clockEvents.isEmpty()) {
                decided.add(new RoutingLog.Decided(TICK_TYPE, "{}", clockEvents));
                deciding.add(Pending.tick());
            }
        }
        boolean engineInDoubt = false;
        for (Pending pending : batch) {
            RoutingRequest request = pending.request();
            if (request == null) {
                pending.answer().complete(List.of());
                continue;
            }
            RoutingCommand command;
            try {
                command = request.toCommand();
            } catch (IllegalArgumentException | NullPointerException malformed) {
                // Checked before the batch (CommandText); the engine has not seen it, so it stays as it is.
                pending.answer()
                        .completeExceptionally(RequestRejected.badRequest(
                                CommandText.INVALID_COMMAND, request.getClass().getSimpleName()));
                continue;
            }
            try {
                String json = this.json.writeValueAsString(request);
                List<RoutingEvent> events = engine.apply(command);
                decided.add(
                        new RoutingLog.Decided(request.getClass().getSimpleName(), json, events, pending.commandId()));
                deciding.add(pending);
            } catch (RoutingRejected rejected) {
                pending.answer()
                        .completeExceptionally(new RequestRejected(
                                HttpStatus.CONFLICT, REFUSED, rejected.problem().name(), rejected.getMessage()));
            } catch (RuntimeException failed) {
                // Not a refusal: the engine may be half-way through the command; rebuilt from the log after this batch.
                log.error("Routing command {} of center {} failed in the engine", request, centerId, failed);
                pending.answer()
                        .completeExceptionally(
                                new RequestRejected(HttpStatus.SERVICE_UNAVAILABLE, "routing-unavailable", centerId));
                engineInDoubt = true;
            }
        }
        if (decided.isEmpty()) {
            if (engineInDoubt) {
                center.engine = null;
            }
            return;
        }
        Instant at = engine.now();
        metrics.batch(centerId, decided.size());
        Timer.Sample storing = metrics.startStoring();
        try {
            transaction.executeWithoutResult(status -> {
                routingLog.appendAll(centerId, at, decided);
                List<RoutingEvent> events = new ArrayList<>();
                decided.forEach(command -> events.addAll(command.events()));
                publishStored(status, center, engine, events);
            });
        } catch (RuntimeException storingFailed) {
            // The engine holds commands the database did not keep: drop it; the next batch rebuilds it from the log.
            center.engine = null;
            List<Pending> commands =
                    deciding.stream().filter(p -> p.request() != null).toList();
            if (commands.size() > 1) {
                // One command the database refuses must not take the others down with it: each is applied
                // again on the engine rebuilt from the log and stored alone, so only that one is refused.
                log.warn(
                        "A batch of {} routing commands of center {} was not stored ({}); storing them one by one",
                        commands.size(),
                        centerId,
                        storingFailed.toString());
                deciding.stream()
                        .filter(p -> p.request() == null)
                        .forEach(tick -> tick.answer().complete(List.of()));
                for (Pending one : commands) {
                    process(center, List.of(one));
                }
                return;
            }
            log.error(
                    "Routing commands of center {} not stored; its engine is rebuilt from the log",
                    centerId,
                    storingFailed);
            center.connectionInDoubt = true;
            RuntimeException answer = refusedData(storingFailed)
                    ? RequestRejected.badRequest(
                            UNSTORABLE,
                            commands.isEmpty()
                                    ? TICK_TYPE
                                    : Objects.requireNonNull(commands.getFirst().request())
                                            .getClass()
                                            .getSimpleName())
                    : new RequestRejected(HttpStatus.SERVICE_UNAVAILABLE, "routing-unavailable", centerId);
            deciding.forEach(p -> p.answer().completeExceptionally(answer));
            return;
        }
        metrics.stored(centerId, storing);
        center.sinceCheckpoint += decided.size();
        if (engineInDoubt) {
            center.engine = null;
        }
        for (int i = 0; i < deciding.size(); i++) {
            List<RoutingEvent> events = decided.get(i).events();
            deciding.get(i).answer().complete(events);
        }
    }

    /**
     * Publishes a stored batch's events inside its transaction, so the listeners' writes share the
     * commit (docs/adr/0008). A failing listener must take neither the decisions nor the engine with
     * it (docs/adr/0018): its writes are rolled back to a savepoint (and pushes it gave are dropped),
     * the commands stay stored, the engine keeps routing, and the read models that missed the batch
     * are set from the engine's state, as after a rebuild, in a savepoint of their own.
     */
    private void publishStored(
            TransactionStatus status, CenterEngine center, RoutingEngine engine, List<RoutingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long centerId = center.centerId;
        Object savepoint = status.createSavepoint();
        AfterCommit.Mark mark = AfterCommit.mark();
        try {
            publish(centerId, events);
            status.releaseSavepoint(savepoint);
            return;
        } catch (RuntimeException failed) {
            status.rollbackToSavepoint(savepoint);
            AfterCommit.discardSince(mark);
            log.error(
                    "A listener failed on routing events of center {}; screens are set from the engine's state",
                    centerId,
                    failed);
        }
        Object reconciling = status.createSavepoint();
        AfterCommit.Mark reconcilingMark = AfterCommit.mark();
        try {
            publisher.publishEvent(PublishedEvents.rebuilt(centerId, engine.snapshot()));
            status.releaseSavepoint(reconciling);
        } catch (RuntimeException failedAgain) {
            status.rollbackToSavepoint(reconciling);
            AfterCommit.discardSince(reconcilingMark);
            // The decisions stand; a screen that missed them catches up from the database or the next events.
            log.error("A listener failed on the state of center {} too", centerId, failedAgain);
        }
    }

    /**
     * The one place routing's decisions are published to the other modules: inside the storing
     * transaction for a batch ({@link #publishStored}), after a checkpoint for what it decided. One
     * publication for a whole batch, in decision order, so the read models write a batch's changes
     * together instead of a few statements for every decision. A listener's failure is thrown.
     */
    void publish(long centerId, List<RoutingEvent> events) {
        if (!events.isEmpty()) {
            publisher.publishEvent(PublishedEvents.occurred(centerId, events));
        }
    }

    /** As {@link #publish}, for decisions already stored: a listener's failure is logged, the decisions stand. */
    void publishAfterStoring(long centerId, List<RoutingEvent> events) {
        try {
            publish(centerId, events);
        } catch (RuntimeException listenerFailed) {
            // The decision is stored and stands; a screen that missed it catches up from the database.
            log.error("A listener failed on routing events of center {}", centerId, listenerFailed);
        }
    }

    /**
     * Whether the database refused the data of what was stored (SQLSTATE class 22, data exception,
     * or 23, integrity constraint violation) rather than failing to store it (a lost connection, a
     * timeout): a command so refused is the caller's mistake, and storing it again will not help.
     */
    static boolean refusedData(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }
}
