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
import io.sangdam.engine.routing.RoutingSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What a node forwarding a command gets back is what the holder decided, type for type. */
class RoutingWireTests {

    private static final JsonMapper WIRE =
            RoutingForwarding.wire(JsonMapper.builder().build());
    private static final Instant AT = Instant.parse("2026-11-24T01:02:03.456Z");

    @Test
    void everyKindOfEventAndAgentStateComesBackEqual() {
        var contact = ContactId.of("c-1");
        var agent = AgentId.of("gj.agent040");
        var queue = QueueId.of("TECH");
        List<RoutingEvent> events = List.of(
                new RoutingEvent.ContactQueued(AT, contact, queue),
                new RoutingEvent.ContactOffered(AT, contact, agent, queue, AT.plusSeconds(20)),
                new RoutingEvent.OfferMissed(AT, contact, agent, true),
                new RoutingEvent.ContactAssigned(AT, contact, agent, queue, AT),
                new RoutingEvent.ContactOverflowed(AT, contact, queue, QueueId.of("VIP"), 1),
                new RoutingEvent.PreferredAgentWaitEnded(AT, contact, agent),
                new RoutingEvent.ContactAbandoned(AT, contact, queue, AT),
                new RoutingEvent.ContactCompleted(AT, contact, agent, queue),
                new RoutingEvent.ContactTransferred(AT, contact, agent, queue, QueueId.of("VIP")),
                new RoutingEvent.ContactMoved(AT, contact, queue, QueueId.of("VIP")),
                new RoutingEvent.ContactTurnedAway(AT, contact, queue),
                new RoutingEvent.AgentStateChanged(AT, agent, AgentState.OFFLINE),
                new RoutingEvent.AgentStateChanged(AT, agent, AgentState.AVAILABLE),
                new RoutingEvent.AgentStateChanged(AT, agent, new AgentState.NotReady("휴식")),
                new RoutingEvent.AgentStateChanged(AT, agent, new AgentState.Reserved(contact)),
                new RoutingEvent.AgentStateChanged(AT, agent, new AgentState.Busy(2)),
                new RoutingEvent.AgentStateChanged(AT, agent, new AgentState.WrapUp(AT)),
                new RoutingEvent.AgentStateChanged(AT, agent, new AgentState.Recovery(AT)));
        var answer = new RoutingForwarding.Answer(events, null);

        var back = WIRE.readValue(WIRE.writeValueAsString(answer), RoutingForwarding.Answer.class);

        assertThat(back).isEqualTo(answer);
    }

    @Test
    void aSnapshotWithProfilesAndContactsComesBackEqual() {
        var agent = AgentProfile.agent("gj.agent040")
                .withSkill("TECH", 7)
                .inGroup("5팀")
                .withCapacity(Channel.CHAT, 2);
        var snapshot = new RoutingSnapshot(
                AT,
                List.of(new RoutingSnapshot.AgentView(
                        agent.id(), new AgentState.Busy(1), agent, 0, List.of(ContactId.of("c-1")))),
                List.of(new RoutingSnapshot.ContactView(
                        ContactId.of("c-1"),
                        QueueId.of("TECH"),
                        Channel.CHAT,
                        0,
                        Set.of(ContactAttribute.SENIOR),
                        RoutingSnapshot.ContactStatus.ASSIGNED,
                        agent.id(),
                        AT,
                        AT,
                        0,
                        null,
                        Set.of(AgentId.of("gj.agent041")))));

        assertThat(WIRE.readValue(WIRE.writeValueAsString(snapshot), RoutingSnapshot.class))
                .isEqualTo(snapshot);
    }

    @Test
    void aRefusalKeepsItsStatusCodeAndArguments() {
        var refused = new RoutingForwarding.Answer(
                null,
                new RoutingForwarding.Refusal(
                        409, "routing-rejected", List.of("NOT_IN_RECOVERY", "agent is not in recovery")));

        assertThat(WIRE.readValue(WIRE.writeValueAsString(refused), RoutingForwarding.Answer.class))
                .isEqualTo(refused);
    }
}
