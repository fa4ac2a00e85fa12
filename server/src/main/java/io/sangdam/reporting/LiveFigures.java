package io.sangdam.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The live board's read model. Written once per stored batch of routing decisions: each kind of
 * change is one JDBC batch (one round trip), because these writes run on the center's routing
 * worker and every round trip there delays the next decisions.
 */
@Repository
class LiveFigures {

    record QueueDay(
            String queue,
            long offered,
            long answered,
            long answeredInTime,
            long abandoned,
            long shortAbandoned,
            double waitSeconds) {}

    record AgentStatus(String agent, String state, Instant since) {}

    private final JdbcClient client;
    private final JdbcTemplate jdbc;

    LiveFigures(JdbcClient client, JdbcTemplate jdbc) {
        this.client = client;
        this.jdbc = jdbc;
    }

    /** A contact queued: counted as offered in its queue and interval only the first time. */
    record Arriving(String contact, String queue, Instant at, Instant interval) {}

    /**
     * Stores the arrivals not known yet, in one round trip, and answers those: a contact queued
     * again (a transfer, a callback retried) keeps its first arrival and is not offered twice.
     */
    List<Arriving> arrived(long center, List<Arriving> arrivals) {
        if (arrivals.isEmpty()) {
            return List.of();
        }
        int[][] inserted = jdbc.batchUpdate("""
            insert into reporting.contact_arrival (center_id, contact_id, queue_code, arrived_at) values (?, ?, ?, ?)
            on conflict do nothing\
            """, arrivals, arrivals.size(), (statement, arrival) -> {
            statement.setLong(1, center);
            statement.setString(2, arrival.contact());
            statement.setString(3, arrival.queue());
            statement.setTimestamp(4, Timestamp.from(arrival.at()));
        });
        List<Arriving> first = new ArrayList<>();
        for (int i = 0; i < arrivals.size(); i++) {
            if (inserted[0][i] != 0) {
                first.add(arrivals.get(i));
            }
        }
        return first;
    }

    record Arrival(String queue, Instant at) {}

    /** Where and when each of these contacts first arrived, for those whose arrival is recorded. */
    Map<String, Arrival> arrivals(long center, Collection<String> contacts) {
        if (contacts.isEmpty()) {
            return Map.of();
        }
        Map<String, Arrival> found = new HashMap<>();
        jdbc.query(
                "select contact_id, queue_code, arrived_at from reporting.contact_arrival where center_id = ? and"
                        + " contact_id = any(?)",
                row -> {
                    found.put(
                            row.getString("contact_id"),
                            new Arrival(
                                    row.getString("queue_code"),
                                    row.getTimestamp("arrived_at").toInstant()));
                },
                center,
                contacts.toArray(String[]::new));
        return found;
    }

    /** What a batch of decisions adds to one queue's interval. */
    static final class IntervalChange {
        final String queue;
        final Instant interval;
        int offered;
        int answered;
        int answeredInTime;
        double waitSeconds;
        int abandoned;
        int shortAbandoned;

        IntervalChange(String queue, Instant interval) {
            this.queue = queue;
            this.interval = interval;
        }
    }

    /** Adds the changes to their intervals, one upsert per queue and interval, in one round trip. */
    void add(long center, Collection<IntervalChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
            insert into reporting.queue_interval (center_id, queue_code, interval_start, offered, answered, answered_in_time,
                                                  wait_seconds, abandoned, short_abandoned)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (center_id, queue_code, interval_start) do update
               set offered = queue_interval.offered + excluded.offered,
                   answered = queue_interval.answered + excluded.answered,
                   answered_in_time = queue_interval.answered_in_time + excluded.answered_in_time,
                   wait_seconds = queue_interval.wait_seconds + excluded.wait_seconds,
                   abandoned = queue_interval.abandoned + excluded.abandoned,
                   short_abandoned = queue_interval.short_abandoned + excluded.short_abandoned\
            """, changes, changes.size(), (statement, change) -> {
            statement.setLong(1, center);
            statement.setString(2, change.queue);
            statement.setTimestamp(3, Timestamp.from(change.interval));
            statement.setInt(4, change.offered);
            statement.setInt(5, change.answered);
            statement.setInt(6, change.answeredInTime);
            statement.setDouble(7, change.waitSeconds);
            statement.setInt(8, change.abandoned);
            statement.setInt(9, change.shortAbandoned);
        });
    }

    /** Each agent's latest state, in one round trip. */
    void agentStates(long center, Collection<AgentStatus> states) {
        if (states.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
            insert into reporting.agent_status (center_id, agent, state, since) values (?, ?, ?, ?)
            on conflict (center_id, agent) do update set state = excluded.state, since = excluded.since\
            """, states, states.size(), (statement, status) -> {
            statement.setLong(1, center);
            statement.setString(2, status.agent());
            statement.setString(3, status.state());
            statement.setTimestamp(4, Timestamp.from(status.since()));
        });
    }

    List<QueueDay> since(long center, Instant from) {
        return client.sql("""
            select queue_code, sum(offered) as offered, sum(answered) as answered, sum(answered_in_time) as in_time,
                   sum(abandoned) as abandoned, sum(short_abandoned) as short_abandoned, sum(wait_seconds) as wait
              from reporting.queue_interval where center_id = ? and interval_start >= ? group by queue_code\
            """)
                .params(center, Timestamp.from(from))
                .query((row, n) -> new QueueDay(
                        row.getString("queue_code"),
                        row.getLong("offered"),
                        row.getLong("answered"),
                        row.getLong("in_time"),
                        row.getLong("abandoned"),
                        row.getLong("short_abandoned"),
                        row.getDouble("wait")))
                .list();
    }

    /**
     * One half hour of the whole center (all its queues): contacts answered in time and contacts with
     * an outcome that counts (answered, or abandoned after the short-abandon time), by arrival.
     */
    record IntervalFigures(Instant start, long answeredInTime, long decided) {}

    /** The center's half hours from this instant on, oldest first; a half hour without arrivals is absent. */
    List<IntervalFigures> intervals(long center, Instant from) {
        return client.sql("""
            select interval_start, sum(answered_in_time) as in_time, sum(answered + abandoned - short_abandoned) as decided
              from reporting.queue_interval where center_id = ? and interval_start >= ?
             group by interval_start order by interval_start\
            """)
                .params(center, Timestamp.from(from))
                .query((row, n) -> new IntervalFigures(
                        row.getTimestamp("interval_start").toInstant(), row.getLong("in_time"), row.getLong("decided")))
                .list();
    }

    List<AgentStatus> agents(long center) {
        return client.sql("select agent, state, since from reporting.agent_status where center_id = ? and state <>"
                        + " 'OFFLINE' order by agent")
                .param(center)
                .query((row, n) -> new AgentStatus(
                        row.getString("agent"),
                        row.getString("state"),
                        row.getTimestamp("since").toInstant()))
                .list();
    }
}
