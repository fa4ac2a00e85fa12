package io.sangdam.engine.queueing;

/**
 * Sums of the series S(s, x) = Σ_{k≥0} x^k / (s (s+1) … (s+k)), which is e^x x^{−s} γ(s, x) (γ the
 * lower incomplete gamma function), together with two weighted variants Erlang A needs:
 *
 * <ul>
 *   <li>Σ k · x^k / (s)_{k+1} (the mean queue length, hence abandonment), and
 *   <li>Σ H_k · x^k / (s)_{k+1} with H_k = Σ_{m=0..k} 1 / (s+m), which is −∂S/∂s (the mean wait of
 *       answered contacts).
 * </ul>
 *
 * <p>All terms are positive, so the sums have no cancellation. Hazard: when x is much larger than s
 * (a queue far over its agents) the terms first grow like e^x before they fall, which overflows a
 * double after a few hundred steps; the running sums are therefore rescaled by 2^−600 whenever a term
 * passes 2^600 and only their logarithms are returned. The loop stops when the geometric bound on the
 * remaining tail is below 1e−17 of each sum; it needs about x − s + 9·√x terms.
 *
 * <p>Hazard: x grows with the patience over the handling time, so a patience of 1e308 seconds asked
 * for more terms than there are atoms, and one request held a core for two minutes. The sum
 * therefore refuses to run beyond {@link #MAXIMUM_TERMS} (tens of milliseconds) and says which
 * input made it so long, instead of returning a truncated sum as if it were exact.
 */
final class PochhammerSeries {

    private static final int SCALE_EXPONENT = 600;
    private static final double SCALE_LIMIT = 0x1p600;
    private static final double LOG_SCALE = SCALE_EXPONENT * Math.log(2.0);
    private static final double NEGLIGIBLE = 1e-17;
    static final int MAXIMUM_TERMS = 2_000_000;

    /** Natural logarithms of the three sums; the index-weighted one is −∞ when x = 0. */
    record Sums(double logPlain, double logIndexWeighted, double logHarmonicWeighted) {}

    private PochhammerSeries() {}

    static Sums sum(double s, double x) {
        double term = 1.0 / s;
        double harmonic = 1.0 / s;
        double plain = term;
        double indexWeighted = 0.0;
        double harmonicWeighted = term * harmonic;
        double logOffset = 0.0;
        if (x - s > MAXIMUM_TERMS) {
            throw tooLong(s, x);
        }
        for (int k = 1; ; k++) {
            if (k >= MAXIMUM_TERMS) {
                throw tooLong(s, x);
            }
            double denominator = s + k;
            double ratio = x / denominator;
            term *= ratio;
            harmonic += 1.0 / denominator;
            plain += term;
            indexWeighted += k * term;
            harmonicWeighted += term * harmonic;
            if (term > SCALE_LIMIT) {
                term = Math.scalb(term, -SCALE_EXPONENT);
                plain = Math.scalb(plain, -SCALE_EXPONENT);
                indexWeighted = Math.scalb(indexWeighted, -SCALE_EXPONENT);
                harmonicWeighted = Math.scalb(harmonicWeighted, -SCALE_EXPONENT);
                logOffset += LOG_SCALE;
            }
            if (ratio < 1.0) {
                // Later terms shrink at least geometrically by `ratio`, so the tails are bounded by this.
                double shrink = 1.0 - ratio;
                double tail = term * (k + 1 + harmonic + 1.0 / s) / (shrink * shrink);
                if (tail <= NEGLIGIBLE * plain
                        && tail <= NEGLIGIBLE * indexWeighted
                        && tail <= NEGLIGIBLE * harmonicWeighted) {
                    break;
                }
                if (term == 0.0) {
                    break;
                }
            }
        }
        return new Sums(
                Math.log(plain) + logOffset,
                Math.log(indexWeighted) + logOffset,
                Math.log(harmonicWeighted) + logOffset);
    }

    private static InvalidQueueingInputException tooLong(double s, double x) {
        return new InvalidQueueingInputException(
                "averagePatienceSeconds",
                "too long against the handling time for this load: Erlang A would need more than "
                        + MAXIMUM_TERMS
                        + " series terms (s = "
                        + s
                        + ", x = "
                        + x
                        + "); use Erlang C (no patience) for customers this patient");
    }
}
