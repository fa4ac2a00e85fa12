package io.sangdam.workforce;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * "How many agents do we need?" for one queue and one interval, as a planner asks it.
 *
 * @param patienceSeconds mean customer patience; given, the answer uses Erlang A (abandons),
 *     absent, Erlang C
 * @param shrinkage the share of paid time not spent on contacts, by category (breaks, training, …)
 */
public record StaffingQuestion(
        double contacts,
        int intervalMinutes,
        double averageHandlingSeconds,
        double targetServiceLevel,
        double targetSeconds,
        @Nullable Double patienceSeconds,
        @Nullable Double maximumAverageSpeedOfAnswerSeconds,
        @Nullable Double maximumAbandonment,
        double maximumOccupancy,
        List<ShrinkagePart> shrinkage) {

    public StaffingQuestion {
        shrinkage = List.copyOf(shrinkage);
    }

    /** One category of shrinkage, as a fraction of paid time (0.05 = 5 %). */
    public record ShrinkagePart(String category, double fraction) {}

    public double totalShrinkage() {
        return shrinkage.stream().mapToDouble(ShrinkagePart::fraction).sum();
    }
}
