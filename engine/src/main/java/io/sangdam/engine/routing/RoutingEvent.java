package io.sangdam.engine.routing;

import java.time.Instant;

/** What the engine decided or observed, in the order it happened. Every event has a time. */
public sealed interface RoutingEvent {

    Instant at();

    record ContactQueued(Instant at, ContactId contact, QueueId queue) implements RoutingEvent {}

    record ContactOffered(Instant at, ContactId contact, AgentId agent, QueueId queue, Instant expires)
            implements RoutingEvent {}

    /** The agent declined or let the offer time out; the contact waits again. */
    record OfferMissed(Instant at, ContactId contact, AgentId agent, boolean timedOut) implements RoutingEvent {}

    record ContactAssigned(Instant at, ContactId contact, AgentId agent, QueueId queue, Instant originalArrival)
            implements RoutingEvent {}

    /** An overflow step applied; {@code fromQueue} equals {@code toQueue} unless the step moved it. */
    record ContactOverflowed(Instant at, ContactId contact, QueueId fromQueue, QueueId toQueue, int step)
            implements RoutingEvent {}

    /** The contact stopped waiting for its preferred agent and is open to every eligible agent. */
    record PreferredAgentWaitEnded(Instant at, ContactId contact, AgentId agent) implements RoutingEvent {}

    /** The customer left before being served (while waiting or while the offer rang). */
    record ContactAbandoned(Instant at, ContactId contact, QueueId queue, Instant originalArrival)
            implements RoutingEvent {}

    record ContactCompleted(Instant at, ContactId contact, AgentId agent, QueueId queue) implements RoutingEvent {}

    record ContactTransferred(Instant at, ContactId contact, AgentId fromAgent, QueueId fromQueue, QueueId toQueue)
            implements RoutingEvent {}

    /** A waiting contact was moved to another queue by {@link RoutingCommand.MoveRequested}. */
    record ContactMoved(Instant at, ContactId contact, QueueId fromQueue, QueueId toQueue) implements RoutingEvent {}

    /** The queue was closed (business hours) when the contact arrived; the contact is over. */
    record ContactTurnedAway(Instant at, ContactId contact, QueueId queue) implements RoutingEvent {}

    record AgentStateChanged(Instant at, AgentId agent, AgentState state) implements RoutingEvent {}
}
