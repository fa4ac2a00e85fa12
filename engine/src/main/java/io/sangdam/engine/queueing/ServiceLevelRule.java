package io.sangdam.engine.queueing;

import static io.sangdam.engine.queueing.InvalidQueueingInputException.requireNonNegative;

/**
 * How service level is counted, as PRODUCT.md defines it: SL(T) = contacts answered within T seconds
 * / contacts offered, where abandons within {@code shortAbandonSeconds} are removed from both sides
 * and every other abandon counts as not answered in time.
 *
 * <p>Only Erlang A has abandons; Erlang C ignores {@code shortAbandonSeconds}.
 *
 * @param thresholdSeconds T, e.g. 20 for "80 % within 20 s"
 * @param shortAbandonSeconds abandons faster than this are not counted at all (default 5 s); 0 counts
 *     every abandon as a miss
 */
public record ServiceLevelRule(double thresholdSeconds, double shortAbandonSeconds) {

    /** The product default: abandons within 5 s are excluded from both sides. */
    public static final double DEFAULT_SHORT_ABANDON_SECONDS = 5.0;

    public ServiceLevelRule {
        requireNonNegative("thresholdSeconds", thresholdSeconds);
        requireNonNegative("shortAbandonSeconds", shortAbandonSeconds);
    }

    /** SL within {@code thresholdSeconds}, with the default 5 s short-abandon exclusion. */
    public static ServiceLevelRule within(double thresholdSeconds) {
        return new ServiceLevelRule(thresholdSeconds, DEFAULT_SHORT_ABANDON_SECONDS);
    }

    /** The rule in words, to show beside the number as PRODUCT.md asks. */
    public String describe() {
        return "answered within %s s / offered; abandons within %s s excluded from both sides, later abandons count as missed"
                .formatted(format(thresholdSeconds), format(shortAbandonSeconds));
    }

    private static String format(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
