package io.sangdam.channel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class Conversations {

    enum Status {
        WAITING,
        OFFERED,
        CONNECTED,
        ENDED
    }

    enum Sender {
        CUSTOMER,
        AGENT,
        SYSTEM,
        /** For agents only (a transfer note): never shown or sent to the customer. */
        NOTE,
        /** A supervisor's note to the agent (issue 17): for agents only, like a note. */
        WHISPER,
        /** A supervisor who barged in or took the chat over, writing to the customer. */
        SUPERVISOR;

        /** Never shown or sent to the customer, nor in what they download. */
        boolean agentsOnly() {
            return this == NOTE || this == WHISPER;
        }
    }

    /** How far a chat's customer is known: claimed (a typed number, a search) or verified by an agent. */
    enum CustomerLink {
        CLAIMED,
        VERIFIED
    }

    /** Who verified the chat's customer, by which method, and when. */
    record Verified(String by, String method, Instant at) {}

    /**
     * @param customerLink null when no customer is linked; {@code verified} is set only when VERIFIED
     * @param verificationFailures failed attempts to verify, over every customer linked to the chat
     * @param takenOverBy the supervisor who took the chat over; routing no longer holds it then
     */
    record Conversation(
            String id,
            long centerId,
            String queue,
            @Nullable String customerLabel,
            @Nullable String lane,
            String tokenHash,
            Status status,
            @Nullable String agent,
            Instant createdAt,
            String language,
            @Nullable Long customerId,
            @Nullable CustomerLink customerLink,
            @Nullable Verified verified,
            int verificationFailures,
            @Nullable String takenOverBy) {

        /** The customer, only once an agent verified them: what history, records and the registry may use. */
        @Nullable
        Long verifiedCustomerId() {
            return customerLink == CustomerLink.VERIFIED ? customerId : null;
        }
    }

    /** Where a customer message was abusive: offsets into {@code body}. */
    record Flag(String category, String severity, int start, int end) {}

    record Message(long id, String conversationId, Sender sender, String body, Instant sentAt, List<Flag> flags) {

        Message {
            flags = List.copyOf(flags);
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Conversations(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(
            String id,
            long centerId,
            String queue,
            @Nullable String customerLabel,
            @Nullable String lane,
            String tokenHash,
            Instant at,
            String language,
            @Nullable Long customerId) {
        jdbc.sql("""
            insert into channel.conversation (id, center_id, queue_code, customer_label, lane, token_hash, status, created_at,
                language, customer_id, customer_link) values (?, ?, ?, ?, ?, ?, 'WAITING', ?, ?, ?, ?)\
            """)
                .params(
                        id,
                        centerId,
                        queue,
                        customerLabel,
                        lane,
                        tokenHash,
                        Timestamp.from(at),
                        language,
                        customerId,
                        customerId == null ? null : CustomerLink.CLAIMED.name())
                .update();
    }

    /** Links a customer as a claim: whatever was verified before was about someone else. */
    void linkCustomer(String id, long customerId) {
        jdbc.sql("""
            update channel.conversation set customer_id = ?, customer_link = 'CLAIMED', customer_verified_by = null,
                customer_verified_method = null, customer_verified_at = null where id = ?\
            """).params(customerId, id).update();
    }

    /** The chat as stored, locked until the transaction ends: verification attempts are counted one at a time. */
    Optional<Conversation> lockedForVerification(String id) {
        return jdbc.sql("select * from channel.conversation where id = ? for update")
                .param(id)
                .query(Conversations::map)
                .optional();
    }

    /** Verified, if the chat is still linked to that customer. */
    void verified(String id, long customerId, String by, String method, Instant at) {
        jdbc.sql("""
            update channel.conversation set customer_link = 'VERIFIED', customer_verified_by = ?, customer_verified_method = ?,
                customer_verified_at = ? where id = ? and customer_id = ?\
            """).params(by, method, Timestamp.from(at), id, customerId).update();
    }

    void verificationFailed(String id) {
        jdbc.sql("update channel.conversation set verification_failures = verification_failures + 1 where id = ?")
                .param(id)
                .update();
    }

    /**
     * The customer's chats, newest first: only those where an agent verified them, so a chat
     * someone started with another person's number never shows up in that person's history.
     */
    List<Conversation> ofCustomer(long customerId, int limit) {
        return jdbc.sql("""
            select * from channel.conversation where customer_id = ? and customer_link = 'VERIFIED'
             order by created_at desc limit ?\
            """).params(customerId, limit).query(Conversations::map).list();
    }

    void moved(String id, String queue) {
        jdbc.sql("update channel.conversation set queue_code = ? where id = ? and status = 'WAITING'")
                .params(queue, id)
                .update();
    }

    private static Conversation map(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        String link = row.getString("customer_link");
        Timestamp verifiedAt = row.getTimestamp("customer_verified_at");
        return new Conversation(
                row.getString("id"),
                row.getLong("center_id"),
                row.getString("queue_code"),
                row.getString("customer_label"),
                row.getString("lane"),
                row.getString("token_hash"),
                Status.valueOf(row.getString("status")),
                row.getString("agent_username"),
                row.getTimestamp("created_at").toInstant(),
                row.getString("language"),
                (Long) row.getObject("customer_id"),
                link == null ? null : CustomerLink.valueOf(link),
                verifiedAt == null
                        ? null
                        : new Verified(
                                row.getString("customer_verified_by"),
                                row.getString("customer_verified_method"),
                                verifiedAt.toInstant()),
                row.getInt("verification_failures"),
                row.getString("taken_over_by"));
    }

    Optional<Conversation> find(String id) {
        return jdbc.sql("select * from channel.conversation where id = ?")
                .param(id)
                .query(Conversations::map)
                .optional();
    }

    void offered(String id, String agent) {
        jdbc.sql("update channel.conversation set status = 'OFFERED', agent_username = ? where id = ? and"
                        + " status <> 'ENDED'")
                .params(agent, id)
                .update();
    }

    void waiting(String id) {
        jdbc.sql("update channel.conversation set status = 'WAITING', agent_username = null where id = ? and"
                        + " status = 'OFFERED'")
                .param(id)
                .update();
    }

    /** Waiting in {@code queue}, whatever the chat said before (unless it ended). */
    void waitingIn(String id, String queue) {
        jdbc.sql("update channel.conversation set status = 'WAITING', agent_username = null, queue_code = ?"
                        + " where id = ? and status <> 'ENDED'")
                .params(queue, id)
                .update();
    }

    void transferred(String id, String queue) {
        jdbc.sql("update channel.conversation set status = 'WAITING', agent_username = null, queue_code = ?"
                        + " where id = ? and status <> 'ENDED'")
                .params(queue, id)
                .update();
    }

    void connected(String id, String agent) {
        jdbc.sql("update channel.conversation set status = 'CONNECTED', agent_username = ? where id = ? and"
                        + " status <> 'ENDED'")
                .params(agent, id)
                .update();
    }

    /*
     * The routing listener's writes: they set the new state and answer the chat as it now is, in
     * one round trip (they run on the center's routing worker), and only for a chat of that center
     * that has not ended.
     */

    /** What a routing decision makes of a chat: offered to or connected with {@code agent}, or ended. */
    record Change(String id, Status status, @Nullable String agent, Instant at) {}

    /**
     * Several routing decisions' changes, at most one per chat, in one round trip; answers the
     * chats as they now are, by id. A chat that had ended, or is not this center's, is left out,
     * so nobody is told twice. An ended chat keeps its agent and gets its end time.
     */
    // A chat taken over by a supervisor is ended in routing to free its agent (Interventions), but
    // goes on with the supervisor: that end is not the chat's.
    java.util.Map<String, Conversation> changedIn(long centerId, java.util.Collection<Change> changes) {
        if (changes.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, Conversation> changed = new java.util.HashMap<>();
        jdbc.sql("""
            update channel.conversation c
               set status = v.status,
                   agent_username = case when v.status = 'ENDED' then c.agent_username else v.agent end,
                   ended_at = case when v.status = 'ENDED' then v.at else c.ended_at end
              from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[]) as v(id, status, agent, at)
             where c.id = v.id and c.center_id = ? and c.status <> 'ENDED'
               and not (v.status = 'ENDED' and c.taken_over_by is not null)
            returning c.*\
            """)
                .params(
                        changes.stream().map(Change::id).toArray(String[]::new),
                        changes.stream().map(change -> change.status().name()).toArray(String[]::new),
                        changes.stream().map(Change::agent).toArray(String[]::new),
                        changes.stream().map(change -> change.at().toString()).toArray(String[]::new),
                        centerId)
                .query(Conversations::map)
                .list()
                .forEach(conversation -> changed.put(conversation.id(), conversation));
        return changed;
    }

    /** Ended now; empty if it had ended before (or is not this center's), so nobody is told twice. */
    Optional<Conversation> endedIn(long centerId, String id, Instant at) {
        return jdbc.sql("""
            update channel.conversation set status = 'ENDED', ended_at = ?
             where id = ? and center_id = ? and status <> 'ENDED' returning *\
            """)
                .params(Timestamp.from(at), id, centerId)
                .query(Conversations::map)
                .optional();
    }

    void ended(String id, Instant at) {
        jdbc.sql("update channel.conversation set status = 'ENDED', ended_at = ? where id = ? and status <> 'ENDED'")
                .params(Timestamp.from(at), id)
                .update();
    }

    /** Chats of a center not yet ended, oldest first. */
    List<Long> centersWithOpen() {
        return jdbc.sql("select distinct center_id from channel.conversation where status <> 'ENDED'")
                .query(Long.class)
                .list();
    }

    /**
     * Open chats that routing holds: one taken over by a supervisor left routing on purpose, and the
     * rebuild and orphan sweep that read this would otherwise end it.
     */
    List<Conversation> openIn(long centerId) {
        return jdbc.sql("select * from channel.conversation where center_id = ? and status <> 'ENDED'"
                        + " and taken_over_by is null order by created_at")
                .param(centerId)
                .query(Conversations::map)
                .list();
    }

    List<Conversation> connectedIn(long centerId) {
        return jdbc.sql("select * from channel.conversation where center_id = ? and status = 'CONNECTED' order by"
                        + " created_at")
                .param(centerId)
                .query(Conversations::map)
                .list();
    }

    List<Conversation> connectedTo(String agent) {
        return jdbc.sql("select * from channel.conversation where agent_username = ? and status = 'CONNECTED' order by"
                        + " created_at")
                .param(agent)
                .query(Conversations::map)
                .list();
    }

    /** The agent's chats that ended since then, oldest first (the partial index conversation_agent_ended). */
    List<Conversation> endedWith(String agent, Instant since, int limit) {
        return jdbc.sql("""
            select * from channel.conversation
             where agent_username = ? and status = 'ENDED' and ended_at >= ? order by ended_at limit ?\
            """)
                .params(agent, Timestamp.from(since), limit)
                .query(Conversations::map)
                .list();
    }

    Message addMessage(String conversationId, Sender sender, String body, Instant at) {
        return addMessage(conversationId, sender, body, at, List.of());
    }

    Message addMessage(String conversationId, Sender sender, String body, Instant at, List<Flag> flags) {
        long id = jdbc.sql(
                        "insert into channel.message (conversation_id, sender, body, sent_at, flags) values (?, ?, ?,"
                                + " ?, ?::jsonb) returning id")
                .params(conversationId, sender.name(), body, Timestamp.from(at), json.writeValueAsString(flags))
                .query(Long.class)
                .single();
        return new Message(id, conversationId, sender, body, at, flags);
    }

    /** The messages of several chats, each in the order they were sent. */
    java.util.Map<String, List<Message>> messages(java.util.Collection<String> conversationIds) {
        java.util.Map<String, List<Message>> messages = new java.util.HashMap<>();
        if (conversationIds.isEmpty()) {
            return messages;
        }
        jdbc.sql("select * from channel.message where conversation_id = any(?) order by id")
                .param(conversationIds.toArray(String[]::new))
                .query(this::message)
                .list()
                .forEach(
                        message -> messages.computeIfAbsent(message.conversationId(), id -> new java.util.ArrayList<>())
                                .add(message));
        return messages;
    }

    /** Each chat's first message from its customer, as stored (masked); a chat whose customer wrote nothing is left out. */
    java.util.Map<String, String> firstCustomerMessages(java.util.Collection<String> conversationIds) {
        java.util.Map<String, String> first = new java.util.HashMap<>();
        if (conversationIds.isEmpty()) {
            return first;
        }
        jdbc.sql("""
            select distinct on (conversation_id) conversation_id, body from channel.message
             where conversation_id = any(?) and sender = 'CUSTOMER' order by conversation_id, id\
            """).param(conversationIds.toArray(String[]::new)).query(row -> {
            first.put(row.getString("conversation_id"), row.getString("body"));
        });
        return first;
    }

    private Message message(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        return new Message(
                row.getLong("id"),
                row.getString("conversation_id"),
                Sender.valueOf(row.getString("sender")),
                row.getString("body"),
                row.getTimestamp("sent_at").toInstant(),
                List.of(json.readValue(row.getString("flags"), Flag[].class)));
    }

    List<Message> messages(String conversationId) {
        return jdbc.sql("select * from channel.message where conversation_id = ? order by id")
                .param(conversationId)
                .query(this::message)
                .list();
    }

    /** The agent handed the chat over (transferred it) after {@code lastMessage}; a later handover replaces an earlier one. */
    void handedOver(String conversationId, String agent, long lastMessage, Instant at) {
        jdbc.sql("""
            insert into channel.handover (conversation_id, agent_username, last_message_id, handed_over_at) values (?, ?, ?, ?)
            on conflict (conversation_id, agent_username)
            do update set last_message_id = excluded.last_message_id, handed_over_at = excluded.handed_over_at\
            """)
                .params(conversationId, agent, lastMessage, Timestamp.from(at))
                .update();
    }

    /** The chats the agent handed over since then, oldest first, each with its messages up to the handover. */
    List<HandedOver> handedOverBy(String agent, Instant since, int limit) {
        return jdbc.sql("""
            select c.*, h.last_message_id from channel.handover h join channel.conversation c on c.id = h.conversation_id
             where h.agent_username = ? and h.handed_over_at >= ? order by h.handed_over_at limit ?\
            """)
                .params(agent, Timestamp.from(since), limit)
                .query((row, n) -> new HandedOver(map(row, n), row.getLong("last_message_id")))
                .list();
    }

    /** A chat an agent handed over, and the last message they saw of it. */
    record HandedOver(Conversation conversation, long lastMessage) {}

    /** What the agent saw of a chat they handed over: its messages up to the handover; empty when they never did. */
    Optional<List<Message>> upToHandover(String conversationId, String agent) {
        return jdbc.sql("select last_message_id from channel.handover where conversation_id = ? and"
                        + " lower(agent_username) = lower(?)")
                .params(conversationId, agent)
                .query(Long.class)
                .optional()
                .map(last -> messagesUpTo(conversationId, last));
    }

    /** A chat's messages up to and with this one. */
    List<Message> messagesUpTo(String conversationId, long lastMessage) {
        return jdbc.sql("select * from channel.message where conversation_id = ? and id <= ? order by id")
                .params(conversationId, lastMessage)
                .query(this::message)
                .list();
    }
}
