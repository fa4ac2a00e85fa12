package io.sangdam.engine.routing;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Contacts that need the same kind of agent, and the agents ready to serve them: one queue at one
 * overflow stage for one lane. Routing is then two indexed lookups: a new contact takes the head of
 * its pool's {@link AvailableAgents}, a freed agent compares the heads of the {@link
 * WaitingContacts} of the pools it qualifies for. Which pools an agent qualifies for is computed once
 * at login, so no decision scans agents or contacts.
 */
final class Pool {
    final int index;
    final ContactQueue queue;
    final int stage;
    final int channel;
    final SelectionStrategy strategy;
    final double agingPerMilli;
    final SkillId[] skills;
    final int[] minimumLevels;
    /** Empty means any group. */
    final Set<AgentGroupId> groups;

    final @Nullable AgentGroupId lane;
    final int laneIndex;
    final WaitingContacts waiting;
    final AvailableAgents available = new AvailableAgents();

    Pool(
            int index,
            ContactQueue queue,
            int stage,
            SkillId[] skills,
            int[] minimumLevels,
            Set<AgentGroupId> groups,
            @Nullable AgentGroupId lane,
            int laneIndex,
            PoolHeads heads) {
        this.index = index;
        this.queue = queue;
        this.stage = stage;
        this.channel = queue.channel;
        this.strategy = queue.definition.strategy();
        this.agingPerMilli = queue.agingPerMilli;
        this.skills = skills;
        this.minimumLevels = minimumLevels;
        this.groups = groups;
        this.lane = lane;
        this.laneIndex = laneIndex;
        this.waiting = new WaitingContacts(this, heads);
        heads.channel[index] = (byte) channel;
    }

    boolean admits(AgentProfile profile) {
        if (profile.capacityFor(queue.definition.channel()) <= 0) {
            return false;
        }
        for (int i = 0; i < skills.length; i++) {
            Integer level = profile.skills().get(skills[i]);
            if (level == null || level < minimumLevels[i]) {
                return false;
            }
        }
        if (lane != null) {
            return profile.groups().contains(lane);
        }
        if (groups.isEmpty()) {
            return true;
        }
        for (AgentGroupId group : profile.groups()) {
            if (groups.contains(group)) {
                return true;
            }
        }
        return false;
    }

    /** Sum of the agent's levels on this pool's skills, for {@link SelectionStrategy#BEST_SKILL_LEVEL}. */
    long skillScore(AgentProfile profile) {
        long sum = 0;
        for (SkillId skill : skills) {
            sum += profile.skills().getOrDefault(skill, 0);
        }
        return sum;
    }
}
