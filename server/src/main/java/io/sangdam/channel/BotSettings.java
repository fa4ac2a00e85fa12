package io.sangdam.channel;

import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whether a center's widget asks the bot first. Off unless the center turned it on (the demo turns
 * it on for its centers): a center that never chose keeps the widget it had, straight to the queue.
 */
@Repository
class BotSettings {

    /** {@code changedBy} and {@code changedAt} are null while the center never chose. */
    record BotSetting(
            long centerId,
            boolean enabled,
            @Nullable String changedBy,
            @Nullable Instant changedAt) {}

    private final JdbcClient jdbc;

    BotSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    BotSetting of(long centerId) {
        return jdbc.sql("select * from channel.bot_setting where center_id = ?")
                .param(centerId)
                .query((row, n) -> {
                    Timestamp at = row.getTimestamp("changed_at");
                    return new BotSetting(
                            centerId,
                            row.getBoolean("enabled"),
                            row.getString("changed_by"),
                            at == null ? null : at.toInstant());
                })
                .optional()
                .orElse(new BotSetting(centerId, false, null, null));
    }

    void set(long centerId, boolean enabled, String by, Instant at) {
        jdbc.sql("""
            insert into channel.bot_setting (center_id, enabled, changed_by, changed_at) values (?, ?, ?, ?)
            on conflict (center_id) do update set enabled = excluded.enabled, changed_by = excluded.changed_by,
                changed_at = excluded.changed_at\
            """).params(centerId, enabled, by, Timestamp.from(at)).update();
    }

    /** Turned on for a center that never chose (the demo's start); a center's own choice stays. */
    void enableUnlessChosen(long centerId) {
        jdbc.sql("insert into channel.bot_setting (center_id, enabled) values (?, true) on conflict do nothing")
                .param(centerId)
                .update();
    }
}
