package io.sangdam.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored quick replies of every center (table {@code channel.quick_reply}); who may see which is {@link QuickReplySets}'. */
@Repository
class QuickReplies {

    /** A stored quick reply: the shape a knowledge-base snippet will take over (issue 18). */
    record QuickReply(
            long id,
            long centerId,
            QuickReplyScope scope,
            @Nullable String team,
            @Nullable Long ownerId,
            String title,
            String body,
            String language,
            String createdBy,
            Instant createdAt,
            String updatedBy,
            Instant updatedAt) {}

    /** The sets one person reads in a center: the center's, the given teams' (all with null) and their own. */
    record Reader(long centerId, @Nullable String team, boolean everyTeam, long personId) {}

    static final int MOST_LISTED = 300;

    private final JdbcClient jdbc;

    QuickReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<QuickReply> find(long id) {
        return jdbc.sql("select * from channel.quick_reply where id = ?")
                .param(id)
                .query(QuickReplies::read)
                .optional();
    }

    /**
     * Their own first, then the team's, then the center's; by title within each.
     *
     * @param language only the replies in this language (a chat's, ko or en); null for all
     */
    List<QuickReply> readBy(Reader reader, @Nullable String text, @Nullable String language) {
        String like = text == null || text.isBlank()
                ? null
                : "%" + escaped(text.strip().toLowerCase()) + "%";
        return jdbc.sql("""
            select * from channel.quick_reply
            where center_id = :center
              and (scope = 'CENTER'
                   or (scope = 'TEAM' and (:everyTeam or team = :team))
                   or (scope = 'PERSONAL' and owner_id = :person))
              and (cast(:like as text) is null
                   or lower(title) like cast(:like as text) escape '\\'
                   or lower(body) like cast(:like as text) escape '\\')
              and (cast(:language as text) is null or language = cast(:language as text))
            order by case scope when 'PERSONAL' then 0 when 'TEAM' then 1 else 2 end, lower(title), id
            limit :limit\
            """)
                .param("center", reader.centerId())
                .param("everyTeam", reader.everyTeam())
                .param("team", reader.team())
                .param("person", reader.personId())
                .param("like", like)
                .param("language", language)
                .param("limit", MOST_LISTED)
                .query(QuickReplies::read)
                .list();
    }

    long add(
            long centerId,
            QuickReplyScope scope,
            @Nullable String team,
            @Nullable Long ownerId,
            String title,
            String body,
            String language,
            String by,
            Instant at) {
        return jdbc.sql("""
            insert into channel.quick_reply (center_id, scope, team, owner_id, title, body, language,
                created_by, created_at, updated_by, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id\
            """)
                .params(
                        centerId,
                        scope.name(),
                        team,
                        ownerId,
                        title,
                        body,
                        language,
                        by,
                        Timestamp.from(at),
                        by,
                        Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    void change(long id, String title, String body, String language, String by, Instant at) {
        jdbc.sql("""
            update channel.quick_reply set title = ?, body = ?, language = ?, updated_by = ?, updated_at = ?
            where id = ?\
            """).params(title, body, language, by, Timestamp.from(at), id).update();
    }

    void remove(long id) {
        jdbc.sql("delete from channel.quick_reply where id = ?").param(id).update();
    }

    /** A search for "50%" or "a_b" means those characters, not LIKE's wildcards. */
    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static QuickReply read(ResultSet row, int n) throws SQLException {
        return new QuickReply(
                row.getLong("id"),
                row.getLong("center_id"),
                QuickReplyScope.valueOf(row.getString("scope")),
                row.getString("team"),
                row.getObject("owner_id", Long.class),
                row.getString("title"),
                row.getString("body"),
                row.getString("language"),
                row.getString("created_by"),
                row.getTimestamp("created_at").toInstant(),
                row.getString("updated_by"),
                row.getTimestamp("updated_at").toInstant());
    }
}
