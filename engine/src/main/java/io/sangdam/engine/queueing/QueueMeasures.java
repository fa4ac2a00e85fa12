package io.sangdam.engine.queueing;

/**
 * What a queueing model predicts for one queue, one interval and a given number of agents.
 *
 * <p>All probabilities are fractions of offered contacts in [0, 1]; times are in seconds.
 */
public sealed interface QueueMeasures permits ErlangCMeasures, ErlangAMeasures {

    int agents();

    /** Offered load a in Erlangs. */
    double erlangs();

    /** The rule {@link #serviceLevel()} was counted with. */
    ServiceLevelRule serviceLevelRule();

    /** Probability that an arriving contact has to wait (finds every agent busy). */
    double probabilityOfWaiting();

    /** Service level as {@link #serviceLevelRule()} counts it. */
    double serviceLevel();

    /**
     * Average speed of answer over answered contacts (including those answered at once). Infinite for
     * an Erlang C queue with load at or above the number of agents, which never settles.
     */
    double averageSpeedOfAnswerSeconds();

    /** Share of agents' time spent handling contacts. */
    double occupancy();

    /** Share of offered contacts that abandon; always 0 in Erlang C, which has no abandons. */
    double abandonment();
}
