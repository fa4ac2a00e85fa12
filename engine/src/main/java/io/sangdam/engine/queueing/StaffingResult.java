package io.sangdam.engine.queueing;

/**
 * The answer to a {@link StaffingRequest}: either the fewest agents that meet it, or the news that
 * no number of agents up to the cap does, with what the cap would achieve.
 */
public sealed interface StaffingResult permits StaffingResult.TargetMet, StaffingResult.TargetUnreachable {

    /** Agents required (or, when unreachable, the cap). */
    int agents();

    /** The model's measures at {@link #agents()}. */
    QueueMeasures measures();

    /** Scheduled headcount after shrinkage. */
    default int headcount(Shrinkage shrinkage) {
        return shrinkage.headcount(agents());
    }

    /** The fewest agents meeting every target; 0 agents when no contacts are offered. */
    record TargetMet(int agents, QueueMeasures measures) implements StaffingResult {}

    /**
     * No agent count up to {@code request.maximumAgents()} meets the targets.
     *
     * @param agents the cap, the best the planner can field
     * @param measures what that best achieves
     * @param reason in words, which targets fail
     */
    record TargetUnreachable(int agents, QueueMeasures measures, String reason) implements StaffingResult {}
}
