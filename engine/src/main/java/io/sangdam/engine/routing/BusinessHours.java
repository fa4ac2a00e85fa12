package io.sangdam.engine.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * When a queue accepts new contacts, per day of week in a time zone. A missing day is closed. A
 * closing time of 00:00 means the end of that day. Only arrivals and transfers are checked: contacts
 * already waiting at closing time are still served.
 */
public record BusinessHours(ZoneId zone, Map<DayOfWeek, OpeningTimes> days) {

    /** Opening and closing time of one day. */
    public record OpeningTimes(LocalTime opens, LocalTime closes) {}

    public static final BusinessHours ALWAYS = every(ZoneOffset.UTC, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    public BusinessHours {
        days = Map.copyOf(days);
    }

    public static BusinessHours every(ZoneId zone, LocalTime opens, LocalTime closes) {
        Map<DayOfWeek, OpeningTimes> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, new OpeningTimes(opens, closes));
        }
        return new BusinessHours(zone, days);
    }

    public static BusinessHours weekdays(ZoneId zone, LocalTime opens, LocalTime closes) {
        Map<DayOfWeek, OpeningTimes> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                days.put(day, new OpeningTimes(opens, closes));
            }
        }
        return new BusinessHours(zone, days);
    }

    /** True when every day is open from 00:00 to 00:00; lets the engine skip the time-zone math. */
    public boolean alwaysOpen() {
        if (days.size() != 7) {
            return false;
        }
        for (OpeningTimes times : days.values()) {
            if (!times.opens().equals(LocalTime.MIDNIGHT) || !times.closes().equals(LocalTime.MIDNIGHT)) {
                return false;
            }
        }
        return true;
    }

    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        OpeningTimes times = days.get(local.getDayOfWeek());
        if (times == null) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        boolean afterOpening = !time.isBefore(times.opens());
        boolean beforeClosing = times.closes().equals(LocalTime.MIDNIGHT) || time.isBefore(times.closes());
        return afterOpening && beforeClosing;
    }
}
