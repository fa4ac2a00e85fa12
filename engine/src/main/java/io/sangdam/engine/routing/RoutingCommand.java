package io.sangdam.engine.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened outside the engine and that routing must react to. Commands carry no
 * time: they happen at the engine's current time, which only {@link ClockAdvanced} moves. Persist
 * commands in order (including every ClockAdvanced) and replaying them rebuilds the same state.
 */
public sealed interface RoutingCommand {

    /** Moves time forward to {@code to}, firing due timers (offer timeouts, overflow, wrap-up...). */
    record ClockAdvanced(Instant to) implements RoutingCommand {}

    /**
     * The agent logs in; a known agent logging in again may bring a new profile.
     *
     * @param notReadyReason null: ready at once (may be offered a contact by this very command);
     *     otherwise logged in not-ready with this reason until {@link AgentBecameReady}
     */
    record AgentLoggedIn(AgentProfile profile, @Nullable String notReadyReason) implements RoutingCommand {
        /** Logs in ready. */
        public AgentLoggedIn(AgentProfile profile) {
            this(profile, null);
        }
    }

    /** Rejected while the agent holds an offer or a contact: end or transfer them first. */
    record AgentLoggedOut(AgentId agent) implements RoutingCommand {}

    record AgentBecameReady(AgentId agent) implements RoutingCommand {}

    /** Takes effect for new offers at once; contacts already held continue. */
    record AgentWentNotReady(AgentId agent, String reason) implements RoutingCommand {}

    /**
     * A customer wants service.
     *
     * @param priority added to the queue's priority
     * @param preferredAgent if logged in, only this agent is offered the contact until {@code
     *     preferredAgentWait} has passed; skills are not checked for a preferred agent (it is the
     *     customer's own agent), the channel capacity is
     * @param originalArrival when the customer first reached the center (e.g. in the chatbot); null
     *     means now. Service level and aging are measured from it
     */
    record ContactArrived(
            ContactId contact,
            QueueId queue,
            Channel channel,
            int priority,
            Set<ContactAttribute> attributes,
            @Nullable AgentId preferredAgent,
            Duration preferredAgentWait,
            @Nullable Instant originalArrival)
            implements RoutingCommand {

        public ContactArrived {
            attributes = Set.copyOf(attributes);
        }

        public static ContactArrived of(String contact, String queue, Channel channel) {
            return new ContactArrived(
                    ContactId.of(contact), QueueId.of(queue), channel, 0, Set.of(), null, Duration.ZERO, null);
        }

        public ContactArrived withPriority(int newPriority) {
            return new ContactArrived(
                    contact,
                    queue,
                    channel,
                    newPriority,
                    attributes,
                    preferredAgent,
                    preferredAgentWait,
                    originalArrival);
        }

        public ContactArrived withAttributes(ContactAttribute... newAttributes) {
            return new ContactArrived(
                    contact,
                    queue,
                    channel,
                    priority,
                    Set.of(newAttributes),
                    preferredAgent,
                    preferredAgentWait,
                    originalArrival);
        }

        public ContactArrived preferring(String agent, Duration wait) {
            return new ContactArrived(
                    contact, queue, channel, priority, attributes, AgentId.of(agent), wait, originalArrival);
        }

        public ContactArrived arrivedOriginallyAt(Instant instant) {
            return new ContactArrived(
                    contact, queue, channel, priority, attributes, preferredAgent, preferredAgentWait, instant);
        }
    }

    record OfferAccepted(AgentId agent, ContactId contact) implements RoutingCommand {}

    /** Counts as a missed offer, like a timeout. */
    record OfferDeclined(AgentId agent, ContactId contact) implements RoutingCommand {}

    /**
     * The agent hands an assigned contact to another queue; it keeps its original arrival time.
     *
     * @param toAgent if given, the contact waits for this colleague first (as for a preferred agent:
     *     skills not checked) until {@code toAgentWait} has passed, then for anyone in the queue. The
     *     colleague must be logged in and must not be the agent who transfers
     * @param wrapUpUntilEnded as for {@link ContactEnded#wrapUpUntilEnded}: the transferring agent's
     *     wrap-up, if this was their last contact, lasts until {@link WrapUpEnded}
     */
    record TransferRequested(
            ContactId contact,
            QueueId toQueue,
            @Nullable AgentId toAgent,
            Duration toAgentWait,
            boolean wrapUpUntilEnded)
            implements RoutingCommand {

        public TransferRequested(ContactId contact, QueueId toQueue, @Nullable AgentId toAgent, Duration toAgentWait) {
            this(contact, toQueue, toAgent, toAgentWait, false);
        }

        public TransferRequested(ContactId contact, QueueId toQueue) {
            this(contact, toQueue, null, Duration.ZERO);
        }
    }

    /**
     * A supervisor moves a waiting contact to another queue of the same channel. It keeps its
     * original arrival (service level and aging count from the customer's first contact); a wait for
     * a preferred agent ends. Rejected unless the contact is waiting.
     */
    record MoveRequested(ContactId contact, QueueId toQueue) implements RoutingCommand {}

    /**
     * The contact is over: a waiting or offered contact is abandoned, an assigned one completed.
     *
     * @param endedForAbuse the agent ended an assigned contact because the customer was abusive; the
     *     agent gets a recovery break instead of wrap-up
     * @param wrapUpUntilEnded when this was the agent's last contact, their wrap-up has no timer and
     *     lasts until {@link WrapUpEnded} (whatever the queue's wrap-up time, even none): the host
     *     decides it, keeps agents in wrap-up until their consultation records are saved, and ends it
     *     with {@code WrapUpEnded}. Carried in the command, not in the configuration, so that a replay
     *     of the log decides as the live engine did.
     */
    record ContactEnded(ContactId contact, boolean endedForAbuse, boolean wrapUpUntilEnded) implements RoutingCommand {

        /** With the queue's timed wrap-up. */
        public ContactEnded(ContactId contact, boolean endedForAbuse) {
            this(contact, endedForAbuse, false);
        }

        public static ContactEnded of(String contact) {
            return new ContactEnded(ContactId.of(contact), false);
        }
    }

    /**
     * The agent finished after-contact work: before the wrap-up timer ran out, or the wrap-up that
     * has no timer (see {@link ContactEnded#wrapUpUntilEnded}) because the consultation record is saved.
     */
    record WrapUpEnded(AgentId agent) implements RoutingCommand {}

    /**
     * A supervisor gives an agent in a recovery break (after a contact ended for abuse) more time;
     * the break then ends {@code by} later than it would have. Rejected when the agent is not in
     * one, and for a duration that is not positive or longer than a day.
     */
    record RecoveryExtended(AgentId agent, Duration by) implements RoutingCommand {}
}
