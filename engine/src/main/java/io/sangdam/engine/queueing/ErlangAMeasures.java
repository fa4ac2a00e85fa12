package io.sangdam.engine.queueing;

/**
 * Erlang A (M/M/c+M) results. Every probability is a share of offered contacts.
 *
 * @param serviceLevel SL the PRODUCT.md way: {@code answeredWithinThreshold / (1 − shortAbandonment)},
 *     i.e. abandons within {@link ServiceLevelRule#shortAbandonSeconds()} removed from both sides and
 *     every later abandon counted as not answered in time
 * @param answeredWithinThreshold share of all offered contacts answered within T (no exclusions)
 * @param abandonment share of offered contacts that abandon (at any time)
 * @param shortAbandonment share of offered contacts that abandon within the short-abandon time
 * @param averageSpeedOfAnswerSeconds mean wait of answered contacts only
 * @param averagePatienceSeconds the mean patience the model assumed
 */
public record ErlangAMeasures(
        int agents,
        double erlangs,
        ServiceLevelRule serviceLevelRule,
        double averagePatienceSeconds,
        double probabilityOfWaiting,
        double serviceLevel,
        double answeredWithinThreshold,
        double abandonment,
        double shortAbandonment,
        double averageSpeedOfAnswerSeconds,
        double occupancy)
        implements QueueMeasures {}
