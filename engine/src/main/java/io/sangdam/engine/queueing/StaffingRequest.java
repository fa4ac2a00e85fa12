package io.sangdam.engine.queueing;

import static io.sangdam.engine.queueing.InvalidQueueingInputException.requireFraction;
import static io.sangdam.engine.queueing.InvalidQueueingInputException.requirePositive;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One staffing question: the fewest agents for this workload that meet every target without
 * exceeding the occupancy cap.
 *
 * @param averagePatienceSeconds mean patience of waiting customers; given, the model is Erlang A
 *     (abandons); {@code null}, it is Erlang C (nobody abandons)
 * @param serviceLevelRule how service level is counted and reported (threshold, short abandons)
 * @param targets at least one; all must be met
 * @param maximumOccupancy occupancy cap in (0, 1], e.g. 0.9; agents kept busier than this burn out
 * @param maximumAgents the most agents the planner can field; beyond it the target is reported as
 *     unreachable together with what that many agents would achieve
 */
public record StaffingRequest(
        Workload workload,
        @Nullable Double averagePatienceSeconds,
        ServiceLevelRule serviceLevelRule,
        List<StaffingTarget> targets,
        double maximumOccupancy,
        int maximumAgents) {

    /** Cap used by the factory methods: far above any single queue of a large Korean center. */
    public static final int DEFAULT_MAXIMUM_AGENTS = 100_000;

    public StaffingRequest {
        if (averagePatienceSeconds != null) {
            requirePositive("averagePatienceSeconds", averagePatienceSeconds);
        }
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new InvalidQueueingInputException("targets", "name at least one target");
        }
        if (averagePatienceSeconds == null
                && targets.stream().anyMatch(target -> target instanceof AbandonmentTarget)) {
            throw new InvalidQueueingInputException(
                    "averagePatienceSeconds", "is needed for an abandonment target (Erlang C has no abandons)");
        }
        requireFraction("maximumOccupancy", maximumOccupancy, false);
        if (maximumAgents < 1) {
            throw new InvalidQueueingInputException("maximumAgents", "must be at least 1, was " + maximumAgents);
        }
    }

    /** Erlang C: "{@code serviceLevel} within {@code thresholdSeconds}", occupancy capped. */
    public static StaffingRequest erlangC(
            Workload workload, double serviceLevel, double thresholdSeconds, double maximumOccupancy) {
        return new StaffingRequest(
                workload,
                null,
                ServiceLevelRule.within(thresholdSeconds),
                List.of(new ServiceLevelTarget(serviceLevel)),
                maximumOccupancy,
                DEFAULT_MAXIMUM_AGENTS);
    }

    /** Erlang A with the same service-level target, customers giving up after {@code patience} on average. */
    public static StaffingRequest erlangA(
            Workload workload,
            double averagePatienceSeconds,
            double serviceLevel,
            double thresholdSeconds,
            double maximumOccupancy) {
        return new StaffingRequest(
                workload,
                averagePatienceSeconds,
                ServiceLevelRule.within(thresholdSeconds),
                List.of(new ServiceLevelTarget(serviceLevel)),
                maximumOccupancy,
                DEFAULT_MAXIMUM_AGENTS);
    }

    /** The same question with other targets. */
    public StaffingRequest withTargets(List<StaffingTarget> newTargets) {
        return new StaffingRequest(
                workload, averagePatienceSeconds, serviceLevelRule, newTargets, maximumOccupancy, maximumAgents);
    }

    /** The same question with a different cap on available agents. */
    public StaffingRequest withMaximumAgents(int newMaximumAgents) {
        return new StaffingRequest(
                workload, averagePatienceSeconds, serviceLevelRule, targets, maximumOccupancy, newMaximumAgents);
    }

    boolean isMetBy(QueueMeasures measures) {
        if (measures.occupancy() > maximumOccupancy) {
            return false;
        }
        for (StaffingTarget target : targets) {
            if (!target.isMetBy(measures)) {
                return false;
            }
        }
        return true;
    }
}
