package io.sangdam.knowledge;

import io.sangdam.knowledge.ArticleRules.Content;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The knowledge schema's articles and versions. A version row is written once and later only
 * marked reviewed and published; an article row holds the workflow state and points at its newest
 * version and at the version in force.
 */
@Repository
class ArticleStore {

    /** An article row with its newest version and the version in force (category paths not yet filled in). */
    record Stored(
            UUID id,
            @Nullable String externalId,
            long centerId,
            ArticleKind kind,
            ArticleStatus status,
            String owner,
            ArticleVersion latest,
            @Nullable ArticleVersion published,
            @Nullable String reviewComment,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Instant archivedAt,
            @Nullable String archivedBy) {}

    record Filter(
            Collection<Long> centers,
            @Nullable ArticleStatus status,
            boolean includeArchived,
            @Nullable Audience audience,
            @Nullable Collection<Long> categories,
            @Nullable String text) {}

    static final String VERSION_COLUMNS = "title, body, category_id, array_to_string(tags, E'\\n') as tags, audience,"
            + " effective_from, effective_to, author, created_at, reviewed_by, published_at, number";

    private static final String SELECT = """
        select a.id, a.center_id, a.external_id, a.kind, a.owner, a.status, a.review_comment, a.created_at as a_created_at,
               a.updated_at, a.archived_at, a.archived_by,
               l.number as l_number, l.title as l_title, l.body as l_body, l.category_id as l_category_id,
               array_to_string(l.tags, E'\\n') as l_tags, l.audience as l_audience, l.effective_from as l_effective_from,
               l.effective_to as l_effective_to, l.author as l_author, l.created_at as l_created_at,
               l.reviewed_by as l_reviewed_by, l.published_at as l_published_at,
               p.number as p_number, p.title as p_title, p.body as p_body, p.category_id as p_category_id,
               array_to_string(p.tags, E'\\n') as p_tags, p.audience as p_audience, p.effective_from as p_effective_from,
               p.effective_to as p_effective_to, p.author as p_author, p.created_at as p_created_at,
               p.reviewed_by as p_reviewed_by, p.published_at as p_published_at
          from knowledge.article a
          join knowledge.article_version l on l.article_id = a.id and l.number = a.latest_version
          left join knowledge.article_version p on p.article_id = a.id and p.number = a.published_version
        """;

