package io.sangdam.channel;

import io.sangdam.channel.Conversations.Conversation;
import io.sangdam.channel.Conversations.Message;
import io.sangdam.channel.Conversations.Sender;
import io.sangdam.contact.TextMasking;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.RoutedContact;
import io.sangdam.routing.Routing;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A supervisor steps into a live chat from the monitor: a whisper only the agent reads, barging
 * in (the customer is told and reads the supervisor's messages), or taking the chat over (the
 * agent is freed and the supervisor writes and ends it). Each is logged with who and when.
 *
 * <p>Taking over ends the contact in routing, which frees the agent's slot and gives them their
 * wrap-up, as an end does; the chat itself goes on. The agent records their part as after a
 * transfer (이관: the transcript up to the take-over), since the chat left them while still open.
 * Hazard: routing then holds the chat no longer, so whatever would ask routing about it (the
 * customer leaving, the rebuild, the orphan sweep) must look at {@code taken_over_by} first.
 */
@Service
class Interventions {

    enum Kind {
        WHISPER,
        BARGE_IN,
        TAKE_OVER,
        END
    }

    /** One intervention: who ({@code by}, {@code byName}), on whose chat ({@code agent}), when. */
    record Intervention(
            long id,
            Kind kind,
            String by,
            String byName,
            @Nullable String agent,
            Instant at) {}

    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final CenterDirectory centers;
    private final Routing routing;
    private final TextMasking masking;
    private final LiveStreams streams;
    private final MessageSource messages;
    private final Clock clock;

