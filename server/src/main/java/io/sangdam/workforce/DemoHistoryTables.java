package io.sangdam.workforce;

import io.sangdam.engine.forecast.HolidayCalendar;
import io.sangdam.workforce.IntervalRecords.IntervalRecord;
import io.sangdam.workforce.demo.DemoHistoryStore;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** The demo history's writes, on workforce's tables (the demo sub-package cannot see them). */
@Component
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoHistoryTables implements DemoHistoryStore {

    private final IntervalRecords records;
    private final Holidays holidays;

    DemoHistoryTables(IntervalRecords records, Holidays holidays) {
        this.records = records;
        this.holidays = holidays;
    }

    @Override
    public boolean hasHistory() {
        return !records.isEmpty();
    }

    @Override
    public void save(long centerId, List<Interval> intervals) {
        records.save(
                centerId,
                intervals.stream()
                        .map(interval -> new IntervalRecord(
                                interval.queueCode(),
                                interval.start(),
                                interval.minutes(),
                                interval.contacts(),
                                interval.handlingSeconds()))
                        .toList());
    }

    @Override
    public boolean hasHolidays() {
        return !holidays.isEmpty();
    }

    @Override
    public void addHoliday(LocalDate day, String name) {
        holidays.add(null, day, name);
    }

    @Override
    public HolidayCalendar holidays(long centerId) {
        return holidays.calendar(centerId);
    }
}
