package io.sangdam.knowledge;

import io.sangdam.identity.Center;
import io.sangdam.identity.CurrentUser;
import io.sangdam.knowledge.ArticleRules.Content;
import io.sangdam.knowledge.ArticleStore.Stored;
import io.sangdam.platform.RequestRejected;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bulk import and export as JSON Lines, one article a line: {@code id} (the source system's id,
 * kept), {@code title}, {@code text} (Markdown), and optionally {@code category} (a path such as
 * {@code 요금/해지}, created when missing), {@code tags}, {@code audience} ({@code agents} or
 * {@code public}) and {@code effectiveFrom}/{@code effectiveTo} ({@code YYYY-MM-DD}).
 *
 * <p>Every line is checked on its own and a bad one is reported, never fatal. Good lines are
 * written {@value #BATCH} at a time, each batch in its own transaction with batched statements: a
 * server killed mid-import leaves whole batches and nothing half-written, and the same file sent
 * again finishes the job (lines already stored come back as unchanged). Imports into one center
 * run one at a time (an advisory lock), so two imports of the same id cannot collide.
 */
@Service
public class ArticleImports {

    static final int BATCH = 200;
    static final int MAXIMUM_LINES = 20_000;
    static final int MAXIMUM_ID = 100;
    /** Longer than any line a body within its limit can make, even written with \\u escapes. */
    static final int MAXIMUM_LINE = ArticleRules.MAXIMUM_BODY * 6 + 20_000;

    /**
     * Who an import acts as, and whether what it imports is published at once or left as drafts.
     *
     * @param onlyNew lines whose id the center already has are left alone (counted unchanged): for
     *     demo data that must not overwrite what someone edited
     */
    public record Importer(String username, boolean publish, boolean onlyNew) {}

    private record Line(int number, String id, String categoryPath, Content content) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final Categories categories;
    private final KnowledgeCenters centers;
    private final ArticleStore store;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    ArticleImports(
            JdbcClient jdbc,
            JdbcTemplate template,
            TransactionTemplate transaction,
            Categories categories,
            KnowledgeCenters centers,
            ArticleStore store,
            MessageSource messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = transaction;
        this.categories = categories;
        this.centers = centers;
        this.store = store;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Imports into the center asked for (or the user's own), as the user: published at once when
     * they may publish and asked to, else as drafts.
     */
    public ImportReport importLines(
            CurrentUser user, @Nullable Long centerId, boolean publish, Reader body, Locale locale) {
        Center center = centers.working(user, centerId);
        centers.requireWrite(user, center.id(), "unknown-center", center.id());
        return importLines(
                center.id(), new Importer(user.username(), publish && ArticleRules.owns(user), false), body, locale);
    }

    /** Imports for a center without a signed-in user (the demo knowledge base). */
    public ImportReport importLines(long centerId, Importer importer, Reader body, Locale locale) {
        var reader = new BoundedLines(body, MAXIMUM_LINE);
        List<ImportReport.RejectedLine> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Line> batch = new ArrayList<>();
        int[] counts = new int[3];
        int number = 0;
        String text;
        while ((text = reader.next()) != null) {
            number++;
            if (number > MAXIMUM_LINES) {
                rejected.add(rejection(
                        number, null, RequestRejected.badRequest("import-too-many-lines", MAXIMUM_LINES), locale));
                break;
            }
            if (reader.truncated()) {
                rejected.add(rejection(
                        number, null, RequestRejected.badRequest("import-line-too-long", MAXIMUM_LINE), locale));
                continue;
            }
            if (number == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                continue;
            }
            String id = null;
            try {
                JsonNode node = parse(text);
                id = id(node);
                if (!seen.add(id)) {
                    throw RequestRejected.badRequest("import-duplicate-id", id);
                }
                batch.add(line(number, id, node));
            } catch (RequestRejected refused) {
                rejected.add(rejection(number, id, refused, locale));
            }
            if (batch.size() == BATCH) {
                write(centerId, importer, batch, counts, rejected, locale);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            write(centerId, importer, batch, counts, rejected, locale);
        }
        rejected.sort(java.util.Comparator.comparingInt(ImportReport.RejectedLine::line));
        return new ImportReport(counts[0], counts[1], counts[2], rejected);
    }

    /** The center's articles (archived ones left out), newest version of each, in the import's format. */
    public void export(CurrentUser user, @Nullable Long centerId, Writer out) {
        Center center = centers.working(user, centerId);
        Map<Long, String> paths = categories.paths(List.of(center.id()));
        transaction.executeWithoutResult(status -> store.forEachOfCenter(center.id(), stored -> {
            try {
                out.write(json.writeValueAsString(exported(stored, paths)));
                out.write('\n');
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }));
    }

    private ObjectNode exported(Stored stored, Map<Long, String> paths) {
        ArticleVersion version = stored.latest();
        ObjectNode line = json.createObjectNode();
        line.put(
                "id",
                stored.externalId() != null ? stored.externalId() : stored.id().toString());
        line.put("title", version.title());
        line.put("text", version.body());
        if (version.categoryId() != null && paths.containsKey(version.categoryId())) {
            line.put("category", paths.get(version.categoryId()));
        }
        ArrayNode tags = line.putArray("tags");
        version.tags().forEach(tags::add);
        line.put("audience", version.audience().code());
        if (version.effectiveFrom() != null) {
            line.put("effectiveFrom", version.effectiveFrom().toString());
        }
        if (version.effectiveTo() != null) {
            line.put("effectiveTo", version.effectiveTo().toString());
        }
        line.put("status", stored.status().name().toLowerCase(Locale.ROOT));
        return line;
    }

    private JsonNode parse(String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException invalid) {
            throw RequestRejected.badRequest("import-invalid-json", invalid.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw RequestRejected.badRequest("import-not-an-object");
        }
        return node;
    }

    private static String id(JsonNode node) {
        JsonNode id = node.get("id");
        if (id == null || id.isNull() || (id.isString() && id.asString().isBlank())) {
            throw RequestRejected.badRequest("import-id-missing");
        }
        if (!id.isString() && !id.isIntegralNumber()) {
            throw RequestRejected.badRequest("import-id-invalid", MAXIMUM_ID);
        }
        String text = id.asString().strip();
        if (text.length() > MAXIMUM_ID || text.chars().anyMatch(Character::isISOControl)) {
            throw RequestRejected.badRequest("import-id-invalid", MAXIMUM_ID);
        }
        return text;
    }

    private Line line(int number, String id, JsonNode node) {
        String path = string(node, "category");
        if (path != null) {
            path = path.strip();
            if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
                throw RequestRejected.badRequest("category-path-invalid", path);
            }
        }
        List<String> tags = null;
        JsonNode tagNode = node.get("tags");
        if (tagNode != null && !tagNode.isNull()) {
            if (!tagNode.isArray()) {
                throw RequestRejected.badRequest("import-field-invalid", "tags");
            }
            tags = new ArrayList<>();
            for (JsonNode tag : tagNode.values()) {
                if (!tag.isString()) {
                    throw RequestRejected.badRequest("import-field-invalid", "tags");
                }
                tags.add(tag.asString());
            }
        }
        Content content = ArticleRules.content(
                string(node, "title"),
                string(node, "text"),
                null,
                tags,
                ArticleRules.audience(string(node, "audience")),
                date(node, "effectiveFrom"),
                date(node, "effectiveTo"));
        return new Line(number, id, path == null ? "" : path, content);
    }

    private static @Nullable String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw RequestRejected.badRequest("import-field-invalid", field);
        }
        return value.asString();
    }

    private static @Nullable LocalDate date(JsonNode node, String field) {
        String text = string(node, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException invalid) {
            throw RequestRejected.badRequest("article-date-invalid", field, text);
        }
    }

    /** One batch in one transaction; a line the database refuses after all is reported, the rest written. */
    private void write(
            long centerId,
            Importer importer,
            List<Line> batch,
            int[] counts,
            List<ImportReport.RejectedLine> rejected,
            Locale locale) {
        int[] written = transaction.execute(status -> writeBatch(centerId, importer, batch, rejected, locale));
        if (written != null) {
            for (int i = 0; i < 3; i++) {
                counts[i] += written[i];
            }
        }
    }

    private int[] writeBatch(
            long centerId,
            Importer importer,
            List<Line> batch,
            List<ImportReport.RejectedLine> rejected,
            Locale locale) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('knowledge.import'), cast(? as integer))")
                .param((int) centerId)
                .query()
                .listOfRows();
        Instant now = clock.instant();
        Map<String, Long> categoryIds = new HashMap<>();
        Map<String, Stored> existing = existing(centerId, batch);
        List<Object[]> newArticles = new ArrayList<>();
        List<Object[]> versions = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<UUID> published = new ArrayList<>();
        int imported = 0;
        int updated = 0;
        int unchanged = 0;
        String reviewedBy = null;
        Instant publishedAt = importer.publish() ? now : null;
        ArticleStatus status = importer.publish() ? ArticleStatus.PUBLISHED : ArticleStatus.DRAFT;
        for (Line line : batch) {
            Content content = line.content();
            if (!line.categoryPath().isEmpty()) {
                try {
                    Long category = categoryIds.get(line.categoryPath());
                    if (category == null) {
                        category = categories.ensurePath(centerId, line.categoryPath());
                        categoryIds.put(line.categoryPath(), category);
                    }
                    content = new Content(
                            content.title(),
                            content.body(),
                            category,
                            content.tags(),
                            content.audience(),
                            content.effectiveFrom(),
                            content.effectiveTo());
                } catch (RequestRejected refused) {
                    rejected.add(rejection(line.number(), line.id(), refused, locale));
                    continue;
                }
            }
            Stored found = existing.get(line.id());
            if (found == null) {
                UUID id = UUID.randomUUID();
                newArticles.add(new Object[] {
                    id,
                    centerId,
                    line.id(),
                    ArticleKind.ARTICLE.name(),
                    importer.username(),
                    status.name(),
                    importer.publish() ? 1 : null,
                    Timestamp.from(now),
                    Timestamp.from(now)
                });
                versions.add(ArticleStore.versionParameters(
                        id, 1, content, importer.username(), now, reviewedBy, publishedAt));
                if (importer.publish()) {
                    published.add(id);
                }
                imported++;
            } else if (importer.onlyNew()) {
                unchanged++;
            } else if (found.status() == ArticleStatus.ARCHIVED) {
                rejected.add(rejection(line.number(), line.id(), RequestRejected.conflict("article-archived"), locale));
            } else if (content.sameAs(found.latest())
                    && (!importer.publish() || found.status() == ArticleStatus.PUBLISHED)) {
                unchanged++;
            } else {
                int number = found.latest().number() + 1;
                versions.add(ArticleStore.versionParameters(
                        found.id(), number, content, importer.username(), now, reviewedBy, publishedAt));
                updates.add(new Object[] {
                    number, status.name(), importer.publish() ? number : null, Timestamp.from(now), found.id()
                });
                if (importer.publish()) {
                    published.add(found.id());
                }
                updated++;
            }
        }
        if (!newArticles.isEmpty()) {
            template.batchUpdate("""
                insert into knowledge.article (id, center_id, external_id, kind, owner, status, latest_version,
                                               published_version, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)\
                """, newArticles);
        }
        if (!versions.isEmpty()) {
            template.batchUpdate("""
                insert into knowledge.article_version (article_id, number, title, body, category_id, tags, audience,
                                                       effective_from, effective_to, author, created_at, reviewed_by, published_at)
                values (?, ?, ?, ?, ?, string_to_array(?, E'\\n')::varchar(50)[], ?, ?, ?, ?, ?, ?, ?)\
                """, versions);
        }
        if (!updates.isEmpty()) {
            // A draft import leaves the version in force as it was (coalesce keeps it).
            template.batchUpdate("""
                update knowledge.article set latest_version = ?, status = ?,
                       published_version = coalesce(?, published_version), review_comment = null, updated_at = ?
                 where id = ?\
                """, updates);
        }
        for (UUID id : published) {
            events.publishEvent(new ArticlePublished(id, centerId));
        }
        return new int[] {imported, updated, unchanged};
    }

    /** The batch's articles already in the center, by their imported id (or UUID, for an export sent back). */
    private Map<String, Stored> existing(long centerId, List<Line> batch) {
        String ids = String.join("\n", batch.stream().map(Line::id).toList());
        Map<String, Stored> found = new LinkedHashMap<>();
        List<UUID> matching =
                jdbc.sql("""
                    select id from knowledge.article
                     where center_id = ?
                       and (external_id = any(string_to_array(?, E'\\n'))
                            or (external_id is null and id::text = any(string_to_array(?, E'\\n'))))\
                    """).params(centerId, ids, ids).query(UUID.class).list();
        for (Stored stored : store.findAll(matching)) {
            found.put(
                    stored.externalId() != null
                            ? stored.externalId()
                            : stored.id().toString(),
                    stored);
        }
        return found;
    }

    private ImportReport.RejectedLine rejection(int line, @Nullable String id, RequestRejected refused, Locale locale) {
        String message = messages.getMessage("problem." + refused.code(), refused.arguments(), refused.code(), locale);
        return new ImportReport.RejectedLine(line, id, refused.code(), message == null ? refused.code() : message);
    }
}
