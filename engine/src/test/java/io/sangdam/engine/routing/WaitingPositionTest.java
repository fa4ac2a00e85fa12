package io.sangdam.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.engine.routing.RoutingSnapshot.ContactStatus;
import io.sangdam.engine.routing.RoutingSnapshot.ContactView;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RoutingEngine#waitingPosition} agrees with what a sorted {@link RoutingEngine#snapshot()}
 * says (the way the chat's status was computed before), after every command of random logs.
 */
class WaitingPositionTest {

    @Test
    void agreesWithTheSnapshotAfterEveryCommand() {
        int waitingSeen = 0;
        for (long seed = 1; seed <= 60; seed++) {
            Random random = new Random(seed);
            RoutingConfiguration configuration = RandomCenters.configuration(random);
            RoutingEngine engine = RoutingEngine.start(configuration, RandomCenters.START);
            int[] contactCounter = {0};
            for (int i = 0; i < 300; i++) {
                try {
                    engine.apply(RandomCenters.next(random, engine, contactCounter));
                } catch (RoutingRejected refused) {
                    // some commands are invalid on purpose
                }
                RoutingSnapshot snapshot = engine.snapshot();
                for (ContactView contact : snapshot.contacts()) {
                    Optional<WaitingPosition> position = engine.waitingPosition(contact.id());
                    if (contact.status() != ContactStatus.WAITING) {
                        assertThat(position)
                                .as("seed %d, %s is %s", seed, contact.id(), contact.status())
                                .isEmpty();
                        continue;
                    }
                    waitingSeen++;
                    WaitingPosition expected = expected(snapshot, contact);
                    assertThat(position).as("seed %d, %s", seed, contact.id()).hasValueSatisfying(actual -> {
                        assertThat(actual.ahead()).isEqualTo(expected.ahead());
                        assertThat(actual.agentsLoggedIn()).isEqualTo(expected.agentsLoggedIn());
                        assertThat(actual.agentsAbleToAnswer()).isBetween(0, actual.agentsLoggedIn());
                    });
                }
            }
            assertThat(engine.waitingPosition(ContactId.of("never-arrived"))).isEmpty();
        }
        assertThat(waitingSeen).as("positions compared").isGreaterThan(1000);
    }

    /**
     * Only agents whose skills the queue admits can answer, whatever their state; one who qualifies
     * once the queue's overflow has lowered the level counts too, since the wait will reach them.
     */
    @Test
    void countsTheLoggedInAgentsWhoCanAnswer() {
        Center center = Center.of(QueueDefinition.queue("loans", Channel.CHAT)
                .requiring("loans", 7)
                .overflowAfter(
                        java.time.Duration.ofSeconds(30),
                        new OverflowAction.LowerMinimumLevel(SkillId.of("loans"), 4)));
        center.login(AgentProfile.agent("lee"));
        center.chat("c1", "loans");
        assertThat(center.engine.waitingPosition(ContactId.of("c1"))).contains(new WaitingPosition(0, 1, 0));

        center.login(AgentProfile.agent("kim").withSkill("loans", 5));
        center.notReady("kim", "break");
        center.login(AgentProfile.agent("park").withSkill("loans", 2));
        assertThat(center.engine.waitingPosition(ContactId.of("c1"))).contains(new WaitingPosition(0, 3, 1));
    }

    private static WaitingPosition expected(RoutingSnapshot snapshot, ContactView contact) {
        List<String> waiting = snapshot.contacts().stream()
                .filter(c -> c.queue().equals(contact.queue()) && c.status() == ContactStatus.WAITING)
                .sorted(Comparator.comparing(ContactView::originalArrival))
                .map(c -> c.id().value())
                .toList();
        int agents = (int) snapshot.agents().stream()
                .filter(a -> !(a.state() instanceof AgentState.Offline))
                .count();
        return new WaitingPosition(waiting.indexOf(contact.id().value()), agents, agents);
    }
}
