package io.sangdam.protection;

import io.sangdam.engine.protection.AbuseCategory;
import io.sangdam.engine.protection.InvalidLexiconException;
import io.sangdam.engine.protection.Lexicon;
import io.sangdam.engine.protection.LexiconTerm;
import io.sangdam.engine.protection.Severity;
import io.sangdam.platform.RequestRejected;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The abuse lexicon as the protection team keeps it: one row per term or allowed phrase, never
 * deleted, only deactivated. Every entry is checked the way the detector will read it before it is
 * stored, so a bad edit is refused here and never reaches the detector.
 */
@Repository
class LexiconEntries {

    static final String ALLOW = "ALLOW";
    static final int MAXIMUM_PATTERN_LENGTH = 500;
    static final String SEEDED_BY = "system";

    record Entry(
            long id,
            String category,
            @Nullable String severity,
            String pattern,
            boolean active,
            Instant createdAt,
            String createdBy,
            @Nullable Instant deactivatedAt,
            @Nullable String deactivatedBy) {

        public boolean allowed() {
            return ALLOW.equals(category);
        }
    }

    record Filter(@Nullable String text, @Nullable String category, boolean includeInactive) {}

    record Page(List<Entry> rows, int total) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    LexiconEntries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Fills an empty table with the shipped lexicon, in its order. Once any row exists (even a
     * deactivated one) the team's data is the truth and the file is not read again.
     */
    @Transactional
    void seedIfEmpty(Lexicon defaults) {
        // Two servers starting together must not both seed.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('protection.lexicon_entry'))")
                .query()
                .singleValue();
        if (jdbc.sql("select exists (select 1 from protection.lexicon_entry)")
                .query(Boolean.class)
                .single()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (LexiconTerm term : defaults.terms()) {
            insert(term.category().name(), term.severity().name(), term.pattern(), now, SEEDED_BY);
        }
        for (String phrase : defaults.allowedPhrases()) {
            insert(ALLOW, null, phrase, now, SEEDED_BY);
        }
    }

    /** What the detector matches now: active entries in the order they were added. */
    Lexicon active() {
        List<LexiconTerm> terms = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        jdbc.sql("select category, severity, pattern from protection.lexicon_entry where active order by id")
                .query((RowCallbackHandler) row -> {
                    String category = row.getString("category");
                    if (ALLOW.equals(category)) {
                        allowed.add(row.getString("pattern"));
                    } else {
                        terms.add(new LexiconTerm(
                                row.getString("pattern"),
                                AbuseCategory.valueOf(category),
                                Severity.valueOf(row.getString("severity"))));
                    }
                });
        return new Lexicon(terms, allowed);
    }

    /**
     * @throws RequestRejected {@code lexicon-pattern-empty}, {@code lexicon-pattern-too-long},
     *     {@code lexicon-category-unknown}, {@code lexicon-severity-unknown}, {@code
     *     lexicon-pattern-invalid} (the detector could not use it) or {@code lexicon-duplicate}
     */
    Entry add(@Nullable String category, @Nullable String severity, @Nullable String pattern, String by) {
        String checkedCategory = category(category);
        String checkedSeverity = ALLOW.equals(checkedCategory) ? null : severity(severity);
        String checkedPattern = pattern(pattern, checkedCategory, checkedSeverity);
        requireNoActiveDuplicate(checkedCategory, checkedPattern);
        try {
            long id = insert(checkedCategory, checkedSeverity, checkedPattern, Timestamp.from(clock.instant()), by);
            return require(id);
        } catch (DuplicateKeyException raced) {
            throw RequestRejected.conflict("lexicon-duplicate", checkedPattern, checkedPattern);
        }
    }

    Entry deactivate(long id, String by) {
        Entry entry = require(id);
        if (entry.active()) {
            jdbc.sql("update protection.lexicon_entry set active = false, deactivated_at = ?, deactivated_by ="
                            + " ? where id = ?")
                    .params(Timestamp.from(clock.instant()), by, id)
                    .update();
        }
        return require(id);
    }

    Entry reactivate(long id) {
        Entry entry = require(id);
        if (!entry.active()) {
            requireNoActiveDuplicate(entry.category(), entry.pattern());
            try {
                jdbc.sql("update protection.lexicon_entry set active = true, deactivated_at = null,"
                                + " deactivated_by = null where id = ?")
                        .param(id)
                        .update();
            } catch (DuplicateKeyException raced) {
                throw RequestRejected.conflict("lexicon-duplicate", entry.pattern(), entry.pattern());
            }
        }
        return require(id);
    }

    Page search(Filter filter, int offset, int limit) {
        String text = filter.text() == null || filter.text().isBlank()
                ? null
                : "%" + escapeLike(filter.text().strip()) + "%";
        String category = filter.category() == null || filter.category().isBlank() ? null : filter.category();
        String where = """
            where (cast(? as varchar) is null or pattern ilike ? escape '\\')
              and (cast(? as varchar) is null or category = ?)
              and (? or active)\
            """;
        int total = jdbc.sql("select count(*) from protection.lexicon_entry " + where)
                .params(text, text, category, category, filter.includeInactive())
                .query(Integer.class)
                .single();
        List<Entry> rows = jdbc.sql("select * from protection.lexicon_entry " + where
                        + " order by active desc, case when category = 'ALLOW' then 1 else 0 end, category, id"
                        + " limit ? offset ?")
                .params(text, text, category, category, filter.includeInactive(), limit, offset)
                .query((row, n) -> map(row))
                .list();
        return new Page(rows, total);
    }

    Entry require(long id) {
        return jdbc.sql("select * from protection.lexicon_entry where id = ?")
                .param(id)
                .query((row, n) -> map(row))
                .optional()
                .orElseThrow(() -> RequestRejected.notFound("unknown-lexicon-entry", id));
    }

    private long insert(String category, @Nullable String severity, String pattern, Timestamp at, String by) {
        return jdbc.sql("""
            insert into protection.lexicon_entry (category, severity, pattern, created_at, created_by)
            values (?, ?, ?, ?, ?) returning id\
            """)
                .params(category, severity, pattern, at, by)
                .query(Long.class)
                .single();
    }

    /**
     * A duplicate is an entry whose every form an active entry of the same category already
     * stands for: 시발점 is refused as an allowed phrase while 시발(점|역) is in use.
     */
    private void requireNoActiveDuplicate(String category, String pattern) {
        Set<String> wanted = forms(pattern);
        Set<String> remaining = new HashSet<>(wanted);
        String covering = null;
        for (String existing : jdbc.sql(
                        "select pattern from protection.lexicon_entry where active and category = ? order by id")
                .param(category)
                .query(String.class)
                .list()) {
            Set<String> existingForms = forms(existing);
            if (remaining.removeIf(existingForms::contains) && covering == null) {
                covering = existing;
            }
            if (remaining.isEmpty()) {
                throw RequestRejected.conflict("lexicon-duplicate", pattern, covering);
            }
        }
    }

    private static Set<String> forms(String pattern) {
        Set<String> forms = new HashSet<>();
        for (String form : Lexicon.forms(pattern)) {
            forms.add(form.strip().replaceAll("\\s+", " "));
        }
        return forms;
    }

    private static String category(@Nullable String category) {
        String name = category == null ? "" : category.strip().toUpperCase(Locale.ROOT);
        if (name.equals(ALLOW)) {
            return ALLOW;
        }
        for (AbuseCategory known : AbuseCategory.values()) {
            if (known.name().equals(name)) {
                return name;
            }
        }
        throw RequestRejected.badRequest("lexicon-category-unknown", category == null ? "" : category);
    }

    private static String severity(@Nullable String severity) {
        String name = severity == null ? "" : severity.strip().toUpperCase(Locale.ROOT);
        for (Severity known : Severity.values()) {
            if (known.name().equals(name)) {
                return name;
            }
        }
        throw RequestRejected.badRequest("lexicon-severity-unknown", severity == null ? "" : severity);
    }

    /** Checked by the engine's own rules, the ones the detector applies when it is built. */
    private static String pattern(@Nullable String pattern, String category, @Nullable String severity) {
        String stripped = pattern == null ? "" : pattern.strip();
        if (stripped.isEmpty()) {
            throw RequestRejected.badRequest("lexicon-pattern-empty");
        }
        if (stripped.length() > MAXIMUM_PATTERN_LENGTH) {
            throw RequestRejected.badRequest("lexicon-pattern-too-long", MAXIMUM_PATTERN_LENGTH);
        }
        if (stripped.contains("\t") || stripped.contains("\n") || stripped.contains("\r")) {
            throw RequestRejected.badRequest("lexicon-pattern-invalid", "tab or line break");
        }
        try {
            if (ALLOW.equals(category)) {
                new Lexicon(List.of(), List.of(stripped));
            } else if (severity == null) {
                // add() checks a severity for every category but the allow list, so this is a bug there.
                throw new IllegalStateException("a lexicon term of " + category + " without a severity");
            } else {
                new Lexicon(
                        List.of(new LexiconTerm(stripped, AbuseCategory.valueOf(category), Severity.valueOf(severity))),
                        List.of());
            }
        } catch (InvalidLexiconException invalid) {
            throw RequestRejected.badRequest("lexicon-pattern-invalid", invalid.getMessage());
        }
        return stripped;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Entry map(ResultSet row) throws SQLException {
        Timestamp deactivated = row.getTimestamp("deactivated_at");
        return new Entry(
                row.getLong("id"),
                row.getString("category"),
                row.getString("severity"),
                row.getString("pattern"),
                row.getBoolean("active"),
                row.getTimestamp("created_at").toInstant(),
                row.getString("created_by"),
                deactivated == null ? null : deactivated.toInstant(),
                row.getString("deactivated_by"));
    }
}
