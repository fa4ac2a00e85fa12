package io.sangdam.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sangdam.engine.routing.RoutingEvent;
import io.sangdam.engine.routing.RoutingSnapshot;
import io.sangdam.platform.RequestRejected;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class RoutingHostTests {

    private final RoutingHost host;
    private final RoutingQueues queues;
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    RoutingHostTests(RoutingHost host, RoutingQueues queues, JdbcClient jdbc, DataSource dataSource) {
        this.host = host;
        this.queues = queues;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    private long center(String code) {
        return jdbc.sql("select id from identity.center where code = ?").param(code).query(Long.class).single();
    }

    @Test
    void aContactIsOfferedAcceptedAndCompletedWithEveryStepLogged() {
        long center = center("GN");
        host.handle(center, new RoutingRequest.LogIn("gn.agent010", Map.of("BILLING", 7), 3));
        host.handle(center, new RoutingRequest.BecomeReady("gn.agent010"));
        List<RoutingEvent> arrived = host.handle(center, new RoutingRequest.Arrive("host-1", "BILLING", "CHAT", 0, List.of()));
        assertThat(arrived).anySatisfy(e -> assertThat(e).isInstanceOf(RoutingEvent.ContactOffered.class));

        assertThat(host.handle(center, new RoutingRequest.Accept("gn.agent010", "host-1")))
                .anySatisfy(e -> assertThat(e).isInstanceOf(RoutingEvent.ContactAssigned.class));
        assertThat(host.handle(center, new RoutingRequest.End("host-1", false)))
                .anySatisfy(e -> assertThat(e).isInstanceOf(RoutingEvent.ContactCompleted.class));

        assertThat(jdbc.sql("select type from routing.event_log where contact_id = 'host-1' order by sequence")
                .query(String.class).list()).contains("ContactOffered", "ContactAssigned", "ContactCompleted");
    }

    @Test
    void aRejectedCommandLeavesNoTraceInTheLog() {
        long center = center("GN");
        long before = commands(center);
        assertThatThrownBy(() -> host.handle(center, new RoutingRequest.Arrive("host-2", "NO_SUCH_QUEUE", "CHAT", 0, List.of())))
                .isInstanceOfSatisfying(RequestRejected.class, r -> {
                    assertThat(r.code()).isEqualTo("routing-rejected");
                    assertThat(r.arguments()[0]).isEqualTo("UNKNOWN_QUEUE");
                });
        assertThat(commands(center)).isEqualTo(before);
    }

    @Test
    void waitingContactsSurviveARebuildFromTheLogAndAreOfferedInArrivalOrder() {
        long center = center("DJ");
        host.handle(center, new RoutingRequest.Arrive("wait-1", "TECH", "CHAT", 0, List.of()));
        host.handle(center, new RoutingRequest.Arrive("wait-2", "TECH", "CHAT", 0, List.of()));

        host.rebuildFromLog(center);

        RoutingSnapshot snapshot = host.snapshot(center);
        assertThat(snapshot.contacts()).extracting(c -> c.id().value()).contains("wait-1", "wait-2");
        host.handle(center, new RoutingRequest.LogIn("dj.agent040", Map.of("TECH", 6), 1));
        List<RoutingEvent> ready = host.handle(center, new RoutingRequest.BecomeReady("dj.agent040"));
        assertThat(ready).filteredOn(e -> e instanceof RoutingEvent.ContactOffered)
                .extracting(e -> ((RoutingEvent.ContactOffered) e).contact().value()).containsExactly("wait-1");
    }

    @Test
    void aSecondNodeCannotTakeTheLeaseOfARoutedCenter() throws Exception {
        long center = center("BS");
        assertThat(host.routes(center)).isTrue();
        try (Connection other = dataSource.getConnection();
                var lock = other.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, RoutingLeases.NAMESPACE);
            lock.setInt(2, (int) center);
            try (var result = lock.executeQuery()) {
                result.next();
                assertThat(result.getBoolean(1)).isFalse();
            }
        }
    }

    @Test
    void concurrentCommandsShareCommitsAndTheLogReplaysToTheSameState() throws Exception {
        long center = center("GJ");
        long commandsBefore = commands(center);
        long lastBefore = jdbc.sql("select coalesce(max(sequence), 0) from routing.command_log").query(Long.class).single();
        int callers = 400;
        List<String> contacts = new java.util.ArrayList<>();
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var done = new java.util.ArrayList<java.util.concurrent.Future<List<RoutingEvent>>>();
            for (int i = 0; i < callers; i++) {
                String contact = "batch-" + i;
                contacts.add(contact);
                done.add(executor.submit(() -> host.handle(center, new RoutingRequest.Arrive(contact, "TECH", "CHAT", 0, List.of()))));
            }
            for (var answer : done) {
                assertThat(answer.get()).anySatisfy(e -> assertThat(e).isInstanceOf(RoutingEvent.ContactQueued.class));
            }
        }
        assertThat(commands(center) - commandsBefore).isEqualTo(callers);
        // Each caller alone would have been one transaction (a row's xmin); the worker stored them in fewer.
        long transactions = jdbc.sql("select count(distinct xmin::text) from routing.command_log where center_id = ? and sequence > ?")
                .params(center, lastBefore).query(Long.class).single();
        assertThat(transactions).isLessThan(callers);
        RoutingSnapshot live = host.snapshot(center);

        host.rebuildFromLog(center);

        RoutingSnapshot rebuilt = host.snapshot(center);
        assertThat(rebuilt.contacts()).extracting(c -> c.id().value()).containsAll(contacts);
        assertThat(rebuilt.contacts()).extracting(c -> c.id().value() + "@" + c.queue().value() + "@" + c.status())
                .containsExactlyInAnyOrderElementsOf(live.contacts().stream()
                        .map(c -> c.id().value() + "@" + c.queue().value() + "@" + c.status()).toList());
        for (String contact : contacts) {
            host.handle(center, new RoutingRequest.End(contact, false));
        }
    }

    @Test
    void demoCentersHaveTheirQueues() {
        assertThat(queues.of(center("GJ"))).extracting(QueueSettings::code).containsExactly("BILLING", "RETENTION", "TECH", "VIP");
    }

    private long commands(long center) {
        return jdbc.sql("select count(*) from routing.command_log where center_id = ?").param(center).query(Long.class).single();
    }
}
