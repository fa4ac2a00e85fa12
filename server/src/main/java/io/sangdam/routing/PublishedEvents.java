package io.sangdam.routing;

import io.sangdam.engine.routing.AgentState;
import io.sangdam.engine.routing.Channel;
import io.sangdam.engine.routing.ContactAttribute;
import io.sangdam.engine.routing.RoutingEvent;
import io.sangdam.engine.routing.RoutingRejected;
import io.sangdam.engine.routing.RoutingSnapshot;
import io.sangdam.engine.routing.WaitingPosition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where the engine's events and states become routing's published language ({@link
 * RoutedEvent}, {@link RoutingState}). Other modules never see the engine's types: an engine
 * change stops here.
 *
 * <p>Public only for routing's own internal packages (its runtime publishes through it); its
 * methods take engine types, which no other module may import (ArchitectureTests).
 */
public final class PublishedEvents {

    private PublishedEvents() {}

    /** A stored batch of the engine's events as the module event listeners get, in the same order. */
    public static RoutingEventsOccurred occurred(long center, List<RoutingEvent> events) {
        return new RoutingEventsOccurred(CenterId.of(center), translated(events));
    }

    public static RoutingEngineRebuilt rebuilt(long center, RoutingSnapshot snapshot) {
        return new RoutingEngineRebuilt(CenterId.of(center), state(snapshot));
    }

    static List<RoutedEvent> translated(List<RoutingEvent> events) {
        List<RoutedEvent> translated = new ArrayList<>(events.size());
        for (RoutingEvent event : events) {
            translated.add(translated(event));
        }
        return translated;
    }

    static RoutedEvent translated(RoutingEvent event) {
        return switch (event) {
            case RoutingEvent.ContactQueued queued ->
                new RoutedEvent.ContactQueued(queued.at(), contact(queued.contact()), queue(queued.queue()));
            case RoutingEvent.ContactOffered offered ->
                new RoutedEvent.ContactOffered(
                        offered.at(),
                        contact(offered.contact()),
                        agent(offered.agent()),
                        queue(offered.queue()),
                        offered.expires());
            case RoutingEvent.OfferMissed missed ->
                new RoutedEvent.OfferMissed(
                        missed.at(), contact(missed.contact()), agent(missed.agent()), missed.timedOut());
            case RoutingEvent.ContactAssigned assigned ->
                new RoutedEvent.ContactAssigned(
                        assigned.at(),
                        contact(assigned.contact()),
                        agent(assigned.agent()),
                        queue(assigned.queue()),
                        assigned.originalArrival());
            case RoutingEvent.ContactOverflowed overflowed ->
                new RoutedEvent.ContactOverflowed(
                        overflowed.at(),
                        contact(overflowed.contact()),
                        queue(overflowed.fromQueue()),
                        queue(overflowed.toQueue()),
                        overflowed.step());
            case RoutingEvent.PreferredAgentWaitEnded waitEnded ->
                new RoutedEvent.PreferredAgentWaitEnded(
                        waitEnded.at(), contact(waitEnded.contact()), agent(waitEnded.agent()));
            case RoutingEvent.ContactAbandoned abandoned ->
                new RoutedEvent.ContactAbandoned(
                        abandoned.at(),
                        contact(abandoned.contact()),
                        queue(abandoned.queue()),
                        abandoned.originalArrival());
            case RoutingEvent.ContactCompleted completed ->
                new RoutedEvent.ContactCompleted(
                        completed.at(),
                        contact(completed.contact()),
                        agent(completed.agent()),
                        queue(completed.queue()));
            case RoutingEvent.ContactTransferred transferred ->
                new RoutedEvent.ContactTransferred(
                        transferred.at(),
                        contact(transferred.contact()),
                        agent(transferred.fromAgent()),
                        queue(transferred.fromQueue()),
                        queue(transferred.toQueue()));
            case RoutingEvent.ContactMoved moved ->
                new RoutedEvent.ContactMoved(
                        moved.at(), contact(moved.contact()), queue(moved.fromQueue()), queue(moved.toQueue()));
            case RoutingEvent.ContactTurnedAway turnedAway ->
                new RoutedEvent.ContactTurnedAway(
                        turnedAway.at(), contact(turnedAway.contact()), queue(turnedAway.queue()));
            case RoutingEvent.AgentStateChanged changed ->
                new RoutedEvent.AgentStateChanged(changed.at(), agent(changed.agent()), status(changed.state()));
        };
    }

    static RoutingState state(RoutingSnapshot snapshot) {
        List<RoutingState.Agent> agents = new ArrayList<>(snapshot.agents().size());
        for (RoutingSnapshot.AgentView agent : snapshot.agents()) {
            Map<ContactChannel, Integer> capacity = new EnumMap<>(ContactChannel.class);
            agent.profile().capacity().forEach((channel, contacts) -> capacity.put(channel(channel), contacts));
            agents.add(new RoutingState.Agent(
                    agent(agent.id()),
                    status(agent.state()),
                    capacity,
                    agent.contacts().stream().map(PublishedEvents::contact).toList(),
                    agent.state() instanceof AgentState.NotReady notReady ? notReady.reason() : null));
        }
        List<RoutingState.Contact> contacts =
                new ArrayList<>(snapshot.contacts().size());
        for (RoutingSnapshot.ContactView contact : snapshot.contacts()) {
            contacts.add(new RoutingState.Contact(
                    contact(contact.id()),
                    queue(contact.queue()),
                    channel(contact.channel()),
                    contact.priority(),
                    attributes(contact.attributes()),
                    switch (contact.status()) {
                        case WAITING -> RoutingState.ContactStatus.WAITING;
                        case OFFERED -> RoutingState.ContactStatus.OFFERED;
                        case ASSIGNED -> RoutingState.ContactStatus.ASSIGNED;
                    },
                    contact.agent() == null ? null : agent(contact.agent()),
                    contact.originalArrival(),
                    contact.queuedAt()));
        }
        return new RoutingState(snapshot.now(), agents, contacts);
    }

