package io.sangdam.engine.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The holidays the caller passes: national ones (설날 and 추석 move with the lunar calendar, so they
 * are data, not rules) and center-specific ones. Holidays are left out of every fit, and forecast
 * with the Sunday pattern (see {@link ForecastMethod}).
 */
public record HolidayCalendar(List<Holiday> holidays) {

    public HolidayCalendar {
        holidays = List.copyOf(holidays);
    }

    public static HolidayCalendar none() {
        return new HolidayCalendar(List.of());
    }

    public static HolidayCalendar of(Holiday... holidays) {
        return new HolidayCalendar(List.of(holidays));
    }

    public boolean isHoliday(LocalDate date) {
        for (Holiday holiday : holidays) {
            if (holiday.date().equals(date)) {
                return true;
            }
        }
        return false;
    }

    /** By date, for display. */
    public Map<LocalDate, String> byDate() {
        Map<LocalDate, String> byDate = new TreeMap<>();
        holidays.forEach(holiday -> byDate.put(holiday.date(), holiday.name()));
        return byDate;
    }
}
