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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * <p>Exactly one node routes a center: the engine is held by a PostgreSQL advisory lock on a
 * connection kept open for as long as this node runs; a second node on the same database finds
 * the lock taken and refuses that center's commands.
 *
 * <p>Hazards: the engine is single-threaded, so every command of a center goes through one lock;
 * and the replay uses the queue configuration of today, so queue changes take effect at the next
 * start and must not rename queues that waiting contacts are in.
 */
@Service
class RoutingHost implements DisposableBean {

    /** First key of the advisory lock; the second is the center id. */
    static final int LOCK_NAMESPACE = 0x5A4E_4441;
    static final Duration TICK = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(RoutingHost.class);

    private final RoutingQueues queues;
    private final RoutingLog routingLog;
    private final TransactionTemplate transaction;
    private final DataSource dataSource;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final Map<Long, CenterEngine> engines = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("routing-clock").daemon().factory());

    RoutingHost(RoutingQueues queues, RoutingLog routingLog, TransactionTemplate transaction, DataSource dataSource,
            JsonMapper json, Clock clock, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.queues = queues;
        this.routingLog = routingLog;
        this.transaction = transaction;
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
    }

    /** A center's engine and the connection that holds its lease. */
    private static final class CenterEngine {

        private final long centerId;
        private final @Nullable Connection lease;
        private @Nullable RoutingEngine engine;

        CenterEngine(long centerId, @Nullable Connection lease) {
            this.centerId = centerId;
            this.lease = lease;
        }

        boolean held() {
            return lease != null;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void startAll() {
        for (long center : queues.centersWithQueues()) {
            start(center);
        }
        ticker.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes the lease of a center and rebuilds its engine, or notes that another node routes it. */
    void start(long centerId) {
        if (engines.containsKey(centerId)) {
            return;
        }
        Connection lease = lease(centerId);
        var center = new CenterEngine(centerId, lease);
        engines.put(centerId, center);
        if (lease == null) {
            log.warn("Center {} is routed by another node (its lease is taken)", centerId);
            return;
        }
        synchronized (center) {
            rebuild(center);
        }
    }

    List<RoutingEvent> handle(long centerId, RoutingRequest request) {
        List<RoutingEvent> events = decide(centerId, request);
        publish(centerId, events);
        return events;
    }

    /** Other modules hear about decisions after they are stored, outside the engine's lock. */
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

    private List<RoutingEvent> decide(long centerId, RoutingRequest request) {
        CenterEngine center = require(centerId);
        synchronized (center) {
            RoutingEngine engine = engineOf(center);
            List<RoutingEvent> events = new ArrayList<>(advanceClock(center, engine));
            try {
                events.addAll(transaction.execute(status -> {
                    long sequence = routingLog.append(centerId, engine.now(), request.getClass().getSimpleName(),
                            json.writeValueAsString(request));
                    List<RoutingEvent> applied;
                    try {
                        applied = engine.apply(request.toCommand());
                    } catch (RoutingRejected rejected) {
                        status.setRollbackOnly();
                        throw rejected;
                    }
                    routingLog.events(centerId, sequence, applied);
                    return applied;
                }));
            } catch (RoutingRejected rejected) {
                throw new RequestRejected(HttpStatus.CONFLICT, "routing-rejected", rejected.problem().name(),
                        rejected.getMessage());
            } catch (RuntimeException storingFailed) {
                // The engine may have applied a command the database did not keep: rebuild from the log.
                log.error("Routing command for center {} not stored; rebuilding its engine", centerId, storingFailed);
                rebuild(center);
                throw storingFailed;
            }
            return events;
        }
    }

    RoutingSnapshot snapshot(long centerId) {
        CenterEngine center = require(centerId);
        synchronized (center) {
            return engineOf(center).snapshot();
        }
    }

    boolean routes(long centerId) {
        CenterEngine center = engines.get(centerId);
        return center != null && center.held();
    }

    /** Rebuilds a center's engine from its command log, as after a crash. */
    void rebuildFromLog(long centerId) {
        CenterEngine center = require(centerId);
        synchronized (center) {
            rebuild(center);
        }
    }

    private void rebuild(CenterEngine center) {
        var commands = routingLog.commands(center.centerId);
        Instant start = commands.isEmpty() ? clock.instant() : commands.getFirst().recordedAt();
        RoutingEngine engine = RoutingEngine.start(configuration(center.centerId), start);
        for (var logged : commands) {
            if (logged.recordedAt().isAfter(engine.now())) {
                engine.apply(new RoutingCommand.ClockAdvanced(logged.recordedAt()));
            }
            RoutingRequest request = json.readValue(logged.json(), RoutingRequest.type(logged.type()));
            if (!(request instanceof RoutingRequest.Tick)) {
                engine.apply(request.toCommand());
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
                long sequence = routingLog.append(center.centerId, now, "Tick", "{}");
                routingLog.events(center.centerId, sequence, events);
            });
        }
        return events;
    }

    private void tick() {
        for (CenterEngine center : engines.values()) {
            if (!center.held()) {
                continue;
            }
            try {
                List<RoutingEvent> events = List.of();
                synchronized (center) {
                    RoutingEngine engine = center.engine;
                    if (engine != null && engine.nextDeadline().map(d -> !d.isAfter(clock.instant())).orElse(false)) {
                        events = advanceClock(center, engine);
                    }
                }
                publish(center.centerId, events);
            } catch (RuntimeException failure) {
                log.error("Routing clock tick failed for center {}", center.centerId, failure);
            }
        }
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
        return new RoutingConfiguration(definitions, Map.of(), io.sangdam.engine.routing.RoutingSettings.DEFAULTS);
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

    private RoutingEngine engineOf(CenterEngine center) {
        RoutingEngine engine = center.engine;
        if (engine == null) {
            throw new IllegalStateException("Center " + center.centerId + " has no engine yet");
        }
        return engine;
    }

    private @Nullable Connection lease(long centerId) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                lock.setInt(1, LOCK_NAMESPACE);
                lock.setInt(2, Math.toIntExact(centerId));
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return connection;
                    }
                }
            }
            connection.close();
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the routing lease of center " + centerId, e);
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        for (CenterEngine center : engines.values()) {
            if (center.lease != null) {
                try (var unlock = center.lease.prepareStatement("select pg_advisory_unlock_all()")) {
                    // The connection goes back to the pool; the lock must not go with it.
                    unlock.execute();
                    center.lease.close();
                } catch (SQLException e) {
                    log.warn("Closing the routing lease of center {} failed", center.centerId, e);
                }
            }
        }
    }
}
