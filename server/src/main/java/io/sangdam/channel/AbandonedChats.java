package io.sangdam.channel;

import io.sangdam.routing.CenterId;
import io.sangdam.routing.RoutedContact;
import io.sangdam.routing.Routing;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Chats whose customer left: nobody has seen them ({@link CustomerPresence}) for the center's set
 * time ({@link ChatSettings}). A waiting chat is ended through the routing engine, which counts it
 * as abandoned (with the board's short-abandon rule), so offered, abandoned and service level stay
 * true and no agent is offered a chat with nobody in it. A connected chat stays with its agent, who
 * is told the customer left (and told again if they come back); ending it is the agent's call.
 *
 * <p>Every node sweeps, in one statement that walks the open chats by the partial index
 * {@code conversation_open}: it marks the chats it takes ({@code customer_away_since}), so two
 * nodes sweeping at once never take the same chat (the second waits for the first's row locks and
 * then finds them marked). A waiting chat marked but still open (routing refused or was
 * unreachable) is taken again after {@link #RETRY_AFTER}.
 */
@Component
class AbandonedChats {

    private static final Logger log = LoggerFactory.getLogger(AbandonedChats.class);

    static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    /** A chat the sweep took, as it stood. */
    record Gone(
            String id,
            long centerId,
            Conversations.Status status,
            @Nullable String agent) {}

    private final JdbcClient jdbc;
    private final Routing routing;
    private final LiveStreams streams;
    private final CustomerPresence presence;
    private final Clock clock;

    AbandonedChats(JdbcClient jdbc, Routing routing, LiveStreams streams, CustomerPresence presence, Clock clock) {
        this.jdbc = jdbc;
        this.presence = presence;
        this.routing = routing;
        this.streams = streams;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 5_000, fixedDelay = 5_000)
    void sweep() {
        try {
            sweep(clock.instant());
        } catch (RuntimeException failed) {
            log.warn("Could not look for chats whose customer left", failed);
        }
    }

    /**
     * Takes the chats whose customer is gone as of {@code now}: abandons the waiting ones, tells the
     * agents of connected ones. Offered chats are left alone: the offer is accepted (and the agent
     * told the customer left) or it times out and the chat waits again.
     */
    List<Gone> sweep(Instant now) {
        // Status compared with literals only, never a parameter, and the two states in a case: the
        // partial index conversation_open is then the only one that fits, for generic plans too
        // (checked with EXPLAIN on 2 million ended chats: with "status in (...)" PostgreSQL 18 also
        // skip-scanned conversation_agent and combined both, several times the cost). The first time
        // test passes only chats unseen for the shortest setting, so the settings are read for few.
        List<Gone> gone = jdbc.sql("""
            update channel.conversation c set customer_away_since = ?
             where c.status <> 'ENDED'
               and case c.status
                   when 'WAITING' then c.customer_away_since is null or c.customer_away_since < ?
                   when 'CONNECTED' then c.customer_away_since is null
                   else false end
               and coalesce(c.customer_seen_at, c.created_at) < ?
               and coalesce(c.customer_seen_at, c.created_at) < cast(? as timestamptz) - make_interval(secs => coalesce(
                   (select s.customer_gone_seconds from channel.chat_setting s where s.center_id = c.center_id), ?))
            returning c.id, c.center_id, c.status, c.agent_username\
            """)
                .params(
                        Timestamp.from(now),
                        Timestamp.from(now.minus(RETRY_AFTER)),
                        Timestamp.from(now.minusSeconds(ChatSettings.MINIMUM_CUSTOMER_GONE_SECONDS)),
                        Timestamp.from(now),
                        ChatSettings.DEFAULT_CUSTOMER_GONE_SECONDS)
                .query((row, n) -> new Gone(
                        row.getString("id"),
                        row.getLong("center_id"),
                        Conversations.Status.valueOf(row.getString("status")),
                        row.getString("agent_username")))
                .list();
        presence.takenForGone(gone.stream().map(Gone::id).toList());
        int abandoned = 0;
        for (Gone chat : gone) {
            String agent = chat.agent();
            if (chat.status() == Conversations.Status.WAITING) {
                abandoned += abandon(chat) ? 1 : 0;
            } else if (agent != null) {
                streams.push(
                        Chats.desk(agent), CustomerPresence.EVENT, Map.of("conversation", chat.id(), "present", false));
            }
        }
        if (abandoned > 0) {
            log.info("{} waiting chats abandoned: their customers left", abandoned);
        }
        return gone;
    }

    /** Ends the chat in routing, which abandons it and ends the conversation (Chats listens). */
    private boolean abandon(Gone chat) {
        try {
            routing.end(CenterId.of(chat.centerId()), RoutedContact.of(chat.id()), false);
            return true;
        } catch (RuntimeException refused) {
            // Routing no longer knows it (it ended meanwhile) or is out of reach: taken again after RETRY_AFTER.
            log.info("Could not abandon chat {} of center {}: {}", chat.id(), chat.centerId(), refused.toString());
            return false;
        }
    }
}
