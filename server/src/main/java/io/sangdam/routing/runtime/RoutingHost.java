package io.sangdam.routing.runtime;

import io.sangdam.engine.routing.RoutingEngine;
import io.sangdam.engine.routing.RoutingEvent;
import io.sangdam.engine.routing.RoutingRejected;
import io.sangdam.engine.routing.RoutingSnapshot;
import io.sangdam.platform.RequestRejected;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the routing engine (engine/) for each center that has queues, and keeps it durable: a
 * command is written to PostgreSQL in the same transaction in which the engine's decision is
 * stored (a refused command leaves no trace), its events are stored beside it, and at start each
 * center's engine is rebuilt by replaying its commands ({@link Replay}), so no waiting contact is
 * lost. What the rest of routing calls; the parts are in this package:
 *
 * <ul>
 *   <li>{@link CenterWorker}: a center's commands applied and stored in batches (docs/adr/0008);
 *   <li>{@link RoutingLeases}: exactly one node routes a center, by a PostgreSQL advisory lock; a
 *       second node finds the lock taken, refuses that center's commands, and keeps trying, so it
 *       takes over when the holder dies (docs/adr/0009);
 *   <li>{@link Checkpoints}: a change of queues, agent skills or capacities reaches the live engine
 *       by a checkpoint (docs/adr/0006), and periodic ones bound a rebuild (docs/adr/0019);
 *   <li>{@link RoutingClock}: time passing in idle centers;
 *   <li>{@link EngineConfiguration}: stored queues to the engine's configuration.
 * </ul>
 *
 * <p>Hazards: the engine is single-threaded, so everything that touches a center's engine holds its
 * lock; a log without a checkpoint replays with today's queues; queue codes and channels never
 * change.
 */
@Service
public class RoutingHost implements DisposableBean {

    /** The problem code of a command the engine refused; its first argument is the engine's problem. */
    public static final String REFUSED = CenterWorker.REFUSED;
    /** The not-ready reason of an agent who was in wrap-up when a checkpoint was taken. */
    public static final String WRAP_UP_CARRIED = Checkpoints.WRAP_UP_CARRIED;
    /** The not-ready reason of an agent who logged in (업무 시작) and has not yet become ready. */
    public static final String NOT_READY_AFTER_LOG_IN = RoutingRequest.LogIn.NOT_READY_AFTER_LOG_IN;
    /** How long a caller waits for its command to be stored before it is told routing is unavailable. */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(RoutingHost.class);

    private final ConfiguredQueues queues;
    private final RoutingLog routingLog;
    private final TransactionTemplate transaction;
    private final Map<Long, CenterEngine> engines = new ConcurrentHashMap<>();
    private final RoutingLeases leases;
    private final CenterWorker worker;
    private final Replay replay;
    private final Checkpoints checkpoints;
    private final RoutingClock clock;
    private final RoutingMetrics metrics;

