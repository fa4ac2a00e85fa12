package io.sangdam.reporting;

import io.sangdam.contact.ConsultationRecorded;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * The consultation facts reports count: one row per saved record, from contact's durable event.
 * The listener runs after the record's commit, in its own transaction on another thread; if it
 * fails or the node dies first, the registry hands the event over again (docs/adr/0015), so the
 * insert must stay idempotent.
 */
@Service
class ConsultationFacts {

    private final JdbcClient jdbc;

    ConsultationFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void recorded(ConsultationRecorded recorded) {
        jdbc.sql("""
            insert into reporting.consultation_fact (consultation_id, contact_id, center_id, channel, queue_code, agent,
                category_id, disposition, follow_up, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (consultation_id) do nothing\
            """)
                .params(
                        recorded.consultationId(),
                        recorded.contactId(),
                        recorded.centerId(),
                        recorded.channel(),
                        recorded.queue(),
                        recorded.agent(),
                        recorded.categoryId(),
                        recorded.disposition().name(),
                        recorded.followUp(),
                        Timestamp.from(recorded.recordedAt()))
                .update();
    }

    /** How many records of a day ended how, per channel, queue and category. */
    record Count(String channel, @Nullable String queue, long categoryId, String disposition, long records) {}

    /** The records of a day as the center lives it: from its midnight to the next, in its time zone. */
    List<Count> on(long center, LocalDate day, ZoneId zone) {
        return jdbc.sql("""
            select channel, queue_code, category_id, disposition, count(*) as records
            from reporting.consultation_fact
            where center_id = ? and recorded_at >= ? and recorded_at < ?
            group by channel, queue_code, category_id, disposition
            order by channel, queue_code, category_id, disposition\
            """)
                .params(
                        center,
                        Timestamp.from(day.atStartOfDay(zone).toInstant()),
                        Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((row, n) -> new Count(
                        row.getString("channel"),
                        row.getString("queue_code"),
                        row.getLong("category_id"),
                        row.getString("disposition"),
                        row.getLong("records")))
                .list();
    }
}
