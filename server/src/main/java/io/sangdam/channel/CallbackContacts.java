package io.sangdam.channel;

import io.sangdam.channel.LeftMessages.LeftMessage;
import io.sangdam.contact.ConsultationRecords;
import io.sangdam.contact.CustomerDirectory;
import io.sangdam.contact.Disposition;
import io.sangdam.contact.Masking;
import io.sangdam.identity.CurrentUser;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.AgentUsername;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.ContactChannel;
import io.sangdam.routing.QueueCode;
import io.sangdam.routing.QueueSettings;
import io.sangdam.routing.RoutedContact;
import io.sangdam.routing.RoutedEvent;
import io.sangdam.routing.Routing;
import io.sangdam.routing.RoutingEngineRebuilt;
import io.sangdam.routing.RoutingEventsOccurred;
import io.sangdam.routing.RoutingRefusal;
import io.sangdam.routing.RoutingState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Left messages as routed contacts (docs/adr/0007): once the queue a message was left for is open
 * again, it arrives in routing as a contact of that queue with the id {@code callback-<id>}; the
 * agent it is offered to accepts it on the desk, calls the customer back by phone (outside the
 * system), writes the consultation record, and the contact ends.
 */
@Service
class CallbackContacts {

    private static final Logger log = LoggerFactory.getLogger(CallbackContacts.class);

    static final String PREFIX = "callback-";
    static final String RECORD_CHANNEL = "CALLBACK";
    /** A message routed this long ago that routing does not know of was lost on the way in (a node died). */
    static final Duration LOST_AGE = Duration.ofMinutes(2);

    /** What the desk shows of a callback it holds: the customer masked, the message as stored (masked). */
    record DeskCallback(
            String conversation,
            long callback,
            String queue,
            String customer,
            String phone,
            String message,
            Instant leftAt) {}

    private final LeftMessages messages;
    private final Routing routing;
    private final LiveStreams streams;
    private final ConsultationRecords records;
    private final CustomerDirectory customers;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CallbackContacts(
            LeftMessages messages,
            Routing routing,
            LiveStreams streams,
            ConsultationRecords records,
            CustomerDirectory customers,
            TransactionTemplate transaction,
            Clock clock) {
        this.messages = messages;
        this.routing = routing;
        this.streams = streams;
        this.records = records;
        this.customers = customers;
        this.transaction = transaction;
        this.clock = clock;
    }

    static String contactId(long callback) {
        return PREFIX + callback;
    }

