package io.sangdam.protection;

import io.sangdam.platform.RequestRejected;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the customer is told about protection, in the center's own words: the notice that opens
 * every chat (the same the ARS plays before a call), then the first and the final warning. A center
 * that wrote nothing uses the default text, which cites 산업안전보건법 제41조. The chat's greeting,
 * read just before the notice, is kept here too, so the manager words the opening on one page.
 */
@Service
public class ProtectionNotices {

    static final int MAXIMUM_LENGTH = 1000;
    static final List<String> LANGUAGES = List.of("ko", "en");

    public enum Kind {
        /** Not a protection text, but the customer reads it just before the notice and the same manager words it. */
        CHAT_GREETING("chat.greeting"),
        CHAT_NOTICE("chat.protection-notice"),
        FIRST_WARNING("protection.warning.1"),
        FINAL_WARNING("protection.warning.final");

        private final String defaultKey;

        Kind(String defaultKey) {
            this.defaultKey = defaultKey;
        }

        public String defaultKey() {
            return defaultKey;
        }
    }

    /** One text as the editing page shows it; {@code custom} false means the default is in use. */
    record Notice(
            Kind kind,
            String language,
            String text,
            boolean custom,
            String defaultText,
            @Nullable Instant updatedAt,
            @Nullable String updatedBy) {}

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final ProtectionPolicy policy;
    private final Clock clock;

    ProtectionNotices(JdbcClient jdbc, MessageSource messages, ProtectionPolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.policy = policy;
        this.clock = clock;
    }

    /** The text a customer of this center reads (or hears) in their language. */
    public String text(long centerId, Kind kind, Locale locale) {
        String language = language(locale);
        return jdbc.sql("select text from protection.notice_text where center_id = ? and kind = ? and language = ?")
                .params(centerId, kind.name(), language)
                .query(String.class)
                .optional()
                .orElseGet(() -> defaultText(kind, language));
    }

    /** The warning sent as the {@code level}-th (1 = first); the one that reaches the policy's count is the final. */
    public String warning(long centerId, int level, Locale locale) {
        return text(centerId, level >= policy.warningsBeforeEnding() ? Kind.FINAL_WARNING : Kind.FIRST_WARNING, locale);
    }

    List<Notice> of(long centerId) {
        List<Notice> notices = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (String language : LANGUAGES) {
                String fallback = defaultText(kind, language);
                notices.add(jdbc.sql("""
                    select text, updated_at, updated_by from protection.notice_text
                     where center_id = ? and kind = ? and language = ?\
                    """)
                        .params(centerId, kind.name(), language)
                        .query((row, n) -> new Notice(
                                kind,
                                language,
                                row.getString("text"),
                                true,
                                fallback,
                                row.getTimestamp("updated_at").toInstant(),
                                row.getString("updated_by")))
                        .optional()
                        .orElseGet(() -> new Notice(kind, language, fallback, false, fallback, null, null)));
            }
        }
        return notices;
    }

    /**
     * @throws RequestRejected {@code notice-text-empty}, {@code notice-text-too-long} or {@code
     *     notice-language-unknown}
     */
    void save(long centerId, Kind kind, String language, @Nullable String text, String by) {
        requireLanguage(language);
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw RequestRejected.badRequest("notice-text-empty");
        }
        if (stripped.length() > MAXIMUM_LENGTH) {
            throw RequestRejected.badRequest("notice-text-too-long", MAXIMUM_LENGTH);
        }
        jdbc.sql("""
            insert into protection.notice_text (center_id, kind, language, text, updated_at, updated_by)
            values (?, ?, ?, ?, ?, ?)
            on conflict (center_id, kind, language) do update
               set text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by\
            """)
                .params(centerId, kind.name(), language, stripped, Timestamp.from(clock.instant()), by)
                .update();
    }

    /** Back to the default text. */
    void reset(long centerId, Kind kind, String language) {
        requireLanguage(language);
        jdbc.sql("delete from protection.notice_text where center_id = ? and kind = ? and language = ?")
                .params(centerId, kind.name(), language)
                .update();
    }

    static Kind kind(String name) {
        for (Kind kind : Kind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw RequestRejected.badRequest("notice-kind-unknown", name);
    }

    private String defaultText(Kind kind, String language) {
        return messages.getMessage(kind.defaultKey(), null, Locale.forLanguageTag(language));
    }

    private static String language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "ko";
    }

    private static void requireLanguage(String language) {
        if (!LANGUAGES.contains(language)) {
            throw RequestRejected.badRequest("notice-language-unknown", language);
        }
    }
}
