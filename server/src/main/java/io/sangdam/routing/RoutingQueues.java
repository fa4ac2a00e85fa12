package io.sangdam.routing;

import io.sangdam.routing.QueueSettings.OpeningDay;
import io.sangdam.routing.QueueSettings.Overflow;
import io.sangdam.routing.QueueSettings.OverflowKind;
import io.sangdam.routing.QueueSettings.Requirement;
import io.sangdam.routing.runtime.ConfiguredQueues;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RoutingQueues implements ConfiguredQueues {

    /**
     * How long {@link #current} serves queues it read before: a chat start, a board update and an
     * opening-hours check each need them, a dozen statements a time. A change made on this node
     * is seen at once; one made on another node within this time.
     */
    static final java.time.Duration FRESHNESS = java.time.Duration.ofSeconds(2);

    private record Read(List<QueueSettings> queues, long atNanos) {}

    private final JdbcClient jdbc;
    private final Map<Long, Read> recent = new java.util.concurrent.ConcurrentHashMap<>();

    RoutingQueues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The center's queues as committed, read again at most every {@link #FRESHNESS}. Not for a
     * change in progress: that reads {@link #of} inside its transaction.
     */
    List<QueueSettings> current(long centerId) {
        long now = System.nanoTime();
        Read read = recent.get(centerId);
        if (read == null || now - read.atNanos() > FRESHNESS.toNanos()) {
            read = new Read(of(centerId), now);
            recent.put(centerId, read);
        }
        return read.queues();
    }

    /** Called by every write: forgets now, and again after the commit, in case a read came in between. */
    private void changed() {
        recent.clear();
        io.sangdam.platform.AfterCommit.run(recent::clear);
    }

    private record Row(
            long id,
            long centerId,
            String code,
            String name,
            @Nullable String nameEnglish,
            String channel,
            @Nullable String agentGroup,
            int priority,
            double serviceLevelPercent,
            int serviceLevelSeconds,
            String strategy,
            int wrapUpSeconds,
            boolean limitedHours) {}

    private static Row row(ResultSet row, int n) throws SQLException {
        return new Row(
                row.getLong("id"),
                row.getLong("center_id"),
                row.getString("code"),
                row.getString("name"),
                row.getString("name_en"),
                row.getString("channel"),
                row.getString("agent_group"),
                row.getInt("priority"),
                row.getDouble("service_level_percent"),
                row.getInt("service_level_seconds"),
                row.getString("strategy"),
                row.getInt("wrap_up_seconds"),
                row.getBoolean("limited_hours"));
    }

    @Override
    public List<QueueSettings> of(long centerId) {
        return complete(jdbc.sql("select * from routing.queue where center_id = ? order by code")
                .param(centerId)
                .query(RoutingQueues::row)
                .list());
    }

    Optional<QueueSettings> find(long id) {
        return complete(jdbc.sql("select * from routing.queue where id = ?")
                        .param(id)
                        .query(RoutingQueues::row)
                        .list())
                .stream()
                .findFirst();
    }

    private List<QueueSettings> complete(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<Requirement>> skills = new HashMap<>();
        jdbc.sql("select * from routing.queue_skill where queue_id in (:ids) order by minimum_level desc, skill_code")
                .param("ids", ids)
                .query(rs -> {
                    skills.computeIfAbsent(rs.getLong("queue_id"), k -> new ArrayList<>())
                            .add(new Requirement(rs.getString("skill_code"), rs.getInt("minimum_level")));
                });
        Map<Long, List<Overflow>> overflow = new HashMap<>();
        jdbc.sql("select * from routing.queue_overflow where queue_id in (:ids) order by step")
                .param("ids", ids)
                .query(rs -> {
                    overflow.computeIfAbsent(rs.getLong("queue_id"), k -> new ArrayList<>())
                            .add(new Overflow(
                                    rs.getInt("after_seconds"),
                                    OverflowKind.valueOf(rs.getString("action")),
                                    rs.getString("target"),
                                    (Integer) rs.getObject("level", Integer.class)));
                });
        Map<Long, List<OpeningDay>> hours = new HashMap<>();
        jdbc.sql("select * from routing.queue_hours where queue_id in (:ids) order by day_of_week")
                .param("ids", ids)
                .query(rs -> {
                    hours.computeIfAbsent(rs.getLong("queue_id"), k -> new ArrayList<>())
                            .add(new OpeningDay(
                                    rs.getInt("day_of_week"),
                                    rs.getTime("opens").toLocalTime(),
                                    rs.getTime("closes").toLocalTime()));
                });
        Map<Long, List<java.time.LocalDate>> closed = new HashMap<>();
        jdbc.sql("select * from routing.queue_closed_day where queue_id in (:ids) order by day")
                .param("ids", ids)
                .query(rs -> {
                    closed.computeIfAbsent(rs.getLong("queue_id"), k -> new ArrayList<>())
                            .add(rs.getDate("day").toLocalDate());
                });
        return rows.stream()
                .map(r -> new QueueSettings(
                        r.id(),
                        r.centerId(),
                        r.code(),
                        r.name(),
                        r.nameEnglish(),
                        r.channel(),
                        skills.getOrDefault(r.id(), List.of()),
                        r.agentGroup(),
                        r.priority(),
                        r.serviceLevelPercent(),
                        r.serviceLevelSeconds(),
                        r.strategy(),
                        overflow.getOrDefault(r.id(), List.of()),
                        r.wrapUpSeconds(),
                        r.limitedHours(),
                        hours.getOrDefault(r.id(), List.of()),
                        closed.getOrDefault(r.id(), List.of())))
                .toList();
    }

    @Override
    public List<Long> centersWithQueues() {
        return jdbc.sql("select distinct center_id from routing.queue order by 1")
                .query(Long.class)
                .list();
    }

    void add(
            long centerId,
            String code,
            String name,
            String nameEnglish,
            String channel,
            String requiredSkill,
            int minimumLevel,
            int wrapUpSeconds) {
        changed();
        long id = jdbc.sql("""
            insert into routing.queue (center_id, code, name, name_en, channel, required_skill, minimum_level, wrap_up_seconds)
            values (?, ?, ?, ?, ?, ?, ?, ?) returning id\
            """)
                .params(centerId, code, name, nameEnglish, channel, requiredSkill, minimumLevel, wrapUpSeconds)
                .query(Long.class)
                .single();
        jdbc.sql("insert into routing.queue_skill (queue_id, skill_code, minimum_level) values (?, ?, ?)")
                .params(id, requiredSkill, minimumLevel)
                .update();
    }

    /** Creates a queue from checked settings; returns its id. */
    long create(QueueSettings queue) {
        changed();
        Requirement first = queue.requirements().getFirst();
        long id = jdbc.sql("""
            insert into routing.queue (center_id, code, name, channel, required_skill, minimum_level, wrap_up_seconds)
            values (?, ?, ?, ?, ?, ?, ?) returning id\
            """)
                .params(
                        queue.centerId(),
                        queue.code(),
                        queue.name(),
                        queue.channel(),
                        first.skill(),
                        first.minimumLevel(),
                        queue.wrapUpSeconds())
                .query(Long.class)
                .single();
        update(id, queue);
        return id;
    }

    /** Replaces everything but the code, center and channel, which a queue keeps for life. */
    void update(long id, QueueSettings queue) {
        changed();
        Requirement first = queue.requirements().getFirst();
        jdbc.sql("""
            update routing.queue set name = ?, name_en = ?, required_skill = ?, minimum_level = ?, agent_group = ?,
                   priority = ?, service_level_percent = ?, service_level_seconds = ?, strategy = ?,
                   wrap_up_seconds = ?, limited_hours = ?
             where id = ?\
            """)
                .params(
                        queue.name(),
                        queue.nameEnglish(),
                        first.skill(),
                        first.minimumLevel(),
                        queue.agentGroup(),
                        queue.priority(),
                        queue.serviceLevelPercent(),
                        queue.serviceLevelSeconds(),
                        queue.strategy(),
                        queue.wrapUpSeconds(),
                        queue.limitedHours(),
                        id)
                .update();
        jdbc.sql("delete from routing.queue_skill where queue_id = ?").param(id).update();
        for (Requirement requirement : queue.requirements()) {
            jdbc.sql("insert into routing.queue_skill (queue_id, skill_code, minimum_level) values (?, ?, ?)")
                    .params(id, requirement.skill(), requirement.minimumLevel())
                    .update();
        }
        jdbc.sql("delete from routing.queue_overflow where queue_id = ?")
                .param(id)
                .update();
        int step = 0;
        for (Overflow overflow : queue.overflow()) {
            jdbc.sql("insert into routing.queue_overflow (queue_id, step, after_seconds, action, target, level)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            step++,
                            overflow.afterSeconds(),
                            overflow.kind().name(),
                            overflow.target(),
                            overflow.level())
                    .update();
        }
        jdbc.sql("delete from routing.queue_hours where queue_id = ?").param(id).update();
        for (OpeningDay day : queue.hours()) {
            jdbc.sql("insert into routing.queue_hours (queue_id, day_of_week, opens, closes) values (?, ?, ?, ?)")
                    .params(id, day.dayOfWeek(), Time.valueOf(day.opens()), Time.valueOf(day.closes()))
                    .update();
        }
        jdbc.sql("delete from routing.queue_closed_day where queue_id = ?")
                .param(id)
                .update();
        for (var day : queue.closedDays()) {
            jdbc.sql("insert into routing.queue_closed_day (queue_id, day) values (?, ?)")
                    .params(id, Date.valueOf(day))
                    .update();
        }
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from routing.queue").query(Long.class).single() == 0;
    }
}
