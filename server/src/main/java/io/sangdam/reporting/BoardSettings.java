package io.sangdam.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each center's board thresholds, set by its center manager; the defaults until they are. */
@Repository
class BoardSettings {

    private final JdbcClient jdbc;
    private final Clock clock;

    BoardSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    BoardThresholds thresholds(long center) {
        return jdbc.sql("""
            select service_level_warn, service_level_alert, longest_wait_warn, longest_wait_alert, waiting_warn, waiting_alert
              from reporting.board_threshold where center_id = ?\
            """)
                .param(center)
                .query((row, n) -> new BoardThresholds(
                        row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4), row.getInt(5), row.getInt(6)))
                .optional()
                .orElse(BoardThresholds.DEFAULTS);
    }

    void change(long center, BoardThresholds thresholds, String by) {
        jdbc.sql("""
            insert into reporting.board_threshold (center_id, service_level_warn, service_level_alert, longest_wait_warn,
                   longest_wait_alert, waiting_warn, waiting_alert, changed_by, changed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (center_id) do update set service_level_warn = excluded.service_level_warn,
                   service_level_alert = excluded.service_level_alert, longest_wait_warn = excluded.longest_wait_warn,
                   longest_wait_alert = excluded.longest_wait_alert, waiting_warn = excluded.waiting_warn,
                   waiting_alert = excluded.waiting_alert, changed_by = excluded.changed_by, changed_at = excluded.changed_at\
            """)
                .params(
                        center,
                        thresholds.serviceLevelWarn(),
                        thresholds.serviceLevelAlert(),
                        thresholds.longestWaitWarn(),
                        thresholds.longestWaitAlert(),
                        thresholds.waitingWarn(),
                        thresholds.waitingAlert(),
                        by,
                        Timestamp.from(clock.instant()))
                .update();
    }
}