    RoutingHost(
            ConfiguredQueues queues,
            RoutingLog routingLog,
            TransactionTemplate transaction,
            DataSource dataSource,
            CenterWorker worker,
            Replay replay,
            Checkpoints checkpoints,
            RoutingClock clock,
            RoutingMetrics metrics) {
        this.queues = queues;
        this.routingLog = routingLog;
        this.transaction = transaction;
        this.leases = new RoutingLeases(dataSource);
        this.worker = worker;
        this.replay = replay;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.metrics = metrics;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startAll() {
        for (long center : queues.centersWithQueues()) {
            start(center);
        }
        clock.start(engines.values(), leases::alive, this::start, center -> {
            center.inbox.add(Pending.tick());
            center.startWorker(worker::work);
        });
    }

    /** Takes the lease of a center and rebuilds its engine, or notes that another node routes it for now. */
    void start(long centerId) {
        CenterEngine center = engines.computeIfAbsent(centerId, id -> {
            CenterEngine created = new CenterEngine(id);
            metrics.watch(created);
            return created;
        });
        center.lock.lock();
        try {
            if (center.held) {
                return;
            }
            if (!leases.take(centerId)) {
                log.warn("Center {} is routed by another node (its lease is taken); retrying while it runs", centerId);
                return;
            }
            replay.rebuild(center);
            center.held = true;
            RoutingEngine engine = Objects.requireNonNull(center.engine);
            if (!EngineConfiguration.of(queues.of(centerId)).equals(engine.configuration())) {
                // Queues were changed while another node routed the center, or while none did.
                worker.publishAfterStoring(
                        centerId,
                        Objects.requireNonNull(transaction.execute(status -> checkpoints.checkpoint(center, engine))));
            }
        } finally {
            center.lock.unlock();
        }
    }

    /**
     * Starts routing a center this node has no engine for, once it has queues: at start only centers
     * with queues get an engine, so without this a center whose first queue is created while the node
     * runs would answer {@code no-routing-for-center} until a restart. When another node holds the
     * center's lease this node stands by for it, as for any center. Call after the queue is committed.
     */
    public void routeIfNew(long centerId) {
        if (!engines.containsKey(centerId) && !queues.of(centerId).isEmpty()) {
            start(centerId);
        }
    }

    /**
     * Commands given to the center's worker and not yet answered, in its inbox or in the batch it
     * is storing (also the gauge {@code sangdam.routing.waiting}): how far a center is behind.
     */
    public int waiting(long centerId) {
        CenterEngine center = engines.get(centerId);
        return center == null ? 0 : center.unanswered.get();
    }

    /**
     * Applies a command to the center's engine and returns what it decided, once that is stored.
     * Commands of a center are taken in batches by its worker: applied one after another, then
     * stored with their events and their listeners' writes in one transaction, one commit for all.
     */
    public List<RoutingEvent> handle(long centerId, RoutingRequest request) {
        return handle(centerId, request, null);
    }

    /** As {@link #handle(long, RoutingRequest)}, storing the id a forwarding node gave the command with it. */
    public List<RoutingEvent> handle(long centerId, RoutingRequest request, @Nullable String commandId) {
        // Here, not only at the API: commands from inside the server (a reason typed on the desk) come this way too.
        CommandText.check(request);
        CenterEngine center = require(centerId);
        Pending pending = new Pending(request, commandId, new CompletableFuture<>());
        if (center.lock.isHeldByCurrentThread()) {
            // A listener of this center's decisions gives a command: it joins the transaction being stored.
            worker.process(center, List.of(pending));
        } else {
            center.unanswered.incrementAndGet();
            pending.answer().whenComplete((answered, refused) -> center.unanswered.decrementAndGet());
            center.inbox.add(pending);
            center.startWorker(worker::work);
        }
        return awaitAnswer(pending.answer(), ANSWER_TIMEOUT, centerId);
    }

    /**
     * The answer to a routing command, waited for at most {@code within}: its refusal is thrown as
     * it is, and no answer in time is {@code 503 routing-unavailable}. The command may still be
     * applied and stored after that; the caller learns the outcome from the next reads.
     */
    public static <T> T awaitAnswer(CompletableFuture<T> answer, Duration within, long centerId) {
        try {
            return answer.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (TimeoutException | InterruptedException notAnswered) {
            if (notAnswered instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new RequestRejected(HttpStatus.SERVICE_UNAVAILABLE, "routing-unavailable", centerId);
        }
    }

    /** Whether a command with this id (given by a forwarding node) is in the log, applied by whichever node routed then. */
    public boolean applied(String commandId) {
        return routingLog.applied(commandId);
    }

    /**
     * After this node may have missed a change made on another node (docs/adr/0009): each engine it
     * runs whose queues, or whose logged-in agents' skills, groups or capacities, differ from the
     * stored ones gets a checkpoint ({@link #reconfigure}); the others are left as they are.
     */
    public void reconfigureWhereChanged() {
        for (CenterEngine center : engines.values()) {
            if (!center.held()) {
                continue;
            }
            boolean changed;
            center.lock.lock();
            try {
                changed = checkpoints.differsFromStored(center.centerId, replay.engineOf(center));
            } finally {
                center.lock.unlock();
            }
            if (changed) {
                log.info(
                        "Center {}: its routing configuration changed while this node may not have heard; applying it",
                        center.centerId);
                try {
                    reconfigure(center.centerId);
                } catch (RuntimeException refused) {
                    log.warn(
                            "Center {}: the stored routing configuration could not be applied: {}",
                            center.centerId,
                            refused.getMessage());
                }
            }
        }
    }

    public RoutingSnapshot snapshot(long centerId) {
        return read(centerId, RoutingEngine::snapshot);
    }

    public boolean routes(long centerId) {
        CenterEngine center = engines.get(centerId);
        return center != null && center.held();
    }

    /** Reads the center's engine under its lock; for answers smaller than a {@link #snapshot}. */
    public <T> T read(long centerId, Function<RoutingEngine, T> reading) {
        CenterEngine center = require(centerId);
        center.lock.lock();
        try {
            return reading.apply(replay.engineOf(center));
        } finally {
            center.lock.unlock();
        }
    }

    /** Rebuilds a center's engine from its command log, as after a crash; returns how many commands it replayed. */
    public long rebuildFromLog(long centerId) {
        CenterEngine center = require(centerId);
        center.lock.lock();
        try {
            return replay.rebuild(center);
        } finally {
            center.lock.unlock();
        }
    }

    /**
     * Applies the center's current queues, agent skills and capacities to its live engine: logs a
     * checkpoint, starts a new engine and carries the old one's agents and contacts over. Joins the
     * caller's transaction, so a configuration the engine refuses rolls the change back.
     */
    public void reconfigure(long centerId) {
        CenterEngine center = engines.get(centerId);
        if (center == null || !center.held()) {
            // No engine here: the node that routes the center (or the next start) reads the change.
            return;
        }
        center.lock.lock();
        try {
            RoutingEngine old = replay.engineOf(center);
            worker.publishAfterStoring(centerId, clock.advance(center, old));
            List<RoutingEvent> decided;
            try {
                decided = transaction.execute(status -> checkpoints.checkpoint(center, old));
            } catch (RoutingRejected refused) {
                throw RequestRejected.badRequest("invalid-routing-configuration", refused.getMessage());
            } catch (RuntimeException failed) {
                center.engine = null;
                throw failed;
            }
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status != STATUS_COMMITTED) {
                            // The checkpoint is not in the log: drop the engine; the next call rebuilds from the log.
                            center.lock.lock();
                            try {
                                center.engine = null;
                            } finally {
                                center.lock.unlock();
                            }
                        }
                    }
                });
            }
            worker.publishAfterStoring(centerId, Objects.requireNonNull(decided));
        } finally {
            center.lock.unlock();
        }
    }

    private CenterEngine require(long centerId) {
        CenterEngine center = engines.get(centerId);
        if (center == null) {
            throw RequestRejected.notFound("no-routing-for-center", centerId);
        }
        if (!center.held()) {
            throw RequestRejected.conflict("routing-elsewhere", centerId);
        }
        return center;
    }

    /** For tests in this package: the center's periodic checkpoints. */
    Checkpoints checkpoints() {
        return checkpoints;
    }

    @Override
    public void destroy() {
        clock.stop();
        worker.stop();
        for (CenterEngine center : engines.values()) {
            Thread running = center.worker;
            if (running != null) {
                running.interrupt();
            }
        }
        leases.close();
    }
}
