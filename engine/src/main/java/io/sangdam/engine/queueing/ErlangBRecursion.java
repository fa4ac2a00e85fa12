package io.sangdam.engine.queueing;

/**
 * The Erlang B recursion, run forward one server at a time, with its value kept in scaled form.
 *
 * <p>We iterate the reciprocal r(k) = 1 / B(k, a), which satisfies r(0) = 1 and r(k) = 1 + (k / a) ·
 * r(k−1). Every term is positive, so there is no cancellation, and each step adds about one rounding
 * error, which the recursion damps rather than amplifies: after 20,000 steps the relative error is
 * still around 1e-12. The quotient k / a does not depend on r, so the CPU overlaps the division with
 * the previous step and one step costs a few nanoseconds.
 *
 * <p>Hazard: for c well above a, B(c, a) falls below the smallest double (for example B ≈ 1e-327 at
 * c = 20,000, a = 15,000) and r overflows. We therefore divide r by 2^600 whenever it passes 2^600
 * and count how often we did; the logarithm of B stays exact. The "1 +" is scaled along with r:
 * once r has been scaled, 1 is far below r's last digit anyway (B decreases in k, so r only grows).
 *
 * <p>Warm start ({@link #startingNear}): an error in r(k) is multiplied, relative to r, by (1 − B(k))
 * at every step, so it dies out. Between k = a − 10√a and k = a, B(k) is about (a − k)/a, and the
 * product of the (1 − B) factors is about e^{−50} ≈ 2e−22. Starting there from the rough value
 * r ≈ a / (a − k) therefore gives r(a) and every later value to full double precision, in O(√a)
 * steps instead of O(a): 1,000 steps instead of 10,000 at 10,000 Erlangs.
 */
final class ErlangBRecursion {

    private static final int SCALE_EXPONENT = 600;
    private static final double SCALE_LIMIT = 0x1p600;
    private static final double LOG_SCALE = SCALE_EXPONENT * Math.log(2.0);

    private static final double WARM_START_WIDTH = 10.0;

    private final double erlangs;
    private int servers;
    private double scaledReciprocal = 1.0;
    private double scaledOne = 1.0;
    private int scalings;

    /** Starts at zero servers, where B = 1. The load must be positive. */
    ErlangBRecursion(double erlangs) {
        this.erlangs = erlangs;
    }

    /**
     * A recursion started at a − 10√a (or at 0 for small loads) from an approximate value; exact to
     * double precision from a onward, and for every k at or above the start when a is below 100.
     * Positions below a are not to be read: use {@link #ErlangBRecursion(double)} for those.
     */
    static ErlangBRecursion startingNear(double erlangs) {
        ErlangBRecursion recursion = new ErlangBRecursion(erlangs);
        double start = Math.floor(erlangs - WARM_START_WIDTH * Math.sqrt(erlangs));
        if (start >= 1) {
            recursion.servers = (int) start;
            recursion.scaledReciprocal = erlangs / (erlangs - start);
        }
        return recursion;
    }

    /** The first server count from which {@link #startingNear} is exact. */
    static int exactFrom(double erlangs) {
        double start = Math.floor(erlangs - WARM_START_WIDTH * Math.sqrt(erlangs));
        return start >= 1 ? (int) Math.ceil(erlangs) : 0;
    }

    /** A recursion positioned at {@code servers}, warm-started when that is exact, else from 0. */
    static ErlangBRecursion at(double erlangs, int servers) {
        ErlangBRecursion recursion =
                servers >= exactFrom(erlangs) ? startingNear(erlangs) : new ErlangBRecursion(erlangs);
        recursion.advanceTo(servers);
        return recursion;
    }

    int servers() {
        return servers;
    }

    /** Moves to one more server. */
    void step() {
        servers++;
        scaledReciprocal = scaledOne + (servers / erlangs) * scaledReciprocal;
        if (scaledReciprocal > SCALE_LIMIT) {
            scaledReciprocal = Math.scalb(scaledReciprocal, -SCALE_EXPONENT);
            scaledOne = Math.scalb(scaledOne, -SCALE_EXPONENT);
            scalings++;
        }
    }

    /** Moves forward to {@code target} servers; it cannot move backward. */
    void advanceTo(int target) {
        if (target < servers) {
            throw new IllegalStateException("recursion is at " + servers + ", cannot go back to " + target);
        }
        while (servers < target) {
            step();
        }
    }

    /** B(servers, a), or 0 when it is below the smallest positive double. */
    double blocking() {
        return scalings == 0 ? 1.0 / scaledReciprocal : Math.exp(logBlocking());
    }

    /** ln B(servers, a), exact even where B itself underflows. */
    double logBlocking() {
        return -(Math.log(scaledReciprocal) + scalings * LOG_SCALE);
    }
}
