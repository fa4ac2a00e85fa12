package io.sangdam.channel;

import io.sangdam.channel.Conversations.Conversation;
import io.sangdam.channel.Conversations.Message;
import io.sangdam.channel.Conversations.Sender;
import io.sangdam.contact.ConsultationRecords;
import io.sangdam.contact.CustomerDirectory;
import io.sangdam.contact.Disposition;
import io.sangdam.contact.Masking;
import io.sangdam.contact.TextMasking;
import io.sangdam.engine.protection.Detection;
import io.sangdam.platform.RequestRejected;
import io.sangdam.protection.AbuseScreening;
import io.sangdam.protection.AbusiveCustomers;
import io.sangdam.protection.Incidents;
import io.sangdam.protection.ProtectionNotices;
import io.sangdam.routing.AgentUsername;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.ContactChannel;
import io.sangdam.routing.CustomerAttribute;
import io.sangdam.routing.QueueCode;
import io.sangdam.routing.RoutedContact;
import io.sangdam.routing.RoutedEvent;
import io.sangdam.routing.Routing;
import io.sangdam.routing.RoutingEngineRebuilt;
import io.sangdam.routing.RoutingEventsOccurred;
import io.sangdam.routing.RoutingState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Over 500 lines because a chat's start, messages, routing events, warnings and recovery share one conversation
 * table and its state rules; split it by concern once the status and event changes of issue 16 have landed.
 *
 * <p>Web chat between a customer and an agent, routed by the ACD. Every message is masked and stored
 * before it is acknowledged or pushed; the customer proves they own a conversation with a token
 * only they received (its hash is stored, never the token).
 */
