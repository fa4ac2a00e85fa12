package io.sangdam.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.engine.routing.AgentId;
import io.sangdam.engine.routing.AgentProfile;
import io.sangdam.engine.routing.AgentState;
import io.sangdam.engine.routing.Channel;
import io.sangdam.engine.routing.ContactAttribute;
import io.sangdam.engine.routing.ContactId;
import io.sangdam.engine.routing.QueueId;
import io.sangdam.engine.routing.RoutingEvent;
import io.sangdam.engine.routing.RoutingRejected;
import io.sangdam.engine.routing.RoutingSnapshot;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.runtime.RoutingHost;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's events and states in routing's published language: field for field, in order, and
 * a batch survives being written as JSON and read back (as an event publication registry does).
 */
class PublishedEventsTests {

    private static final Instant AT = Instant.parse("2026-12-07T01:02:03.456Z");
    private static final ContactId CONTACT = ContactId.of("c-1");
    private static final AgentId AGENT = AgentId.of("gj.agent040");
    private static final QueueId QUEUE = QueueId.of("TECH");
    private static final QueueId VIP = QueueId.of("VIP");

    private static final RoutedContact C = RoutedContact.of("c-1");
    private static final AgentUsername A = AgentUsername.of("gj.agent040");
    private static final QueueCode Q = QueueCode.of("TECH");
    private static final QueueCode V = QueueCode.of("VIP");

    @Test
    void everyEngineEventBecomesRoutingsOwnRecordInTheSameOrder() {
        var occurred = PublishedEvents.occurred(
                7,
                List.of(
                        new RoutingEvent.ContactQueued(AT, CONTACT, QUEUE),
                        new RoutingEvent.ContactOffered(AT, CONTACT, AGENT, QUEUE, AT.plusSeconds(20)),
                        new RoutingEvent.OfferMissed(AT, CONTACT, AGENT, true),
                        new RoutingEvent.ContactAssigned(AT.plusSeconds(30), CONTACT, AGENT, QUEUE, AT),
                        new RoutingEvent.ContactOverflowed(AT, CONTACT, QUEUE, VIP, 1),
                        new RoutingEvent.PreferredAgentWaitEnded(AT, CONTACT, AGENT),
                        new RoutingEvent.ContactAbandoned(AT, CONTACT, QUEUE, AT.minusSeconds(3)),
                        new RoutingEvent.ContactCompleted(AT, CONTACT, AGENT, QUEUE),
                        new RoutingEvent.ContactTransferred(AT, CONTACT, AGENT, QUEUE, VIP),
                        new RoutingEvent.ContactMoved(AT, CONTACT, QUEUE, VIP),
                        new RoutingEvent.ContactTurnedAway(AT, CONTACT, QUEUE),
                        new RoutingEvent.AgentStateChanged(AT, AGENT, AgentState.OFFLINE),
                        new RoutingEvent.AgentStateChanged(AT, AGENT, AgentState.AVAILABLE),
                        new RoutingEvent.AgentStateChanged(AT, AGENT, new AgentState.NotReady("휴식")),
                        new RoutingEvent.AgentStateChanged(AT, AGENT, new AgentState.Reserved(CONTACT)),
                        new RoutingEvent.AgentStateChanged(AT, AGENT, new AgentState.Busy(2)),
                        new RoutingEvent.AgentStateChanged(AT, AGENT, new AgentState.WrapUp(AT)),
                        new RoutingEvent.AgentStateChanged(AT, AGENT, new AgentState.Recovery(AT))));

        assertThat(occurred.center()).isEqualTo(CenterId.of(7));
        assertThat(occurred.events())
                .containsExactly(
                        new RoutedEvent.ContactQueued(AT, C, Q),
                        new RoutedEvent.ContactOffered(AT, C, A, Q, AT.plusSeconds(20)),
                        new RoutedEvent.OfferMissed(AT, C, A, true),
                        new RoutedEvent.ContactAssigned(AT.plusSeconds(30), C, A, Q, AT),
                        new RoutedEvent.ContactOverflowed(AT, C, Q, V, 1),
                        new RoutedEvent.PreferredAgentWaitEnded(AT, C, A),
                        new RoutedEvent.ContactAbandoned(AT, C, Q, AT.minusSeconds(3)),
                        new RoutedEvent.ContactCompleted(AT, C, A, Q),
                        new RoutedEvent.ContactTransferred(AT, C, A, Q, V),
                        new RoutedEvent.ContactMoved(AT, C, Q, V),
                        new RoutedEvent.ContactTurnedAway(AT, C, Q),
                        new RoutedEvent.AgentStateChanged(AT, A, AgentStatus.OFFLINE),
                        new RoutedEvent.AgentStateChanged(AT, A, AgentStatus.AVAILABLE),
                        new RoutedEvent.AgentStateChanged(AT, A, AgentStatus.NOT_READY),
                        new RoutedEvent.AgentStateChanged(AT, A, AgentStatus.RESERVED),
                        new RoutedEvent.AgentStateChanged(AT, A, AgentStatus.BUSY),
                        new RoutedEvent.AgentStateChanged(AT, A, AgentStatus.WRAP_UP),
                        new RoutedEvent.AgentStateChanged(AT, A, AgentStatus.RECOVERY));
    }

