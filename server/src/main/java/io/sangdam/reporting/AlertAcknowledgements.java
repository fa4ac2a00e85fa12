package io.sangdam.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who acknowledged which protection alerts, and when; kept in the database so every node and board agrees. */
@Repository
class AlertAcknowledgements {

    /**
     * @param upTo alerts of this kind for this conversation raised up to here are acknowledged (the
     *     acknowledged alert's time); a later one shows again
     */
    record Acknowledgement(String conversation, String reason, Instant upTo, String by, Instant at) {}

    private final JdbcClient jdbc;

    AlertAcknowledgements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A second acknowledgement of the same chat's alerts moves the mark on, never back. */
    Acknowledgement acknowledge(long center, Acknowledgement acknowledgement) {
        return jdbc.sql("""
            insert into reporting.alert_acknowledgement (center_id, conversation, reason, up_to, acknowledged_by, acknowledged_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (center_id, conversation, reason) do update
               set up_to = greatest(alert_acknowledgement.up_to, excluded.up_to),
                   acknowledged_by = excluded.acknowledged_by, acknowledged_at = excluded.acknowledged_at
            returning conversation, reason, up_to, acknowledged_by, acknowledged_at\
            """)
                .params(
                        center,
                        acknowledgement.conversation(),
                        acknowledgement.reason(),
                        Timestamp.from(acknowledgement.upTo()),
                        acknowledgement.by(),
                        Timestamp.from(acknowledgement.at()))
                .query((row, n) -> new Acknowledgement(
                        row.getString(1),
                        row.getString(2),
                        row.getTimestamp(3).toInstant(),
                        row.getString(4),
                        row.getTimestamp(5).toInstant()))
                .single();
    }

    /** The center's acknowledgements of alerts raised since then (older alerts are no longer shown anyway). */
    List<Acknowledgement> since(long center, Instant since) {
        return jdbc.sql("""
            select conversation, reason, up_to, acknowledged_by, acknowledged_at from reporting.alert_acknowledgement
             where center_id = ? and up_to >= ?\
            """)
                .params(center, Timestamp.from(since))
                .query((row, n) -> new Acknowledgement(
                        row.getString(1),
                        row.getString(2),
                        row.getTimestamp(3).toInstant(),
                        row.getString(4),
                        row.getTimestamp(5).toInstant()))
                .list();
    }
}