    static Optional<Long> callbackOf(String contactId) {
        if (!contactId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(contactId.substring(PREFIX.length())));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    /** Every 30 seconds, and soon after start: messages whose queue is open again arrive in routing. */
    @Scheduled(initialDelay = 5_000, fixedDelay = 30_000)
    void sweepOnSchedule() {
        try {
            sweep();
        } catch (RuntimeException failed) {
            log.error("Left messages not routed this time; the next sweep tries again", failed);
        }
    }

    /** @return how many left messages this call routed */
    int sweep() {
        int routed = 0;
        for (LeftMessages.Unrouted waiting : messages.unroutedQueues()) {
            Optional<QueueSettings> queue = openQueue(waiting.centerId(), waiting.queue());
            if (queue.isEmpty()) {
                continue;
            }
            for (LeftMessage message : messages.unrouted(waiting.centerId(), waiting.queue())) {
                if (messages.claim(message.id(), clock.instant())) {
                    routed += arrive(message, queue.get()) ? 1 : 0;
                }
            }
        }
        routed += recoverLost();
        return routed;
    }

    private Optional<QueueSettings> openQueue(long center, String code) {
        if (!routing.routes(CenterId.of(center))) {
            return Optional.empty();
        }
        return routing.queues(CenterId.of(center)).stream()
                .filter(q -> q.code().equals(code))
                .findFirst()
                .filter(q ->
                        routing.openNow(CenterId.of(center), QueueCode.of(code)).open());
    }

    /** Arrives a claimed message; when routing refuses or fails, the claim is undone so the next sweep retries. */
    private boolean arrive(LeftMessage message, QueueSettings queue) {
        try {
            // The queue's own channel: the engine only takes contacts of the channel a queue serves (docs/adr/0007).
            routing.arrive(
                    CenterId.of(message.centerId()),
                    RoutedContact.of(contactId(message.id())),
                    QueueCode.of(message.queue()),
                    ContactChannel.valueOf(queue.channel()),
                    Set.of());
            return true;
        } catch (RequestRejected rejected) {
            if (Routing.refusal(rejected)
                    .filter(RoutingRefusal.DUPLICATE_CONTACT::equals)
                    .isPresent()) {
                return false;
            }
            log.warn("Left message {} not routed ({}); retried on the next sweep", message.id(), rejected.getMessage());
            messages.unclaim(message.id());
            return false;
        } catch (RuntimeException failed) {
            log.warn("Left message {} not routed; retried on the next sweep", message.id(), failed);
            messages.unclaim(message.id());
            return false;
        }
    }

    /**
     * A node that died between claiming a message and routing it leaves it marked routed but unknown
     * to routing; after {@link #LOST_AGE} such a message is routed again (by the node routing its center).
     */
    private int recoverLost() {
        int recovered = 0;
        for (long center : messages.centersWithRoutedOpen()) {
            if (!routing.routes(CenterId.of(center))) {
                continue;
            }
            List<LeftMessage> untaken =
                    messages.routedUntaken(center, clock.instant().minus(LOST_AGE));
            if (untaken.isEmpty()) {
                continue;
            }
            Set<String> known = routing.snapshot(CenterId.of(center)).contacts().stream()
                    .map(c -> c.id().value())
                    .collect(Collectors.toSet());
            for (LeftMessage message : untaken) {
                if (!known.contains(contactId(message.id()))) {
                    messages.unclaim(message.id());
                    Optional<QueueSettings> queue = openQueue(center, message.queue());
                    if (queue.isPresent() && messages.claim(message.id(), clock.instant())) {
                        recovered += arrive(message, queue.get()) ? 1 : 0;
                    }
                }
            }
        }
        return recovered;
    }

    /** The agent accepts the callback offered to them. */
    void accept(CurrentUser agent, long id) {
        LeftMessage message = require(agent, id);
        if (message.status() == LeftMessages.Status.DONE) {
            throw RequestRejected.conflict("callback-already-done", id);
        }
        try {
            routing.accept(
                    CenterId.of(message.centerId()),
                    AgentUsername.of(agent.username()),
                    RoutedContact.of(contactId(id)));
        } catch (RequestRejected rejected) {
            if (Routing.refusal(rejected).isPresent()) {
                throw RequestRejected.conflict("callback-offer-expired", id);
            }
            throw rejected;
        }
    }

    /**
     * The agent called back and writes the consultation record: the message is done, the record kept,
     * and the contact ends in routing (the agent goes to wrap-up as after any contact).
     */
    long finish(
            CurrentUser agent,
            long id,
            long categoryId,
            Disposition disposition,
            boolean followUp,
            @Nullable String notes) {
        LeftMessage message = require(agent, id);
        if (message.status() == LeftMessages.Status.DONE) {
            throw RequestRejected.conflict("callback-already-done", id);
        }
        if (!agent.username().equalsIgnoreCase(message.takenBy())) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "not-your-callback", id);
        }
        Long recorded = transaction.execute(status -> {
            if (messages.finished(id, agent.username(), clock.instant()) == 0) {
                throw RequestRejected.conflict("callback-already-done", id);
            }
            var transcript = List.of(new ConsultationRecords.TranscriptLine(
                    "CUSTOMER", message.body(), message.createdAt().toString()));
            return records.save(new ConsultationRecords.NewConsultation(
                    contactId(id),
                    message.centerId(),
                    RECORD_CHANNEL,
                    message.queue(),
                    agent.username(),
                    label(message),
                    customers.match(message.phone(), message.name()).orElse(null),
                    categoryId,
                    disposition,
                    followUp,
                    notes,
                    transcript));
        });
        endContact(message);
        return java.util.Objects.requireNonNull(recorded);
    }

    /** Ends the message's contact in routing, if it still has one there (marked done by hand, or finished). */
    void endContact(LeftMessage message) {
        if (message.routedAt() == null || !routing.routes(CenterId.of(message.centerId()))) {
            return;
        }
        // Asked directly: routing refuses a contact it no longer has and stores nothing for it, so
        // copying the center's whole snapshot first to look for it was work done twice.
        try {
            routing.end(CenterId.of(message.centerId()), RoutedContact.of(contactId(message.id())), false);
        } catch (RequestRejected gone) {
            log.info("Contact of left message {} already ended: {}", message.id(), gone.getMessage());
        }
    }

    List<DeskCallback> heldBy(String agent) {
        return messages.takenBy(agent).stream().map(CallbackContacts::desk).toList();
    }

    private LeftMessage require(CurrentUser user, long id) {
        LeftMessage message = messages.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-callback", id));
        if (!user.canSee(message.centerId())) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "access-denied");
        }
        return message;
    }

    /** Keeps the callback list and the desks in step with routing. */
    @EventListener
    void routed(RoutingEventsOccurred occurred) {
        long center = occurred.center().value();
        for (RoutedEvent event : occurred.events()) {
            switch (event) {
                case RoutedEvent.ContactOffered offered ->
                    message(offered.contact().value(), center).ifPresent(m -> {
                        messages.offered(m.id(), offered.agent().value());
                        Map<String, Object> offer = new HashMap<>(Map.of(
                                "conversation",
                                contactId(m.id()),
                                "kind",
                                "callback",
                                "callback",
                                m.id(),
                                "queue",
                                m.queue(),
                                "customer",
                                Masking.name(m.name()),
                                "expiresAt",
                                offered.expires().toString()));
                        streams.push(Chats.desk(offered.agent().value()), "offer", offer);
                    });
                case RoutedEvent.OfferMissed missed ->
                    message(missed.contact().value(), center).ifPresent(m -> {
                        messages.offered(m.id(), null);
                        streams.push(
                                Chats.desk(missed.agent().value()),
                                "offer-withdrawn",
                                Map.of("conversation", contactId(m.id())));
                    });
                case RoutedEvent.ContactAssigned assigned ->
                    message(assigned.contact().value(), center).ifPresent(m -> {
                        messages.taken(m.id(), assigned.agent().value(), assigned.at());
                        streams.push(Chats.desk(assigned.agent().value()), "callback", desk(m));
                    });
                case RoutedEvent.ContactAbandoned abandoned ->
                    message(abandoned.contact().value(), center).ifPresent(m -> {
                        // Marked done by hand while offered: the offer goes away from the desk.
                        if (m.offeredTo() != null) {
                            streams.push(
                                    Chats.desk(m.offeredTo()),
                                    "offer-withdrawn",
                                    Map.of("conversation", contactId(m.id())));
                        }
                        messages.offered(m.id(), null);
                    });
                case RoutedEvent.ContactTurnedAway turnedAway ->
                    // Routing would not take it now (the queue is full): the next sweep tries again.
                    message(turnedAway.contact().value(), center).ifPresent(m -> messages.unclaim(m.id()));
                case RoutedEvent.ContactCompleted completed -> {}
                case RoutedEvent.AgentStateChanged changed -> {}
                case RoutedEvent.ContactQueued queued -> {}
                case RoutedEvent.ContactOverflowed overflowed -> {}
                case RoutedEvent.PreferredAgentWaitEnded waitEnded -> {}
                case RoutedEvent.ContactMoved moved -> {}
                case RoutedEvent.ContactTransferred transferred -> {}
            }
        }
    }

    /**
     * After a rebuild the callback list follows the engine: an offer that expired during the replay
     * (whose events are not published) is no longer shown as offered. A message routing does not
     * know is left to the sweep ({@link #recoverLost}).
     */
    @EventListener
    void rebuilt(RoutingEngineRebuilt rebuilt) {
        Map<String, RoutingState.Contact> known = new HashMap<>();
        rebuilt.state().contacts().forEach(contact -> known.put(contact.id().value(), contact));
        for (LeftMessage message : messages.routedUntaken(rebuilt.center().value(), clock.instant())) {
            RoutingState.Contact contact = known.get(contactId(message.id()));
            if (contact == null) {
                continue;
            }
            String agent = contact.agent() == null ? null : contact.agent().value();
            switch (contact.status()) {
                case WAITING -> messages.offered(message.id(), null);
                case OFFERED -> messages.offered(message.id(), agent);
                case ASSIGNED -> messages.taken(message.id(), java.util.Objects.requireNonNull(agent), clock.instant());
            }
        }
    }

    /** The left message behind a routed contact, only if it belongs to the center whose engine routed it. */
    private Optional<LeftMessage> message(String contactId, long centerId) {
        return callbackOf(contactId).flatMap(messages::find).filter(m -> m.centerId() == centerId);
    }

    private static String label(LeftMessage message) {
        return (Masking.name(message.name()) + " " + Masking.phone(message.phone())).strip();
    }

    private static DeskCallback desk(LeftMessage message) {
        return new DeskCallback(
                contactId(message.id()),
                message.id(),
                message.queue(),
                Masking.name(message.name()),
                Masking.phone(message.phone()),
                message.body(),
                message.createdAt());
    }
}
