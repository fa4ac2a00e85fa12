package io.sangdam.engine.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A queue: which agents may take its contacts and how they are chosen.
 *
 * @param channel every contact in this queue is on this channel
 * @param agentGroups agents must belong to one of these groups; empty means any group
 * @param priority added to each contact's own priority
 * @param agingPerMinute priority points a contact gains per minute of waiting (since its original
 *     arrival), so old contacts eventually beat new high-priority ones
 * @param wrapUp after-contact work given to an agent whose last open contact from this queue ends;
 *     zero means none
 */
public record QueueDefinition(
        QueueId id,
        Channel channel,
        List<SkillRequirement> requiredSkills,
        Set<AgentGroupId> agentGroups,
        int priority,
        double agingPerMinute,
        ServiceLevelTarget serviceLevel,
        SelectionStrategy strategy,
        List<OverflowStep> overflow,
        BusinessHours hours,
        Duration wrapUp) {

    public QueueDefinition {
        requiredSkills = List.copyOf(requiredSkills);
        agentGroups = Set.copyOf(agentGroups);
        overflow = List.copyOf(overflow);
    }

    /** A queue open all the time, any group, priority 0, aging 1 point a minute, no wrap-up. */
    public static QueueDefinition queue(String id, Channel channel) {
        return new QueueDefinition(
                QueueId.of(id),
                channel,
                List.of(),
                Set.of(),
                0,
                1.0,
                ServiceLevelTarget.EIGHTY_IN_TWENTY,
                SelectionStrategy.LONGEST_IDLE,
                List.of(),
                BusinessHours.ALWAYS,
                Duration.ZERO);
    }

    public QueueDefinition requiring(String skill, int minimumLevel) {
        List<SkillRequirement> changed = new ArrayList<>(requiredSkills);
        changed.add(SkillRequirement.of(skill, minimumLevel));
        return new QueueDefinition(
                id,
                channel,
                changed,
                agentGroups,
                priority,
                agingPerMinute,
                serviceLevel,
                strategy,
                overflow,
                hours,
                wrapUp);
    }

    public QueueDefinition forGroup(String group) {
        Set<AgentGroupId> changed = new HashSet<>(agentGroups);
        changed.add(AgentGroupId.of(group));
        return new QueueDefinition(
                id,
                channel,
                requiredSkills,
                changed,
                priority,
                agingPerMinute,
                serviceLevel,
                strategy,
                overflow,
                hours,
                wrapUp);
    }

    public QueueDefinition withPriority(int newPriority) {
        return new QueueDefinition(
                id,
                channel,
                requiredSkills,
                agentGroups,
                newPriority,
                agingPerMinute,
                serviceLevel,
                strategy,
                overflow,
                hours,
                wrapUp);
    }

    public QueueDefinition agingPerMinute(double points) {
        return new QueueDefinition(
                id,
                channel,
                requiredSkills,
                agentGroups,
                priority,
                points,
                serviceLevel,
                strategy,
                overflow,
                hours,
                wrapUp);
    }

    public QueueDefinition withServiceLevel(double fraction, Duration within) {
        return new QueueDefinition(
                id,
                channel,
                requiredSkills,
                agentGroups,
                priority,
                agingPerMinute,
                new ServiceLevelTarget(fraction, within),
                strategy,
                overflow,
                hours,
                wrapUp);
    }

    public QueueDefinition choosing(SelectionStrategy newStrategy) {
        return new QueueDefinition(
                id,
                channel,
                requiredSkills,
                agentGroups,
                priority,
                agingPerMinute,
                serviceLevel,
                newStrategy,
                overflow,
                hours,
                wrapUp);
    }

    public QueueDefinition overflowAfter(Duration after, OverflowAction action) {
        List<OverflowStep> changed = new ArrayList<>(overflow);
        changed.add(new OverflowStep(after, action));
        return new QueueDefinition(
                id,
                channel,
                requiredSkills,
                agentGroups,
                priority,
                agingPerMinute,
                serviceLevel,
                strategy,
                changed,
                hours,
                wrapUp);
    }

    public QueueDefinition open(BusinessHours newHours) {
        return new QueueDefinition(
                id,
                channel,
                requiredSkills,
                agentGroups,
                priority,
                agingPerMinute,
                serviceLevel,
                strategy,
                overflow,
                newHours,
                wrapUp);
    }

    public QueueDefinition withWrapUp(Duration newWrapUp) {
        return new QueueDefinition(
                id,
                channel,
                requiredSkills,
                agentGroups,
                priority,
                agingPerMinute,
                serviceLevel,
                strategy,
                overflow,
                hours,
                newWrapUp);
    }
}