    /** Rows a streaming read fetches at a time (inside a transaction PostgreSQL then uses a cursor). */
    static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    ArticleStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
    }

    void insertArticle(
            UUID id,
            long centerId,
            @Nullable String externalId,
            ArticleKind kind,
            String owner,
            ArticleStatus status,
            @Nullable Integer publishedVersion,
            Instant at) {
        jdbc.sql("""
            insert into knowledge.article (id, center_id, external_id, kind, owner, status, latest_version,
                                           published_version, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)\
            """)
                .params(
                        id,
                        centerId,
                        externalId,
                        kind.name(),
                        owner,
                        status.name(),
                        publishedVersion,
                        Timestamp.from(at),
                        Timestamp.from(at))
                .update();
    }

    void insertVersion(
            UUID articleId,
            int number,
            Content content,
            String author,
            Instant at,
            @Nullable String reviewedBy,
            @Nullable Instant publishedAt) {
        jdbc.sql("""
            insert into knowledge.article_version (article_id, number, title, body, category_id, tags, audience,
                                                   effective_from, effective_to, author, created_at, reviewed_by, published_at)
            values (?, ?, ?, ?, ?, string_to_array(?, E'\\n')::varchar(50)[], ?, ?, ?, ?, ?, ?, ?)\
            """)
                .params(versionParameters(articleId, number, content, author, at, reviewedBy, publishedAt))
                .update();
    }

    static Object[] versionParameters(
            UUID articleId,
            int number,
            Content content,
            String author,
            Instant at,
            @Nullable String reviewedBy,
            @Nullable Instant publishedAt) {
        return new Object[] {
            articleId,
            number,
            content.title(),
            content.body(),
            content.categoryId(),
            String.join("\n", content.tags()),
            content.audience().name(),
            content.effectiveFrom(),
            content.effectiveTo(),
            author,
            Timestamp.from(at),
            reviewedBy,
            publishedAt == null ? null : Timestamp.from(publishedAt)
        };
    }

    /** After a new version: it is the newest, in this state; the comment of an earlier send-back is done with. */
    void newVersion(UUID id, int number, ArticleStatus status, Instant at) {
        jdbc.sql("update knowledge.article set latest_version = ?, status = ?, review_comment = null, updated_at = ?"
                        + " where id = ?")
                .params(number, status.name(), Timestamp.from(at), id)
                .update();
    }

    void status(UUID id, ArticleStatus status, @Nullable String reviewComment, Instant at) {
        jdbc.sql("update knowledge.article set status = ?, review_comment = ?, updated_at = ? where id = ?")
                .params(status.name(), reviewComment, Timestamp.from(at), id)
                .update();
    }

    void published(UUID id, int number, String reviewer, Instant at) {
        jdbc.sql("update knowledge.article_version set reviewed_by = ?, published_at = ? where article_id = ?"
                        + " and number = ?")
                .params(reviewer, Timestamp.from(at), id, number)
                .update();
        jdbc.sql("update knowledge.article set status = 'PUBLISHED', published_version = ?, review_comment = null,"
                        + " updated_at = ? where id = ?")
                .params(number, Timestamp.from(at), id)
                .update();
    }

    void archived(UUID id, String by, Instant at) {
        jdbc.sql("update knowledge.article set status = 'ARCHIVED', archived_at = ?, archived_by = ?, updated_at = ?"
                        + " where id = ?")
                .params(Timestamp.from(at), by, Timestamp.from(at), id)
                .update();
    }

    void restored(UUID id, ArticleStatus status, Instant at) {
        jdbc.sql("update knowledge.article set status = ?, archived_at = null, archived_by = null, updated_at = ?"
                        + " where id = ?")
                .params(status.name(), Timestamp.from(at), id)
                .update();
    }

    /** Locks the row for the rest of the transaction: two reviewers pressing publish act one after the other. */
    Optional<Stored> lock(UUID id) {
        jdbc.sql("select 1 from knowledge.article where id = ? for update")
                .param(id)
                .query()
                .listOfRows();
        return find(id);
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql(SELECT + " where a.id = ?")
                .param(id)
                .query((row, n) -> map(row))
                .optional();
    }

    List<Stored> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String joined = ids.stream().map(UUID::toString).collect(Collectors.joining(","));
        return jdbc.sql(SELECT + " where a.id = any(string_to_array(?, ',')::uuid[])")
                .param(joined)
                .query((row, n) -> map(row))
                .list();
    }

    Optional<UUID> findByExternalId(long centerId, String externalId) {
        return jdbc.sql("select id from knowledge.article where center_id = ? and external_id = ?")
                .params(centerId, externalId)
                .query(UUID.class)
                .optional();
    }

    List<ArticleVersion> versions(UUID id) {
        return jdbc.sql("select " + VERSION_COLUMNS
                        + " from knowledge.article_version where article_id = ? order by number desc")
                .param(id)
                .query((row, n) -> version(row, ""))
                .list();
    }

    Optional<ArticleVersion> version(UUID id, int number) {
        return jdbc.sql("select " + VERSION_COLUMNS
                        + " from knowledge.article_version where article_id = ? and number = ?")
                .params(id, number)
                .query((row, n) -> version(row, ""))
                .optional();
    }

    record Page(List<Stored> rows, int total) {}

    Page search(Filter filter, int offset, int limit) {
        String text = filter.text() == null || filter.text().isBlank()
                ? null
                : "%" + escapeLike(filter.text().strip()) + "%";
        String categories = filter.categories() == null
                ? null
                : filter.categories().stream().map(String::valueOf).collect(Collectors.joining(","));
        String where = """
             where a.center_id = any(string_to_array(?, ',')::bigint[])
               and (cast(? as varchar) is null or a.status = ?)
               and (? or a.status <> 'ARCHIVED' or cast(? as varchar) = 'ARCHIVED')
               and (cast(? as varchar) is null or l.audience = ?)
               and (cast(? as varchar) is null or l.category_id = any(string_to_array(?, ',')::bigint[]))
               and (cast(? as varchar) is null or l.title ilike ? escape '\\' or l.body ilike ? escape '\\'
                    or a.external_id ilike ? escape '\\')
            """;
        String centers = filter.centers().stream().map(String::valueOf).collect(Collectors.joining(","));
        String status = filter.status() == null ? null : filter.status().name();
        String audience = filter.audience() == null ? null : filter.audience().name();
        Object[] parameters = {
            centers,
            status,
            status,
            filter.includeArchived(),
            status,
            audience,
            audience,
            categories,
            categories,
            text,
            text,
            text,
            text
        };
        int total = jdbc.sql("select count(*) from knowledge.article a join knowledge.article_version l"
                        + " on l.article_id = a.id and l.number = a.latest_version " + where)
                .params(parameters)
                .query(Integer.class)
                .single();
        Object[] paged = java.util.Arrays.copyOf(parameters, parameters.length + 2);
        paged[parameters.length] = limit;
        paged[parameters.length + 1] = offset;
        List<Stored> rows = jdbc.sql(SELECT + where + " order by a.updated_at desc, a.id limit ? offset ?")
                .params(paged)
                .query((row, n) -> map(row))
                .list();
        return new Page(rows, total);
    }

    /** Every article with a version in force, archived ones too, read as a stream (for index rebuilds). */
    void forEachPublished(Consumer<Stored> action) {
        streaming.query(SELECT + " where a.published_version is not null order by a.id", (RowCallbackHandler)
                row -> action.accept(map(row)));
    }

    /** Newest versions of a center's articles (not archived), oldest article first: what an export writes. */
    void forEachOfCenter(long centerId, Consumer<Stored> action) {
        streaming.query(
                SELECT + " where a.center_id = ? and a.status <> 'ARCHIVED' order by a.created_at, a.id",
                (RowCallbackHandler) row -> action.accept(map(row)),
                centerId);
    }

    private static Stored map(ResultSet row) throws SQLException {
        Timestamp archivedAt = row.getTimestamp("archived_at");
        row.getInt("p_number");
        ArticleVersion published = row.wasNull() ? null : version(row, "p_");
        return new Stored(
                row.getObject("id", UUID.class),
                row.getString("external_id"),
                row.getLong("center_id"),
                ArticleKind.valueOf(row.getString("kind")),
                ArticleStatus.valueOf(row.getString("status")),
                row.getString("owner"),
                version(row, "l_"),
                published,
                row.getString("review_comment"),
                row.getTimestamp("a_created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(),
                archivedAt == null ? null : archivedAt.toInstant(),
                row.getString("archived_by"));
    }

    private static ArticleVersion version(ResultSet row, String prefix) throws SQLException {
        long category = row.getLong(prefix + "category_id");
        Long categoryId = row.wasNull() ? null : category;
        String tags = row.getString(prefix + "tags");
        Timestamp publishedAt = row.getTimestamp(prefix + "published_at");
        return new ArticleVersion(
                row.getInt(prefix + "number"),
                row.getString(prefix + "title"),
                row.getString(prefix + "body"),
                categoryId,
                null,
                tags == null || tags.isEmpty() ? List.of() : List.of(tags.split("\n")),
                Audience.valueOf(row.getString(prefix + "audience")),
                row.getObject(prefix + "effective_from", LocalDate.class),
                row.getObject(prefix + "effective_to", LocalDate.class),
                row.getString(prefix + "author"),
                row.getTimestamp(prefix + "created_at").toInstant(),
                row.getString(prefix + "reviewed_by"),
                publishedAt == null ? null : publishedAt.toInstant());
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
