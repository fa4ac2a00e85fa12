package io.sangdam.protection;

import io.sangdam.platform.RequestRejected;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counselling for agents after abuse (산업안전보건법 시행령 제41조: 치료 및 상담 지원). One click for
 * the agent; the protection team schedules the session and records that it took place. Asking
 * must never count against the agent, so supervisors learn of a request only if the agent wants.
 */
@Service
class Counselling {

    static final int MAXIMUM_NOTE_LENGTH = 1000;

    enum Status {
        REQUESTED,
        SCHEDULED,
        HELD
    }

    record Request(
            long id,
            String agent,
            long centerId,
            Instant requestedAt,
            boolean sharedWithSupervisor,
            @Nullable String agentNote,
            Status status,
            @Nullable Instant sessionAt,
            @Nullable String handledBy) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Counselling(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long request(String agent, long centerId, boolean shareWithSupervisor, @Nullable String note) {
        String trimmed = note == null || note.isBlank() ? null : note.strip();
        if (trimmed != null && trimmed.length() > MAXIMUM_NOTE_LENGTH) {
            throw RequestRejected.badRequest("note-too-long", MAXIMUM_NOTE_LENGTH);
        }
        return jdbc.sql("""
            insert into protection.counselling_request (agent, center_id, requested_at, share_with_supervisor, agent_note)
            values (?, ?, ?, ?, ?) returning id\
            """)
                .params(agent, centerId, Timestamp.from(clock.instant()), shareWithSupervisor, trimmed)
                .query(Long.class)
                .single();
    }

    void schedule(long id, Instant sessionAt, String by) {
        require(id);
        jdbc.sql("update protection.counselling_request set status = 'SCHEDULED', session_at = ?, handled_by ="
                        + " ? where id = ?")
                .params(Timestamp.from(sessionAt), by, id)
                .update();
    }

    void held(long id, String by) {
        Request request = require(id);
        if (request.status() != Status.SCHEDULED) {
            throw RequestRejected.conflict("counselling-not-scheduled");
        }
        jdbc.sql("update protection.counselling_request set status = 'HELD', handled_by = ? where id = ?")
                .params(by, id)
                .update();
    }

    List<Request> all() {
        return jdbc.sql("select * from protection.counselling_request order by status, requested_at desc limit 200")
                .query((row, n) -> map(row))
                .list();
    }

    List<Request> ofAgent(String agent) {
        return jdbc.sql("select * from protection.counselling_request where agent = ? order by requested_at desc")
                .param(agent)
                .query((row, n) -> map(row))
                .list();
    }

    /** What a supervisor may know: open requests of their center's agents who chose to share. */
    List<Request> sharedInCenter(long centerId) {
        return jdbc.sql("""
            select * from protection.counselling_request where center_id = ? and share_with_supervisor
               and status <> 'HELD' order by requested_at desc\
            """).param(centerId).query((row, n) -> map(row)).list();
    }

    private Request require(long id) {
        return jdbc.sql("select * from protection.counselling_request where id = ?")
                .param(id)
                .query((row, n) -> map(row))
                .optional()
                .orElseThrow(() -> RequestRejected.notFound("unknown-counselling-request", id));
    }

    private static Request map(java.sql.ResultSet row) throws java.sql.SQLException {
        Timestamp session = row.getTimestamp("session_at");
        return new Request(
                row.getLong("id"),
                row.getString("agent"),
                row.getLong("center_id"),
                row.getTimestamp("requested_at").toInstant(),
                row.getBoolean("share_with_supervisor"),
                row.getString("agent_note"),
                Status.valueOf(row.getString("status")),
                session == null ? null : session.toInstant(),
                row.getString("handled_by"));
    }
}
