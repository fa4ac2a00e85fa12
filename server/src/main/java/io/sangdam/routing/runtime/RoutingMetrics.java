package io.sangdam.routing.runtime;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** What operators watch of routing under load (docs/operations.md), per center. */
@Component
class RoutingMetrics {

    private final MeterRegistry meters;

    RoutingMetrics(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
    }

    /** {@code sangdam.routing.waiting}: how far a center is behind. */
    void watch(CenterEngine center) {
        Gauge.builder("sangdam.routing.waiting", center.unanswered, java.util.concurrent.atomic.AtomicInteger::get)
                .description("Routing commands given to their center's worker and not yet answered")
                .tag("center", Long.toString(center.centerId))
                .register(meters);
    }

    /** How many commands share a commit. */
    void batch(long centerId, int commands) {
        DistributionSummary.builder("sangdam.routing.batch.commands")
                .description("Routing commands stored by one commit")
                .tag("center", Long.toString(centerId))
                .register(meters)
                .record(commands);
    }

    Timer.Sample startStoring() {
        return Timer.start(meters);
    }

    /** How long storing a batch took, to its commit. */
    void stored(long centerId, Timer.Sample storing) {
        storing.stop(Timer.builder("sangdam.routing.batch.store")
                .description("Storing a batch of routing commands with the listeners' writes, to its commit")
                .tag("center", Long.toString(centerId))
                .register(meters));
    }
}
