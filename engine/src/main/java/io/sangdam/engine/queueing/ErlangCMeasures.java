package io.sangdam.engine.queueing;

/**
 * Erlang C (M/M/c) results.
 *
 * @param stable false when the load is at or above the number of agents: the queue then grows
 *     without bound, every contact waits, service level is 0 and ASA is infinite
 * @param logProbabilityOfWaiting ln of {@code probabilityOfWaiting}, still exact where the probability
 *     itself underflows to 0 (far more agents than load)
 */
public record ErlangCMeasures(
        int agents,
        double erlangs,
        ServiceLevelRule serviceLevelRule,
        boolean stable,
        double probabilityOfWaiting,
        double logProbabilityOfWaiting,
        double serviceLevel,
        double averageSpeedOfAnswerSeconds,
        double occupancy)
        implements QueueMeasures {

    @Override
    public double abandonment() {
        return 0.0;
    }
}
