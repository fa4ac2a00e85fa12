package io.sangdam.engine.queueing;

import static io.sangdam.engine.queueing.InvalidQueueingInputException.requireNonNegative;

/**
 * Erlang B: the probability that a contact finds all {@code agents} busy in a loss system (M/M/c/c),
 * B(c, a) = (a^c / c!) / Σ_{k=0..c} a^k / k!. It is the building block of Erlang C and Erlang A.
 *
 * <p>Computed by the stable recursion, never from the factorial formula, which overflows a double at
 * c = 171 and at a^c for a ≥ 2 and c around 1,000.
 */
public final class ErlangB {

    private ErlangB() {}

    /** B(c, a); 0 when the true value is below about 4.9e-324 (use {@link #logBlocking}). */
    public static double blocking(int agents, double erlangs) {
        if (agents < 0) {
            throw new InvalidQueueingInputException("agents", "must not be negative, was " + agents);
        }
        requireNonNegative("erlangs", erlangs);
        if (erlangs == 0) {
            return agents == 0 ? 1.0 : 0.0;
        }
        ErlangBRecursion recursion = ErlangBRecursion.at(erlangs, agents);
        return recursion.blocking();
    }

    /** ln B(c, a), finite for any c and any a &gt; 0. */
    public static double logBlocking(int agents, double erlangs) {
        if (agents < 0) {
            throw new InvalidQueueingInputException("agents", "must not be negative, was " + agents);
        }
        requireNonNegative("erlangs", erlangs);
        if (erlangs == 0) {
            return agents == 0 ? 0.0 : Double.NEGATIVE_INFINITY;
        }
        ErlangBRecursion recursion = ErlangBRecursion.at(erlangs, agents);
        return recursion.logBlocking();
    }
}
