package io.sangdam.routing;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * What routing decided or observed, in the order it happened: the published language other
 * modules listen to ({@link RoutingEventsOccurred}), in routing's own terms. The engine's events
 * are routing's detail; {@link PublishedEvents} translates them, so an engine change does not
 * reach the modules that listen.
 *
 * <p>Every record is plain values and carries its simple name as {@code type} in JSON, so a batch
 * can be stored and read back (an event publication registry, a log).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(RoutedEvent.ContactQueued.class),
    @JsonSubTypes.Type(RoutedEvent.ContactOffered.class),
    @JsonSubTypes.Type(RoutedEvent.OfferMissed.class),
    @JsonSubTypes.Type(RoutedEvent.ContactAssigned.class),
    @JsonSubTypes.Type(RoutedEvent.ContactOverflowed.class),
    @JsonSubTypes.Type(RoutedEvent.PreferredAgentWaitEnded.class),
    @JsonSubTypes.Type(RoutedEvent.ContactAbandoned.class),
    @JsonSubTypes.Type(RoutedEvent.ContactCompleted.class),
    @JsonSubTypes.Type(RoutedEvent.ContactTransferred.class),
    @JsonSubTypes.Type(RoutedEvent.ContactMoved.class),
    @JsonSubTypes.Type(RoutedEvent.ContactTurnedAway.class),
    @JsonSubTypes.Type(RoutedEvent.AgentStateChanged.class)
})
public sealed interface RoutedEvent {

    Instant at();

    /** The contact waits in {@code queue} (on arrival, or again after a missed offer or a transfer). */
    record ContactQueued(Instant at, RoutedContact contact, QueueCode queue) implements RoutedEvent {}

    /** Offered to {@code agent}, who answers before {@code expires} or misses it. */
    record ContactOffered(Instant at, RoutedContact contact, AgentUsername agent, QueueCode queue, Instant expires)
            implements RoutedEvent {}

    /** The agent declined or let the offer time out; the contact waits again. */
    record OfferMissed(Instant at, RoutedContact contact, AgentUsername agent, boolean timedOut)
            implements RoutedEvent {}

    /** The agent accepted: the contact is theirs. {@code originalArrival} is when the customer first came. */
    record ContactAssigned(
            Instant at, RoutedContact contact, AgentUsername agent, QueueCode queue, Instant originalArrival)
            implements RoutedEvent {}

    /** An overflow step applied; {@code fromQueue} equals {@code toQueue} unless the step moved it. */
    record ContactOverflowed(Instant at, RoutedContact contact, QueueCode fromQueue, QueueCode toQueue, int step)
            implements RoutedEvent {}

    /** The contact stopped waiting for its preferred agent and is open to every eligible agent. */
    record PreferredAgentWaitEnded(Instant at, RoutedContact contact, AgentUsername agent) implements RoutedEvent {}

    /** The customer left before being served (while waiting or while the offer rang). */
    record ContactAbandoned(Instant at, RoutedContact contact, QueueCode queue, Instant originalArrival)
            implements RoutedEvent {}

    /** An assigned contact ended; the agent goes to wrap-up (or a recovery break after abuse). */
    record ContactCompleted(Instant at, RoutedContact contact, AgentUsername agent, QueueCode queue)
            implements RoutedEvent {}

    /** An assigned contact was handed to another queue (or a colleague first) and waits there. */
    record ContactTransferred(
            Instant at, RoutedContact contact, AgentUsername fromAgent, QueueCode fromQueue, QueueCode toQueue)
            implements RoutedEvent {}

    /** A supervisor moved a waiting contact to another queue; its original arrival is kept. */
    record ContactMoved(Instant at, RoutedContact contact, QueueCode fromQueue, QueueCode toQueue)
            implements RoutedEvent {}

    /** The queue was closed when the contact arrived; the contact is over. */
    record ContactTurnedAway(Instant at, RoutedContact contact, QueueCode queue) implements RoutedEvent {}

    record AgentStateChanged(Instant at, AgentUsername agent, AgentStatus status) implements RoutedEvent {}
}
