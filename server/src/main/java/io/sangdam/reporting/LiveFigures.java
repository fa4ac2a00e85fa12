package io.sangdam.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LiveFigures {

    record QueueDay(String queue, long offered, long answered, long answeredInTime, long abandoned, long shortAbandoned,
            double waitSeconds) {
    }

    record AgentStatus(String agent, String state, Instant since) {
    }

    private final JdbcClient jdbc;

    LiveFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the first arrival of a contact; only then does it count as offered. */
    void arrived(long center, String contact, String queue, Instant at, Instant interval) {
        int inserted = jdbc.sql("""
                insert into reporting.contact_arrival (center_id, contact_id, queue_code, arrived_at) values (?, ?, ?, ?)
                on conflict do nothing""").params(center, contact, queue, Timestamp.from(at)).update();
        if (inserted == 1) {
            jdbc.sql("""
                    insert into reporting.queue_interval (center_id, queue_code, interval_start, offered) values (?, ?, ?, 1)
                    on conflict (center_id, queue_code, interval_start) do update set offered = queue_interval.offered + 1""")
                    .params(center, queue, Timestamp.from(interval)).update();
        }
    }

    record Arrival(String queue, Instant at) {
    }

    java.util.Optional<Arrival> arrival(long center, String contact) {
        return jdbc.sql("select queue_code, arrived_at from reporting.contact_arrival where center_id = ? and contact_id = ?")
                .params(center, contact)
                .query((row, n) -> new Arrival(row.getString("queue_code"), row.getTimestamp("arrived_at").toInstant()))
                .optional();
    }

    void answered(long center, String queue, Instant interval, boolean inTime, double waitSeconds) {
        jdbc.sql("""
                insert into reporting.queue_interval (center_id, queue_code, interval_start, answered, answered_in_time, wait_seconds)
                values (?, ?, ?, 1, ?, ?)
                on conflict (center_id, queue_code, interval_start) do update
                   set answered = queue_interval.answered + 1,
                       answered_in_time = queue_interval.answered_in_time + excluded.answered_in_time,
                       wait_seconds = queue_interval.wait_seconds + excluded.wait_seconds""")
                .params(center, queue, Timestamp.from(interval), inTime ? 1 : 0, waitSeconds).update();
    }

    void abandoned(long center, String queue, Instant interval, boolean shortAbandon) {
        jdbc.sql("""
                insert into reporting.queue_interval (center_id, queue_code, interval_start, abandoned, short_abandoned)
                values (?, ?, ?, 1, ?)
                on conflict (center_id, queue_code, interval_start) do update
                   set abandoned = queue_interval.abandoned + 1,
                       short_abandoned = queue_interval.short_abandoned + excluded.short_abandoned""")
                .params(center, queue, Timestamp.from(interval), shortAbandon ? 1 : 0).update();
    }

    void agentState(long center, String agent, String state, Instant since) {
        jdbc.sql("""
                insert into reporting.agent_status (center_id, agent, state, since) values (?, ?, ?, ?)
                on conflict (center_id, agent) do update set state = excluded.state, since = excluded.since""")
                .params(center, agent, state, Timestamp.from(since)).update();
    }

    List<QueueDay> since(long center, Instant from) {
        return jdbc.sql("""
                select queue_code, sum(offered) as offered, sum(answered) as answered, sum(answered_in_time) as in_time,
                       sum(abandoned) as abandoned, sum(short_abandoned) as short_abandoned, sum(wait_seconds) as wait
                  from reporting.queue_interval where center_id = ? and interval_start >= ? group by queue_code""")
                .params(center, Timestamp.from(from))
                .query((row, n) -> new QueueDay(row.getString("queue_code"), row.getLong("offered"), row.getLong("answered"),
                        row.getLong("in_time"), row.getLong("abandoned"), row.getLong("short_abandoned"), row.getDouble("wait")))
                .list();
    }

    List<AgentStatus> agents(long center) {
        return jdbc.sql("select agent, state, since from reporting.agent_status where center_id = ? and state <> 'OFFLINE' order by agent")
                .param(center)
                .query((row, n) -> new AgentStatus(row.getString("agent"), row.getString("state"), row.getTimestamp("since").toInstant()))
                .list();
    }
}
