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

/** Messages left in the widget outside opening hours: the center's callback list, and their routed contacts. */
@Repository
class LeftMessages {

    enum Status {
        OPEN,
        DONE
    }

    /**
     * The row as stored: name and phone in the clear, body masked. Never shown as it is.
     *
     * @param routedAt when it arrived in routing as a contact; null while waiting for its queue to open
     * @param offeredTo the agent routing offers it to now
     * @param takenBy the agent who accepted it and calls back
     */
    record LeftMessage(
            long id,
            long centerId,
            String queue,
            String name,
            String phone,
            String body,
            Instant createdAt,
            Status status,
            @Nullable String handledBy,
            @Nullable Instant handledAt,
            @Nullable Instant routedAt,
            @Nullable String offeredTo,
            @Nullable String takenBy) {}

    /** A queue with open messages not yet routed. */
    record Unrouted(long centerId, String queue) {}

    private final JdbcClient jdbc;

    LeftMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(long centerId, String queue, String name, String phone, String maskedBody, Instant at) {
        return jdbc.sql("""
            insert into channel.left_message (center_id, queue_code, name, phone, body, consented_at, created_at)
            values (?, ?, ?, ?, ?, ?, ?) returning id\
            """)
                .params(centerId, queue, name, phone, maskedBody, Timestamp.from(at), Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    List<LeftMessage> of(long centerId, Status status, int limit) {
        return jdbc.sql("select * from channel.left_message where center_id = ? and status = ? order by created_at"
                        + " limit ?")
                .params(centerId, status.name(), limit)
                .query(LeftMessages::map)
                .list();
    }

    Optional<LeftMessage> find(long id) {
        return jdbc.sql("select * from channel.left_message where id = ?")
                .param(id)
                .query(LeftMessages::map)
                .optional();
    }

    int done(long id, String handledBy, Instant at) {
        return jdbc.sql("update channel.left_message set status = 'DONE', handled_by = ?, handled_at = ? where id = ?"
                        + " and status = 'OPEN'")
                .params(handledBy, Timestamp.from(at), id)
                .update();
    }

    /** Done by the agent who took it, only while it is open and theirs: of two finishes, one wins. */
    int finished(long id, String agent, Instant at) {
        return jdbc.sql("""
            update channel.left_message set status = 'DONE', handled_by = ?, handled_at = ?
            where id = ? and status = 'OPEN' and lower(taken_by) = lower(?)\
            """).params(agent, Timestamp.from(at), id, agent).update();
    }

    List<Unrouted> unroutedQueues() {
        return jdbc.sql("select distinct center_id, queue_code from channel.left_message where status = 'OPEN' and"
                        + " routed_at is null")
                .query((row, n) -> new Unrouted(row.getLong("center_id"), row.getString("queue_code")))
                .list();
    }

    List<LeftMessage> unrouted(long centerId, String queue) {
        return jdbc.sql("""
            select * from channel.left_message where center_id = ? and queue_code = ? and status = 'OPEN' and routed_at is null
            order by created_at\
            """).params(centerId, queue).query(LeftMessages::map).list();
    }

    /** Claims the message for routing: true for exactly one caller, whichever node it runs on. */
    boolean claim(long id, Instant at) {
        return jdbc.sql("""
            update channel.left_message set routed_at = ? where id = ? and status = 'OPEN' and routed_at is null
            returning id\
            """)
                .params(Timestamp.from(at), id)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    /** Routing did not take it: the next sweep tries again. */
    void unclaim(long id) {
        jdbc.sql("update channel.left_message set routed_at = null, offered_to = null where id = ? and status ="
                        + " 'OPEN' and taken_by is null")
                .param(id)
                .update();
    }

    /** Open, routed before {@code before} and taken by nobody: the contacts routing should know of. */
    List<LeftMessage> routedUntaken(long centerId, Instant before) {
        return jdbc.sql("""
            select * from channel.left_message where center_id = ? and status = 'OPEN' and routed_at < ? and taken_by is null\
            """)
                .params(centerId, Timestamp.from(before))
                .query(LeftMessages::map)
                .list();
    }

    List<Long> centersWithRoutedOpen() {
        return jdbc.sql("select distinct center_id from channel.left_message where status = 'OPEN' and routed_at is"
                        + " not null and taken_by is null")
                .query(Long.class)
                .list();
    }

    void offered(long id, @Nullable String agent) {
        jdbc.sql("update channel.left_message set offered_to = ? where id = ? and taken_by is null")
                .params(agent, id)
                .update();
    }

    void taken(long id, String agent, Instant at) {
        jdbc.sql("update channel.left_message set taken_by = ?, taken_at = ?, offered_to = null where id = ?")
                .params(agent, Timestamp.from(at), id)
                .update();
    }

    List<LeftMessage> takenBy(String agent) {
        return jdbc.sql("select * from channel.left_message where status = 'OPEN' and lower(taken_by) = lower(?) order"
                        + " by taken_at")
                .param(agent)
                .query(LeftMessages::map)
                .list();
    }

    private static LeftMessage map(ResultSet row, int n) throws SQLException {
        Timestamp handled = row.getTimestamp("handled_at");
        Timestamp routed = row.getTimestamp("routed_at");
        return new LeftMessage(
                row.getLong("id"),
                row.getLong("center_id"),
                row.getString("queue_code"),
                row.getString("name"),
                row.getString("phone"),
                row.getString("body"),
                row.getTimestamp("created_at").toInstant(),
                Status.valueOf(row.getString("status")),
                row.getString("handled_by"),
                handled == null ? null : handled.toInstant(),
                routed == null ? null : routed.toInstant(),
                row.getString("offered_to"),
                row.getString("taken_by"));
    }
}
