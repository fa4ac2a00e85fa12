package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.channel.CallbackSetup.Session;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.Routing;
import io.sangdam.testing.TestCenter;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A message left while its queue is closed stays on the list; once the queue opens, the sweep routes
 * it as a contact of that queue exactly once, an agent accepts it on the desk, calls back and
 * finishes it with a consultation record. In a center of this class's own ({@link CallbackSetup#center}).
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallbackRoutingTests {

    static final String PASSWORD = TestCenter.PASSWORD;

    TestCenter center;
    String agentName;
    String otherAgent;
    String supervisorName;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Routing routing;

    @Autowired
    ApplicationContext context;

    @BeforeAll
    void createCenter() {
        center = CallbackSetup.center(context, "callbacks");
        agentName = center.username("agent");
        otherAgent = center.username("other");
        supervisorName = center.username("supervisor");
    }

    @Test
    void aLeftMessageIsRoutedOnceItsQueueOpensAndOnlyOnce() {
        long queue = CallbackSetup.closedQueue(port, center, "LATE_SWEEP");
        long left = CallbackSetup.leaveMessage(
                port, center, "127.0.0.31", "LATE_SWEEP", "이지은", "010-4444-5555", "요금 문의 콜백 부탁드려요");
        String contact = "callback-" + left;

        CallbackSetup.sweep(context);
        assertThat(routed(left)).as("closed queue: not routed").isFalse();
        assertThat(known(contact)).isFalse();

        CallbackSetup.open(port, center, queue, "LATE_SWEEP");
        // Two sweeps at once, then another: the message arrives in routing once.
        var first = CompletableFuture.supplyAsync(() -> CallbackSetup.sweep(context));
        var second = CompletableFuture.supplyAsync(() -> CallbackSetup.sweep(context));
        int routed = first.join() + second.join() + CallbackSetup.sweep(context);
        assertThat(routed).as("the scheduled sweep may have been first").isLessThanOrEqualTo(1);
        assertThat(routed(left)).isTrue();
        assertThat(known(contact)).isTrue();
        assertThat(jdbc.sql("select count(*) from routing.command_log where center_id = ? and type = 'Arrive' and"
                                + " command->>'contact' = ?")
                        .params(center.id(), contact)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // The live board counts it in its queue like any waiting contact.
        var supervisor = new Session(port, supervisorName);
        var board = supervisor.get("/board/api?center=" + center.id(), "ko").json();
        var row = board.get("queues")
                .valueStream()
                .filter(q -> q.get("code").asString().equals("LATE_SWEEP"))
                .findFirst()
                .orElseThrow();
        assertThat(row.get("waiting").asInt()).isEqualTo(1);
        assertThat(board.get("waiting").toString()).contains(contact);

        // Nobody took it: marked done by hand from the list, and its contact ends.
        assertThat(supervisor.get("/callbacks?center=" + center.id(), "ko").body())
                .contains("대기열에서 대기 중");
        supervisor.postForm("/callbacks/" + left + "/done?center=" + center.id(), "");
        assertThat(jdbc.sql("select status from channel.left_message where id = ?")
                        .param(left)
                        .query(String.class)
                        .single())
                .isEqualTo("DONE");
        assertThat(known(contact)).isFalse();
        assertThat(supervisor
                        .get("/callbacks?center=" + center.id() + "&status=DONE", "ko")
                        .body())
                .contains("완료: " + supervisorName);
    }

    @Test
    void anAgentAcceptsACallbackCallsBackAndFinishesItWithARecord() {
        long queue = CallbackSetup.closedQueue(port, center, "LATE_DESK");
        long left = CallbackSetup.leaveMessage(
                port, center, "127.0.0.32", "LATE_DESK", "최유나", "010-6666-7777", "해외 결제 차단 해제 요청");
        String contact = "callback-" + left;
        CallbackSetup.open(port, center, queue, "LATE_DESK");
        CallbackSetup.sweep(context);
        assertThat(known(contact)).isTrue();

        var api = ApiClient.on(port);
        var agent = new Session(port, agentName);
        var other = new Session(port, otherAgent);
        try {
            agent(api, agentName, "login", "ready");
            assertThat(jdbc.sql("select offered_to from channel.left_message where id = ?")
                            .param(left)
                            .query(String.class)
                            .single())
                    .isEqualTo(agentName);
            assertProblem(
                    other.post("/desk/api/callbacks/" + left + "/accept", "", "ko"), 409, "callback-offer-expired");
            assertProblem(agent.post("/desk/api/callbacks/999999999/accept", "", "en"), 404, "unknown-callback");
            assertProblem(agent.post("/desk/api/callbacks/abc/accept", "", "en"), 400, null);

            Response accepted = agent.post("/desk/api/callbacks/" + left + "/accept", "", "ko");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(jdbc.sql("select taken_by from channel.left_message where id = ?")
                            .param(left)
                            .query(String.class)
                            .single())
                    .isEqualTo(agentName);
            assertProblem(
                    agent.post("/desk/api/callbacks/" + left + "/accept", "", "en"), 409, "callback-offer-expired");

            // The number in the clear needs a reason, and the look is logged.
            assertProblem(
                    agent.post("/desk/api/callbacks/" + left + "/unmask", "{\"reason\": \" \"}", "ko"),
                    400,
                    "reason-required");
            Response unmasked = agent.post("/desk/api/callbacks/" + left + "/unmask", "{\"reason\": \"콜백 전화\"}", "ko");
            assertThat(unmasked.json().get("phone").asString()).isEqualTo("010-6666-7777");
            assertThat(jdbc.sql("select count(*) from identity.personal_data_access where subject_type ="
                                    + " 'left-message' and subject_id = ?")
                            .param(String.valueOf(left))
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);

            long category = jdbc.sql("select id from contact.category where level = 3 and active order by id limit 1")
                    .query(Long.class)
                    .single();
            String record = "{\"categoryId\": %d, \"disposition\": \"RESOLVED\", \"notes\": \"전화로 해제 안내함\"}"
                    .formatted(category);
            assertProblem(
                    other.post("/desk/api/callbacks/" + left + "/finish", record, "ko"), 403, "not-your-callback");
            assertProblem(
                    new Session(port, supervisorName)
                            .post("/callbacks/" + left + "/done?center=" + center.id(), "", "ko"),
                    302,
                    null);
            assertThat(jdbc.sql("select status from channel.left_message where id = ?")
                            .param(left)
                            .query(String.class)
                            .single())
                    .as("another agent's callback is not marked done by hand")
                    .isEqualTo("OPEN");

            Response finished = agent.post("/desk/api/callbacks/" + left + "/finish", record, "ko");
            assertThat(finished.status()).as(finished.body()).isEqualTo(201);
            assertThat(jdbc.sql("select channel || ' ' || queue_code || ' ' || agent from contact.consultation"
                                    + " where contact_id = ?")
                            .param(contact)
                            .query(String.class)
                            .single())
                    .isEqualTo("CALLBACK LATE_DESK " + agentName);
            assertThat(jdbc.sql("select status || ' ' || handled_by from channel.left_message where id = ?")
                            .param(left)
                            .query(String.class)
                            .single())
                    .isEqualTo("DONE " + agentName);
            assertThat(known(contact)).isFalse();
            assertThat(routing.snapshot(CenterId.of(center.id())).agents().stream()
                            .filter(a -> a.id().value().equals(agentName))
                            .map(a -> a.status().name())
                            .findFirst())
                    .as("its record came with its end: no wrap-up waits for one (the center waits for records)")
                    .contains("AVAILABLE");

            assertProblem(
                    agent.post("/desk/api/callbacks/" + left + "/finish", record, "en"), 409, "callback-already-done");
            Response twice = agent.post("/desk/api/callbacks/" + left + "/finish", record, "ko");
            assertThat(twice.json().get("detail").asString()).contains("이미 처리");
        } finally {
            agent(api, agentName, "wrap-up-done", "logout");
        }
    }

    private void agent(ApiClient api, String agent, String... actions) {
        for (String action : actions) {
            api.post(
                    "/api/routing/centers/" + center.id() + "/agents/" + agent + "/" + action,
                    "",
                    "application/json",
                    agent,
                    PASSWORD,
                    "ko");
        }
    }

    private boolean routed(long left) {
        return jdbc.sql("select routed_at is not null from channel.left_message where id = ?")
                .param(left)
                .query(Boolean.class)
                .single();
    }

    private boolean known(String contact) {
        return routing.snapshot(CenterId.of(center.id())).contacts().stream()
                .anyMatch(c -> c.id().value().equals(contact));
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        if (code != null) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).isEqualTo(code);
        }
    }
}
