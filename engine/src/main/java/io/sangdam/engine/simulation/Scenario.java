package io.sangdam.engine.simulation;

import io.sangdam.engine.routing.RoutingConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything a simulation run needs.
 *
 * @param start the beginning of the first interval
 * @param shortAbandon abandons within this are left out of service level on both sides (PRODUCT.md
 *     default: 5 s)
 */
public record Scenario(
        Instant start,
        Duration interval,
        int intervals,
        long seed,
        Duration shortAbandon,
        RoutingConfiguration routing,
        List<Demand> demand,
        List<Staffing> staffing) {

    public Scenario {
        demand = List.copyOf(demand);
        staffing = List.copyOf(staffing);
    }

    public Instant end() {
        return start.plus(interval.multipliedBy(intervals));
    }
}
