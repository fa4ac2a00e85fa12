package io.sangdam.workforce;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fewest agents that meet the targets, what they achieve, the headcount to schedule after
 * shrinkage, and the curve around the answer so the planner sees the trade-off, not one number.
 *
 * @param targetMet false when even the most agents allowed do not meet every target; the figures
 *     then show what that many achieve
 * @param abandonment only with Erlang A (patience given); null for Erlang C, which has no abandons
 */
public record StaffingAnswer(
        QueueModel model,
        boolean targetMet,
        int agents,
        int headcount,
        double erlangs,
        double serviceLevel,
        double averageSpeedOfAnswerSeconds,
        double occupancy,
        double probabilityOfWaiting,
        @Nullable Double abandonment,
        String serviceLevelRule,
        List<CurvePoint> curve) {

    public StaffingAnswer {
        curve = List.copyOf(curve);
    }

    public enum QueueModel {
        ERLANG_C,
        ERLANG_A
    }

    /** What a given number of agents achieves. ASA is null where the queue never settles. */
    public record CurvePoint(
            int agents,
            double serviceLevel,
            @Nullable Double averageSpeedOfAnswerSeconds,
            double occupancy,
            double probabilityOfWaiting,
            @Nullable Double abandonment) {}
}
