package io.sangdam.routing;

/** A skill an agent holds, at a level from 1 (learning) to 10 (expert). */
public record AgentSkill(long agentId, Skill skill, int level) {

    public static final int MINIMUM_LEVEL = 1;
    public static final int MAXIMUM_LEVEL = 10;

    public AgentSkill {
        if (level < MINIMUM_LEVEL || level > MAXIMUM_LEVEL) {
            throw new IllegalArgumentException("Skill level must be 1 to 10, was " + level);
        }
    }
}
