package io.sangdam.engine.routing;

/** A queue needs agents with at least this level (1 to 10) in this skill. */
public record SkillRequirement(SkillId skill, int minimumLevel) {
    public static SkillRequirement of(String skill, int minimumLevel) {
        return new SkillRequirement(SkillId.of(skill), minimumLevel);
    }
}
