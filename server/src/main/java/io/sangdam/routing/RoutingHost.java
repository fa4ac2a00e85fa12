package io.sangdam.routing;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sangdam.engine.routing.AgentGroupId;
import io.sangdam.engine.routing.AgentState;
import io.sangdam.engine.routing.BusinessHours;
import io.sangdam.engine.routing.Channel;
import io.sangdam.engine.routing.OverflowAction;
import io.sangdam.engine.routing.QueueDefinition;
import io.sangdam.engine.routing.QueueId;
import io.sangdam.engine.routing.RoutingCommand;
import io.sangdam.engine.routing.RoutingConfiguration;
import io.sangdam.engine.routing.RoutingEngine;
import io.sangdam.engine.routing.RoutingEvent;
import io.sangdam.engine.routing.RoutingRejected;
import io.sangdam.engine.routing.RoutingSnapshot;
import io.sangdam.engine.routing.SelectionStrategy;
import io.sangdam.engine.routing.SkillId;
import io.sangdam.platform.AfterCommit;
import io.sangdam.platform.RequestRejected;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Over 500 lines because it holds routing's whole durability story until it is split along ADRs 0006, 0008 and 0009.
 *
 * <p>Runs the routing engine (engine/) for each center that has queues, and keeps it durable: a
 * command is written to PostgreSQL in the same transaction in which the engine's decision is
 * stored (a refused command leaves no trace), its events are stored beside it, and at start each
 * center's engine is rebuilt by replaying its commands, so no waiting contact is lost.
 *
 * <p>A center's commands are stored in batches (docs/adr/0008): its worker applies the commands
 * that arrived while the last batch was being stored, then stores them, their events and the
 * listeners' writes with one commit, and answers each caller after it. Pushes to browsers wait for
 * the commit ({@link io.sangdam.platform.AfterCommit}). Workers store with connections of a small
 * pool of their own ({@link RoutingConnections}), borrowed while their center is busy, never one of
 * the request pool for good. A command is checked before it joins a batch ({@link CommandText}),
 * and when a batch cannot be stored all the same its commands are stored again one by one, so a
 * command the database refuses is refused alone.
 *
 * <p>Exactly one node routes a center: the engine is held by a PostgreSQL advisory lock
 * ({@link RoutingLeases}); a second node on the same database finds the lock taken, refuses that
 * center's commands, and keeps trying, so it takes over when the holder dies.
 *
 * <p>A change of queues, agent skills or capacities reaches the live engine by a checkpoint
 * ({@link #reconfigure}, docs/adr/0006): under the center's lock the configuration is written to the
 * log, a new engine starts with it, and the old engine's agents and contacts are carried over by
 * ordinary logged commands, so a rebuild replays from the last checkpoint and reaches the same state.
 *
 * <p>Hazards: the engine is single-threaded, so everything that touches a center's engine holds its
 * lock, the worker for a whole batch and its commit (it borrows its connection before it takes the
 * lock, so waiting for one never blocks the center's readers); a log without a checkpoint replays
 * with today's queues; queue codes and channels never change.
 */
@Service
class RoutingHost implements DisposableBean {

    /** The problem code of a command the engine refused; its first argument is the engine's problem. */
    static final String REFUSED = "routing-rejected";
    /** The problem code of a command whose data the database refused to store; its argument is the command's type. */
    static final String UNSTORABLE = "unstorable-routing-command";

    static final Duration TICK = Duration.ofMillis(200);
    /** Logged when time passing made something happen (an offer timed out); replay only advances the clock. */
    static final String TICK_TYPE = "Tick";
    /** Starts a new engine with the configuration inside; replay begins at the last one. */
    static final String CHECKPOINT_TYPE = "Checkpoint";
    /** The not-ready reason of an agent who was in wrap-up when a checkpoint was taken. */
    static final String WRAP_UP_CARRIED = "후처리";
    /** The not-ready reason of an agent who was in a recovery break when a checkpoint was taken. */
    static final String RECOVERY_CARRIED = "회복 휴식";

    private static final Logger log = LoggerFactory.getLogger(RoutingHost.class);

    private final RoutingQueues queues;
    private final RoutingLog routingLog;
    private final TransactionTemplate transaction;
    private final DataSource dataSource;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final Map<Long, CenterEngine> engines = new ConcurrentHashMap<>();
    private final RoutingLeases leases;
    private final RoutingConnections connections;
    private final AgentProfiles profiles;
    /** Ticks between attempts to take the lease of a center another node held. */
    private static final int LEASE_RETRY_TICKS = 25;
    /**
     * Commands stored by one commit at most. Large enough that a busy center's commands share a
     * commit, small enough that the first caller of a batch does not wait long for the last.
     */
    static final int MAXIMUM_BATCH = 200;
    /** How long a caller waits for its command to be stored before it is told routing is unavailable. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private long tickCount;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("routing-clock").daemon().factory());

    private final MeterRegistry meters;

    RoutingHost(
            RoutingQueues queues,
            RoutingLog routingLog,
            TransactionTemplate transaction,
            DataSource dataSource,
            JsonMapper json,
            Clock clock,
            ApplicationEventPublisher publisher,
            AgentProfiles profiles,
            RoutingConnections connections,
            ObjectProvider<MeterRegistry> meters) {
        this.connections = connections;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.publisher = publisher;
        this.profiles = profiles;
        this.leases = new RoutingLeases(dataSource);
        this.queues = queues;
        this.routingLog = routingLog;
        this.transaction = transaction;
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A center's engine. The lock is a {@link ReentrantLock}, not {@code synchronized}: commands do
     * JDBC under it, and on JDK 21-23 a blocked virtual thread inside a monitor pins its carrier.
     */
    private static final class CenterEngine {

        private final long centerId;
        private final ReentrantLock lock = new ReentrantLock();
        private volatile boolean held;
        private @Nullable RoutingEngine engine;
        private final LinkedBlockingQueue<Pending> inbox = new LinkedBlockingQueue<>();
        private final java.util.concurrent.atomic.AtomicInteger unanswered =
                new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicBoolean working =
                new java.util.concurrent.atomic.AtomicBoolean();
        private volatile @Nullable Thread worker;
        /** Set when storing failed: the worker's borrowed connection may be broken and is given back. */
        private volatile boolean connectionInDoubt;

        CenterEngine(long centerId) {
            this.centerId = centerId;
        }

        void startWorker(RoutingHost host) {
            if (working.compareAndSet(false, true)) {
                worker = Thread.ofVirtual().name("routing-center-" + centerId).start(() -> {
                    try {
                        host.work(this);
                    } finally {
                        // A worker that died (an Error) is replaced by the next command, rather than
                        // leaving every later caller to time out.
                        working.set(false);
                    }
                });
            }
        }

        boolean held() {
            return held;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void startAll() {
        for (long center : queues.centersWithQueues()) {
            start(center);
        }
        ticker.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes the lease of a center and rebuilds its engine, or notes that another node routes it for now. */
    void start(long centerId) {
        CenterEngine center = engines.computeIfAbsent(centerId, id -> {
            CenterEngine created = new CenterEngine(id);
            io.micrometer.core.instrument.Gauge.builder(
                            "sangdam.routing.waiting",
                            created.unanswered,
                            java.util.concurrent.atomic.AtomicInteger::get)
                    .description("Routing commands given to their center's worker and not yet answered")
                    .tag("center", Long.toString(id))
                    .register(meters);
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
            rebuild(center);
            center.held = true;
            RoutingEngine engine = java.util.Objects.requireNonNull(center.engine);
            if (!configuration(queues.of(centerId)).equals(engine.configuration())) {
                // Queues were changed while another node routed the center, or while none did.
                publish(
                        centerId,
                        java.util.Objects.requireNonNull(transaction.execute(status -> checkpoint(center, engine))));
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
    void routeIfNew(long centerId) {
        if (!engines.containsKey(centerId) && !queues.of(centerId).isEmpty()) {
            start(centerId);
        }
    }

    /**
     * Commands given to the center's worker and not yet answered, in its inbox or in the batch it
     * is storing (also the gauge {@code sangdam.routing.waiting}): how far a center is behind.
     */
    int waiting(long centerId) {
        CenterEngine center = engines.get(centerId);
        return center == null ? 0 : center.unanswered.get();
    }

    /**
     * Applies a command to the center's engine and returns what it decided, once that is stored.
     * Commands of a center are taken in batches by its worker: applied one after another, then
     * stored with their events and their listeners' writes in one transaction, one commit for all.
     */
    List<RoutingEvent> handle(long centerId, RoutingRequest request) {
        return handle(centerId, request, null);
    }

    /** As {@link #handle(long, RoutingRequest)}, storing the id a forwarding node gave the command with it. */
    List<RoutingEvent> handle(long centerId, RoutingRequest request, @Nullable String commandId) {
        // Here, not only at the API: commands from inside the server (a reason typed on the desk) come this way too.
        CommandText.check(request);
        CenterEngine center = require(centerId);
        Pending pending = new Pending(request, commandId, new CompletableFuture<>());
        if (center.lock.isHeldByCurrentThread()) {
            // A listener of this center's decisions gives a command: it joins the transaction being stored.
            process(center, List.of(pending));
        } else {
            center.unanswered.incrementAndGet();
            pending.answer().whenComplete((answered, refused) -> center.unanswered.decrementAndGet());
            center.inbox.add(pending);
            center.startWorker(this);
        }
        return awaitAnswer(pending.answer(), ANSWER_TIMEOUT, centerId);
    }

    /**
     * The answer to a routing command, waited for at most {@code within}: its refusal is thrown as
     * it is, and no answer in time is {@code 503 routing-unavailable}. The command may still be
     * applied and stored after that; the caller learns the outcome from the next reads.
     */
    static <T> T awaitAnswer(CompletableFuture<T> answer, Duration within, long centerId) {
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

    /** A command waiting for its center's worker, or (without a request) a nudge to let time pass. */
    private record Pending(
            @Nullable RoutingRequest request,
            @Nullable String commandId,
            CompletableFuture<List<RoutingEvent>> answer) {

        static Pending tick() {
            return new Pending(null, null, new CompletableFuture<>());
        }
    }

    /**
     * Takes what waits in the center's inbox, a batch at a time, until the node stops. The worker
     * borrows a connection of the routing pool ({@link RoutingConnections}) before it takes the
     * center's lock, so waiting for one never holds up readers of the engine, and keeps it only
     * while more commands wait and no other center's worker needs it.
     */
    private void work(CenterEngine center) {
        List<Pending> batch = new ArrayList<>();
        java.sql.@Nullable Connection borrowed = null;
        try {
            while (!ticker.isShutdown()) {
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
                } catch (java.sql.SQLException noConnection) {
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

    /**
     * Applies a batch to the engine, stores it, lets the listeners write their read models in the
     * same transaction, and answers the callers after the commit. A command the engine refuses
     * leaves the engine as it was and is not stored. Call with the center's lock held.
     */
    private void process(CenterEngine center, List<Pending> batch) {
        long centerId = center.centerId;
        if (!center.held()) {
            RuntimeException elsewhere = RequestRejected.conflict("routing-elsewhere", centerId);
            batch.forEach(p -> p.answer().completeExceptionally(elsewhere));
            return;
        }
        RoutingEngine engine;
        try {
            engine = engineOf(center);
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
        boolean[] listenersFailed = {false};
        // What operators watch under load: how many commands share a commit, and how long storing them takes.
        DistributionSummary.builder("sangdam.routing.batch.commands")
                .description("Routing commands stored by one commit")
                .tag("center", Long.toString(centerId))
                .register(meters)
                .record(decided.size());
        Timer.Sample storing = Timer.start(meters);
        try {
            transaction.executeWithoutResult(status -> {
                routingLog.appendAll(centerId, at, decided);
                // The listeners' writes share the commit; one failing must not take the decisions with it.
                Object savepoint = status.createSavepoint();
                AfterCommit.Mark mark = AfterCommit.mark();
                try {
                    // One publication for the whole batch, in decision order: the read models write a
                    // batch's changes together instead of a few statements for every decision.
                    List<RoutingEvent> events = new ArrayList<>();
                    decided.forEach(command -> events.addAll(command.events()));
                    if (!events.isEmpty()) {
                        publisher.publishEvent(PublishedEvents.occurred(centerId, events));
                    }
                    status.releaseSavepoint(savepoint);
                } catch (RuntimeException failed) {
                    status.rollbackToSavepoint(savepoint);
                    AfterCommit.discardSince(mark);
                    log.error(
                            "A listener failed on routing events of center {}; screens are corrected from the engine",
                            centerId,
                            failed);
                    listenersFailed[0] = true;
                }
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
                                    : java.util.Objects.requireNonNull(
                                                    commands.getFirst().request())
                                            .getClass()
                                            .getSimpleName())
                    : new RequestRejected(HttpStatus.SERVICE_UNAVAILABLE, "routing-unavailable", centerId);
            deciding.forEach(p -> p.answer().completeExceptionally(answer));
            return;
        }
        storing.stop(Timer.builder("sangdam.routing.batch.store")
                .description("Storing a batch of routing commands with the listeners' writes, to its commit")
                .tag("center", Long.toString(centerId))
                .register(meters));
        if (engineInDoubt) {
            center.engine = null;
        }
        if (listenersFailed[0]) {
            // The read models missed these decisions: the rebuild's reconciliation sets them from the engine.
            center.engine = null;
        }
        for (int i = 0; i < deciding.size(); i++) {
            List<RoutingEvent> events = decided.get(i).events();
            deciding.get(i).answer().complete(events);
        }
    }

    /**
     * Whether the database refused the data of what was stored (SQLSTATE class 22, data exception,
     * or 23, integrity constraint violation) rather than failing to store it (a lost connection, a
     * timeout): a command so refused is the caller's mistake, and storing it again will not help.
     */
    static boolean refusedData(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private void publish(long centerId, List<RoutingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            publisher.publishEvent(PublishedEvents.occurred(centerId, events));
        } catch (RuntimeException listenerFailed) {
            // The decision is stored and stands; a screen that missed it catches up from the database.
            log.error("A listener failed on routing events of center {}", centerId, listenerFailed);
        }
    }

    RoutingSnapshot snapshot(long centerId) {
        CenterEngine center = require(centerId);
        center.lock.lock();
        try {
            return engineOf(center).snapshot();
        } finally {
            center.lock.unlock();
        }
    }

    boolean routes(long centerId) {
        CenterEngine center = engines.get(centerId);
        return center != null && center.held();
    }

    /** Reads the center's engine under its lock; for answers smaller than a {@link #snapshot}. */
    <T> T read(long centerId, java.util.function.Function<RoutingEngine, T> reading) {
        CenterEngine center = require(centerId);
        center.lock.lock();
        try {
            return reading.apply(engineOf(center));
        } finally {
            center.lock.unlock();
        }
    }

    /** Rebuilds a center's engine from its command log, as after a crash. */
    void rebuildFromLog(long centerId) {
        CenterEngine center = require(centerId);
        center.lock.lock();
        try {
            rebuild(center);
        } finally {
            center.lock.unlock();
        }
    }

    private void rebuild(CenterEngine center) {
        center.engine = null;
        var commands = routingLog.commands(center.centerId);
        int from = 0;
        List<QueueSettings> configured = null;
        for (int i = commands.size() - 1; i >= 0; i--) {
            if (commands.get(i).type().equals(CHECKPOINT_TYPE)) {
                from = i;
                configured =
                        json.readValue(commands.get(i).json(), Checkpoint.class).queues();
                break;
            }
        }
        Instant start =
                commands.isEmpty() ? clock.instant() : commands.get(from).recordedAt();
        RoutingEngine engine =
                RoutingEngine.start(configuration(configured != null ? configured : queues.of(center.centerId)), start);
        for (var logged : commands.subList(from, commands.size())) {
            if (logged.recordedAt().isAfter(engine.now())) {
                engine.apply(new RoutingCommand.ClockAdvanced(logged.recordedAt()));
            }
            // A tick only moved the clock, which the line above has already done; a checkpoint started the engine.
            if (!logged.type().equals(TICK_TYPE) && !logged.type().equals(CHECKPOINT_TYPE)) {
                try {
                    engine.apply(json.readValue(logged.json(), RoutingRequest.type(logged.type()))
                            .toCommand());
                } catch (RoutingRejected refusedThenToo) {
                    // Only restoring commands are logged without being applied first; they were refused live too.
                }
            }
        }
        center.engine = engine;
        log.info(
                "Routing engine of center {} rebuilt from {} commands: {} contacts waiting",
                center.centerId,
                commands.size() - from,
                engine.waitingContacts());
        try {
            publisher.publishEvent(PublishedEvents.rebuilt(center.centerId, engine.snapshot()));
        } catch (RuntimeException listenerFailed) {
            // The engine stands; a module that missed this corrects itself on the next events.
            log.error("A listener failed on the rebuild of center {}", center.centerId, listenerFailed);
        }
    }

    /** The configuration a checkpoint starts its engine with: the center's queues as they were then. */
    record Checkpoint(List<QueueSettings> queues) {}

    /**
     * Applies the center's current queues, agent skills and capacities to its live engine: logs a
     * checkpoint, starts a new engine and carries the old one's agents and contacts over. Joins the
     * caller's transaction, so a configuration the engine refuses rolls the change back.
     */
    void reconfigure(long centerId) {
        CenterEngine center = engines.get(centerId);
        if (center == null || !center.held()) {
            // No engine here: the node that routes the center (or the next start) reads the change.
            return;
        }
        center.lock.lock();
        try {
            RoutingEngine old = engineOf(center);
            publish(centerId, advanceClock(center, old));
            List<RoutingEvent> decided;
            try {
                decided = transaction.execute(status -> checkpoint(center, old));
            } catch (RoutingRejected refused) {
                throw RequestRejected.badRequest("invalid-routing-configuration", refused.getMessage());
            } catch (RuntimeException failed) {
                center.engine = null;
                throw failed;
            }
            if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
                org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                        new org.springframework.transaction.support.TransactionSynchronization() {
                            @Override
                            public void afterCompletion(int status) {
                                if (status != STATUS_COMMITTED) {
                                    // The checkpoint is not in the log: drop the engine; the next call rebuilds from
                                    // the log.
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
            publish(centerId, decided);
        } finally {
            center.lock.unlock();
        }
    }

    /**
     * After this node may have missed a change made on another node (docs/adr/0009): each engine it
     * runs whose queues, or whose logged-in agents' skills, groups or capacities, differ from the
     * stored ones gets a checkpoint ({@link #reconfigure}); the others are left as they are.
     */
    void reconfigureWhereChanged() {
        for (CenterEngine center : engines.values()) {
            if (!center.held()) {
                continue;
            }
            boolean changed;
            center.lock.lock();
            try {
                changed = differsFromStored(center.centerId, engineOf(center));
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

    private boolean differsFromStored(long centerId, RoutingEngine engine) {
        if (!configuration(queues.of(centerId)).equals(engine.configuration())) {
            return true;
        }
        for (var agent : engine.snapshot().agents()) {
            if (agent.state() instanceof AgentState.Offline) {
                continue;
            }
            var logIn = profiles.logIn(agent.id().value()).orElse(null);
            if (logIn == null) {
                return true;
            }
            // As a checkpoint would log the agent in again (an agent keeps the chats beyond a lowered capacity).
            var again = new RoutingRequest.LogIn(
                    logIn.agent(),
                    logIn.skills(),
                    Math.max(logIn.chatCapacity(), agent.contacts().size()),
                    logIn.groups());
            if (!((RoutingCommand.AgentLoggedIn) again.toCommand()).profile().equals(agent.profile())) {
                return true;
            }
        }
        return false;
    }

    private List<RoutingEvent> checkpoint(CenterEngine center, RoutingEngine old) {
        long centerId = center.centerId;
        List<QueueSettings> configured = queues.of(centerId);
        Instant now = old.now();
        RoutingEngine engine = RoutingEngine.start(configuration(configured), now);
        long checkpoint =
                routingLog.append(centerId, now, CHECKPOINT_TYPE, json.writeValueAsString(new Checkpoint(configured)));
        RoutingSnapshot before = old.snapshot();
        // Restoring: these commands put back what was; their events are not news and are neither stored nor published.
        Map<String, RoutingEvent.AgentStateChanged> restoredStates = new java.util.HashMap<>();
        for (var agent : before.agents()) {
            if (agent.state() instanceof AgentState.Offline) {
                continue;
            }
            var logIn = profiles.logIn(agent.id().value()).orElse(null);
            if (logIn == null) {
                continue;
            }
            int held = agent.contacts().size();
            // An agent holding more chats than a lowered capacity keeps them; the new number applies from the next
            // log-in.
            restore(
                    centerId,
                    engine,
                    new RoutingRequest.LogIn(
                            logIn.agent(), logIn.skills(), Math.max(logIn.chatCapacity(), held), logIn.groups()),
                    restoredStates);
        }
        Map<String, RoutingSnapshot.ContactView> contacts = new LinkedHashMap<>();
        before.contacts().stream()
                .sorted(Comparator.comparing(RoutingSnapshot.ContactView::originalArrival))
                .forEach(c -> contacts.put(c.id().value(), c));
        for (var agent : before.agents()) {
            String id = agent.id().value();
            if (agent.state() instanceof AgentState.Offline
                    || profiles.logIn(id).isEmpty()) {
                continue;
            }
            restore(centerId, engine, new RoutingRequest.BecomeReady(id), restoredStates);
            for (var contact : contacts.values()) {
                if (contact.status() == RoutingSnapshot.ContactStatus.ASSIGNED
                        && agent.id().equals(contact.agent())) {
                    restore(centerId, engine, restoring(contact, id), restoredStates);
                    restore(
                            centerId,
                            engine,
                            new RoutingRequest.Accept(id, contact.id().value()),
                            restoredStates);
                }
            }
            for (var contact : contacts.values()) {
                if (contact.status() == RoutingSnapshot.ContactStatus.OFFERED
                        && agent.id().equals(contact.agent())) {
                    restore(centerId, engine, restoring(contact, id), restoredStates);
                }
            }
            String reason = switch (agent.state()) {
                case AgentState.NotReady notReady -> notReady.reason();
                case AgentState.WrapUp wrapUp -> WRAP_UP_CARRIED;
                case AgentState.Recovery recovery -> RECOVERY_CARRIED;
                default -> null;
            };
            if (reason != null) {
                restore(centerId, engine, new RoutingRequest.GoNotReady(id, reason), restoredStates);
            }
        }
        // Waiting contacts arrive again in their order; what the new rules decide for them now is news.
        List<RoutingEvent> decided = new ArrayList<>();
        for (var contact : contacts.values()) {
            if (contact.status() == RoutingSnapshot.ContactStatus.WAITING) {
                var request = restoring(
                        contact,
                        contact.waitingFor() == null
                                ? null
                                : contact.waitingFor().value());
                long sequence = routingLog.append(
                        centerId, now, request.getClass().getSimpleName(), json.writeValueAsString(request));
                List<RoutingEvent> events = engine.apply(request.toCommand());
                routingLog.events(centerId, sequence, events);
                decided.addAll(events.stream()
                        .filter(e -> !(e instanceof RoutingEvent.ContactQueued))
                        .toList());
            }
        }
        // Screens learn of an agent whose state the carrying changed (wrap-up became not-ready).
        List<RoutingEvent> changed = new ArrayList<>();
        for (var agent : before.agents()) {
            var restored = restoredStates.get(agent.id().value());
            if (restored != null && !Routing.stateName(restored.state()).equals(Routing.stateName(agent.state()))) {
                changed.add(restored);
            }
        }
        changed.addAll(decided);
        center.engine = engine;
        log.info(
                "Routing of center {} reconfigured at checkpoint {}: {} agents and {} contacts carried over",
                centerId,
                checkpoint,
                restoredStates.size(),
                contacts.size());
        return changed;
    }

    private static RoutingRequest.Restore restoring(RoutingSnapshot.ContactView contact, @Nullable String agent) {
        return new RoutingRequest.Restore(
                contact.id().value(),
                contact.queue().value(),
                contact.channel().name(),
                contact.priority(),
                contact.attributes().stream().map(Enum::name).sorted().toList(),
                agent,
                contact.originalArrival());
    }

    /** Logs and applies one restoring command; a refusal (it cannot be restored) is logged too and replays the same. */
    private void restore(
            long centerId,
            RoutingEngine engine,
            RoutingRequest request,
            Map<String, RoutingEvent.AgentStateChanged> states) {
        routingLog.append(centerId, engine.now(), request.getClass().getSimpleName(), json.writeValueAsString(request));
        try {
            for (RoutingEvent event : engine.apply(request.toCommand())) {
                if (event instanceof RoutingEvent.AgentStateChanged changed) {
                    states.put(changed.agent().value(), changed);
                }
            }
        } catch (RoutingRejected cannotRestore) {
            log.warn("Center {}: {} could not be carried over: {}", centerId, request, cannotRestore.getMessage());
        }
    }

    /** Moves the engine's clock to now; if that made anything happen (an offer timed out), logs it as a tick. */
    private List<RoutingEvent> advanceClock(CenterEngine center, RoutingEngine engine) {
        Instant now = clock.instant();
        if (!now.isAfter(engine.now())) {
            return List.of();
        }
        List<RoutingEvent> events = engine.apply(new RoutingCommand.ClockAdvanced(now));
        if (!events.isEmpty()) {
            transaction.executeWithoutResult(status -> {
                long sequence = routingLog.append(center.centerId, now, TICK_TYPE, "{}");
                routingLog.events(center.centerId, sequence, events);
            });
        }
        return events;
    }

    private void tick() {
        if (!leases.alive()) {
            // The lease connection is gone, and with it every lock: stop routing until they are retaken.
            engines.values().forEach(center -> center.held = false);
        }
        for (CenterEngine center : engines.values()) {
            try {
                if (!center.held()) {
                    if (tickCount % LEASE_RETRY_TICKS == 0) {
                        start(center.centerId);
                    }
                    continue;
                }
                // A busy center's worker moves the clock with every batch; an idle one is nudged when a deadline is
                // due.
                if (!center.inbox.isEmpty() || !center.lock.tryLock()) {
                    continue;
                }
                boolean due;
                try {
                    RoutingEngine engine = center.engine;
                    due = engine != null
                            && engine.nextDeadline()
                                    .map(d -> !d.isAfter(clock.instant()))
                                    .orElse(false);
                } finally {
                    center.lock.unlock();
                }
                if (due) {
                    center.inbox.add(Pending.tick());
                    center.startWorker(this);
                }
            } catch (RuntimeException failure) {
                log.error("Routing clock tick failed for center {}", center.centerId, failure);
            }
        }
        tickCount++;
    }

    static RoutingConfiguration configuration(List<QueueSettings> configured) {
        List<QueueDefinition> definitions = new ArrayList<>();
        for (QueueSettings queue : configured) {
            QueueDefinition definition = QueueDefinition.queue(queue.code(), Channel.valueOf(queue.channel()))
                    .withPriority(queue.priority())
                    .withServiceLevel(
                            queue.serviceLevelPercent() / 100, Duration.ofSeconds(queue.serviceLevelSeconds()))
                    .choosing(SelectionStrategy.valueOf(queue.strategy()))
                    .withWrapUp(Duration.ofSeconds(queue.wrapUpSeconds()))
                    // Opening hours are checked by the server before a contact arrives (QueueHours).
                    .open(BusinessHours.ALWAYS);
            for (QueueSettings.Requirement requirement : queue.requirements()) {
                definition = definition.requiring(requirement.skill(), requirement.minimumLevel());
            }
            if (queue.agentGroup() != null) {
                definition = definition.forGroup(queue.agentGroup());
            }
            for (QueueSettings.Overflow step : queue.overflow()) {
                OverflowAction action = switch (step.kind()) {
                    case LOWER_LEVEL ->
                        new OverflowAction.LowerMinimumLevel(
                                SkillId.of(step.target()),
                                step.level() == null ? AgentSkill.MINIMUM_LEVEL : step.level());
                    case WIDEN_TO_GROUP -> new OverflowAction.WidenToGroup(AgentGroupId.of(step.target()));
                    case MOVE_TO_QUEUE -> new OverflowAction.MoveToQueue(QueueId.of(step.target()));
                };
                definition = definition.overflowAfter(Duration.ofSeconds(step.afterSeconds()), action);
            }
            definitions.add(definition);
        }
        return new RoutingConfiguration(
                definitions, Lanes.groups(), io.sangdam.engine.routing.RoutingSettings.DEFAULTS);
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

    /** The engine, rebuilt from the log first if a failure dropped it. Call with the center's lock held. */
    private RoutingEngine engineOf(CenterEngine center) {
        if (center.engine == null) {
            try {
                rebuild(center);
            } catch (RuntimeException stillFailing) {
                throw new RequestRejected(HttpStatus.SERVICE_UNAVAILABLE, "routing-unavailable", center.centerId);
            }
        }
        return java.util.Objects.requireNonNull(center.engine);
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        for (CenterEngine center : engines.values()) {
            Thread worker = center.worker;
            if (worker != null) {
                worker.interrupt();
            }
        }
        leases.close();
    }
}
