package io.sangdam.engine.queueing;

import static io.sangdam.engine.queueing.HighPrecision.DIGITS;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Erlang A in 60-digit BigDecimal. Probability of waiting and abandonment come straight from the
 * birth–death chain (summed state by state until the terms vanish); the share answered within T and
 * the ASA of answered contacts come from the closed forms of the production code, evaluated with 60
 * digits. {@link #answeredEventually} ties the two together: from the chain it must equal 1 − P(Ab),
 * from the closed form P(N &lt; n) + κ π_{n−1} S(α+1, κ). Time is in units of AHT.
 */
record ErlangAReference(
        BigDecimal waiting,
        BigDecimal abandonment,
        BigDecimal answeredEventually,
        BigDecimal answeredWithin,
        BigDecimal speedOfAnswer,
        double[] queueStateProbabilities,
        double notWaiting) {

    private static final BigDecimal NEGLIGIBLE = new BigDecimal("1e-70");
    private static final BigDecimal NEGLIGIBLE_WIDE = new BigDecimal("1e-305");

    static ErlangAReference of(
            int agents, double erlangs, double handlingSeconds, double patienceSeconds, double thresholdSeconds) {
        BigDecimal load = HighPrecision.exact(erlangs);
        BigDecimal handling = HighPrecision.exact(handlingSeconds);
        BigDecimal r = handling.divide(HighPrecision.exact(patienceSeconds), DIGITS);
        BigDecimal n = BigDecimal.valueOf(agents);

        BigDecimal term = BigDecimal.ONE;
        BigDecimal below = BigDecimal.ZERO;
        for (int k = 1; k < agents; k++) {
            below = below.add(term, DIGITS);
            term = term.multiply(load, DIGITS).divide(BigDecimal.valueOf(k), DIGITS);
        }
        below = below.add(term, DIGITS); // now Σ_{k<n}, term = a^{n−1}/(n−1)!
        BigDecimal edge = term;
        BigDecimal above = BigDecimal.ZERO;
        BigDecimal queueMass = BigDecimal.ZERO;
        java.util.List<BigDecimal> queueStates = new java.util.ArrayList<>();
        BigDecimal state = edge;
        for (int i = 0; ; i++) {
            BigDecimal death = n.add(r.multiply(BigDecimal.valueOf(i), DIGITS), DIGITS);
            state = state.multiply(load, DIGITS).divide(death, DIGITS);
            above = above.add(state, DIGITS);
            queueMass = queueMass.add(state.multiply(BigDecimal.valueOf(i), DIGITS), DIGITS);
            queueStates.add(state);
            if (death.compareTo(load) > 0 && state.compareTo(above.multiply(NEGLIGIBLE, DIGITS)) < 0) {
                break;
            }
        }
        BigDecimal total = below.add(above, DIGITS);
        BigDecimal waiting = above.divide(total, DIGITS);
        BigDecimal abandonment = r.multiply(queueMass, DIGITS).divide(load.multiply(total, DIGITS), DIGITS);

        // "Answered within T" is a difference of two nearly equal series in overload (down to 1e-104 of
        // each other in the grid), so those series and the exponential are computed with 300 digits.
        MathContext wide = new MathContext(300, RoundingMode.HALF_EVEN);
        BigDecimal kappa = load.divide(r, wide);
        BigDecimal shifted = n.divide(r, wide).add(BigDecimal.ONE, wide); // α + 1
        BigDecimal edgeProbability = edge.divide(total, DIGITS);
        BigDecimal notWaiting = below.divide(total, DIGITS);
        BigDecimal[] full = series(shifted, kappa, wide);
        BigDecimal answeredAfterWaiting =
                kappa.multiply(edgeProbability, DIGITS).multiply(full[0], DIGITS);
        BigDecimal answeredEventually = notWaiting.add(answeredAfterWaiting, DIGITS);

        BigDecimal time = HighPrecision.exact(thresholdSeconds).divide(handling, wide);
        BigDecimal shrunk = HighPrecision.exp(r.multiply(time, wide).negate(), wide);
        BigDecimal exponent = kappa.multiply(BigDecimal.ONE.subtract(shrunk, wide), wide)
                .subtract(n.add(r, wide).multiply(time, wide), wide);
        BigDecimal bracket = full[0].subtract(
                HighPrecision.exp(exponent, wide)
                        .multiply(series(shifted, kappa.multiply(shrunk, wide), wide)[0], wide),
                wide);
        BigDecimal answeredWithin =
                notWaiting.add(kappa.multiply(edgeProbability, DIGITS).multiply(bracket, DIGITS), DIGITS);

        BigDecimal waitOfAnswered = kappa.multiply(edgeProbability, DIGITS)
                .multiply(full[1], DIGITS)
                .divide(r, DIGITS);
        BigDecimal speedOfAnswer =
                waitOfAnswered.divide(answeredEventually, DIGITS).multiply(handling, DIGITS);

        double[] states = new double[queueStates.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = queueStates.get(i).divide(total, DIGITS).doubleValue();
        }
        return new ErlangAReference(
                waiting,
                abandonment,
                answeredEventually,
                answeredWithin,
                speedOfAnswer,
                states,
                notWaiting.doubleValue());
    }

    /** {S(s, x), Σ H_k x^k / (s)_{k+1}} by direct summation. */
    private static BigDecimal[] series(BigDecimal s, BigDecimal x, MathContext DIGITS) {
        BigDecimal term = BigDecimal.ONE.divide(s, DIGITS);
        BigDecimal harmonic = term;
        BigDecimal plain = term;
        BigDecimal weighted = term.multiply(harmonic, DIGITS);
        for (int k = 1; ; k++) {
            BigDecimal denominator = s.add(BigDecimal.valueOf(k), DIGITS);
            term = term.multiply(x, DIGITS).divide(denominator, DIGITS);
            harmonic = harmonic.add(BigDecimal.ONE.divide(denominator, DIGITS), DIGITS);
            plain = plain.add(term, DIGITS);
            weighted = weighted.add(term.multiply(harmonic, DIGITS), DIGITS);
            if (denominator.compareTo(x) > 0 && term.compareTo(plain.multiply(NEGLIGIBLE_WIDE, DIGITS)) < 0) {
                return new BigDecimal[] {plain, weighted};
            }
        }
    }
}
