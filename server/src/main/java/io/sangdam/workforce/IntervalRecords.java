package io.sangdam.workforce;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contacts per queue and interval: the history forecasts are made from. */
@Repository
class IntervalRecords {

    record IntervalRecord(
            String queueCode,
            LocalDateTime intervalStart,
            int intervalMinutes,
            int contacts,
            @Nullable Double handlingSeconds) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    IntervalRecords(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Adds or replaces the rows: importing the same interval twice keeps the latest figures. */
    void save(long centerId, List<IntervalRecord> records) {
        batches.batchUpdate("""
            insert into workforce.interval_history (center_id, queue_code, interval_start, interval_minutes,
                contacts, handling_seconds) values (?, ?, ?, ?, ?, ?)
            on conflict (center_id, queue_code, interval_start) do update
               set interval_minutes = excluded.interval_minutes, contacts = excluded.contacts,
                   handling_seconds = excluded.handling_seconds\
            """, records, 1000, (statement, record) -> {
            statement.setLong(1, centerId);
            statement.setString(2, record.queueCode());
            statement.setTimestamp(3, Timestamp.valueOf(record.intervalStart()));
            statement.setInt(4, record.intervalMinutes());
            statement.setInt(5, record.contacts());
            statement.setObject(6, record.handlingSeconds());
        });
    }

    List<IntervalRecord> of(long centerId, String queueCode) {
        return jdbc.sql("""
            select queue_code, interval_start, interval_minutes, contacts, handling_seconds
              from workforce.interval_history where center_id = ? and queue_code = ? order by interval_start\
            """)
                .params(centerId, queueCode)
                .query((row, n) -> new IntervalRecord(
                        row.getString("queue_code"),
                        row.getTimestamp("interval_start").toLocalDateTime(),
                        row.getInt("interval_minutes"),
                        row.getInt("contacts"),
                        (Double) row.getObject("handling_seconds")))
                .list();
    }

    List<String> queues(long centerId) {
        return jdbc.sql("select distinct queue_code from workforce.interval_history where center_id = ? order by 1")
                .param(centerId)
                .query(String.class)
                .list();
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from workforce.interval_history")
                        .query(Long.class)
                        .single()
                == 0;
    }
}
