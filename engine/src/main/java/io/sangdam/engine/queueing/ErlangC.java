package io.sangdam.engine.queueing;

import static io.sangdam.engine.queueing.InvalidQueueingInputException.requireAgents;

/**
 * Erlang C: the M/M/c queue (Poisson arrivals, exponential handling times, c agents, infinite
 * patience). It answers "what share waits, how long, and what service level" for c agents.
 *
 * <ul>
 *   <li>probability of waiting C(c, a) = c·B / (c − a + a·B), with B = Erlang B(c, a);
 *   <li>service level SL(T) = 1 − C · e^{−(c−a)·T/AHT};
 *   <li>ASA = C · AHT / (c − a);
 *   <li>occupancy = a / c.
 * </ul>
 *
 * <p>Numerics: 1 − C is computed as (c − a)(1 − B) / (c − a + a·B) and SL as (1 − C) − C·expm1(−x),
 * so no step subtracts two nearly equal numbers, even when SL is tiny (c just above a) or C is
 * tiny (c far above a, where C is carried in log space).
 */
public final class ErlangC {

    private ErlangC() {}

    /** Probability of waiting C(c, a); 1 when a ≥ c. */
    public static double probabilityOfWaiting(int agents, double erlangs) {
        requireAgents("agents", agents);
        InvalidQueueingInputException.requireNonNegative("erlangs", erlangs);
        if (erlangs == 0) {
            return 0.0;
        }
        if (erlangs >= agents) {
            return 1.0;
        }
        double logBlocking = ErlangBRecursion.at(erlangs, agents).logBlocking();
        double denominator = agents - erlangs + erlangs * Math.exp(logBlocking);
        return Math.exp(logBlocking + Math.log(agents) - Math.log(denominator));
    }

    /** Every Erlang C measure for {@code agents} agents. Costs O(agents) for the Erlang B recursion. */
    public static ErlangCMeasures measures(int agents, Workload workload, ServiceLevelRule rule) {
        requireAgents("agents", agents);
        double erlangs = workload.erlangs();
        if (erlangs == 0 || erlangs >= agents) {
            return measures(agents, workload, rule, Double.NaN);
        }
        ErlangBRecursion recursion = ErlangBRecursion.at(erlangs, agents);
        return measures(agents, workload, rule, recursion.logBlocking());
    }

    /**
     * The measures given ln B(c, a), so that a caller walking the recursion upward (the staffing
     * solver) pays O(1) per agent count.
     */
    static ErlangCMeasures measures(int agents, Workload workload, ServiceLevelRule rule, double logBlocking) {
        double erlangs = workload.erlangs();
        double handling = workload.averageHandlingTimeSeconds();
        if (erlangs == 0) {
            return new ErlangCMeasures(agents, erlangs, rule, true, 0.0, Double.NEGATIVE_INFINITY, 1.0, 0.0, 0.0);
        }
        if (erlangs >= agents) {
            return new ErlangCMeasures(agents, erlangs, rule, false, 1.0, 0.0, 0.0, Double.POSITIVE_INFINITY, 1.0);
        }
        double blocking = Math.exp(logBlocking);
        double spare = agents - erlangs; // > 0, exact enough: both are moderate doubles
        double denominator = spare + erlangs * blocking;
        double logWaiting = logBlocking + Math.log(agents) - Math.log(denominator);
        double waiting = Math.exp(logWaiting);
        double notWaiting = spare * (1.0 - blocking) / denominator;
        double decay = spare * rule.thresholdSeconds() / handling;
        double serviceLevel = notWaiting - waiting * Math.expm1(-decay);
        double speedOfAnswer = waiting * handling / spare;
        return new ErlangCMeasures(
                agents,
                erlangs,
                rule,
                true,
                waiting,
                logWaiting,
                Math.min(1.0, serviceLevel),
                speedOfAnswer,
                erlangs / agents);
    }
}
