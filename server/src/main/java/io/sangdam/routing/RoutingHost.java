package io.sangdam.routing;

import io.sangdam.engine.routing.BusinessHours;
import io.sangdam.engine.routing.Channel;
import io.sangdam.engine.routing.QueueDefinition;
import io.sangdam.engine.routing.RoutingCommand;
import io.sangdam.engine.routing.RoutingConfiguration;
import io.sangdam.engine.routing.RoutingEngine;
import io.sangdam.engine.routing.RoutingEvent;
import io.sangdam.engine.routing.RoutingRejected;
import io.sangdam.engine.routing.RoutingSnapshot;
import io.sangdam.engine.routing.SelectionStrategy;
import io.sangdam.platform.RequestRejected;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the routing engine (engine/) for each center that has queues, and keeps it durable: a
 * command is written to PostgreSQL in the same transaction in which the engine applies it (a
 * rejected command rolls back and leaves no trace), its events are stored beside it, and at start
 * each center's engine is rebuilt by replaying its commands, so no waiting contact is lost.
 *
 * <p>Exactly one node routes a center: the engine is held by a PostgreSQL advisory lock
 * ({@link RoutingLeases}); a second node on the same database finds the lock taken, refuses that
 * center's commands, and keeps trying, so it takes over when the holder dies.
 *
 * <p>Hazards: the engine is single-threaded, so every command of a center goes through one lock;
 * and the replay uses the queue configuration of today, so queue changes take effect at the next
 * start and must not rename queues that waiting contacts are in.
 */
@Service
class RoutingHost implements DisposableBean {

    static final Duration TICK = Duration.ofMillis(200);
    /** Logged when time passing made something happen (an offer timed out); replay only advances the clock. */
    static final String TICK_TYPE = "Tick";
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
    /** Ticks between attempts to take the lease of a center another node held. */
    private static final int LEASE_RETRY_TICKS = 25;
    private long tickCount;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("routing-clock").daemon().factory());

    RoutingHost(RoutingQueues queues, RoutingLog routingLog, TransactionTemplate transaction, DataSource dataSource,
            JsonMapper json, Clock clock, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
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

        CenterEngine(long centerId) {
            this.centerId = centerId;
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
        CenterEngine center = engines.computeIfAbsent(centerId, CenterEngine::new);
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
        } finally {
            center.lock.unlock();
        }
    }

    List<RoutingEvent> handle(long centerId, RoutingRequest request) {
        CenterEngine center = require(centerId);
        center.lock.lock();
        try {
            RoutingEngine engine = engineOf(center);
            // Published even when the command itself is refused: they are stored and the deadline is spent.
            List<RoutingEvent> clockEvents = advanceClock(center, engine);
            publish(centerId, clockEvents);
            List<RoutingEvent> applied;
            try {
                applied = transaction.execute(status -> {
                    long sequence = routingLog.append(centerId, engine.now(), request.getClass().getSimpleName(),
                            json.writeValueAsString(request));
                    List<RoutingEvent> decided;
                    try {
                        decided = engine.apply(request.toCommand());
                    } catch (RoutingRejected rejected) {
                        status.setRollbackOnly();
                        throw rejected;
                    }
                    routingLog.events(centerId, sequence, decided);
                    return decided;
                });
            } catch (RoutingRejected rejected) {
                throw new RequestRejected(HttpStatus.CONFLICT, "routing-rejected", rejected.problem().name(),
                        rejected.getMessage());
            } catch (RuntimeException storingFailed) {
                // The engine may hold a command the database did not keep: drop it; the next call rebuilds from the log.
                log.error("Routing command for center {} not stored; its engine is rebuilt from the log", centerId, storingFailed);
                center.engine = null;
                throw storingFailed;
            }
            // Under the center's lock, so other modules see a center's decisions in the order they were made.
            publish(centerId, applied);
            List<RoutingEvent> events = new ArrayList<>(clockEvents);
            events.addAll(applied);
            return events;
        } finally {
            center.lock.unlock();
        }
    }

    private void publish(long centerId, List<RoutingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            publisher.publishEvent(new RoutingEventsOccurred(centerId, events));
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
        Instant start = commands.isEmpty() ? clock.instant() : commands.getFirst().recordedAt();
        RoutingEngine engine = RoutingEngine.start(configuration(center.centerId), start);
        for (var logged : commands) {
            if (logged.recordedAt().isAfter(engine.now())) {
                engine.apply(new RoutingCommand.ClockAdvanced(logged.recordedAt()));
            }
            // A tick only moved the clock, which the line above has already done.
            if (!logged.type().equals(TICK_TYPE)) {
                engine.apply(json.readValue(logged.json(), RoutingRequest.type(logged.type())).toCommand());
            }
        }
        center.engine = engine;
        log.info("Routing engine of center {} rebuilt from {} commands: {} contacts waiting", center.centerId,
                commands.size(), engine.waitingContacts());
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
                center.lock.lock();
                try {
                    RoutingEngine engine = center.engine;
                    if (engine != null && engine.nextDeadline().map(d -> !d.isAfter(clock.instant())).orElse(false)) {
                        publish(center.centerId, advanceClock(center, engine));
                    }
                } finally {
                    center.lock.unlock();
                }
            } catch (RuntimeException failure) {
                log.error("Routing clock tick failed for center {}", center.centerId, failure);
            }
        }
        tickCount++;
    }

    private RoutingConfiguration configuration(long centerId) {
        List<QueueDefinition> definitions = new ArrayList<>();
        for (QueueSettings queue : queues.of(centerId)) {
            definitions.add(QueueDefinition.queue(queue.code(), Channel.valueOf(queue.channel()))
                    .requiring(queue.requiredSkill(), queue.minimumLevel())
                    .withPriority(queue.priority())
                    .withServiceLevel(queue.serviceLevelPercent() / 100, Duration.ofSeconds(queue.serviceLevelSeconds()))
                    .choosing(SelectionStrategy.valueOf(queue.strategy()))
                    .withWrapUp(Duration.ofSeconds(queue.wrapUpSeconds()))
                    .open(BusinessHours.ALWAYS));
        }
        return new RoutingConfiguration(definitions, Lanes.groups(), io.sangdam.engine.routing.RoutingSettings.DEFAULTS);
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
        leases.close();
    }
}
