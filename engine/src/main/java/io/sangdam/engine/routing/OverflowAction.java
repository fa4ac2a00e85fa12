package io.sangdam.engine.routing;

/** What happens to a waiting contact when an {@link OverflowStep} is due. */
public sealed interface OverflowAction {

    /** From now on agents with at least {@code level} in {@code skill} are eligible too. */
    record LowerMinimumLevel(SkillId skill, int level) implements OverflowAction {}

    /** From now on agents of this group are eligible too (when the queue restricts groups). */
    record WidenToGroup(AgentGroupId group) implements OverflowAction {}

    /** The contact leaves the queue and waits in another; its original arrival time is kept. */
    record MoveToQueue(QueueId queue) implements OverflowAction {}
}
