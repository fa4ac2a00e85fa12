package io.sangdam.routing;

import io.sangdam.engine.routing.AgentState;
import io.sangdam.engine.routing.ContactId;
import io.sangdam.engine.routing.RoutingEvent;
import io.sangdam.engine.routing.RoutingSnapshot;
import io.sangdam.identity.StaffMember;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.runtime.RoutingHost;
import io.sangdam.routing.runtime.RoutingRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The ACD as other modules use it: contacts arrive and end, agents log in, get ready and answer
 * offers. Every call is durable before it returns, and its events are also published as
 * {@link RoutingEventsOccurred}, in routing's own terms ({@link RoutedEvent}): the engine
 * behind it is routing's detail. A center routed by another server node is asked there
 * ({@link RoutingForwarding}); its events are published on that node.
 */
@Service
public class Routing {

    /** How many chats an agent handles side by side unless configured otherwise. */
    public static final int DEFAULT_CHAT_CAPACITY = 3;

    private final RoutingHost host;
    private final RoutingQueues queues;
    private final AgentProfiles profiles;
    private final CenterRoutingRules rules;
    private final QueueHours queueHours;
    private final RoutingForwarding forwarding;

    Routing(
            RoutingHost host,
            RoutingQueues queues,
            AgentProfiles profiles,
            CenterRoutingRules rules,
            QueueHours queueHours,
            RoutingForwarding forwarding) {
        this.forwarding = forwarding;
        this.host = host;
        this.queues = queues;
        this.profiles = profiles;
        this.rules = rules;
        this.queueHours = queueHours;
    }

    /** A contact arrives in a queue of the center and waits there, or is offered at once. */
    public List<RoutedEvent> arrive(
            CenterId center,
            RoutedContact contact,
            QueueCode queue,
            ContactChannel channel,
            Set<CustomerAttribute> attributes) {
        return published(handle(
                center.value(),
                new RoutingRequest.Arrive(
                        contact.value(),
                        queue.value(),
                        channel.name(),
                        0,
                        // Sorted, so the same attributes are logged alike; the engine reads them as a set.
                        attributes.stream().sorted().map(Enum::name).toList())));
    }

    /**
     * The contact is over; one still waiting counts as abandoned. {@code forAbuse}: the agent ended it
     * for abuse. Its agent has a consultation record to write: under the center's {@link
     * WrapUpRule#UNTIL_RECORDED} their wrap-up, if this was their last contact, lasts until {@link
     * #recordsWritten}. The rule of this moment goes into the logged command, so a replay decides the same.
     */
    public List<RoutedEvent> end(CenterId center, RoutedContact contact, boolean forAbuse) {
        return published(handle(
                center.value(), new RoutingRequest.End(contact.value(), forAbuse, untilRecorded(center.value()))));
    }

    /** How the center's agents leave wrap-up (a routing setting of the center). */
    public WrapUpRule wrapUpRule(CenterId center) {
        return rules.wrapUpRule(center.value());
    }

    private boolean untilRecorded(long center) {
        return rules.wrapUpRule(center) == WrapUpRule.UNTIL_RECORDED;
    }

    /**
     * The agent has saved every consultation record they had to write: a wrap-up waiting for them
     * ends (the agent becomes available, or not-ready if they asked for a break meanwhile), as does a
     * wrap-up a checkpoint carried over as not-ready. Anything else (busy with other chats, already
     * available) stays as it is, and nothing is logged.
     */
    public List<RoutedEvent> recordsWritten(CenterId center, AgentUsername agent) {
        var state = engineSnapshot(center.value()).agents().stream()
                .filter(a -> a.id().value().equals(agent.value()))
                .map(RoutingSnapshot.AgentView::state)
                .findFirst()
                .orElse(AgentState.OFFLINE);
        boolean inWrapUp = state instanceof AgentState.WrapUp
                || (state instanceof AgentState.NotReady notReady
                        && notReady.reason().equals(RoutingHost.WRAP_UP_CARRIED));
        return inWrapUp ? wrapUpDone(center, agent) : List.of();
    }

    public List<RoutedEvent> logIn(CenterId center, StaffMember agent) {
        return published(handle(center.value(), profiles.logIn(agent)));
    }