    Interventions(
            JdbcClient jdbc,
            Conversations conversations,
            CenterDirectory centers,
            Routing routing,
            TextMasking masking,
            LiveStreams streams,
            MessageSource messages,
            Clock clock) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.centers = centers;
        this.routing = routing;
        this.masking = masking;
        this.streams = streams;
        this.messages = messages;
        this.clock = clock;
    }

    /** A note to the agent, never sent to the customer nor kept in what the customer sees. */
    Message whisper(CurrentUser by, String id, String text) {
        Conversation chat = live(by, id);
        String agent = heldByAgent(chat);
        Message whisper = conversations.addMessage(id, Sender.WHISPER, checked(text), clock.instant());
        log(chat, Kind.WHISPER, by, agent);
        streams.push(Chats.desk(agent), "message", whisper);
        streams.push(Chats.agentsOnly(id), "message", whisper);
        return whisper;
    }

    /** Joins the chat visibly: the customer and the agent are told, and read the supervisor from now on. */
    Message bargeIn(CurrentUser by, String id) {
        Conversation chat = live(by, id);
        String agent = heldByAgent(chat);
        if (joined(id, by.username())) {
            throw RequestRejected.conflict("supervisor-already-joined");
        }
        Message notice =
                conversations.addMessage(id, Sender.SYSTEM, text("chat.supervisor-joined", chat), clock.instant());
        log(chat, Kind.BARGE_IN, by, agent);
        streams.push(Chats.customer(id), "message", notice);
        streams.push(Chats.desk(agent), "message", notice);
        return notice;
    }

    /**
     * Takes the chat from its agent. Marked first (one at a time: a second supervisor is refused),
     * then ended in routing, whose listener leaves a taken-over chat open; a refusal there undoes
     * the mark. No transaction around both: routing's listener writes the chat on routing's worker,
     * which would wait for this transaction's row lock while this waits for routing.
     */
    Message takeOver(CurrentUser by, String id) {
        Conversation chat = live(by, id);
        String agent = heldByAgent(chat);
        int marked =
                jdbc.sql("""
                    update channel.conversation set taken_over_by = ?, agent_username = ?
                     where id = ? and status = 'CONNECTED' and taken_over_by is null and agent_username = ?\
                    """).params(by.username(), by.username(), id, agent).update();
        if (marked == 0) {
            throw RequestRejected.conflict("conversation-taken-over");
        }
        try {
            routing.end(CenterId.of(chat.centerId()), RoutedContact.of(id), false);
        } catch (RuntimeException refused) {
            jdbc.sql("update channel.conversation set taken_over_by = null, agent_username = ? where id = ?")
                    .params(agent, id)
                    .update();
            throw refused;
        }
        Message notice =
                conversations.addMessage(id, Sender.SYSTEM, text("chat.supervisor-took-over", chat), clock.instant());
        // The agent records what they did, with the transcript up to here, as after a transfer.
        conversations.handedOver(id, agent, notice.id(), notice.sentAt());
        log(chat, Kind.TAKE_OVER, by, agent);
        streams.push(Chats.customer(id), "message", notice);
        streams.push(Chats.desk(agent), "message", notice);
        streams.push(Chats.desk(agent), "transferred", Map.of("conversation", id));
        streams.push(Chats.monitorList(chat.centerId()), "changed", Map.of("conversation", id));
        return notice;
    }

    /** The supervisor writes to the customer: only once they barged in, or took the chat over. */
    Message says(CurrentUser by, String id, String text) {
        Conversation chat = live(by, id);
        boolean tookOver = by.username().equalsIgnoreCase(chat.takenOverBy());
        if (!tookOver && !joined(id, by.username())) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "supervisor-not-joined");
        }
        Message message = conversations.addMessage(id, Sender.SUPERVISOR, checked(text), clock.instant());
        streams.push(Chats.customer(id), "message", message);
        if (!tookOver && chat.agent() != null) {
            streams.push(Chats.desk(chat.agent()), "message", message);
        }
        return message;
    }

    /** Ends a chat the supervisor took over (routing freed its agent at the take-over already). */
    void end(CurrentUser by, String id) {
        Conversation chat = visible(by, id);
        if (!by.username().equalsIgnoreCase(chat.takenOverBy())) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "not-your-conversation");
        }
        conversations.endedIn(chat.centerId(), id, clock.instant()).ifPresent(ended -> {
            log(ended, Kind.END, by, null);
            streams.push(Chats.customer(id), "status", Map.of("status", "ENDED"));
            streams.push(Chats.monitorList(ended.centerId()), "changed", Map.of("conversation", id));
        });
    }

    /** The chat's interventions, oldest first. */
    List<Intervention> of(String conversationId) {
        return jdbc.sql("select * from channel.intervention where conversation_id = ? order by id")
                .param(conversationId)
                .query((row, n) -> new Intervention(
                        row.getLong("id"),
                        Kind.valueOf(row.getString("kind")),
                        row.getString("by_username"),
                        row.getString("by_name"),
                        row.getString("agent_username"),
                        row.getTimestamp("at").toInstant()))
                .list();
    }

    boolean joined(String conversationId, String username) {
        return jdbc.sql("""
            select exists (select 1 from channel.intervention
                            where conversation_id = ? and kind = 'BARGE_IN' and lower(by_username) = lower(?))\
            """)
                .params(conversationId, username)
                .query(Boolean.class)
                .single();
    }

    private void log(Conversation chat, Kind kind, CurrentUser by, @Nullable String agent) {
        jdbc.sql("""
            insert into channel.intervention (conversation_id, center_id, kind, by_username, by_name, agent_username, at)
            values (?, ?, ?, ?, ?, ?, ?)\
            """)
                .params(
                        chat.id(),
                        chat.centerId(),
                        kind.name(),
                        by.username(),
                        by.displayName(),
                        agent,
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** A chat of a center the supervisor sees (the tenant wall), still going on. */
    private Conversation live(CurrentUser by, String id) {
        Conversation chat = visible(by, id);
        if (chat.status() != Conversations.Status.CONNECTED) {
            throw RequestRejected.conflict(
                    chat.status() == Conversations.Status.ENDED ? "conversation-ended" : "conversation-not-connected");
        }
        return chat;
    }

    private Conversation visible(CurrentUser by, String id) {
        Conversation chat = conversations.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-conversation"));
        centers.visibleTo(by, chat.centerId());
        return chat;
    }

    /** The agent who holds the chat; none once a supervisor took it over. */
    private static String heldByAgent(Conversation chat) {
        String agent = chat.agent();
        if (chat.takenOverBy() != null || agent == null) {
            throw RequestRejected.conflict("conversation-taken-over");
        }
        return agent;
    }

    private String checked(String text) {
        String body = text.strip();
        if (body.isEmpty()) {
            throw RequestRejected.badRequest("empty-message");
        }
        if (body.length() > Chats.MAXIMUM_MESSAGE_LENGTH) {
            throw RequestRejected.badRequest("message-too-long", Chats.MAXIMUM_MESSAGE_LENGTH);
        }
        return masking.mask(body).masked();
    }

    private String text(String key, Conversation chat) {
        return messages.getMessage(key, null, Locale.forLanguageTag(chat.language()));
    }
}
