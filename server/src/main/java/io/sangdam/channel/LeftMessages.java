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

/** Messages left in the widget outside opening hours: the center's callback list. */
@Repository
class LeftMessages {

    enum Status { OPEN, DONE }

    /** The row as stored: name and phone in the clear, body masked. Never shown as it is. */
    record LeftMessage(long id, long centerId, String queue, String name, String phone, String body, Instant createdAt,
            Status status, @Nullable String handledBy, @Nullable Instant handledAt) {
    }

    private final JdbcClient jdbc;

    LeftMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(long centerId, String queue, String name, String phone, String maskedBody, Instant at) {
        return jdbc.sql("""
                insert into channel.left_message (center_id, queue_code, name, phone, body, consented_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(centerId, queue, name, phone, maskedBody, Timestamp.from(at), Timestamp.from(at))
                .query(Long.class).single();
    }

    List<LeftMessage> of(long centerId, Status status, int limit) {
        return jdbc.sql("select * from channel.left_message where center_id = ? and status = ? order by created_at limit ?")
                .params(centerId, status.name(), limit).query(LeftMessages::map).list();
    }

    Optional<LeftMessage> find(long id) {
        return jdbc.sql("select * from channel.left_message where id = ?").param(id).query(LeftMessages::map).optional();
    }

    int done(long id, String handledBy, Instant at) {
        return jdbc.sql("update channel.left_message set status = 'DONE', handled_by = ?, handled_at = ? where id = ? and status = 'OPEN'")
                .params(handledBy, Timestamp.from(at), id).update();
    }

    private static LeftMessage map(ResultSet row, int n) throws SQLException {
        Timestamp handled = row.getTimestamp("handled_at");
        return new LeftMessage(row.getLong("id"), row.getLong("center_id"), row.getString("queue_code"), row.getString("name"),
                row.getString("phone"), row.getString("body"), row.getTimestamp("created_at").toInstant(),
                Status.valueOf(row.getString("status")), row.getString("handled_by"), handled == null ? null : handled.toInstant());
    }
}
