package io.sangdam.channel;

import io.sangdam.platform.RequestRejected;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A center's settings for its web chat. For now one: how long a chat's customer may be gone (no
 * stream open, no request) before a waiting chat is abandoned and a connected one is shown to its
 * agent as left ({@link AbandonedChats}).
 */
@Repository
class ChatSettings {

    static final int DEFAULT_CUSTOMER_GONE_SECONDS = 60;
    /**
     * Not shorter: a stream that drops is opened again by the browser within seconds, a node that
     * restarts sends its browsers elsewhere within {@link LiveStreams#REOPEN_WITHIN}, and the sweep
     * and presence stamps run every few seconds ({@link CustomerPresence}).
     */
    static final int MINIMUM_CUSTOMER_GONE_SECONDS = 15;

    static final int MAXIMUM_CUSTOMER_GONE_SECONDS = 1800;

    /** {@code changedBy} and {@code changedAt} are null while the center uses the defaults. */
    record ChatSetting(
            long centerId,
            int customerGoneSeconds,
            @Nullable String changedBy,
            @Nullable Instant changedAt) {

        Duration customerGone() {
            return Duration.ofSeconds(customerGoneSeconds);
        }
    }

    private final JdbcClient jdbc;

    ChatSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ChatSetting of(long centerId) {
        return jdbc.sql("select * from channel.chat_setting where center_id = ?")
                .param(centerId)
                .query((row, n) -> new ChatSetting(
                        centerId,
                        row.getInt("customer_gone_seconds"),
                        row.getString("changed_by"),
                        row.getTimestamp("changed_at").toInstant()))
                .optional()
                .orElse(new ChatSetting(centerId, DEFAULT_CUSTOMER_GONE_SECONDS, null, null));
    }

    /** @throws RequestRejected {@code customer-gone-out-of-range} outside 15 s to 30 min */
    ChatSetting set(long centerId, @Nullable Integer customerGoneSeconds, String by, Instant at) {
        if (customerGoneSeconds == null
                || customerGoneSeconds < MINIMUM_CUSTOMER_GONE_SECONDS
                || customerGoneSeconds > MAXIMUM_CUSTOMER_GONE_SECONDS) {
            throw RequestRejected.badRequest(
                    "customer-gone-out-of-range", MINIMUM_CUSTOMER_GONE_SECONDS, MAXIMUM_CUSTOMER_GONE_SECONDS);
        }
        jdbc.sql("""
            insert into channel.chat_setting (center_id, customer_gone_seconds, changed_by, changed_at) values (?, ?, ?, ?)
            on conflict (center_id) do update set customer_gone_seconds = excluded.customer_gone_seconds,
                changed_by = excluded.changed_by, changed_at = excluded.changed_at\
            """)
                .params(centerId, customerGoneSeconds, by, Timestamp.from(at))
                .update();
        return of(centerId);
    }
}
