package io.sangdam.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.engine.routing.RoutingSnapshot;
import io.sangdam.engine.routing.RoutingSnapshot.ContactStatus;
import io.sangdam.engine.routing.RoutingSnapshot.ContactView;
import io.sangdam.identity.Staff;
import io.sangdam.identity.StaffMember;
import io.sangdam.routing.QueueSettings.Requirement;
import io.sangdam.routing.runtime.RoutingHost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

/** A change made on the admin pages reaches the running engine, and a rebuild from the log agrees with it. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class LiveReconfigurationTests {

    private final RoutingHost host;
    private final Routing routing;
    private final RoutingAdministration administration;
    private final Staff staff;
    private final JdbcClient jdbc;

    LiveReconfigurationTests(
            RoutingHost host, Routing routing, RoutingAdministration administration, Staff staff, JdbcClient jdbc) {
        this.host = host;
        this.routing = routing;
        this.administration = administration;
        this.staff = staff;
        this.jdbc = jdbc;
    }

    private long center(String code) {
        return jdbc.sql("select id from identity.center where code = ?")
                .param(code)
                .query(Long.class)
                .single();
    }

    private StaffMember agent(String username) {
        return staff.findByUsername(username).orElseThrow();
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
        long center = center("BS");
        StaffMember expert = agent("bs.agent061");
        StaffMember learner = agent("bs.agent062");
        QueueSettings queue = administration.createQueue(center, chineseQueue("CN_LEVEL", 8));
        administration.setAgent(expert, Map.of("CHINESE", 9), 1);
        administration.setAgent(learner, Map.of("CHINESE", 5), null);
        for (StaffMember agent : List.of(expert, learner)) {
            routing.logIn(center, agent);
            routing.ready(center, agent.username());
        }
        routing.arrive(center, "reconf-1", "CN_LEVEL", "CHAT", List.of());
        routing.accept(center, expert.username(), "reconf-1");
        routing.arrive(center, "reconf-2", "CN_LEVEL", "CHAT", List.of());
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
        long center = center("BS");
        StaffMember agent = agent("bs.agent063");
        administration.createQueue(center, chineseQueue("CN_CAPACITY", 3));
        administration.setAgent(agent, Map.of("CHINESE", 7), 1);
        routing.logIn(center, agent);
        routing.ready(center, agent.username());
        routing.arrive(center, "capacity-1", "CN_CAPACITY", "CHAT", List.of());
        routing.accept(center, agent.username(), "capacity-1");
        routing.arrive(center, "capacity-2", "CN_CAPACITY", "CHAT", List.of());
        assertThat(contact(host.snapshot(center), "capacity-2").status()).isEqualTo(ContactStatus.WAITING);

        administration.setAgent(agent, Map.of("CHINESE", 7), 2);

        RoutingSnapshot after = host.snapshot(center);
        assertThat(contact(after, "capacity-2").status()).isEqualTo(ContactStatus.OFFERED);
        assertThat(contact(after, "capacity-2").agent().value()).isEqualTo(agent.username());
        assertSameAfterRebuild(center, after);
    }

    @Test
    void anAgentInWrapUpAtAChangeIsNotReadyAndFinishingWrapUpMakesThemReady() {
        long center = center("BS");
        StaffMember agent = agent("bs.agent064");
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
        routing.logIn(center, agent);
        routing.ready(center, agent.username());
        routing.arrive(center, "wrap-1", "CN_WRAP", "CHAT", List.of());
        routing.accept(center, agent.username(), "wrap-1");
        routing.end(center, "wrap-1", false);
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
        routing.wrapUpDone(center, agent.username());
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
