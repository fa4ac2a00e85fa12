package io.sangdam.workforce;

import io.sangdam.engine.forecast.Holiday;
import io.sangdam.engine.forecast.HolidayCalendar;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Holidays {

    record HolidayRow(long id, @Nullable Long centerId, LocalDate day, String name) {}

    private final JdbcClient jdbc;

    Holidays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The holidays of one center: its own days and those of every center. */
    List<HolidayRow> of(long centerId) {
        return jdbc.sql("select * from workforce.holiday where center_id is null or center_id = ? order by day")
                .param(centerId)
                .query((row, n) -> new HolidayRow(
                        row.getLong("id"),
                        (Long) row.getObject("center_id"),
                        row.getDate("day").toLocalDate(),
                        row.getString("name")))
                .list();
    }

    HolidayCalendar calendar(long centerId) {
        return new HolidayCalendar(
                of(centerId).stream().map(h -> new Holiday(h.day(), h.name())).toList());
    }

    void add(@Nullable Long centerId, LocalDate day, String name) {
        jdbc.sql("""
            insert into workforce.holiday (center_id, day, name) values (?, ?, ?)
            on conflict (coalesce(center_id, 0), day) do update set name = excluded.name\
            """).params(centerId, Date.valueOf(day), name).update();
    }

    /** Removes a center's own holiday; holidays of every center only when {@code nationwide} is allowed. */
    void remove(long id, long centerId, boolean nationwide) {
        jdbc.sql("delete from workforce.holiday where id = ? and (center_id = ? or (center_id is null and ?))")
                .params(id, centerId, nationwide)
                .update();
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from workforce.holiday")
                        .query(Long.class)
                        .single()
                == 0;
    }
}
