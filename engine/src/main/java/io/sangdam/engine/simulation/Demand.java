package io.sangdam.engine.simulation;

import io.sangdam.engine.routing.QueueId;

/**
 * Contacts arriving at one queue over the simulated day.
 *
 * @param contactsPerDay the expected number of arrivals over all intervals
 * @param curve relative weight of each interval (any scale; normalised); arrivals in an interval are
 *     Poisson with rate {@code contactsPerDay * weight / sum(weights)} per interval
 * @param seniorShare share of contacts flagged {@code SENIOR} (routed to the senior lane if one is
 *     configured)
 */
public record Demand(
        QueueId queue,
        double contactsPerDay,
        double[] curve,
        Distribution handling,
        Distribution patience,
        double seniorShare) {

    public Demand {
        curve = curve.clone();
    }
}
