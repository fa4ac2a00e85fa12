package io.sangdam.routing.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sangdam.engine.routing.RoutingEngine;
import io.sangdam.engine.routing.RoutingEvent;
import io.sangdam.engine.routing.RoutingSnapshot;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.QueueSettings;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class RoutingHostTests {

    private final RoutingHost host;
    private final ConfiguredQueues queues;
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    RoutingHostTests(RoutingHost host, ConfiguredQueues queues, JdbcClient jdbc, DataSource dataSource) {
        this.host = host;
        this.queues = queues;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    private long center(String code) {
        return jdbc.sql("select id from identity.center where code = ?")
                .param(code)
                .query(Long.class)
                .single();
    }

    @Test
    void aContactIsOfferedAcceptedAndCompletedWithEveryStepLogged() {
        long center = center("GN");
        host.handle(center, new RoutingRequest.LogIn("gn.agent010", Map.of("BILLING", 7), 3));
        host.handle(center, new RoutingRequest.BecomeReady("gn.agent010"));
        List<RoutingEvent> arrived =
                host.handle(center, new RoutingRequest.Arrive("host-1", "BILLING", "CHAT", 0, List.of()));
        assertThat(arrived).anySatisfy(e -> assertThat(e).isInstanceOf(RoutingEvent.ContactOffered.class));

        assertThat(host.handle(center, new RoutingRequest.Accept("gn.agent010", "host-1")))
                .anySatisfy(e -> assertThat(e).isInstanceOf(RoutingEvent.ContactAssigned.class));
        assertThat(host.handle(center, new RoutingRequest.End("host-1", false)))
                .anySatisfy(e -> assertThat(e).isInstanceOf(RoutingEvent.ContactCompleted.class));

        assertThat(jdbc.sql("select type from routing.event_log where contact_id = 'host-1' order by sequence")
                        .query(String.class)
                        .list())
                .contains("ContactOffered", "ContactAssigned", "ContactCompleted");
    }

    @Test
    void aRejectedCommandLeavesNoTraceInTheLog() {
        long center = center("GN");
        long before = commands(center);
        assertThatThrownBy(() ->
                        host.handle(center, new RoutingRequest.Arrive("host-2", "NO_SUCH_QUEUE", "CHAT", 0, List.of())))
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
        assertThat(ready)
                .filteredOn(e -> e instanceof RoutingEvent.ContactOffered)
                .extracting(e -> ((RoutingEvent.ContactOffered) e).contact().value())
                .containsExactly("wait-1");
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
        long lastBefore = jdbc.sql("select coalesce(max(sequence), 0) from routing.command_log")
                .query(Long.class)
                .single();
        int callers = 400;
        List<String> contacts = new java.util.ArrayList<>();
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var done = new java.util.ArrayList<java.util.concurrent.Future<List<RoutingEvent>>>();
            for (int i = 0; i < callers; i++) {
                String contact = "batch-" + i;
                contacts.add(contact);
                done.add(executor.submit(
                        () -> host.handle(center, new RoutingRequest.Arrive(contact, "TECH", "CHAT", 0, List.of()))));
            }
            for (var answer : done) {
                assertThat(answer.get()).anySatisfy(e -> assertThat(e).isInstanceOf(RoutingEvent.ContactQueued.class));
            }
        }
        assertThat(commands(center) - commandsBefore).isEqualTo(callers);
        // Each caller alone would have been one transaction (a row's xmin); the worker stored them in fewer.
        long transactions = jdbc.sql(
                        "select count(distinct xmin::text) from routing.command_log where center_id = ? and sequence >"
                                + " ?")
                .params(center, lastBefore)
                .query(Long.class)
                .single();
        assertThat(transactions).isLessThan(callers);
        RoutingSnapshot live = host.snapshot(center);

        host.rebuildFromLog(center);

        RoutingSnapshot rebuilt = host.snapshot(center);
        assertThat(rebuilt.contacts()).extracting(c -> c.id().value()).containsAll(contacts);
        assertThat(rebuilt.contacts())
                .extracting(c -> c.id().value() + "@" + c.queue().value() + "@" + c.status())
                .containsExactlyInAnyOrderElementsOf(live.contacts().stream()
                        .map(c -> c.id().value() + "@" + c.queue().value() + "@" + c.status())
                        .toList());
        for (String contact : contacts) {
            host.handle(center, new RoutingRequest.End(contact, false));
        }
    }

    @Test
    void aCommandWithANulCharacterIsRefusedBeforeItsBatchAndTheOthersInItAreAppliedOnTheSameEngine() throws Exception {
        long center = center("BS");
        String run = "nul-" + System.nanoTime();
        RoutingEngine engine = host.read(center, e -> e);
        var poisoned = new RoutingRequest.Arrive(run + "-\u0000", "TECH", "CHAT", 0, List.of());
        List<RoutingRequest> valid = List.of(arrive(run + "-1"), arrive(run + "-2"), arrive(run + "-3"));

        List<Answer> answers = inOneBatch(center, poisoned, valid);

        assertThat(answers.getFirst().refused()).isNotNull().satisfies(r -> {
            assertThat(r.status().value()).isEqualTo(400);
            assertThat(r.code()).isEqualTo(CommandText.INVALID_TEXT);
            assertThat(r.arguments()).containsExactly("contact");
        });
        for (Answer answer : answers.subList(1, answers.size())) {
            assertThat(answer.refused()).as("a valid command of the same batch").isNull();
            assertThat(answer.events()).anySatisfy(e -> assertThat(e).isInstanceOf(RoutingEvent.ContactQueued.class));
        }
        RoutingEngine after = host.read(center, e -> e);
        assertThat((Object) after).as("the engine was not dropped and rebuilt").isSameAs(engine);
        assertThat(loggedContacts(center, run)).containsExactlyInAnyOrder(run + "-1", run + "-2", run + "-3");
        endAll(center, valid);
    }

    @Test
    void whenABatchCannotBeStoredItsCommandsAreStoredOneByOneAndOnlyTheOneTheDatabaseRefusesIsRefused()
            throws Exception {
        long center = center("BS");
        String run = "unstorable-" + System.nanoTime();
        // Text the check before the batch lets through, but this database refuses: as a NUL would be without that
        // check.
        jdbc.sql("alter table routing.command_log add constraint refuses_" + run.replace('-', '_')
                        + " check (command ->> 'contact' is distinct from '" + run + "-bad') not valid")
                .update();
        List<RoutingRequest> valid = List.of(arrive(run + "-1"), arrive(run + "-2"), arrive(run + "-3"));
        List<Answer> answers;
        try {
            answers = inOneBatch(center, arrive(run + "-bad"), valid);
        } finally {
            jdbc.sql("alter table routing.command_log drop constraint refuses_" + run.replace('-', '_'))
                    .update();
        }

        assertThat(answers.getFirst().refused()).isNotNull().satisfies(r -> {
            assertThat(r.status().value()).isEqualTo(400);
            assertThat(r.code()).isEqualTo(CenterWorker.UNSTORABLE);
        });
        for (Answer answer : answers.subList(1, answers.size())) {
            assertThat(answer.refused()).as("a valid command of the same batch").isNull();
            assertThat(answer.events()).anySatisfy(e -> assertThat(e).isInstanceOf(RoutingEvent.ContactQueued.class));
        }
        assertThat(loggedContacts(center, run)).containsExactlyInAnyOrder(run + "-1", run + "-2", run + "-3");
        RoutingSnapshot live = host.snapshot(center);
        assertThat(live.contacts())
                .extracting(c -> c.id().value())
                .contains(run + "-1", run + "-2", run + "-3")
                .doesNotContain(run + "-bad");
        host.rebuildFromLog(center);
        assertThat(host.snapshot(center).contacts())
                .as("the log replays to what the callers were told")
                .extracting(c -> c.id().value())
                .contains(run + "-1", run + "-2", run + "-3")
                .doesNotContain(run + "-bad");
        endAll(center, valid);
    }

    private record Answer(
            @Nullable List<RoutingEvent> events, @Nullable RequestRejected refused) {}

    private static RoutingRequest.Arrive arrive(String contact) {
        return new RoutingRequest.Arrive(contact, "TECH", "CHAT", 0, List.of());
    }

    /**
     * Sends the commands while the center's lock is held (a read of its engine): first one valid
     * command, which the worker takes and holds while it waits for the lock, then the bad one with the
     * other valid ones, which wait in the inbox; the lock is freed once each waits or was refused. The
     * worker then takes the bad one and the others as one batch (or all with the first). Answers: the
     * bad one's, then the valid ones' in their order.
     */
    private List<Answer> inOneBatch(long center, RoutingRequest bad, List<RoutingRequest> valid) throws Exception {
        var locked = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var reader = executor.submit(() -> host.read(center, engine -> {
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return engine;
            }));
            java.util.concurrent.Future<Answer> badAnswer;
            List<java.util.concurrent.Future<Answer>> validAnswers = new java.util.ArrayList<>();
            try {
                assertThat(locked.await(30, java.util.concurrent.TimeUnit.SECONDS))
                        .isTrue();
                validAnswers.add(executor.submit(() -> answer(center, valid.getFirst())));
                waitUntil(() -> host.waiting(center) == 1);
                badAnswer = executor.submit(() -> answer(center, bad));
                for (RoutingRequest command : valid.subList(1, valid.size())) {
                    validAnswers.add(executor.submit(() -> answer(center, command)));
                }
                waitUntil(() -> host.waiting(center) + (badAnswer.isDone() ? 1 : 0) == valid.size() + 1);
            } finally {
                release.countDown();
            }
            reader.get();
            List<Answer> answered = new java.util.ArrayList<>();
            answered.add(badAnswer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            for (var answer : validAnswers) {
                answered.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return answered;
        }
    }

    private Answer answer(long center, RoutingRequest command) {
        try {
            return new Answer(host.handle(center, command), null);
        } catch (RequestRejected refused) {
            return new Answer(null, refused);
        }
    }

    /** Waits (at most 20 s, then lets the test go on and fail on what it finds) for what another thread does. */
    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        var until = java.time.Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean() && java.time.Instant.now().isBefore(until)) {
            Thread.sleep(10);
        }
    }

    private List<String> loggedContacts(long center, String run) {
        return jdbc.sql("select command ->> 'contact' from routing.command_log where center_id = ? and command ->>"
                        + " 'contact' like ?")
                .params(center, run + "%")
                .query(String.class)
                .list();
    }

    private void endAll(long center, List<RoutingRequest> arrivals) {
        for (RoutingRequest arrival : arrivals) {
            host.handle(center, new RoutingRequest.End(((RoutingRequest.Arrive) arrival).contact(), false));
        }
    }

    @Test
    void demoCentersHaveTheirQueues() {
        assertThat(queues.of(center("GJ")))
                .extracting(QueueSettings::code)
                .containsExactly("BILLING", "RETENTION", "TECH", "VIP");
    }

    private long commands(long center) {
        return jdbc.sql("select count(*) from routing.command_log where center_id = ?")
                .param(center)
                .query(Long.class)
                .single();
    }
}