    public List<RoutedEvent> ready(CenterId center, AgentUsername agent) {
        return published(handle(center.value(), new RoutingRequest.BecomeReady(agent.value())));
    }

    public List<RoutedEvent> notReady(CenterId center, AgentUsername agent, String reason) {
        return published(handle(center.value(), new RoutingRequest.GoNotReady(agent.value(), reason)));
    }

    public List<RoutedEvent> logOut(CenterId center, AgentUsername agent) {
        return published(handle(center.value(), new RoutingRequest.LogOut(agent.value())));
    }

    public List<RoutedEvent> accept(CenterId center, AgentUsername agent, RoutedContact contact) {
        return published(handle(center.value(), new RoutingRequest.Accept(agent.value(), contact.value())));
    }

    public List<RoutedEvent> decline(CenterId center, AgentUsername agent, RoutedContact contact) {
        return published(handle(center.value(), new RoutingRequest.Decline(agent.value(), contact.value())));
    }

    /** How long a contact transferred to a colleague waits for them before anyone in the queue may take it. */
    public static final java.time.Duration TRANSFER_TO_COLLEAGUE_WAIT = java.time.Duration.ofSeconds(60);

    /** Moves an assigned contact to another queue; the agent who had it is not offered it again soon. */
    public List<RoutedEvent> transfer(CenterId center, RoutedContact contact, QueueCode queue) {
        return published(handle(
                center.value(),
                new RoutingRequest.Transfer(
                        contact.value(), queue.value(), null, null, untilRecorded(center.value()))));
    }

    /**
     * Moves an assigned contact to a colleague (logged in, at the same center): it waits for them for
     * {@link #TRANSFER_TO_COLLEAGUE_WAIT}, in {@code queue}, then goes to anyone there.
     */
    public List<RoutedEvent> transferToColleague(
            CenterId center, RoutedContact contact, QueueCode queue, AgentUsername colleague) {
        return published(handle(
                center.value(),
                new RoutingRequest.Transfer(
                        contact.value(),
                        queue.value(),
                        colleague.value(),
                        (int) TRANSFER_TO_COLLEAGUE_WAIT.toSeconds(),
                        untilRecorded(center.value()))));
    }

    /**
     * A supervisor moves a waiting contact to another queue of the center; it keeps its original
     * arrival, so service level counts from the customer's first contact.
     *
     * @throws RequestRejected {@code unknown-queue}, {@code unknown-waiting-contact} (not a contact
     *     of this center), {@code contact-not-waiting}, {@code contact-already-in-queue}
     */
    public List<RoutedEvent> move(CenterId center, RoutedContact contact, QueueCode queue, String by) {
        return published(move(center.value(), contact.value(), queue.value(), by));
    }

    /** {@link #move(CenterId, RoutedContact, QueueCode, String)} with the engine's events, for the routing API. */
    List<RoutingEvent> move(long center, String contact, String queue, String by) {
        if (queues.current(center).stream().noneMatch(q -> q.code().equals(queue))) {
            throw RequestRejected.badRequest("unknown-queue", queue);
        }
        var found = engineSnapshot(center).contacts().stream()
                .filter(c -> c.id().value().equals(contact))
                .findFirst()
                .orElseThrow(() -> RequestRejected.notFound("unknown-waiting-contact", contact));
        if (found.status() != RoutingSnapshot.ContactStatus.WAITING) {
            throw RequestRejected.conflict("contact-not-waiting", contact);
        }
        if (found.queue().value().equals(queue)) {
            throw RequestRejected.conflict("contact-already-in-queue", queue);
        }
        return handle(center, new RoutingRequest.Move(contact, queue, by));
    }

    /**
     * More time for an agent's recovery break after an abusive contact (a supervisor's decision).
     *
     * @throws RequestRejected {@code not-in-recovery} when the agent is not in a recovery break
     */
    public List<RoutedEvent> extendRecovery(CenterId center, AgentUsername agent, Duration by) {
        try {
            return published(handle(center.value(), new RoutingRequest.ExtendRecovery(agent.value(), by.toSeconds())));
        } catch (RequestRejected rejected) {
            if (refusal(rejected).filter(RoutingRefusal.NOT_IN_RECOVERY::equals).isPresent()) {
                throw RequestRejected.conflict("not-in-recovery", agent.value());
            }
            throw rejected;
        }
    }

