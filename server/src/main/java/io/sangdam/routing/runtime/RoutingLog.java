package io.sangdam.routing.runtime;

import io.sangdam.engine.routing.RoutingEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The command log (the truth a center's engine is rebuilt from) and the event log beside it. */
@Repository
class RoutingLog {

    record LoggedCommand(long sequence, Instant recordedAt, String type, String json) {}

    /** Seven parameters each: 28,000 per statement, under the driver's limit of 32,767. */
    private static final int EVENTS_PER_STATEMENT = 4000;

    /** Rows a replay reads at a time: the log is streamed, never held whole (a busy day is a million rows). */
    private static final int REPLAY_FETCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    RoutingLog(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(REPLAY_FETCH);
    }

    long append(long centerId, Instant at, String type, String json) {
        return jdbc.sql("insert into routing.command_log (center_id, recorded_at, type, command) values (?, ?, ?,"
                        + " ?::jsonb) returning sequence")
                .params(centerId, Timestamp.from(at), type, json)
                .query(Long.class)
                .single();
    }

    /**
     * A command to store, with the events the engine decided for it.
     *
     * @param commandId the id a forwarding node gave the command, if it was forwarded
     */
    record Decided(
            String type,
            String json,
            List<RoutingEvent> events,
            @Nullable String commandId) {

        Decided(String type, String json, List<RoutingEvent> events) {
            this(type, json, events, null);
        }
    }

    /**
     * Stores commands decided one after another at the same instant, with their events: one
     * statement for the commands (a batch holds at most a few hundred) and one per 4,000 events.
     * Returns their sequence numbers in order.
     */
    List<Long> appendAll(long centerId, Instant at, List<Decided> decided) {
        if (decided.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(
                "insert into routing.command_log (center_id, recorded_at, type, command, command_id) values ");
        List<@Nullable Object> params = new java.util.ArrayList<>(decided.size() * 5);
        Timestamp recordedAt = Timestamp.from(at);
        for (Decided command : decided) {
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?::jsonb, ?)");
            params.addAll(
                    java.util.Arrays.asList(centerId, recordedAt, command.type(), command.json(), command.commandId()));
        }
        sql.append(" returning sequence");
        // The sequence is drawn row by row in the order of the values, so sorted numbers pair with the commands in
        // order.
        List<Long> sequences = jdbc.sql(sql.toString()).params(params).query(Long.class).list().stream()
                .sorted()
                .toList();
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < decided.size(); i++) {
            for (RoutingEvent event : decided.get(i).events()) {
                rows.add(row(centerId, sequences.get(i), event));
            }
        }
        insertEvents(rows);
        return sequences;
    }

    /** Whether a command with this id (given by a forwarding node) is in the log, applied by whichever node routed then. */
    boolean applied(String commandId) {
        return jdbc.sql("select exists (select 1 from routing.command_log where command_id = ?)")
                .param(commandId)
                .query(Boolean.class)
                .single();
    }

    /** The sequence of the center's last checkpoint, if it has one. */
    Optional<Long> lastCheckpoint(long centerId, String checkpointType) {
        return jdbc.sql("select max(sequence) from routing.command_log where center_id = ? and type = ?")
                .params(centerId, checkpointType)
                .query((row, n) -> {
                    long sequence = row.getLong(1);
                    return row.wasNull() ? Optional.<Long>empty() : Optional.of(sequence);
                })
                .single();
    }

    /**
     * Gives the center's commands from {@code fromSequence} on, in order, one at a time. PostgreSQL
     * streams rows only inside a transaction (with a fetch size): call it in one, or the driver
     * reads them all into memory first.
     */
    void replay(long centerId, long fromSequence, Consumer<LoggedCommand> each) {
        streaming.query(
                "select sequence, recorded_at, type, command::text as command from routing.command_log where"
                        + " center_id = ? and sequence >= ? order by sequence",
                (RowCallbackHandler) row -> {
                    each.accept(new LoggedCommand(
                            row.getLong("sequence"),
                            row.getTimestamp("recorded_at").toInstant(),
                            row.getString("type"),
                            row.getString("command")));
                },
                centerId,
                fromSequence);
    }

    /** All events of one command, in as few statements as the driver allows: the caller holds the center's lock. */
    void events(long centerId, long commandSequence, List<RoutingEvent> events) {
        insertEvents(events.stream()
                .map(event -> row(centerId, commandSequence, event))
                .toList());
    }

    private static Object[] row(long centerId, long commandSequence, RoutingEvent event) {
        EventColumns columns = EventColumns.of(event);
        return new Object[] {
            centerId,
            commandSequence,
            Timestamp.from(columns.at()),
            event.getClass().getSimpleName(),
            columns.contact(),
            columns.agent(),
            columns.queue()
        };
    }

    /** One tick can decide thousands of events (a whole queue overflowing at once): a statement per slice. */
    private void insertEvents(List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += EVENTS_PER_STATEMENT) {
            List<Object[]> slice = rows.subList(from, Math.min(rows.size(), from + EVENTS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(
                    "insert into routing.event_log (center_id, command_sequence, occurred_at, type, contact_id,"
                            + " agent_id, queue_code) values ");
            List<Object> params = new java.util.ArrayList<>(slice.size() * 7);
            for (Object[] row : slice) {
                sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
                params.addAll(java.util.Arrays.asList(row));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    long eventCount(long centerId, String type) {
        return jdbc.sql("select count(*) from routing.event_log where center_id = ? and type = ?")
                .params(centerId, type)
                .query(Long.class)
                .single();
    }

    private record EventColumns(
            Instant at,
            @Nullable String contact,
            @Nullable String agent,
            @Nullable String queue) {

        static EventColumns of(RoutingEvent event) {
            return switch (event) {
                case RoutingEvent.ContactQueued e ->
                    new EventColumns(
                            e.at(), e.contact().value(), null, e.queue().value());
                case RoutingEvent.ContactOffered e ->
                    new EventColumns(
                            e.at(),
                            e.contact().value(),
                            e.agent().value(),
                            e.queue().value());
                case RoutingEvent.OfferMissed e ->
                    new EventColumns(e.at(), e.contact().value(), e.agent().value(), null);
                case RoutingEvent.ContactAssigned e ->
                    new EventColumns(
                            e.at(),
                            e.contact().value(),
                            e.agent().value(),
                            e.queue().value());
                case RoutingEvent.ContactOverflowed e ->
                    new EventColumns(
                            e.at(), e.contact().value(), null, e.toQueue().value());
                case RoutingEvent.PreferredAgentWaitEnded e ->
                    new EventColumns(e.at(), e.contact().value(), e.agent().value(), null);
                case RoutingEvent.ContactAbandoned e ->
                    new EventColumns(
                            e.at(), e.contact().value(), null, e.queue().value());
                case RoutingEvent.ContactCompleted e ->
                    new EventColumns(
                            e.at(),
                            e.contact().value(),
                            e.agent().value(),
                            e.queue().value());
                case RoutingEvent.ContactTransferred e ->
                    new EventColumns(
                            e.at(),
                            e.contact().value(),
                            e.fromAgent().value(),
                            e.toQueue().value());
                case RoutingEvent.ContactMoved e ->
                    new EventColumns(
                            e.at(), e.contact().value(), null, e.toQueue().value());
                case RoutingEvent.ContactTurnedAway e ->
                    new EventColumns(
                            e.at(), e.contact().value(), null, e.queue().value());
                case RoutingEvent.AgentStateChanged e ->
                    new EventColumns(e.at(), null, e.agent().value(), null);
            };
        }
    }
}
