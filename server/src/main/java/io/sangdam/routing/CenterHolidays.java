package io.sangdam.routing;

import java.time.LocalDate;

/**
 * The days a center is closed for a holiday (설날, 추석 ...). Implemented by the module that keeps the
 * holiday calendar (workforce), which depends on routing, not the other way round; queues are also
 * closed on their own closed dates.
 */
public interface CenterHolidays {

    boolean isHoliday(long centerId, LocalDate day);
}