    /**
     * Why routing refused a command ({@link RoutingRefusal#NO_SUCH_OFFER}, {@link
     * RoutingRefusal#AGENT_OFFLINE}, {@link RoutingRefusal#AGENT_HAS_WORK} ...), for callers that
     * tell their users in their own words; empty when the rejection is not routing's refusal.
     */
    public static Optional<RoutingRefusal> refusal(RequestRejected rejected) {
        Object[] arguments = rejected.arguments();
        return rejected.code().equals(RoutingHost.REFUSED) && arguments.length > 0
                ? Optional.of(PublishedEvents.refusal(String.valueOf(arguments[0])))
                : Optional.empty();
    }

    public List<RoutedEvent> wrapUpDone(CenterId center, AgentUsername agent) {
        boolean carried = engineSnapshot(center.value()).agents().stream()
                .anyMatch(a -> a.id().value().equals(agent.value())
                        && a.state() instanceof AgentState.NotReady notReady
                        && notReady.reason().equals(RoutingHost.WRAP_UP_CARRIED));
        // Wrap-up carried over a configuration change is a not-ready state: finishing it is becoming ready.
        return published(handle(
                center.value(),
                carried
                        ? new RoutingRequest.BecomeReady(agent.value())
                        : new RoutingRequest.FinishWrapUp(agent.value())));
    }

    /** The center's not-ready reasons agents choose from (휴식, 식사, 교육, 회의 ...), active ones only. */
    public List<NotReadyReason> notReadyReasons(CenterId center) {
        return rules.reasons(center.value()).stream()
                .filter(NotReadyReason::active)
                .toList();
    }

    /** How many chats this agent holds at once: their own number, else the center's default. */
    public int chatCapacity(StaffMember agent) {
        return profiles.chatCapacity(agent);
    }

    /** Whether a queue takes new contacts now: its opening hours, closed dates and the center's holidays. */
    public QueueHours.Status openNow(CenterId center, QueueCode queue) {
        return queueHours.status(center.value(), queue.value());
    }

    /** The center's agents and contacts now, from the node that routes it. */
    public RoutingState snapshot(CenterId center) {
        return PublishedEvents.state(engineSnapshot(center.value()));
    }

    /** The engine's own picture, for routing's API and the other nodes (its wire form is the engine's). */
    RoutingSnapshot engineSnapshot(long center) {
        return host.routes(center) ? host.snapshot(center) : forwarding.snapshot(center);
    }

    /**
     * Where a waiting contact stands in its queue (contacts ahead, agents logged in), without copying
     * the center's whole state as {@link #snapshot} does: every waiting customer's chat asks every
     * 10 s, so with thousands waiting this is called hundreds of times a second. Empty when the
     * contact is not waiting (offered, assigned, ended, unknown).
     */
    public Optional<PlaceInQueue> waitingPosition(CenterId center, RoutedContact contact) {
        return (host.routes(center.value())
                        ? host.read(center.value(), engine -> engine.waitingPosition(ContactId.of(contact.value())))
                        : forwarding.waitingPosition(center.value(), contact.value()))
                .map(PublishedEvents::place);
    }

    /** Whether the center is routed, by this node or another. */
    public boolean routes(CenterId center) {
        return host.routes(center.value())
                || forwarding.holderElsewhere(center.value()).isPresent();
    }

    /** By this node's engine when it routes the center, else by the node that does. */
    List<RoutingEvent> handle(long center, RoutingRequest request) {
        return host.routes(center) ? host.handle(center, request) : forwarding.handle(center, request);
    }

    private static List<RoutedEvent> published(List<RoutingEvent> events) {
        return PublishedEvents.translated(events);
    }

    public List<QueueSettings> queues(CenterId center) {
        return queues.current(center.value());
    }

    /** The center's queue names in that language, by code, in the center's order. */
    public java.util.Map<String, String> queueNames(CenterId center, java.util.Locale locale) {
        var names = new java.util.LinkedHashMap<String, String>();
        queues(center).forEach(q -> names.putIfAbsent(q.code(), q.name(locale)));
        return names;
    }

    /**
     * The name of an engine state as screens and the live board store it; for routing's own
     * runtime (other modules get {@link AgentStatus} and never see the engine's states).
     */
    public static String stateName(AgentState state) {
        return PublishedEvents.status(state).name();
    }
}
