package io.sangdam.routing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One queue of a center as configured: who may take its contacts, how they are chosen, when it is
 * open.
 *
 * @param agentGroup agents must be in this group (a team) unless an overflow step widens it; null: any agent
 * @param limitedHours false: open around the clock and {@code hours} is ignored
 * @param hours opening times per ISO day of week; a day missing is closed
 * @param closedDays dates closed all day, besides the center's holidays
 */
public record QueueSettings(
        long id,
        long centerId,
        String code,
        String name,
        @Nullable String nameEnglish,
        String channel,
        List<Requirement> requirements,
        @Nullable String agentGroup,
        int priority,
        double serviceLevelPercent,
        int serviceLevelSeconds,
        String strategy,
        List<Overflow> overflow,
        int wrapUpSeconds,
        boolean limitedHours,
        List<OpeningDay> hours,
        List<LocalDate> closedDays) {

    /** A skill the queue needs, at least at this level (1 to 10). */
    public record Requirement(String skill, int minimumLevel) {}

    /** What an overflow step does: lower a skill's minimum level, widen to a group, or move to a queue. */
    public enum OverflowKind {
        LOWER_LEVEL,
        WIDEN_TO_GROUP,
        MOVE_TO_QUEUE
    }

    /**
     * An overflow step, due after {@code afterSeconds} waited in the queue.
     *
     * @param target the skill (LOWER_LEVEL), group (WIDEN_TO_GROUP) or queue code (MOVE_TO_QUEUE)
     * @param level the new minimum level, for LOWER_LEVEL only
     */
    public record Overflow(
            int afterSeconds,
            OverflowKind kind,
            String target,
            @Nullable Integer level) {}

    /** Opening and closing time of one day of the week (1 = Monday); closing at 00:00 means midnight. */
    public record OpeningDay(int dayOfWeek, LocalTime opens, LocalTime closes) {}

    public QueueSettings {
        requirements = List.copyOf(requirements);
        overflow = List.copyOf(overflow);
        hours = List.copyOf(hours);
        closedDays = List.copyOf(closedDays);
    }

    /** The first required skill: what a queue is "for". */
    public String requiredSkill() {
        return requirements.isEmpty() ? "" : requirements.getFirst().skill();
    }

    public int minimumLevel() {
        return requirements.isEmpty() ? 1 : requirements.getFirst().minimumLevel();
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEnglish != null && !nameEnglish.isBlank() ? nameEnglish : name;
    }

    public @Nullable OpeningDay hoursOn(int dayOfWeek) {
        return hours.stream()
                .filter(h -> h.dayOfWeek() == dayOfWeek)
                .findFirst()
                .orElse(null);
    }
}
