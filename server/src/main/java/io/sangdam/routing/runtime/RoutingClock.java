package io.sangdam.routing.runtime;

import io.sangdam.engine.routing.RoutingCommand;
import io.sangdam.engine.routing.RoutingEngine;
import io.sangdam.engine.routing.RoutingEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets time pass in the engines: every {@link #TICK} it nudges the worker of each idle center whose
 * engine has a deadline due (an offer times out, a contact overflows), and retries the lease of
 * centers another node held. A busy center's worker moves the clock with every batch.
 */
@Component
class RoutingClock {

    static final Duration TICK = Duration.ofMillis(200);
    /** Ticks between attempts to take the lease of a center another node held. */
    private static final int LEASE_RETRY_TICKS = 25;

    private static final Logger log = LoggerFactory.getLogger(RoutingClock.class);

    private final Clock clock;
    private final RoutingLog routingLog;
    private final TransactionTemplate transaction;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("routing-clock").daemon().factory());
    private long tickCount;

    RoutingClock(Clock clock, RoutingLog routingLog, TransactionTemplate transaction) {
        this.clock = clock;
        this.routingLog = routingLog;
        this.transaction = transaction;
    }

    /**
     * Starts ticking over the centers.
     *
     * @param leasesAlive whether the lease connection still holds its locks
     * @param retake tries to take a center's lease again
     * @param nudge gives a center's worker a tick to apply
     */
    void start(
            Collection<CenterEngine> centers,
            java.util.function.BooleanSupplier leasesAlive,
            LongConsumer retake,
            Consumer<CenterEngine> nudge) {
        ticker.scheduleWithFixedDelay(
                () -> tick(centers, leasesAlive, retake, nudge),
                TICK.toMillis(),
                TICK.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop() {
        ticker.shutdownNow();
    }

    private void tick(
            Collection<CenterEngine> centers,
            java.util.function.BooleanSupplier leasesAlive,
            LongConsumer retake,
            Consumer<CenterEngine> nudge) {
        if (!leasesAlive.getAsBoolean()) {
            // The lease connection is gone, and with it every lock: stop routing until they are retaken.
            centers.forEach(center -> center.held = false);
        }
        for (CenterEngine center : centers) {
            try {
                if (!center.held()) {
                    if (tickCount % LEASE_RETRY_TICKS == 0) {
                        retake.accept(center.centerId);
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
                    nudge.accept(center);
                }
            } catch (RuntimeException failure) {
                log.error("Routing clock tick failed for center {}", center.centerId, failure);
            }
        }
        tickCount++;
    }

    /**
     * Moves the engine's clock to now; if that made anything happen (an offer timed out), logs it as
     * a tick. Call with the center's lock held.
     */
    List<RoutingEvent> advance(CenterEngine center, RoutingEngine engine) {
        Instant now = clock.instant();
        if (!now.isAfter(engine.now())) {
            return List.of();
        }
        List<RoutingEvent> events = engine.apply(new RoutingCommand.ClockAdvanced(now));
        if (!events.isEmpty()) {
            transaction.executeWithoutResult(status -> {
                long sequence = routingLog.append(center.centerId, now, CenterWorker.TICK_TYPE, "{}");
                routingLog.events(center.centerId, sequence, events);
            });
            center.sinceCheckpoint++;
        }
        return events;
    }
}
