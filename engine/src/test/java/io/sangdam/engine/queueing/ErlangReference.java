package io.sangdam.engine.queueing;

import static io.sangdam.engine.queueing.HighPrecision.DIGITS;

import java.math.BigDecimal;

/** Erlang B and C from their defining sums, in 60-digit BigDecimal. Used only by tests. */
record ErlangReference(BigDecimal blocking, BigDecimal waiting, BigDecimal serviceLevel, BigDecimal speedOfAnswer) {

    /**
     * @param agents c
     * @param erlangs a, taken exactly as the double the production code sees
     */
    static ErlangReference of(int agents, double erlangs, double handlingSeconds, double thresholdSeconds) {
        BigDecimal load = HighPrecision.exact(erlangs);
        BigDecimal term = BigDecimal.ONE; // a^k / k!
        BigDecimal sumBelow = BigDecimal.ZERO; // Σ_{k<c} a^k / k!
        for (int k = 1; k <= agents; k++) {
            sumBelow = sumBelow.add(term, DIGITS);
            term = term.multiply(load, DIGITS).divide(BigDecimal.valueOf(k), DIGITS);
        }
        BigDecimal blocking = term.divide(sumBelow.add(term, DIGITS), DIGITS);
        BigDecimal spare = BigDecimal.valueOf(agents).subtract(load, DIGITS);
        BigDecimal queued = term.multiply(BigDecimal.valueOf(agents), DIGITS).divide(spare, DIGITS);
        BigDecimal waiting = queued.divide(sumBelow.add(queued, DIGITS), DIGITS);
        BigDecimal handling = HighPrecision.exact(handlingSeconds);
        BigDecimal decay = spare.multiply(HighPrecision.exact(thresholdSeconds), DIGITS)
                .divide(handling, DIGITS)
                .negate();
        BigDecimal serviceLevel = BigDecimal.ONE.subtract(waiting.multiply(HighPrecision.exp(decay), DIGITS), DIGITS);
        BigDecimal speedOfAnswer = waiting.multiply(handling, DIGITS).divide(spare, DIGITS);
        return new ErlangReference(blocking, waiting, serviceLevel, speedOfAnswer);
    }
}
