package io.sangdam.routing.runtime;

import io.sangdam.engine.routing.RoutingCommand;
import io.sangdam.engine.routing.RoutingEngine;
import io.sangdam.engine.routing.RoutingRejected;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.PublishedEvents;
import io.sangdam.routing.QueueSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds a center's engine from its command log, as after a crash: from the last checkpoint
 * (docs/adr/0006), with the queues stored in it, replaying what follows in the order it was
 * applied (docs/adr/0008), so it reaches the state the live engine had. The log is streamed, and
 * periodic checkpoints ({@link Checkpoints}) bound how much of it there is to replay.
 *
 * <p>Hazard: a log without a checkpoint replays with today's queues.
 */
@Component
class Replay {

    private static final Logger log = LoggerFactory.getLogger(Replay.class);

    private final RoutingLog routingLog;
    private final ConfiguredQueues queues;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transaction;

    Replay(
            RoutingLog routingLog,
            ConfiguredQueues queues,
            JsonMapper json,
            Clock clock,
            ApplicationEventPublisher publisher,
            TransactionTemplate transaction) {
        this.routingLog = routingLog;
        this.queues = queues;
        this.json = json;
        this.clock = clock;
        this.publisher = publisher;
        this.transaction = transaction;
    }

    /** The engine, rebuilt from the log first if a failure dropped it. Call with the center's lock held. */
    RoutingEngine engineOf(CenterEngine center) {
        if (center.engine == null) {
            try {
                rebuild(center);
            } catch (RuntimeException stillFailing) {
                throw new RequestRejected(HttpStatus.SERVICE_UNAVAILABLE, "routing-unavailable", center.centerId);
            }
        }
        return Objects.requireNonNull(center.engine);
    }

    /** Rebuilds the engine and returns how many logged commands it replayed. Call with the center's lock held. */
    long rebuild(CenterEngine center) {
        center.engine = null;
        // Read-only, and in a transaction so that the driver streams the rows rather than reading them all first.
        Rebuilt rebuilt = Objects.requireNonNull(transaction.execute(status -> replay(center.centerId)));
        RoutingEngine engine = rebuilt.engine();
        center.engine = engine;
        center.sinceCheckpoint = rebuilt.replayed();
        center.checkpointedAt = engine.now();
        center.checkpointDeferredUntil = 0;
        log.info(
                "Routing engine of center {} rebuilt from {} commands: {} contacts waiting",
                center.centerId,
                rebuilt.replayed(),
                engine.waitingContacts());
        try {
            publisher.publishEvent(PublishedEvents.rebuilt(center.centerId, engine.snapshot()));
        } catch (RuntimeException listenerFailed) {
            // The engine stands; a module that missed this corrects itself on the next events.
            log.error("A listener failed on the rebuild of center {}", center.centerId, listenerFailed);
        }
        return rebuilt.replayed();
    }

    private record Rebuilt(RoutingEngine engine, long replayed) {}

    private Rebuilt replay(long centerId) {
        long from =
                routingLog.lastCheckpoint(centerId, Checkpoints.CHECKPOINT_TYPE).orElse(0L);
        RoutingEngine[] engine = {null};
        long[] replayed = {0};
        routingLog.replay(centerId, from, logged -> {
            if (engine[0] == null) {
                // The first command read starts the engine: a checkpoint with the queues inside, else today's.
                List<QueueSettings> configured = logged.type().equals(Checkpoints.CHECKPOINT_TYPE)
                        ? json.readValue(logged.json(), Checkpoints.Checkpoint.class)
                                .queues()
                        : queues.of(centerId);
                engine[0] = RoutingEngine.start(EngineConfiguration.of(configured), logged.recordedAt());
            }
            apply(engine[0], logged);
            replayed[0]++;
        });
        @Nullable RoutingEngine started = engine[0];
        return new Rebuilt(
                started != null ? started : RoutingEngine.start(EngineConfiguration.of(queues.of(centerId)), now()),
                replayed[0]);
    }

    private void apply(RoutingEngine engine, RoutingLog.LoggedCommand logged) {
        if (logged.recordedAt().isAfter(engine.now())) {
            engine.apply(new RoutingCommand.ClockAdvanced(logged.recordedAt()));
        }
        // A tick only moved the clock, which the line above has already done; a checkpoint started the engine.
        if (!logged.type().equals(CenterWorker.TICK_TYPE) && !logged.type().equals(Checkpoints.CHECKPOINT_TYPE)) {
            try {
                engine.apply(json.readValue(logged.json(), RoutingRequest.type(logged.type()))
                        .toCommand());
            } catch (RoutingRejected refusedThenToo) {
                // Only restoring commands are logged without being applied first; they were refused live too.
            }
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
