package io.sangdam.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.routing.AgentStatus;
import io.sangdam.routing.AgentUsername;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.QueueCode;
import io.sangdam.routing.RoutedContact;
import io.sangdam.routing.RoutedEvent;
import io.sangdam.routing.RoutingEventsOccurred;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live board's figures when routing publishes a whole stored batch at once: a contact is
 * offered once however often it is queued, outcomes count against the interval the contact first
 * arrived in (also when it arrived in the same batch), and each agent keeps its latest state.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class LiveFiguresTests {

    private static final Instant T = Instant.parse("2021-03-02T01:00:00Z");

    private final LiveBoard board;
    private final LiveFigures figures;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    LiveFiguresTests(LiveBoard board, LiveFigures figures, TransactionTemplate transaction, JdbcClient jdbc) {
        this.board = board;
        this.figures = figures;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    @Test
    void aBatchCountsEachContactOnceAndItsOutcomeInItsFirstInterval() {
        long center = jdbc.sql("select id from identity.center where code = 'GN'")
                .query(Long.class)
                .single();
        // A queue of its own, so that other tests' contacts in the same center do not count here.
        QueueCode queue = new QueueCode("FIG-" + UUID.randomUUID().toString().substring(0, 8));
        RoutedContact a = contact();
        RoutedContact b = contact();
        RoutedContact c = contact();
        AgentUsername agent =
                new AgentUsername("figures-" + UUID.randomUUID().toString().substring(0, 8));

        stored(
                center,
                List.of(
                        new RoutedEvent.ContactQueued(T, a, queue),
                        new RoutedEvent.ContactQueued(T.plusSeconds(1), b, queue),
                        new RoutedEvent.AgentStateChanged(T.plusSeconds(2), agent, AgentStatus.AVAILABLE),
                        new RoutedEvent.ContactAssigned(T.plusSeconds(10), a, agent, queue, T),
                        new RoutedEvent.AgentStateChanged(T.plusSeconds(10), agent, AgentStatus.BUSY),
                        new RoutedEvent.ContactAbandoned(T.plusSeconds(4), b, queue, T.plusSeconds(1)),
                        // transferred back into the queue: still one offered contact
                        new RoutedEvent.ContactQueued(T.plusSeconds(60), a, queue)));
        stored(
                center,
                List.of(
                        new RoutedEvent.ContactQueued(T.plusSeconds(1800), c, queue),
                        new RoutedEvent.ContactQueued(T.plusSeconds(1801), a, queue),
                        new RoutedEvent.ContactAssigned(T.plusSeconds(1830), c, agent, queue, T.plusSeconds(1800))));

        var day = figures.since(center, T.minusSeconds(3600)).stream()
                .filter(d -> d.queue().equals(queue.value()))
                .findFirst()
                .orElseThrow();
        assertThat(day.offered()).isEqualTo(3);
        assertThat(day.answered()).isEqualTo(2);
        assertThat(day.answeredInTime())
                .as("10 s is within the 20 s a queue without settings is given; 30 s is not")
                .isEqualTo(1);
        assertThat(day.waitSeconds()).isEqualTo(40.0);
        assertThat(day.abandoned()).isEqualTo(1);
        assertThat(day.shortAbandoned()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from reporting.queue_interval where center_id = ? and queue_code = ?")
                        .params(center, queue.value())
                        .query(Integer.class)
                        .single())
                .as("a and b arrived in the first half hour, c in the second")
                .isEqualTo(2);
        assertThat(jdbc.sql("select offered from reporting.queue_interval where center_id = ? and queue_code = ?"
                                + " order by interval_start")
                        .params(center, queue.value())
                        .query(Integer.class)
                        .list())
                .containsExactly(2, 1);
        assertThat(jdbc.sql("select state from reporting.agent_status where center_id = ? and agent = ?")
                        .params(center, agent.value())
                        .query(String.class)
                        .single())
                .isEqualTo("BUSY");
    }

    private void stored(long center, List<RoutedEvent> events) {
        transaction.executeWithoutResult(
                status -> board.routed(new RoutingEventsOccurred(CenterId.of(center), events)));
    }

    private static RoutedContact contact() {
        return RoutedContact.of(UUID.randomUUID().toString());
    }
}