    @Test
    void aBatchComesBackEqualFromJson() {
        var occurred = PublishedEvents.occurred(
                7,
                List.of(
                        new RoutingEvent.ContactQueued(AT, CONTACT, QUEUE),
                        new RoutingEvent.ContactAssigned(AT.plusSeconds(30), CONTACT, AGENT, QUEUE, AT),
                        new RoutingEvent.AgentStateChanged(AT, AGENT, new AgentState.Busy(1))));
        var json = JsonMapper.builder().build();

        var back = json.readValue(json.writeValueAsString(occurred), RoutingEventsOccurred.class);

        assertThat(back).isEqualTo(occurred);
    }

    @Test
    void aSnapshotBecomesRoutingsStateWithStatusesCapacitiesAndLanes() {
        var profile = AgentProfile.agent("gj.agent040").withCapacity(Channel.CHAT, 2);
        var snapshot = new RoutingSnapshot(
                AT,
                List.of(new RoutingSnapshot.AgentView(
                        profile.id(), new AgentState.Busy(1), profile, 0, List.of(CONTACT))),
                List.of(new RoutingSnapshot.ContactView(
                        CONTACT,
                        QUEUE,
                        Channel.CHAT,
                        3,
                        Set.of(ContactAttribute.SENIOR, ContactAttribute.FLAGGED_ABUSIVE),
                        RoutingSnapshot.ContactStatus.ASSIGNED,
                        AGENT,
                        AT.minusSeconds(60),
                        AT.minusSeconds(10),
                        0,
                        null,
                        Set.of())));

        var rebuilt = PublishedEvents.rebuilt(7, snapshot);

        assertThat(rebuilt.center()).isEqualTo(CenterId.of(7));
        assertThat(rebuilt.state())
                .isEqualTo(new RoutingState(
                        AT,
                        List.of(new RoutingState.Agent(
                                A,
                                AgentStatus.BUSY,
                                java.util.Map.of(
                                        ContactChannel.VOICE, 1, ContactChannel.CHAT, 2, ContactChannel.EMAIL, 1),
                                List.of(C))),
                        List.of(new RoutingState.Contact(
                                C,
                                Q,
                                ContactChannel.CHAT,
                                3,
                                Set.of(CustomerAttribute.SENIOR, CustomerAttribute.FLAGGED_ABUSIVE),
                                RoutingState.ContactStatus.ASSIGNED,
                                A,
                                AT.minusSeconds(60),
                                AT.minusSeconds(10)))));
    }

    @Test
    void everyEngineRefusalHasRoutingsName() {
        for (RoutingRejected.Problem problem : RoutingRejected.Problem.values()) {
            var rejected = RequestRejected.conflict(RoutingHost.REFUSED, problem.name(), "detail");

            assertThat(Routing.refusal(rejected)).contains(RoutingRefusal.valueOf(problem.name()));
        }
        assertThat(Arrays.stream(RoutingRefusal.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(RoutingRejected.Problem.values())
                        .map(Enum::name)
                        .toList());
        assertThat(Routing.refusal(RequestRejected.conflict("contact-not-waiting", "c-1")))
                .isEmpty();
        assertThat(Routing.refusal(new RequestRejected(HttpStatus.CONFLICT, RoutingHost.REFUSED)))
                .isEmpty();
    }
}
