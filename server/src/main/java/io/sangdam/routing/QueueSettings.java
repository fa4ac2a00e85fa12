package io.sangdam.routing;

/** One queue of a center as configured: who may take its contacts and how they are chosen. */
public record QueueSettings(long id, long centerId, String code, String name, String channel, String requiredSkill,
        int minimumLevel, int priority, double serviceLevelPercent, int serviceLevelSeconds, String strategy,
        int wrapUpSeconds) {
}
