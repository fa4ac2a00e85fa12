package io.sangdam.channel;

import io.sangdam.platform.RequestRejected;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A center's colour thresholds for the monitoring list: how long a customer's last message may stay
 * unanswered before the chat is marked (warn, then alert). A center that set nothing uses the
 * defaults, which match the desk's own reply timer (late after a minute).
 */
@Repository
class MonitorSettings {

    static final int DEFAULT_WARN_SECONDS = 60;
    static final int DEFAULT_ALERT_SECONDS = 120;
    /** An hour: beyond it a chat is not "waiting for an answer", it is forgotten, and any colour would do. */
    static final int MAXIMUM_SECONDS = 3600;

    /** Warn from {@code warnSeconds}, alert from {@code alertSeconds} (never earlier than the warning). */
    record AnswerWait(int warnSeconds, int alertSeconds) {

        static final AnswerWait DEFAULT = new AnswerWait(DEFAULT_WARN_SECONDS, DEFAULT_ALERT_SECONDS);

        /** The level for a customer who has waited that long: none, warn or alert. */
        Level level(long waitedSeconds) {
            return waitedSeconds >= alertSeconds ? Level.ALERT : waitedSeconds >= warnSeconds ? Level.WARN : Level.NONE;
        }
    }

    enum Level {
        NONE,
        WARN,
        ALERT
    }

    private final JdbcClient jdbc;

    MonitorSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AnswerWait answerWait(long centerId) {
        return jdbc.sql("select answer_warn_seconds, answer_alert_seconds from channel.monitor_setting where center_id"
                        + " = ?")
                .param(centerId)
                .query((row, n) -> new AnswerWait(row.getInt(1), row.getInt(2)))
                .optional()
                .orElse(AnswerWait.DEFAULT);
    }

    /** @throws RequestRejected {@code invalid-answer-wait} outside 1 s to an hour, or an alert before the warning */
    void setAnswerWait(long centerId, int warnSeconds, int alertSeconds) {
        if (warnSeconds < 1 || alertSeconds > MAXIMUM_SECONDS || alertSeconds < warnSeconds) {
            throw RequestRejected.badRequest("invalid-answer-wait", MAXIMUM_SECONDS);
        }
        jdbc.sql("""
            insert into channel.monitor_setting (center_id, answer_warn_seconds, answer_alert_seconds) values (?, ?, ?)
            on conflict (center_id) do update
               set answer_warn_seconds = excluded.answer_warn_seconds, answer_alert_seconds = excluded.answer_alert_seconds\
            """).params(centerId, warnSeconds, alertSeconds).update();
    }
}
