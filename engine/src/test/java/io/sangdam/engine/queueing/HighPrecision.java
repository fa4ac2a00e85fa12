package io.sangdam.engine.queueing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Reference arithmetic for the tests: 60-digit BigDecimal, straight from the textbook definitions
 * (sums of a^k / k!), so that the production recursions are checked against something computed a
 * different way and with far more digits than a double has.
 */
final class HighPrecision {

    static final MathContext DIGITS = new MathContext(60, RoundingMode.HALF_EVEN);
    private static final MathContext WORKING = new MathContext(80, RoundingMode.HALF_EVEN);

    private HighPrecision() {}

    static BigDecimal exact(double value) {
        return new BigDecimal(value);
    }

    /** e^x by halving the argument until it is small, a Taylor series, then squaring back. */
    static BigDecimal exp(BigDecimal x) {
        return exp(x, WORKING).round(DIGITS);
    }

    /** e^x with the given working precision, for references that must survive cancellation. */
    static BigDecimal exp(BigDecimal x, MathContext working) {
        final MathContext WORKING = working;
        int halvings = 0;
        BigDecimal reduced = x;
        while (reduced.abs().compareTo(new BigDecimal("0.25")) > 0) {
            reduced = reduced.divide(BigDecimal.TWO, WORKING);
            halvings++;
        }
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal negligible = BigDecimal.ONE.movePointLeft(working.getPrecision() + 5);
        for (int k = 1; term.abs().compareTo(negligible) > 0; k++) {
            term = term.multiply(reduced, WORKING).divide(BigDecimal.valueOf(k), WORKING);
            sum = sum.add(term, WORKING);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, WORKING);
        }
        return sum;
    }

    /** Relative difference |actual − reference| / |reference|, computed in BigDecimal. */
    static double relativeError(double actual, BigDecimal reference) {
        if (reference.signum() == 0) {
            return actual == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return exact(actual)
                .subtract(reference)
                .abs()
                .divide(reference.abs(), DIGITS)
                .doubleValue();
    }

    /** Natural logarithm of a positive BigDecimal, to about 15 significant digits (for log checks). */
    static double log(BigDecimal value) {
        int shift = value.precision() - value.scale() - 1; // decimal exponent
        BigDecimal mantissa = value.movePointLeft(shift);
        return Math.log(mantissa.doubleValue()) + shift * Math.log(10);
    }
}
