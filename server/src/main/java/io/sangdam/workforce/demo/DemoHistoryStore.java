package io.sangdam.workforce.demo;

import io.sangdam.engine.forecast.HolidayCalendar;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the demo history writes; workforce implements it over its own tables. */
public interface DemoHistoryStore {

    /** Contacts in one interval of one queue; no handling time when there were no contacts. */
    record Interval(
            String queueCode,
            LocalDateTime start,
            int minutes,
            int contacts,
            @Nullable Double handlingSeconds) {}

    boolean hasHistory();

    void save(long centerId, List<Interval> intervals);

    boolean hasHolidays();

    /** A holiday of every center. */
    void addHoliday(LocalDate day, String name);

    HolidayCalendar holidays(long centerId);
}
