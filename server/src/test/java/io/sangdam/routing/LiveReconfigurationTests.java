package io.sangdam.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.engine.routing.RoutingSnapshot;
import io.sangdam.engine.routing.RoutingSnapshot.ContactStatus;
import io.sangdam.engine.routing.RoutingSnapshot.ContactView;
import io.sangdam.identity.Role;
import io.sangdam.identity.StaffMember;
import io.sangdam.routing.QueueSettings.Requirement;
import io.sangdam.routing.runtime.RoutingHost;
import io.sangdam.testing.TestCenter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * A change made on the admin pages reaches the running engine, and a rebuild from the log agrees with
 * it. The queues are made in a center of this class's own, whose agents hold no skill until a test
 * gives them one.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveReconfigurationTests {

    private final RoutingHost host;
    private final Routing routing;
    private final RoutingAdministration administration;
    private final TestCenter testCenter;

    LiveReconfigurationTests(
            RoutingHost host, Routing routing, RoutingAdministration administration, ApplicationContext context) {
        this.host = host;
        this.routing = routing;
        this.administration = administration;
        this.testCenter = TestCenter.in(context, "reconf")
                .person("expert", Role.AGENT)
                .person("learner", Role.AGENT)
                .person("capacity", Role.AGENT)
                .person("wrapup", Role.AGENT)
                .create();
    }

    private long center() {
        return testCenter.id();
    }

    private StaffMember agent(String key) {
        return testCenter.person(key);
    }

    private static RoutingAdministration.QueueForm chineseQueue(String code, int minimumLevel) {
        return new RoutingAdministration.QueueForm(
                code,
                "중국어 상담 " + code,
                "Chinese " + code,
                "CHAT",
                List.of(new Requirement("CHINESE", minimumLevel)),
                null,
                0,
                80.0,
                20,
                "LONGEST_IDLE",
                List.of(),
                0,
                false,
                List.of(),
                List.of());
    }

    private static ContactView contact(RoutingSnapshot snapshot, String id) {
        return snapshot.contacts().stream()
                .filter(c -> c.id().value().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aLoweredSkillRequirementOffersAWaitingContactToTheNowQualifiedAgentWithoutARestart() {
        long center = center();
        StaffMember expert = agent("expert");
        StaffMember learner = agent("learner");
        QueueSettings queue = administration.createQueue(center, chineseQueue("CN_LEVEL", 8));
        administration.setAgent(expert, Map.of("CHINESE", 9), 1);
        administration.setAgent(learner, Map.of("CHINESE", 5), null);
        for (StaffMember agent : List.of(expert, learner)) {
            routing.logIn(CenterId.of(center), agent);
            routing.ready(CenterId.of(center), AgentUsername.of(agent.username()));
        }
        routing.arrive(
                CenterId.of(center),
                RoutedContact.of("reconf-1"),
                QueueCode.of("CN_LEVEL"),
                ContactChannel.CHAT,
                Set.of());
        routing.accept(CenterId.of(center), AgentUsername.of(expert.username()), RoutedContact.of("reconf-1"));
        routing.arrive(
                CenterId.of(center),
                RoutedContact.of("reconf-2"),
                QueueCode.of("CN_LEVEL"),
                ContactChannel.CHAT,
                Set.of());
        assertThat(contact(host.snapshot(center), "reconf-2").status()).isEqualTo(ContactStatus.WAITING);

        administration.updateQueue(queue.id(), chineseQueue("CN_LEVEL", 5));

        RoutingSnapshot after = host.snapshot(center);
        assertThat(contact(after, "reconf-2").status()).isEqualTo(ContactStatus.OFFERED);
        assertThat(contact(after, "reconf-2").agent().value()).isEqualTo(learner.username());
        assertThat(contact(after, "reconf-1").status()).isEqualTo(ContactStatus.ASSIGNED);
        assertThat(contact(after, "reconf-1").agent().value()).isEqualTo(expert.username());
        assertSameAfterRebuild(center, after);
    }

    @Test
    void aRaisedChatCapacityOffersTheNextContactToTheAgentAlreadyChatting() {
        long center = center();
        StaffMember agent = agent("capacity");
        administration.createQueue(center, chineseQueue("CN_CAPACITY", 3));
        administration.setAgent(agent, Map.of("CHINESE", 7), 1);
        routing.logIn(CenterId.of(center), agent);
        routing.ready(CenterId.of(center), AgentUsername.of(agent.username()));
        routing.arrive(
                CenterId.of(center),
                RoutedContact.of("capacity-1"),
                QueueCode.of("CN_CAPACITY"),
                ContactChannel.CHAT,
                Set.of());
        routing.accept(CenterId.of(center), AgentUsername.of(agent.username()), RoutedContact.of("capacity-1"));
        routing.arrive(
                CenterId.of(center),
                RoutedContact.of("capacity-2"),
                QueueCode.of("CN_CAPACITY"),
                ContactChannel.CHAT,
                Set.of());
        assertThat(contact(host.snapshot(center), "capacity-2").status()).isEqualTo(ContactStatus.WAITING);

        administration.setAgent(agent, Map.of("CHINESE", 7), 2);

        RoutingSnapshot after = host.snapshot(center);
        assertThat(contact(after, "capacity-2").status()).isEqualTo(ContactStatus.OFFERED);
        assertThat(contact(after, "capacity-2").agent().value()).isEqualTo(agent.username());
        assertSameAfterRebuild(center, after);
    }

    @Test
    void anAgentInWrapUpAtAChangeIsNotReadyAndFinishingWrapUpMakesThemReady() {
        long center = center();
        StaffMember agent = agent("wrapup");
        QueueSettings queue = administration.createQueue(
                center,
                new RoutingAdministration.QueueForm(
                        "CN_WRAP",
                        "후처리 시험",
                        null,
                        "CHAT",
                        List.of(new Requirement("CHINESE", 2)),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        600,
                        false,
                        null,
                        null));
        administration.setAgent(agent, Map.of("CHINESE", 7), null);
        routing.logIn(CenterId.of(center), agent);
        routing.ready(CenterId.of(center), AgentUsername.of(agent.username()));
        routing.arrive(
                CenterId.of(center),
                RoutedContact.of("wrap-1"),
                QueueCode.of("CN_WRAP"),
                ContactChannel.CHAT,
                Set.of());
        routing.accept(CenterId.of(center), AgentUsername.of(agent.username()), RoutedContact.of("wrap-1"));
        routing.end(CenterId.of(center), RoutedContact.of("wrap-1"), false);
        assertThat(Routing.stateName(state(center, agent))).isEqualTo("WRAP_UP");

        administration.updateQueue(
                queue.id(),
                new RoutingAdministration.QueueForm(
                        null,
                        "후처리 시험",
                        null,
                        null,
                        List.of(new Requirement("CHINESE", 3)),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        600,
                        false,
                        null,
                        null));

        assertThat(Routing.stateName(state(center, agent))).isEqualTo("NOT_READY");
        routing.wrapUpDone(CenterId.of(center), AgentUsername.of(agent.username()));
        assertThat(Routing.stateName(state(center, agent))).isEqualTo("AVAILABLE");
    }

    private io.sangdam.engine.routing.AgentState state(long center, StaffMember agent) {
        return host.snapshot(center).agents().stream()
                .filter(a -> a.id().value().equals(agent.username()))
                .findFirst()
                .orElseThrow()
                .state();
    }

    private void assertSameAfterRebuild(long center, RoutingSnapshot live) {
        host.rebuildFromLog(center);
        RoutingSnapshot rebuilt = host.snapshot(center);
        assertThat(rebuilt.agents()).isEqualTo(live.agents());
        assertThat(rebuilt.contacts()).isEqualTo(live.contacts());
    }
}
