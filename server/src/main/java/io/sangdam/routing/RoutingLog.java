package io.sangdam.routing;

import io.sangdam.engine.routing.RoutingEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The command log (the truth a center's engine is rebuilt from) and the event log beside it. */
@Repository
class RoutingLog {

    record LoggedCommand(long sequence, Instant recordedAt, String type, String json) {
    }

    private final JdbcClient jdbc;

    RoutingLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long append(long centerId, Instant at, String type, String json) {
        return jdbc.sql("insert into routing.command_log (center_id, recorded_at, type, command) values (?, ?, ?, ?::jsonb) returning sequence")
                .params(centerId, Timestamp.from(at), type, json).query(Long.class).single();
    }

    List<LoggedCommand> commands(long centerId) {
        return jdbc.sql("select sequence, recorded_at, type, command::text as command from routing.command_log where center_id = ? order by sequence")
                .param(centerId)
                .query((row, n) -> new LoggedCommand(row.getLong("sequence"), row.getTimestamp("recorded_at").toInstant(),
                        row.getString("type"), row.getString("command")))
                .list();
    }

    /** All events of one command in one statement: the command's transaction holds the center's lock, so round trips count. */
    void events(long centerId, long commandSequence, List<RoutingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "insert into routing.event_log (center_id, command_sequence, occurred_at, type, contact_id, agent_id, queue_code) values ");
        List<Object> params = new java.util.ArrayList<>(events.size() * 7);
        for (RoutingEvent event : events) {
            EventColumns columns = EventColumns.of(event);
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
            params.addAll(java.util.Arrays.asList(centerId, commandSequence, Timestamp.from(columns.at()),
                    event.getClass().getSimpleName(), columns.contact(), columns.agent(), columns.queue()));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    long eventCount(long centerId, String type) {
        return jdbc.sql("select count(*) from routing.event_log where center_id = ? and type = ?").params(centerId, type)
                .query(Long.class).single();
    }

    private record EventColumns(Instant at, @Nullable String contact, @Nullable String agent, @Nullable String queue) {

        static EventColumns of(RoutingEvent event) {
            return switch (event) {
                case RoutingEvent.ContactQueued e -> new EventColumns(e.at(), e.contact().value(), null, e.queue().value());
                case RoutingEvent.ContactOffered e -> new EventColumns(e.at(), e.contact().value(), e.agent().value(), e.queue().value());
                case RoutingEvent.OfferMissed e -> new EventColumns(e.at(), e.contact().value(), e.agent().value(), null);
                case RoutingEvent.ContactAssigned e -> new EventColumns(e.at(), e.contact().value(), e.agent().value(), e.queue().value());
                case RoutingEvent.ContactOverflowed e -> new EventColumns(e.at(), e.contact().value(), null, e.toQueue().value());
                case RoutingEvent.PreferredAgentWaitEnded e -> new EventColumns(e.at(), e.contact().value(), e.agent().value(), null);
                case RoutingEvent.ContactAbandoned e -> new EventColumns(e.at(), e.contact().value(), null, e.queue().value());
                case RoutingEvent.ContactCompleted e -> new EventColumns(e.at(), e.contact().value(), e.agent().value(), e.queue().value());
                case RoutingEvent.ContactTransferred e -> new EventColumns(e.at(), e.contact().value(), e.fromAgent().value(), e.toQueue().value());
                case RoutingEvent.ContactMoved e -> new EventColumns(e.at(), e.contact().value(), null, e.toQueue().value());
                case RoutingEvent.ContactTurnedAway e -> new EventColumns(e.at(), e.contact().value(), null, e.queue().value());
                case RoutingEvent.AgentStateChanged e -> new EventColumns(e.at(), null, e.agent().value(), null);
            };
        }
    }
}
