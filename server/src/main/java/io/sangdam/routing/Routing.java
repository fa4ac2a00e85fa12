package io.sangdam.routing;

import io.sangdam.engine.routing.AgentState;
import io.sangdam.engine.routing.ContactId;
import io.sangdam.engine.routing.RoutingEvent;
import io.sangdam.engine.routing.RoutingSnapshot;
import io.sangdam.engine.routing.WaitingPosition;
import io.sangdam.identity.StaffMember;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.runtime.RoutingHost;
import io.sangdam.routing.runtime.RoutingRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The ACD as other modules use it: contacts arrive and end, agents log in, get ready and answer
 * offers. Every call is durable before it returns, and its events are also published as
 * {@link RoutingEventsOccurred}. A center routed by another server node is asked there
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

    public List<RoutingEvent> arrive(
            long center, String contact, String queue, String channel, List<String> attributes) {
        return handle(center, new RoutingRequest.Arrive(contact, queue, channel, 0, attributes));
    }

    public List<RoutingEvent> end(long center, String contact, boolean forAbuse) {
        return handle(center, new RoutingRequest.End(contact, forAbuse));
    }

    public List<RoutingEvent> logIn(long center, StaffMember agent) {
        return handle(center, profiles.logIn(agent));
    }

    public List<RoutingEvent> ready(long center, String agent) {
        return handle(center, new RoutingRequest.BecomeReady(agent));
    }

    public List<RoutingEvent> notReady(long center, String agent, String reason) {
        return handle(center, new RoutingRequest.GoNotReady(agent, reason));
    }

    public List<RoutingEvent> logOut(long center, String agent) {
        return handle(center, new RoutingRequest.LogOut(agent));
    }

    public List<RoutingEvent> accept(long center, String agent, String contact) {
        return handle(center, new RoutingRequest.Accept(agent, contact));
    }

    public List<RoutingEvent> decline(long center, String agent, String contact) {
        return handle(center, new RoutingRequest.Decline(agent, contact));
    }

    /** How long a contact transferred to a colleague waits for them before anyone in the queue may take it. */
    public static final java.time.Duration TRANSFER_TO_COLLEAGUE_WAIT = java.time.Duration.ofSeconds(60);

    /** Moves an assigned contact to another queue; the agent who had it is not offered it again soon. */
    public List<RoutingEvent> transfer(long center, String contact, String queue) {
        return handle(center, new RoutingRequest.Transfer(contact, queue, null, null));
    }

    /**
     * Moves an assigned contact to a colleague (logged in, at the same center): it waits for them for
     * {@link #TRANSFER_TO_COLLEAGUE_WAIT}, in {@code queue}, then goes to anyone there.
     */
    public List<RoutingEvent> transferToColleague(long center, String contact, String queue, String colleague) {
        return handle(center, new RoutingRequest.Transfer(contact, queue, colleague, (int)
                TRANSFER_TO_COLLEAGUE_WAIT.toSeconds()));
    }

    /**
     * A supervisor moves a waiting contact to another queue of the center; it keeps its original
     * arrival, so service level counts from the customer's first contact.
     *
     * @throws RequestRejected {@code unknown-queue}, {@code unknown-waiting-contact} (not a contact
     *     of this center), {@code contact-not-waiting}, {@code contact-already-in-queue}
     */
    public List<RoutingEvent> move(long center, String contact, String queue, String by) {
        if (queues.current(center).stream().noneMatch(q -> q.code().equals(queue))) {
            throw RequestRejected.badRequest("unknown-queue", queue);
        }
        var found = snapshot(center).contacts().stream()
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
    public List<RoutingEvent> extendRecovery(long center, String agent, Duration by) {
        try {
            return handle(center, new RoutingRequest.ExtendRecovery(agent, by.toSeconds()));
        } catch (RequestRejected rejected) {
            if (engineRefusal(rejected).filter("NOT_IN_RECOVERY"::equals).isPresent()) {
                throw RequestRejected.conflict("not-in-recovery", agent);
            }
            throw rejected;
        }
    }

    /**
     * Why the routing engine refused a command: the name of its problem ({@code NO_SUCH_OFFER},
     * {@code AGENT_OFFLINE}, {@code AGENT_HAS_WORK} ...), for callers that tell their users in their
     * own words; empty when the rejection is not the engine's refusal.
     */
    public static Optional<String> engineRefusal(RequestRejected rejected) {
        Object[] arguments = rejected.arguments();
        return rejected.code().equals(RoutingHost.REFUSED) && arguments.length > 0
                ? Optional.of(String.valueOf(arguments[0]))
                : Optional.empty();
    }

    public List<RoutingEvent> wrapUpDone(long center, String agent) {
        boolean carried = snapshot(center).agents().stream()
                .anyMatch(a -> a.id().value().equals(agent)
                        && a.state() instanceof AgentState.NotReady notReady
                        && notReady.reason().equals(RoutingHost.WRAP_UP_CARRIED));
        // Wrap-up carried over a configuration change is a not-ready state: finishing it is becoming ready.
        return handle(center, carried ? new RoutingRequest.BecomeReady(agent) : new RoutingRequest.FinishWrapUp(agent));
    }

    /** The center's not-ready reasons agents choose from (휴식, 식사, 교육, 회의 ...), active ones only. */
    public List<NotReadyReason> notReadyReasons(long center) {
        return rules.reasons(center).stream().filter(NotReadyReason::active).toList();
    }

    /** How many chats this agent holds at once: their own number, else the center's default. */
    public int chatCapacity(StaffMember agent) {
        return profiles.chatCapacity(agent);
    }

    /** Whether a queue takes new contacts now: its opening hours, closed dates and the center's holidays. */
    public QueueHours.Status openNow(long center, String queue) {
        return queueHours.status(center, queue);
    }

    public RoutingSnapshot snapshot(long center) {
        return host.routes(center) ? host.snapshot(center) : forwarding.snapshot(center);
    }

    /**
     * Where a waiting contact stands in its queue (contacts ahead, agents logged in), without copying
     * the center's whole state as {@link #snapshot} does: every waiting customer's chat asks every
     * 10 s, so with thousands waiting this is called hundreds of times a second. Empty when the
     * contact is not waiting (offered, assigned, ended, unknown).
     */
    public java.util.Optional<WaitingPosition> waitingPosition(long center, String contact) {
        return host.routes(center)
                ? host.read(center, engine -> engine.waitingPosition(ContactId.of(contact)))
                : forwarding.waitingPosition(center, contact);
    }

    /** Whether the center is routed, by this node or another. */
    public boolean routes(long center) {
        return host.routes(center) || forwarding.holderElsewhere(center).isPresent();
    }

    /** By this node's engine when it routes the center, else by the node that does. */
    List<RoutingEvent> handle(long center, RoutingRequest request) {
        return host.routes(center) ? host.handle(center, request) : forwarding.handle(center, request);
    }

    public List<QueueSettings> queues(long center) {
        return queues.current(center);
    }

    /** The center's queue names in that language, by code, in the center's order. */
    public java.util.Map<String, String> queueNames(long center, java.util.Locale locale) {
        var names = new java.util.LinkedHashMap<String, String>();
        queues(center).forEach(q -> names.putIfAbsent(q.code(), q.name(locale)));
        return names;
    }

    /** A stable name for an agent state, for screens and streams. */
    public static String stateName(AgentState state) {
        return switch (state) {
            case AgentState.Offline offline -> "OFFLINE";
            case AgentState.Available available -> "AVAILABLE";
            case AgentState.NotReady notReady -> "NOT_READY";
            case AgentState.Reserved reserved -> "RESERVED";
            case AgentState.Busy busy -> "BUSY";
            case AgentState.WrapUp wrapUp -> "WRAP_UP";
            case AgentState.Recovery recovery -> "RECOVERY";
        };
    }
}
