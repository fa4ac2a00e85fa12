package io.sangdam.engine.queueing;

import java.util.List;

/**
 * Shrinkage: the share of scheduled time agents are not on the phones. Headcount = ⌈agents / (1 −
 * s)⌉ with s the total.
 *
 * <p>Categories add up (s = Σ s_i): each is measured as a share of the same paid time, the usual WFM
 * convention. (Multiplying availabilities instead, 1 − Π(1 − s_i), understates shrinkage when the
 * categories are measured that way.)
 *
 * <p>Hazard: 21 / (1 − 0.3) is 30.000000000000004 in floating point, and a plain ceiling would
 * schedule 31 people. We round to the nearest integer when the quotient is within 1e−9 of it.
 */
public record Shrinkage(List<ShrinkageCategory> categories) {

    public Shrinkage {
        categories = List.copyOf(categories);
        double total =
                categories.stream().mapToDouble(ShrinkageCategory::fraction).sum();
        if (total >= 1) {
            throw new InvalidQueueingInputException(
                    "categories", "total shrinkage must be below 1 (100 %), was " + total);
        }
    }

    /** No shrinkage: headcount equals agents. */
    public static Shrinkage none() {
        return new Shrinkage(List.of());
    }

    /** One overall figure, e.g. 0.3, when the planner does not break it down. */
    public static Shrinkage total(double fraction) {
        return new Shrinkage(List.of(new ShrinkageCategory("total", fraction)));
    }

    /** s = Σ s_i. */
    public double total() {
        return categories.stream().mapToDouble(ShrinkageCategory::fraction).sum();
    }

    /** Scheduled headcount needed so that {@code agents} are available on average. */
    public int headcount(int agents) {
        if (agents < 0) {
            throw new InvalidQueueingInputException("agents", "must not be negative, was " + agents);
        }
        double exact = agents / (1.0 - total());
        double nearest = Math.rint(exact);
        if (Math.abs(exact - nearest) <= 1e-9 * Math.max(1.0, exact)) {
            return (int) nearest;
        }
        return (int) Math.ceil(exact);
    }
}