    static AgentStatus status(AgentState state) {
        return switch (state) {
            case AgentState.Offline offline -> AgentStatus.OFFLINE;
            case AgentState.Available available -> AgentStatus.AVAILABLE;
            case AgentState.NotReady notReady -> AgentStatus.NOT_READY;
            case AgentState.Reserved reserved -> AgentStatus.RESERVED;
            case AgentState.Busy busy -> AgentStatus.BUSY;
            case AgentState.WrapUp wrapUp -> AgentStatus.WRAP_UP;
            case AgentState.Recovery recovery -> AgentStatus.RECOVERY;
        };
    }

    /** The engine's problem, by the name a refusal carries (also from another node: same build, same names). */
    static RoutingRefusal refusal(String problem) {
        return switch (RoutingRejected.Problem.valueOf(problem)) {
            case UNKNOWN_AGENT -> RoutingRefusal.UNKNOWN_AGENT;
            case UNKNOWN_QUEUE -> RoutingRefusal.UNKNOWN_QUEUE;
            case UNKNOWN_CONTACT -> RoutingRefusal.UNKNOWN_CONTACT;
            case DUPLICATE_CONTACT -> RoutingRefusal.DUPLICATE_CONTACT;
            case SKILL_LEVEL_OUT_OF_RANGE -> RoutingRefusal.SKILL_LEVEL_OUT_OF_RANGE;
            case NEGATIVE_CAPACITY -> RoutingRefusal.NEGATIVE_CAPACITY;
            case OFFER_ALREADY_ANSWERED -> RoutingRefusal.OFFER_ALREADY_ANSWERED;
            case NO_SUCH_OFFER -> RoutingRefusal.NO_SUCH_OFFER;
            case AGENT_OFFLINE -> RoutingRefusal.AGENT_OFFLINE;
            case AGENT_ALREADY_LOGGED_IN -> RoutingRefusal.AGENT_ALREADY_LOGGED_IN;
            case AGENT_HAS_WORK -> RoutingRefusal.AGENT_HAS_WORK;
            case CONTACT_NOT_ASSIGNED -> RoutingRefusal.CONTACT_NOT_ASSIGNED;
            case CONTACT_NOT_WAITING -> RoutingRefusal.CONTACT_NOT_WAITING;
            case NOT_IN_WRAP_UP -> RoutingRefusal.NOT_IN_WRAP_UP;
            case NOT_IN_RECOVERY -> RoutingRefusal.NOT_IN_RECOVERY;
            case CHANNEL_MISMATCH -> RoutingRefusal.CHANNEL_MISMATCH;
            case QUEUE_CLOSED -> RoutingRefusal.QUEUE_CLOSED;
            case CLOCK_WENT_BACKWARDS -> RoutingRefusal.CLOCK_WENT_BACKWARDS;
            case INVALID_CONFIGURATION -> RoutingRefusal.INVALID_CONFIGURATION;
            case INVALID_COMMAND -> RoutingRefusal.INVALID_COMMAND;
        };
    }

    static PlaceInQueue place(WaitingPosition position) {
        return new PlaceInQueue(position.ahead(), position.agentsLoggedIn(), position.agentsAbleToAnswer());
    }

    static ContactChannel channel(Channel channel) {
        return switch (channel) {
            case VOICE -> ContactChannel.VOICE;
            case CHAT -> ContactChannel.CHAT;
            case EMAIL -> ContactChannel.EMAIL;
        };
    }

    static Channel channel(ContactChannel channel) {
        return switch (channel) {
            case VOICE -> Channel.VOICE;
            case CHAT -> Channel.CHAT;
            case EMAIL -> Channel.EMAIL;
        };
    }

    private static Set<CustomerAttribute> attributes(Set<ContactAttribute> attributes) {
        Set<CustomerAttribute> translated = EnumSet.noneOf(CustomerAttribute.class);
        for (ContactAttribute attribute : attributes) {
            translated.add(
                    switch (attribute) {
                        case FLAGGED_ABUSIVE -> CustomerAttribute.FLAGGED_ABUSIVE;
                        case ACCESSIBILITY -> CustomerAttribute.ACCESSIBILITY;
                        case SENIOR -> CustomerAttribute.SENIOR;
                        case VIP -> CustomerAttribute.VIP;
                    });
        }
        return translated;
    }

    private static RoutedContact contact(io.sangdam.engine.routing.ContactId id) {
        return RoutedContact.of(id.value());
    }

    private static QueueCode queue(io.sangdam.engine.routing.QueueId id) {
        return QueueCode.of(id.value());
    }

    private static AgentUsername agent(io.sangdam.engine.routing.AgentId id) {
        return AgentUsername.of(id.value());
    }
}
