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
 */
final class ErlangBRecursion {

  private static final int SCALE_EXPONENT = 600;
  private static final double SCALE_LIMIT = 0x1p600;
  private static final double LOG_SCALE = SCALE_EXPONENT * Math.log(2.0);

  private final double erlangs;
  private int servers;
  private double scaledReciprocal = 1.0;
  private double scaledOne = 1.0;
  private int scalings;

  /** Starts at zero servers, where B = 1. The load must be positive. */
  ErlangBRecursion(double erlangs) {
    this.erlangs = erlangs;
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
