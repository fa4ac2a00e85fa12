package io.sangdam.engine.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Calendar arithmetic shared by the methods. */
final class Seasons {

    private Seasons() {}

    /** Which intervals of the history fall on a holiday. */
    static boolean[] holidayIntervals(IntervalHistory history, HolidayCalendar holidays) {
        int perDay = history.intervalsPerDay();
        boolean[] holiday = new boolean[history.days() * perDay];
        for (int day = 0; day < history.days(); day++) {
            if (holidays.isHoliday(history.day(day))) {
                java.util.Arrays.fill(holiday, day * perDay, (day + 1) * perDay, true);
            }
        }
        return holiday;
    }

    /** Position (0..6) of the weekly cycle that starts on {@code firstDay} on which {@code weekday} falls. */
    static int cyclePosition(LocalDate firstDay, DayOfWeek weekday) {
        return Math.floorMod(weekday.getValue() - firstDay.getDayOfWeek().getValue(), 7);
    }

    static void requireDays(IntervalHistory history, int days, String method) {
        if (history.days() < days) {
            throw new InvalidForecastInputException(
                    "history", method + " needs at least " + days + " days of history, had " + history.days());
        }
    }

    static void requireHorizon(int days) {
        if (days < 1) {
            throw new InvalidForecastInputException("days", "must be at least 1, was " + days);
        }
    }
}
