package io.sangdam.workforce;

import io.sangdam.routing.CenterHolidays;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Routing closes queues with opening hours on the holidays planners keep here. */
@Component
class HolidaysForRouting implements CenterHolidays {

    private final Holidays holidays;

    HolidaysForRouting(Holidays holidays) {
        this.holidays = holidays;
    }

    @Override
    public boolean isHoliday(long centerId, LocalDate day) {
        return holidays.of(centerId).stream().anyMatch(h -> h.day().equals(day));
    }
}
