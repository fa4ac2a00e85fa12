package io.sangdam.engine.routing;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What routing needs to know about an agent: skills with levels (1 to 10), agent groups, and how
 * many contacts of each channel they may hold at once. The engine validates the values when the
 * agent logs in (levels out of range and negative capacities are rejected there).
 *
 * @param voiceExcludesOtherWork when true (the usual setting) an agent on a call gets nothing else,
 *     and an agent holding chats or e-mails gets no call
 */
public record AgentProfile(
        AgentId id,
        Map<SkillId, Integer> skills,
        Set<AgentGroupId> groups,
        Map<Channel, Integer> capacity,
        boolean voiceExcludesOtherWork) {

    public AgentProfile {
        skills = Map.copyOf(skills);
        groups = Set.copyOf(groups);
        capacity = Map.copyOf(capacity);
    }

    /** An agent with no skills, no groups, capacity one call or three chats or one e-mail. */
    public static AgentProfile agent(String id) {
        Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
        capacity.put(Channel.VOICE, 1);
        capacity.put(Channel.CHAT, 3);
        capacity.put(Channel.EMAIL, 1);
        return new AgentProfile(AgentId.of(id), Map.of(), Set.of(), capacity, true);
    }

    public AgentProfile withSkill(String skill, int level) {
        Map<SkillId, Integer> changed = new HashMap<>(skills);
        changed.put(SkillId.of(skill), level);
        return new AgentProfile(id, changed, groups, capacity, voiceExcludesOtherWork);
    }

    public AgentProfile inGroup(String group) {
        Set<AgentGroupId> changed = new HashSet<>(groups);
        changed.add(AgentGroupId.of(group));
        return new AgentProfile(id, skills, changed, capacity, voiceExcludesOtherWork);
    }

    public AgentProfile withCapacity(Channel channel, int contacts) {
        Map<Channel, Integer> changed = new EnumMap<>(Channel.class);
        changed.putAll(capacity);
        changed.put(channel, contacts);
        return new AgentProfile(id, skills, groups, changed, voiceExcludesOtherWork);
    }

    public AgentProfile voiceAlongsideOtherWork() {
        return new AgentProfile(id, skills, groups, capacity, false);
    }

    public int capacityFor(Channel channel) {
        return capacity.getOrDefault(channel, 0);
    }
}
