package io.sangdam.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only table behind {@link PersonalDataAccess}; PostgreSQL rejects any change to a row. */
@Repository
class AccessLog {

    private final JdbcClient jdbc;

    AccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(
            Instant at,
            CurrentUser user,
            @Nullable String clientIp,
            DataSubject subject,
            AccessTask task,
            @Nullable String reason) {
        jdbc.sql("""
            insert into identity.personal_data_access (accessed_at, account_id, username, center_id, client_ip,
                subject_type, subject_id, subject_label, task, reason)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)\
            """)
                .params(
                        Timestamp.from(at),
                        user.id(),
                        user.username(),
                        user.centerId(),
                        clientIp,
                        subject.type().code(),
                        subject.id(),
                        subject.maskedLabel(),
                        task.name(),
                        reason)
                .update();
    }

    record Filter(
            @Nullable String username,
            @Nullable DataSubjectType subjectType,
            @Nullable String subjectId,
            @Nullable AccessTask task,
            @Nullable Instant from,
            @Nullable Instant to) {}

    record Page(List<AccessLogEntry> rows, long total) {}

    Page search(Filter filter, int offset, int limit) {
        var where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (filter.username() != null && !filter.username().isBlank()) {
            where.append(" and lower(username) = lower(:username)");
            params.put("username", filter.username().strip());
        }
        if (filter.subjectType() != null) {
            where.append(" and subject_type = :subjectType");
            params.put("subjectType", filter.subjectType().code());
        }
        if (filter.subjectId() != null && !filter.subjectId().isBlank()) {
            where.append(" and subject_id = :subjectId");
            params.put("subjectId", filter.subjectId().strip());
        }
        if (filter.task() != null) {
            where.append(" and task = :task");
            params.put("task", filter.task().name());
        }
        if (filter.from() != null) {
            where.append(" and accessed_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and accessed_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        long total = jdbc.sql("select count(*) from identity.personal_data_access" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("offset", offset);
        params.put("limit", limit);
        List<AccessLogEntry> rows = jdbc.sql("select * from identity.personal_data_access" + where
                        + " order by accessed_at desc, id desc offset :offset limit :limit")
                .params(params)
                .query(AccessLog::map)
                .list();
        return new Page(rows, total);
    }

    /** Accesses per task since the given time, for the monthly review. */
    Map<AccessTask, Long> countsByTaskSince(Instant since) {
        Map<AccessTask, Long> counts = new LinkedHashMap<>();
        for (AccessTask task : AccessTask.values()) {
            counts.put(task, 0L);
        }
        jdbc.sql("select task, count(*) as n from identity.personal_data_access where accessed_at >= ? group by task")
                .param(Timestamp.from(since))
                .query(row -> {
                    counts.put(AccessTask.valueOf(row.getString("task")), row.getLong("n"));
                });
        return counts;
    }

    record HeavyUser(String username, long accesses, long unmasks) {}

    /** The accounts that read the most personal data since the given time: who a reviewer looks at first. */
    List<HeavyUser> heaviestUsersSince(Instant since, int limit) {
        return jdbc.sql("""
            select username, count(*) as accesses, count(*) filter (where task <> 'VIEW') as unmasks
              from identity.personal_data_access where accessed_at >= ?
             group by username order by accesses desc, username limit ?\
            """)
                .params(Timestamp.from(since), limit)
                .query((row, n) ->
                        new HeavyUser(row.getString("username"), row.getLong("accesses"), row.getLong("unmasks")))
                .list();
    }

    private static AccessLogEntry map(ResultSet row, int number) throws SQLException {
        return new AccessLogEntry(
                row.getLong("id"),
                row.getTimestamp("accessed_at").toInstant(),
                row.getLong("account_id"),
                row.getString("username"),
                row.getLong("center_id"),
                row.getString("client_ip"),
                row.getString("subject_type"),
                row.getString("subject_id"),
                row.getString("subject_label"),
                AccessTask.valueOf(row.getString("task")),
                row.getString("reason"));
    }
}