@Service
class Chats {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Chats.class);

    static final int MAXIMUM_MESSAGE_LENGTH = 2000;
    /** A chat this old that routing does not know was never routed (its start died half-way). */
    static final java.time.Duration ORPHAN_AGE = java.time.Duration.ofMinutes(2);

    private final Conversations conversations;
    private final Routing routing;
    private final TextMasking masking;
    private final LiveStreams streams;
    private final MessageSource messages;
    private final Clock clock;
    private final AbuseScreening screening;
    private final Incidents incidents;
    private final ConsultationRecords records;
    private final CustomerDirectory customers;
    private final AbusiveCustomers registry;
    private final ProtectionNotices notices;
    private final SecureRandom random = new SecureRandom();

    Chats(
            Conversations conversations,
            Routing routing,
            TextMasking masking,
            LiveStreams streams,
            MessageSource messages,
            Clock clock,
            AbuseScreening screening,
            Incidents incidents,
            ConsultationRecords records,
            CustomerDirectory customers,
            AbusiveCustomers registry,
            ProtectionNotices notices) {
        this.registry = registry;
        this.customers = customers;
        this.records = records;
        this.notices = notices;
        this.screening = screening;
        this.incidents = incidents;
        this.conversations = conversations;
        this.routing = routing;
        this.masking = masking;
        this.streams = streams;
        this.messages = messages;
        this.clock = clock;
    }

    record Started(String conversation, String token) {}

    /**
     * Where a chat stands, and when the widget should ask again ({@code refreshSeconds}). The stream
     * pushes every change of status; asking is the safety net and the way the place in the queue
     * moves on screen. A customer near the front sees it move every 10 s; further back, or once
     * talking, every 30 s: with thousands waiting, the asking was most of the server's work, and a
     * place of 300 does not need to be fresher than that.
     */
    record Position(
            String status,
            int ahead,
            @Nullable Integer estimatedWaitSeconds,
            int refreshSeconds,
            boolean nobodyToAnswer) {

        static final int NEAR_THE_FRONT = 10;
        static final int SOON = 10;
        static final int LATER = 30;

        /** {@code estimatedWaitSeconds}: none while no agent is logged in to estimate it with. */
        static Position of(Conversations.Status status, int ahead, @Nullable Integer estimatedWaitSeconds) {
            int refresh = switch (status) {
                case WAITING -> ahead < NEAR_THE_FRONT ? SOON : LATER;
                case OFFERED -> SOON;
                case CONNECTED, ENDED -> LATER;
            };
            return new Position(status.name(), ahead, estimatedWaitSeconds, refresh, false);
        }

        /** Waiting with no logged-in agent who has the topic's skills: no time can be promised (WaitingPlaces). */
        static Position nobodyToAnswer(int ahead) {
            Position waiting = of(Conversations.Status.WAITING, ahead, null);
            return new Position(waiting.status(), ahead, null, waiting.refreshSeconds(), true);
        }
    }

    Started start(
            long center,
            String queue,
            @Nullable String name,
            @Nullable String phone,
            @Nullable String lane,
            java.util.Locale locale) {
        if (!routing.routes(CenterId.of(center))
                || routing.queues(CenterId.of(center)).stream()
                        .noneMatch(q -> q.code().equals(queue))) {
            throw RequestRejected.badRequest("unknown-chat-topic", queue);
        }
        String id = UUID.randomUUID().toString();
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String label = name == null || name.isBlank()
                ? null
                : (Masking.name(name.strip()) + (phone == null || phone.isBlank() ? "" : " " + Masking.phone(phone)))
                        .strip();
        // The customer whose phone this is, as a claim: the agent verifies before seeing their history (ADR 0011).
        Long customer = phone == null || phone.isBlank()
                ? null
                : customers.match(phone, name).orElse(null);
        conversations.add(id, center, queue, label, lane, hash(token), clock.instant(), locale.getLanguage(), customer);
        // The center's greeting comes first, then the protection notice, as the ARS plays it (산업안전보건법 제41조).
        conversations.addMessage(
                id, Sender.SYSTEM, notices.text(center, ProtectionNotices.Kind.CHAT_GREETING, locale), clock.instant());
        conversations.addMessage(
                id, Sender.SYSTEM, notices.text(center, ProtectionNotices.Kind.CHAT_NOTICE, locale), clock.instant());
        java.util.Set<CustomerAttribute> attributes = java.util.EnumSet.noneOf(CustomerAttribute.class);
        // A registered abusive customer goes to the dedicated lane (the specialist team), before any other lane,
        // even on a claim: the lane protects agents and costs only whoever typed the number, and it writes
        // nothing about the number's owner (ADR 0011). Nothing else from the record (grade, senior) routes a claim.
        if (customer != null && registry.active(customer).isPresent()) {
            attributes.add(CustomerAttribute.FLAGGED_ABUSIVE);
        }
        if (lane != null && !lane.isBlank()) {
            attributes.add(CustomerAttribute.valueOf(lane));
        }
        routing.arrive(CenterId.of(center), RoutedContact.of(id), QueueCode.of(queue), ContactChannel.CHAT, attributes);
        return new Started(id, token);
    }

    Conversation owned(String id, String token) {
        Conversation conversation =
                conversations.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-conversation"));
        if (!MessageDigest.isEqual(
                hash(token).getBytes(StandardCharsets.US_ASCII),
                conversation.tokenHash().getBytes(StandardCharsets.US_ASCII))) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "not-your-conversation");
        }
        return conversation;
    }

    /** The conversation as stored now (its owner already checked). */
    Conversation current(String id) {
        return conversations.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-conversation"));
    }

    Message customerSays(String id, String token, String text) {
        return customerSays(owned(id, token), text);
    }

    /** Call with a conversation from {@link #owned}: the caller has proved the customer holds its token. */
    Message customerSays(Conversation conversation, String text) {
        return say(conversation, Sender.CUSTOMER, text);
    }

    Message agentSays(String agent, String id, String text) {
        Conversation conversation = assignedTo(agent, id);
        return say(conversation, Sender.AGENT, text);
    }

    /**
     * The agent is typing a reply: the customer's widget says so for a few seconds. Nothing is
     * stored; a push that is lost only leaves the customer waiting for the message itself.
     */
    void agentTyping(String agent, String id) {
        Conversation conversation = assignedTo(agent, id);
        if (conversation.status() == Conversations.Status.CONNECTED) {
            streams.push(customer(id), "typing", Map.of("typing", true));
        }
    }

    void customerLeaves(String id, String token) {
        Conversation conversation = owned(id, token);
        if (conversation.takenOverBy() != null) {
            // Routing freed the agent at the take-over and holds the chat no longer.
            ended(id, conversation.centerId(), null);
        } else if (conversation.status() != Conversations.Status.ENDED) {
            routing.end(CenterId.of(conversation.centerId()), RoutedContact.of(id), false);
        }
    }

    void agentEnds(String agent, String id) {
        Conversation conversation = assignedTo(agent, id);
        routing.end(CenterId.of(conversation.centerId()), RoutedContact.of(id), false);
    }

    /**
     * The consultation record of the agent who ended the chat (the whole transcript, once it has
     * ended), or of an agent who transferred it (이관: the transcript up to the transfer, at once,
     * while the colleague goes on), with the transcript as it was stored (masked). Anyone else
     * never handled it and may not record it.
     */
    long record(
            String agent,
            String id,
            long categoryId,
            Disposition disposition,
            boolean followUp,
            @Nullable String notes) {
        Conversation conversation =
                conversations.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-conversation"));
        List<Message> messages;
        if (agent.equalsIgnoreCase(conversation.agent())) {
            if (conversation.status() != Conversations.Status.ENDED) {
                throw RequestRejected.conflict("conversation-still-open");
            }
            messages = conversations.messages(id);
        } else {
            messages = conversations
                    .upToHandover(id, agent)
                    .orElseThrow(() -> new RequestRejected(HttpStatus.FORBIDDEN, "conversation-not-handled"));
        }
        var transcript = messages.stream()
                .map(m -> new ConsultationRecords.TranscriptLine(
                        m.sender().name(), m.body(), m.sentAt().toString()))
                .toList();
        return records.save(new ConsultationRecords.NewConsultation(
                id,
                conversation.centerId(),
                "CHAT",
                conversation.queue(),
                agent,
                conversation.customerLabel(),
                conversation.verifiedCustomerId(),
                categoryId,
                disposition,
                followUp,
                notes,
                transcript));
    }

    /**
     * Hands the chat to another queue, or to a colleague (checked by the caller to be an agent of
     * the same center) first, with a note the next agent reads first (masked like any message).
     */
    void transfer(String agent, String id, String queue, @Nullable String colleague, @Nullable String note) {
        Conversation conversation = assignedTo(agent, id);
        var locale = java.util.Locale.forLanguageTag(conversation.language());
        String queueName =
                routing.queueNames(CenterId.of(conversation.centerId()), locale).get(queue);
        if (queueName == null) {
            throw RequestRejected.badRequest("unknown-chat-topic", queue);
        }
        String text = messages.getMessage("chat.transferred", new Object[] {queueName}, locale);
        // Stored before routing, so the next agent's history has it when the chat reaches them. It is
        // for agents only: the customer's widget never receives it (a refused transfer leaves it for the agent).
        if (note != null && !note.isBlank()) {
            Message stored = conversations.addMessage(
                    id, Sender.NOTE, masking.mask(note.strip()).masked(), clock.instant());
            // Supervisors watching the chat read it now, as the next agent will.
            streams.push(agentsOnly(id), "message", stored);
        }
        // Routed first: a refused transfer (the colleague just logged out) must not tell the customer otherwise.
        if (colleague == null) {
            routing.transfer(CenterId.of(conversation.centerId()), RoutedContact.of(id), QueueCode.of(queue));
        } else {
            routing.transferToColleague(
                    CenterId.of(conversation.centerId()),
                    RoutedContact.of(id),
                    QueueCode.of(queue),
                    AgentUsername.of(colleague));
        }
        Message notice = conversations.addMessage(id, Sender.SYSTEM, text, clock.instant());
        // The transferring agent may now record what they did (이관), with the transcript up to here.
        conversations.handedOver(id, agent, notice.id(), notice.sentAt());
        streams.push(customer(id), "message", notice);
    }

    /** The next warning of the sequence, sent to the customer in the conversation, and recorded. */
    Message warn(String agent, String id) {
        Conversation conversation = assignedTo(agent, id);
        var locale = java.util.Locale.forLanguageTag(conversation.language());
        int level = incidents.warningSent(id, conversation.centerId(), agent, conversation.customerLabel());
        Message message = conversations.addMessage(
                id, Sender.SYSTEM, notices.warning(conversation.centerId(), level, locale), clock.instant());
        streams.push(customer(id), "message", message);
        streams.push(desk(agent), "message", message);
        streams.push(
                desk(agent),
                "warnings",
                Map.of("conversation", id, "sent", level, "required", incidents.warningsBeforeEnding()));
        return message;
    }

    /** The agent's right to end an abusive contact, once the warnings were sent; routing then gives a recovery break. */
    void endForAbuse(String agent, String id) {
        Conversation conversation = assignedTo(agent, id);
        var locale = java.util.Locale.forLanguageTag(conversation.language());
        incidents.endingForAbuse(id);
        Message notice = conversations.addMessage(
                id, Sender.SYSTEM, messages.getMessage("protection.ended", null, locale), clock.instant());
        streams.push(customer(id), "message", notice);
        routing.end(CenterId.of(conversation.centerId()), RoutedContact.of(id), true);
    }

    List<Message> history(String id) {
        return conversations.messages(id);
    }

    /** What the customer sees of the conversation: everything but the agents' notes and supervisors' whispers. */
    List<Message> customerHistory(String id) {
        return conversations.messages(id).stream()
                .filter(m -> !m.sender().agentsOnly())
                .toList();
    }

    List<Conversation> connectedTo(String agent) {
        return conversations.connectedTo(agent);
    }

    /**
     * Ended chats of the agent's that still lack their record: a reload or a new browser during
     * wrap-up must not take away the chat the agent is writing the record for. Within a shift's
     * reach only; older ones are the supervisor's to chase, not a desk's to pile up.
     */
    List<Conversation> awaitingRecord(String agent) {
        var ended = conversations.endedWith(agent, clock.instant().minus(RECORD_REACH), 20);
        var recorded =
                records.recordedBy(agent, ended.stream().map(Conversation::id).toList());
        return ended.stream().filter(c -> !recorded.contains(c.id())).toList();
    }

    static final java.time.Duration RECORD_REACH = java.time.Duration.ofHours(12);

    /** A chat the agent transferred and is still to record (이관), with what they saw of it. */
    record Handover(Conversation conversation, List<Message> messages) {}

    /**
     * Chats the agent transferred that still lack their record, within the same reach: a reload
     * must not take away the 이관 record either. A chat that came back to them and ended is among
     * {@link #awaitingRecord} instead.
     */
    List<Handover> handoversAwaitingRecord(String agent) {
        var handedOver = conversations.handedOverBy(agent, clock.instant().minus(RECORD_REACH), 20).stream()
                .filter(h -> !agent.equalsIgnoreCase(h.conversation().agent()))
                .toList();
        var recorded = records.recordedBy(
                agent, handedOver.stream().map(h -> h.conversation().id()).toList());
        return handedOver.stream()
                .filter(h -> !recorded.contains(h.conversation().id()))
                .map(h -> new Handover(
                        h.conversation(),
                        conversations.messagesUpTo(h.conversation().id(), h.lastMessage())))
                .toList();
    }

    /**
     * Keeps conversations in step with the ACD and tells both sides what happened. A stored batch
     * of decisions comes as one list: its chats' offers, connections and ends are written together
     * (one statement, and one read of the histories the desks are sent), because this runs on the
     * center's routing worker and each round trip there holds back the next decisions. A chat
     * changed twice in the batch, or a rarer decision, closes the group first, so each chat's
     * changes keep their order; what is pushed keeps the order of the decisions.
     */
    @EventListener
    void routed(RoutingEventsOccurred occurred) {
        long center = occurred.center().value();
        List<RoutedEvent> group = new ArrayList<>();
        java.util.Set<String> changing = new java.util.HashSet<>();
        for (RoutedEvent event : occurred.events()) {
            boolean grouped = !(event instanceof RoutedEvent.OfferMissed
                    || event instanceof RoutedEvent.ContactMoved
                    || event instanceof RoutedEvent.ContactTransferred);
            String chat = grouped ? changedChat(event) : null;
            if (!grouped || (chat != null && changing.contains(chat))) {
                changeTogether(center, group);
                group.clear();
                changing.clear();
            }
            if (grouped) {
                group.add(event);
                if (chat != null) {
                    changing.add(chat);
                }
            } else {
                changeAlone(center, event);
            }
        }
        changeTogether(center, group);
    }

    /** The chat whose state the event sets, if it is a chat (callbacks are routed contacts too). */
    private static @Nullable String changedChat(RoutedEvent event) {
        String contact = switch (event) {
            case RoutedEvent.ContactOffered offered -> offered.contact().value();
            case RoutedEvent.ContactAssigned assigned -> assigned.contact().value();
            case RoutedEvent.ContactCompleted completed -> completed.contact().value();
            case RoutedEvent.ContactAbandoned abandoned -> abandoned.contact().value();
            case RoutedEvent.ContactTurnedAway turnedAway ->
                turnedAway.contact().value();
            default -> null;
        };
        return contact == null ? null : chat(contact).orElse(null);
    }

    private void changeTogether(long center, List<RoutedEvent> group) {
        if (group.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Conversations.Change> changes = new ArrayList<>();
        for (RoutedEvent event : group) {
            String chat = changedChat(event);
            if (chat != null) {
                changes.add(
                        switch (event) {
                            case RoutedEvent.ContactOffered offered ->
                                new Conversations.Change(
                                        chat,
                                        Conversations.Status.OFFERED,
                                        offered.agent().value(),
                                        now);
                            case RoutedEvent.ContactAssigned assigned ->
                                new Conversations.Change(
                                        chat,
                                        Conversations.Status.CONNECTED,
                                        assigned.agent().value(),
                                        now);
                            default -> new Conversations.Change(chat, Conversations.Status.ENDED, null, now);
                        });
            }
        }
        Map<String, Conversation> changed = conversations.changedIn(center, changes);
        Map<String, List<Message>> histories = conversations.messages(group.stream()
                .filter(event -> event instanceof RoutedEvent.ContactAssigned)
                .map(Chats::changedChat)
                .filter(chat -> chat != null && changed.containsKey(chat))
                .toList());
        Map<String, String> firstWords = conversations.firstCustomerMessages(group.stream()
                .filter(event -> event instanceof RoutedEvent.ContactOffered)
                .map(Chats::changedChat)
                .filter(chat -> chat != null && changed.containsKey(chat))
                .toList());
        for (RoutedEvent event : group) {
            String chat = changedChat(event);
            Conversation c = chat == null ? null : changed.get(chat);
            switch (event) {
                case RoutedEvent.ContactOffered offered -> {
                    if (c != null) {
                        // The agent is warned before accepting: a registered customer, what for, since when.
                        streams.push(
                                desk(offered.agent().value()),
                                "offer",
                                DeskOffer.of(
                                        c,
                                        offered.expires(),
                                        firstWords.get(c.id()),
                                        flagged(c).orElse(null)));
                    }
                }
                case RoutedEvent.ContactAssigned assigned -> {
                    if (c != null) {
                        streams.push(customer(c.id()), "status", Map.of("status", "CONNECTED"));
                        streams.push(monitorList(c.centerId()), "changed", Map.of("conversation", c.id()));
                        streams.push(
                                desk(assigned.agent().value()),
                                "connected",
                                ConnectedChat.of(c, histories.getOrDefault(c.id(), List.of())));
                    }
                }
                case RoutedEvent.ContactCompleted completed ->
                    toldEnded(c, completed.agent().value());
                case RoutedEvent.ContactAbandoned abandoned -> toldEnded(c, null);
                case RoutedEvent.ContactTurnedAway turnedAway -> toldEnded(c, null);
                case RoutedEvent.AgentStateChanged changedState ->
                    streams.push(
                            desk(changedState.agent().value()),
                            "state",
                            Map.of("state", changedState.status().name()));
                default -> {}
            }
        }
    }

    private void changeAlone(long center, RoutedEvent event) {
        switch (event) {
            case RoutedEvent.OfferMissed missed ->
                conversation(missed.contact().value(), center).ifPresent(c -> {
                    conversations.waiting(c.id());
                    streams.push(desk(missed.agent().value()), "offer-withdrawn", Map.of("conversation", c.id()));
                });
            case RoutedEvent.ContactMoved moved ->
                conversation(moved.contact().value(), center).ifPresent(c -> {
                    conversations.moved(c.id(), moved.toQueue().value());
                    // The customer learns they were moved; the wait goes on, counted from when they came.
                    var locale = java.util.Locale.forLanguageTag(c.language());
                    String queueName = routing.queueNames(CenterId.of(c.centerId()), locale)
                            .getOrDefault(
                                    moved.toQueue().value(), moved.toQueue().value());
                    Message notice = conversations.addMessage(
                            c.id(),
                            Sender.SYSTEM,
                            messages.getMessage("chat.moved", new Object[] {queueName}, locale),
                            clock.instant());
                    streams.push(customer(c.id()), "message", notice);
                });
            case RoutedEvent.ContactTransferred transferred ->
                conversation(transferred.contact().value(), center).ifPresent(c -> {
                    conversations.transferred(c.id(), transferred.toQueue().value());
                    streams.push(customer(c.id()), "status", Map.of("status", "WAITING"));
                    streams.push(desk(transferred.fromAgent().value()), "transferred", Map.of("conversation", c.id()));
                    streams.push(monitorList(c.centerId()), "changed", Map.of("conversation", c.id()));
                });
            default -> throw new IllegalArgumentException("changed together: " + event);
        }
    }

    /**
     * What the agent is told about a customer in the abusive-customer registry. For a claimed
     * (unverified) customer only that the number given is registered ({@code verified} false, the
     * rest null): what the number's owner was registered for is theirs, not the claimant's.
     */
    record Flagged(
            boolean verified,
            @Nullable String category,
            java.time.@Nullable LocalDate since,
            java.time.@Nullable LocalDate until) {}

    java.util.Optional<Flagged> flagged(Conversation conversation) {
        Long customer = conversation.customerId();
        if (customer == null) {
            return java.util.Optional.empty();
        }
        boolean verified = conversation.customerLink() == Conversations.CustomerLink.VERIFIED;
        return registry.active(customer)
                .map(r -> verified
                        ? new Flagged(
                                true,
                                r.category(),
                                java.time.LocalDate.ofInstant(r.registeredAt(), java.time.ZoneId.of("Asia/Seoul")),
                                r.expiresOn())
                        : new Flagged(false, null, null, null));
    }

    static String desk(String agent) {
        return "desk:" + agent;
    }

    static String customer(String conversation) {
        return "chat:" + conversation;
    }

    /** A center's list of chats in progress (the monitoring list): told when one is connected, moves on or ends. */
    static String monitorList(long center) {
        return "monitor-list:" + center;
    }

    /** What of a conversation only agents and supervisors read (transfer notes); never the customer's stream. */
    static String agentsOnly(String conversation) {
        return "agents:" + conversation;
    }

    /**
     * After a rebuild, the chats' states follow the engine: an offer that expired during the replay
     * (the replay's events are not published) leaves a chat OFFERED that the engine has waiting, and
     * a node that died between storing a command and its listeners' writes leaves chats behind.
     * (Those listeners stay synchronous rather than durable, docs/adr/0015: a registry row per
     * routing decision would cost the chat path, and the engine, rebuilt, is the truth they follow.)
     * A chat the engine does not know is ended only when it is older than {@link #ORPHAN_AGE}: a
     * start stores its chat before it asks routing, so a younger one may still be on its way in.
     */
    @EventListener
    void rebuilt(RoutingEngineRebuilt rebuilt) {
        long center = rebuilt.center().value();
        Map<String, RoutingState.Contact> known = new java.util.HashMap<>();
        rebuilt.state().contacts().forEach(contact -> known.put(contact.id().value(), contact));
        java.time.Instant orphanBefore = clock.instant().minus(ORPHAN_AGE);
        int corrected = 0;
        for (Conversation chat : conversations.openIn(center)) {
            RoutingState.Contact contact = known.get(chat.id());
            if (contact == null) {
                if (chat.createdAt().isBefore(orphanBefore)) {
                    ended(chat.id(), chat.centerId(), null);
                    corrected++;
                }
                continue;
            }
            String agent = contact.agent() == null ? null : contact.agent().value();
            String queue = contact.queue().value();
            if (contact.status() == RoutingState.ContactStatus.WAITING) {
                if (chat.status() != Conversations.Status.WAITING
                        || !chat.queue().equals(queue)) {
                    conversations.waitingIn(chat.id(), queue);
                    corrected++;
                }
                continue;
            }
            switch (contact.status()) {
                case WAITING -> throw new IllegalStateException("handled above");
                case OFFERED -> {
                    if (chat.status() != Conversations.Status.OFFERED
                            || !java.util.Objects.equals(chat.agent(), agent)) {
                        conversations.offered(chat.id(), java.util.Objects.requireNonNull(agent));
                        corrected++;
                    }
                }
                case ASSIGNED -> {
                    if (chat.status() != Conversations.Status.CONNECTED
                            || !java.util.Objects.equals(chat.agent(), agent)) {
                        conversations.connected(chat.id(), java.util.Objects.requireNonNull(agent));
                        corrected++;
                    }
                }
            }
        }
        if (corrected > 0) {
            log.info("{} chats of center {} set to their state in the rebuilt routing engine", corrected, center);
        }
    }

    /**
     * Ends chats whose start stored them but never reached routing (the request died between the
     * two, or routing was busy and the caller gave up): the customer would wait for nothing. Only
     * chats older than {@link #ORPHAN_AGE} when the engine was read count, so a start on its way in
     * is never ended.
     *
     * <p>Modulith's event publication registry (docs/adr/0015) does not make this unnecessary. It
     * keeps an event whose listener has not finished; here nothing was published: the chat row is
     * stored by itself and the arrival goes to routing's own command inbox, which is not a Spring
     * event. Routing the start through a durable event instead would deliver the arrival late,
     * after the customer was told the start failed and left, and an agent would be offered a chat
     * with nobody in it; this sweep ends such a chat, which is what the customer was told. It would
     * also write and delete a registry row for every chat start.
     */
    @org.springframework.scheduling.annotation.Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    void endOrphans() {
        for (long center : conversations.centersWithOpen()) {
            try {
                if (!routing.routes(CenterId.of(center))) {
                    continue;
                }
                java.time.Instant orphanBefore = clock.instant().minus(ORPHAN_AGE);
                List<Conversation> old = conversations.openIn(center).stream()
                        .filter(c -> c.createdAt().isBefore(orphanBefore))
                        .toList();
                if (old.isEmpty()) {
                    continue;
                }
                java.util.Set<String> known = new java.util.HashSet<>();
                routing.snapshot(CenterId.of(center))
                        .contacts()
                        .forEach(contact -> known.add(contact.id().value()));
                int ended = 0;
                for (Conversation chat : old) {
                    if (!known.contains(chat.id())) {
                        ended(chat.id(), center, null);
                        ended++;
                    }
                }
                if (ended > 0) {
                    log.info("{} chats of center {} ended: they were stored but never reached routing", ended, center);
                }
            } catch (RuntimeException failed) {
                log.warn("Could not look for unrouted chats of center {}", center, failed);
            }
        }
    }

    private void ended(String id, long centerId, @Nullable String agent) {
        toldEnded(
                chat(id).flatMap(chat -> conversations.endedIn(centerId, chat, clock.instant()))
                        .orElse(null),
                agent);
    }

    /** Tells the customer and the agent who had it that a chat ended; nothing if it had ended before. */
    private void toldEnded(@Nullable Conversation c, @Nullable String agent) {
        if (c == null) {
            return;
        }
        streams.push(customer(c.id()), "status", Map.of("status", "ENDED"));
        streams.push(monitorList(c.centerId()), "changed", Map.of("conversation", c.id()));
        String holder = agent != null ? agent : c.agent();
        if (holder != null) {
            streams.push(desk(holder), "ended", Map.of("conversation", c.id()));
        }
    }

    /** The id of a chat, if the routed contact is one (other contacts, such as callbacks, have other ids). */
    private static java.util.Optional<String> chat(String contactId) {
        return contactId.length() == 36 ? java.util.Optional.of(contactId) : java.util.Optional.empty();
    }

    /** The chat behind a routed contact, only if it belongs to the center whose engine routed it. */
    private java.util.Optional<Conversation> conversation(String contactId, long centerId) {
        return contactId.length() == 36
                ? conversations.find(contactId).filter(c -> c.centerId() == centerId)
                : java.util.Optional.empty();
    }

    private Conversation assignedTo(String agent, String id) {
        Conversation conversation =
                conversations.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-conversation"));
        if (!agent.equalsIgnoreCase(conversation.agent()) || conversation.status() != Conversations.Status.CONNECTED) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "not-your-conversation");
        }
        return conversation;
    }

    private Message say(Conversation conversation, Sender sender, String text) {
        if (conversation.status() == Conversations.Status.ENDED) {
            throw RequestRejected.conflict("conversation-ended");
        }
        String body = text.strip();
        if (body.isEmpty()) {
            throw RequestRejected.badRequest("empty-message");
        }
        if (body.length() > MAXIMUM_MESSAGE_LENGTH) {
            throw RequestRejected.badRequest("message-too-long", MAXIMUM_MESSAGE_LENGTH);
        }
        String masked = masking.mask(body).masked();
        List<Conversations.Flag> flags = List.of();
        if (sender == Sender.CUSTOMER) {
            // Screened before the agent reads it: the desk marks the words and offers the warnings.
            Detection detection = screening.screen(masked);
            if (detection.abusive()) {
                flags = detection.findings().stream()
                        .map(f -> new Conversations.Flag(
                                f.category().name(), f.severity().name(), f.start(), f.end()))
                        .toList();
                incidents.flagged(
                        conversation.id(),
                        conversation.centerId(),
                        conversation.agent(),
                        conversation.customerLabel(),
                        detection);
            }
        }
        Message message = conversations.addMessage(conversation.id(), sender, masked, clock.instant(), flags);
        streams.push(customer(conversation.id()), "message", message);
        // Offered too: the offer card shows the customer's first words, which may come after the offer.
        if (conversation.agent() != null
                && (conversation.status() == Conversations.Status.CONNECTED
                        || conversation.status() == Conversations.Status.OFFERED)) {
            streams.push(desk(conversation.agent()), "message", message);
        }
        return message;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
