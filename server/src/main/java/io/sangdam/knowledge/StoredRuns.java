package io.sangdam.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Script runs and the path each took (tables {@code knowledge.script_run*}). */
@Repository
class StoredRuns {

    record StoredRun(
            long id,
            String conversationId,
            long centerId,
            String agent,
            long scriptId,
            int version,
            Map<String, String> variables,
            ScriptRunStatus status,
            Instant startedAt,
            @Nullable Instant endedAt,
            @Nullable Long consultationId) {}

    record StoredStep(
            int position,
            String stepKey,
            @Nullable String fromStep,
            @Nullable Integer viaChoice,
            Instant reachedAt,
            @Nullable Instant withdrawnAt) {}

    private static final TypeReference<Map<String, String>> VARIABLES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    StoredRuns(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The agent's latest run in the conversation, locked for a change when asked. */
    Optional<StoredRun> latest(String conversationId, String agent, boolean forUpdate) {
        return jdbc.sql("select * from knowledge.script_run where conversation_id = ? and lower(agent) = lower(?)"
                        + " order by id desc limit 1" + (forUpdate ? " for update" : ""))
                .params(conversationId, agent)
                .query(this::read)
                .optional();
    }

    /** Every run in the conversation, oldest first: what the record shows. */
    List<StoredRun> inConversation(String conversationId) {
        return jdbc.sql("select * from knowledge.script_run where conversation_id = ? order by id")
                .param(conversationId)
                .query(this::read)
                .list();
    }

    /** The runs saved with these consultation records, oldest first. */
    List<StoredRun> ofRecords(Collection<Long> consultationIds) {
        if (consultationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from knowledge.script_run where consultation_id in (:ids) order by id")
                .param("ids", consultationIds)
                .query(this::read)
                .list();
    }

    long start(
            String conversationId,
            long centerId,
            String agent,
            long scriptId,
            int version,
            String firstStep,
            Instant at) {
        long id = jdbc.sql("""
            insert into knowledge.script_run (conversation_id, center_id, agent, script_id, version, status, started_at)
            values (?, ?, ?, ?, ?, 'ACTIVE', ?) returning id\
            """)
                .params(conversationId, centerId, agent, scriptId, version, Timestamp.from(at))
                .query(Long.class)
                .single();
        reach(id, 0, firstStep, null, null, at);
        return id;
    }

    void reach(
            long runId,
            int position,
            String stepKey,
            @Nullable String fromStep,
            @Nullable Integer viaChoice,
            Instant at) {
        jdbc.sql("""
            insert into knowledge.script_run_step (run_id, position, step_key, from_step, via_choice, reached_at)
            values (?, ?, ?, ?, ?, ?)\
            """)
                .params(runId, position, stepKey, fromStep, viaChoice, Timestamp.from(at))
                .update();
    }

    void withdraw(long runId, int position, Instant at) {
        jdbc.sql("update knowledge.script_run_step set withdrawn_at = ? where run_id = ? and position = ?")
                .params(Timestamp.from(at), runId, position)
                .update();
    }

    void status(long runId, ScriptRunStatus status, @Nullable Instant endedAt) {
        jdbc.sql("update knowledge.script_run set status = ?, ended_at = ? where id = ?")
                .params(status.name(), endedAt == null ? null : Timestamp.from(endedAt), runId)
                .update();
    }

    void variables(long runId, Map<String, String> variables) {
        jdbc.sql("update knowledge.script_run set variables = cast(? as jsonb) where id = ?")
                .params(json.writeValueAsString(variables), runId)
                .update();
    }

    List<StoredStep> path(long runId) {
        return jdbc.sql("select * from knowledge.script_run_step where run_id = ? order by position")
                .param(runId)
                .query((row, n) -> new StoredStep(
                        row.getInt("position"),
                        row.getString("step_key"),
                        row.getString("from_step"),
                        row.getObject("via_choice", Integer.class),
                        row.getTimestamp("reached_at").toInstant(),
                        instant(row.getTimestamp("withdrawn_at"))))
                .list();
    }

    /**
     * The agent's runs in the conversation belong to the record just saved; one still under way was
     * left unfinished. Idempotent: the event may be handed over again after a crash.
     */
    int recorded(String conversationId, String agent, long consultationId, Instant at) {
        return jdbc.sql("""
            update knowledge.script_run
            set consultation_id = ?,
                status = case when status = 'ACTIVE' then 'ABANDONED' else status end,
                ended_at = coalesce(ended_at, ?)
            where conversation_id = ? and lower(agent) = lower(?) and consultation_id is null\
            """)
                .params(consultationId, Timestamp.from(at), conversationId, agent)
                .update();
    }

    private StoredRun read(ResultSet row, int n) throws SQLException {
        return new StoredRun(
                row.getLong("id"),
                row.getString("conversation_id"),
                row.getLong("center_id"),
                row.getString("agent"),
                row.getLong("script_id"),
                row.getInt("version"),
                json.readValue(row.getString("variables"), VARIABLES),
                ScriptRunStatus.valueOf(row.getString("status")),
                row.getTimestamp("started_at").toInstant(),
                instant(row.getTimestamp("ended_at")),
                row.getObject("consultation_id", Long.class));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
