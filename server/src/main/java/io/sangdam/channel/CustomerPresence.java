package io.sangdam.channel;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Whether a chat's customer is still there: the last instant they were seen is stored with the
 * conversation ({@code customer_seen_at}), so that every node, and the sweep that abandons the
 * chats of customers who left ({@link AbandonedChats}), reads the same. A customer is seen when
 * they ask anything (the widget's status check, a message, the stream's opening) and, every few
 * seconds, while a stream of theirs is still open on this node.
 *
 * <p>Kept cheap for the chat path: a conversation is written at most every {@link #REQUEST_STAMP_EVERY}
 * per node for requests and every {@link #STREAM_STAMP_EVERY} for open streams, the streams of a node
 * in one statement. Hazard: both intervals must stay well under the shortest setting
 * ({@link ChatSettings#MINIMUM_CUSTOMER_GONE_SECONDS}), or a customer who is there would be taken
 * for gone between two stamps.
 */
@Component
class CustomerPresence {

    /** The desk's event for a connected chat: {@code {conversation, present}}. */
    static final String EVENT = "customer-presence";

    static final Duration REQUEST_STAMP_EVERY = Duration.ofSeconds(5);
    static final Duration STREAM_STAMP_EVERY = Duration.ofSeconds(10);
    /** What this node wrote is forgotten after this; a conversation asked about again is simply written again. */
    private static final Duration FORGET_AFTER = Duration.ofMinutes(30);

    private static final String CUSTOMER_KEY = Chats.customer("");

    /** When this node last stored each conversation's customer as seen. */
    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    private final JdbcClient jdbc;
    private final LiveStreams streams;
    private final Clock clock;

    CustomerPresence(JdbcClient jdbc, LiveStreams streams, Clock clock) {
        this.jdbc = jdbc;
        this.streams = streams;
        this.clock = clock;
    }

    /** The customer (who proved they hold the chat's token) asked something just now. */
    void seen(String conversation) {
        seen(conversation, clock.instant());
    }

    void seen(String conversation, Instant now) {
        Instant last = written.get(conversation);
        if (last == null || !now.isBefore(last.plus(REQUEST_STAMP_EVERY))) {
            stamp(List.of(conversation), now);
        }
    }

    /**
     * A chat this node just stored: its creation counts as the customer seen (the sweep reads
     * {@code coalesce(customer_seen_at, created_at)}), so the stream the widget opens next, and its
     * first message, need no stamp of their own. {@code before} is taken before the row was stored,
     * so the next stamp can only come early, never late.
     */
    void started(String conversation, Instant before) {
        written.put(conversation, before);
    }

    /**
     * This node's sweep took these chats' customers for gone: the next sign of them is written at
     * once, not after the rest of the interval, so their agents learn of the return without delay.
     */
    void takenForGone(Collection<String> conversations) {
        conversations.forEach(written::remove);
    }

    @Scheduled(initialDelay = 5_000, fixedDelay = 5_000)
    void streamsOpen() {
        streamsOpen(clock.instant());
    }

    /** Stores the customers of this node's open chat streams as seen (those not stored lately), in one statement. */
    void streamsOpen(Instant now) {
        List<String> due = streams.liveKeys(CUSTOMER_KEY).stream()
                .filter(id -> {
                    Instant last = written.get(id);
                    return last == null || !now.isBefore(last.plus(STREAM_STAMP_EVERY));
                })
                .toList();
        stamp(due, now);
        Instant forgotten = now.minus(FORGET_AFTER);
        written.values().removeIf(at -> at.isBefore(forgotten));
    }

    /**
     * Sends a desk that opens its stream which of these chats' customers are gone, after the chats
     * themselves: what was pushed before the desk opened it is not sent again.
     */
    void tellDesk(SseEmitter emitter, Collection<String> conversations) throws IOException {
        if (conversations.isEmpty()) {
            return;
        }
        List<String> gone = jdbc.sql("""
            select id from channel.conversation
             where id = any(?) and status = 'CONNECTED' and customer_away_since is not null\
            """)
                .param(conversations.toArray(String[]::new))
                .query(String.class)
                .list();
        for (String id : gone) {
            emitter.send(SseEmitter.event().name(EVENT).data(Map.of("conversation", id, "present", false)));
        }
    }

    private void stamp(List<String> conversations, Instant now) {
        if (conversations.isEmpty()) {
            return;
        }
        // Only those taken for gone come back: usually none.
        List<String> back = jdbc.sql("""
            with seen as (
                update channel.conversation set customer_seen_at = ?
                 where id = any(?) and status <> 'ENDED'
                returning id, customer_away_since)
            select id from seen where customer_away_since is not null\
            """)
                .params(Timestamp.from(now), conversations.toArray(String[]::new))
                .query(String.class)
                .list();
        conversations.forEach(id -> written.put(id, now));
        back.forEach(this::returned);
    }

    /** The customer of a chat taken for gone is back: its agent is told, once (whichever node clears it tells). */
    private void returned(String conversation) {
        jdbc.sql("""
            update channel.conversation set customer_away_since = null
             where id = ? and customer_away_since is not null returning status, agent_username\
            """)
                .param(conversation)
                .query((row, n) -> new Back(row.getString("status"), row.getString("agent_username")))
                .optional()
                .ifPresent(back -> {
                    String agent = back.agent();
                    if ("CONNECTED".equals(back.status()) && agent != null) {
                        streams.push(Chats.desk(agent), EVENT, Map.of("conversation", conversation, "present", true));
                    }
                });
    }

    private record Back(String status, @Nullable String agent) {}
}
