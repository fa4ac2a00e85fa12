package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.channel.CallbackSetup.Session;
import io.sangdam.identity.Role;
import io.sangdam.routing.AgentStatus;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.Routing;
import io.sangdam.testing.TestCenter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wrap-up discipline (issue 17): by default an agent stays in wrap-up until the consultation record
 * is saved, cannot become ready before, and saving the last record ends the wrap-up; a center that
 * chose a timed wrap-up gets the queue's timer as before. Each test has a center of its own, so the
 * rule one sets does not reach the other.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WrapUpDisciplineTests {

    private static final String PASSWORD = TestCenter.PASSWORD;
    private static final String RECORD = "{\"categoryId\": %d, \"disposition\": %s, \"notes\": \"\"}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Routing routing;

    @Autowired
    ApplicationContext context;

    long category;

    @BeforeAll
    void findCategory() {
        category = jdbc.sql("select id from contact.category where code = 'BILL-Q-ERROR'")
                .query(Long.class)
                .single();
    }

    private TestCenter center(String label) {
        return TestCenter.in(context, label)
                .chatQueue("WRAP", "WRAP", 3)
                .agent("agent", Map.of("WRAP", 5))
                .person("manager", Role.CENTER_MANAGER)
                .create();
    }

    @Test
    void anAgentWithAnUnsavedRecordCannotBecomeReadyAndSavingItEndsTheWrapUp() throws InterruptedException {
        TestCenter center = center("wrapuntil");
        var api = ApiClient.on(port);
        assertThat(api.get(
                                "/api/routing/centers/" + center.id() + "/wrap-up",
                                center.username("manager"),
                                PASSWORD,
                                "ko")
                        .json()
                        .get("rule")
                        .asString())
                .as("the default")
                .isEqualTo("UNTIL_RECORDED");
        var desk = new Session(port, center.username("agent"), PASSWORD);
        String chat = chatEndedBy(center, desk);
        assertThat(state(center)).isEqualTo(AgentStatus.WRAP_UP);

        Response ready = desk.post("/desk/api/ready", "", "ko");
        assertProblem(ready, 409, "records-unwritten");
        assertThat(ready.json().get("detail").asString())
                .isEqualTo("저장하지 않은 상담 이력이 1건 있습니다. 상담 이력을 모두 저장해야 상담 가능 상태가 됩니다.");
        // The desk answers in the language of the agent's session (Korean here), whatever the request says.
        assertProblem(desk.post("/desk/api/wrap-up-done", "", "en"), 409, "records-unwritten");
        // Longer than the queue's wrap-up time (30 s by default is not waited for: no timer is set at all).
        Thread.sleep(1500);
        assertThat(state(center)).isEqualTo(AgentStatus.WRAP_UP);

        // The outcome has no default: a record without one is refused.
        assertProblem(
                desk.post("/desk/api/conversations/" + chat + "/record", RECORD.formatted(category, "null"), "ko"),
                400,
                "validation-failed");
        assertThat(state(center)).isEqualTo(AgentStatus.WRAP_UP);
        Response saved = desk.post(
                "/desk/api/conversations/" + chat + "/record", RECORD.formatted(category, "\"RESOLVED\""), "ko");
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);

        assertThat(state(center)).isEqualTo(AgentStatus.AVAILABLE);
        assertThat(desk.post("/desk/api/logout", "", "ko").status()).isEqualTo(200);
    }

    @Test
    void aBreakAskedForDuringWrapUpFollowsTheSavedRecordAndReadyIsRefusedUntilThen() {
        TestCenter center = center("wrapbreak");
        var desk = new Session(port, center.username("agent"), PASSWORD);
        String chat = chatEndedBy(center, desk);
        assertThat(desk.post("/desk/api/not-ready", "{\"reason\": \"휴식\"}", "ko")
                        .status())
                .isEqualTo(200);
        assertThat(state(center)).isEqualTo(AgentStatus.WRAP_UP);

        Response saved = desk.post(
                "/desk/api/conversations/" + chat + "/record", RECORD.formatted(category, "\"RESOLVED\""), "ko");
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);

        assertThat(state(center)).isEqualTo(AgentStatus.NOT_READY);
        assertThat(desk.post("/desk/api/ready", "", "ko").status()).isEqualTo(200);
        assertThat(state(center)).isEqualTo(AgentStatus.AVAILABLE);
        desk.post("/desk/api/logout", "", "ko");
    }

    @Test
    void aCenterWithATimedWrapUpSendsTheAgentBackAfterTheQueueTimeRecordOrNot() throws InterruptedException {
        TestCenter center = center("wraptimed");
        var api = ApiClient.on(port);
        String manager = center.username("manager");
        Response unknown = api.put(
                "/api/routing/centers/" + center.id() + "/wrap-up",
                "{\"rule\": \"SOMETIMES\"}",
                manager,
                PASSWORD,
                "ko");
        assertProblem(unknown, 400, "unknown-wrap-up-rule");
        Response timed = api.put(
                "/api/routing/centers/" + center.id() + "/wrap-up", "{\"rule\": \"TIMED\"}", manager, PASSWORD, "ko");
        assertThat(timed.status()).as(timed.body()).isEqualTo(200);
        assertThat(timed.json().get("rule").asString()).isEqualTo("TIMED");
        Response queue = api.post(
                "/api/routing/centers/" + center.id() + "/queues", """
                {"code": "SHORT", "name": "짧은 후처리", "nameEnglish": "Short wrap-up", "channel": "CHAT",
                 "skills": [{"skill": "WRAP", "minimumLevel": 3}], "priority": 0,
                 "serviceLevelPercent": 80, "serviceLevelSeconds": 30, "strategy": "LONGEST_IDLE", "overflow": [],
                 "wrapUpSeconds": 2, "limitedHours": false, "hours": [], "closedDays": []}\
                """, "application/json", manager, PASSWORD, "ko");
        assertThat(queue.status()).as(queue.body()).isEqualTo(201);
        var desk = new Session(port, center.username("agent"), PASSWORD);

        chatEndedBy(center, desk, "SHORT");
        assertThat(state(center)).isEqualTo(AgentStatus.WRAP_UP);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (state(center) != AgentStatus.AVAILABLE && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(state(center)).as("back after the queue's 2 s").isEqualTo(AgentStatus.AVAILABLE);
        // With the record still unsaved, becoming ready is not refused either.
        assertThat(desk.post("/desk/api/not-ready", "{\"reason\": \"휴식\"}", "ko")
                        .status())
                .isEqualTo(200);
        assertThat(desk.post("/desk/api/ready", "", "ko").status()).isEqualTo(200);
        desk.post("/desk/api/logout", "", "ko");
    }

    private String chatEndedBy(TestCenter center, Session desk) {
        return chatEndedBy(center, desk, "WRAP");
    }

    /** The agent logs in, gets ready, takes a customer's chat on the topic and ends it. */
    private String chatEndedBy(TestCenter center, Session desk, String topic) {
        assertThat(desk.post("/desk/api/login", "", "ko").status()).isEqualTo(200);
        assertThat(desk.post("/desk/api/ready", "", "ko").status()).isEqualTo(200);
        Response started = ApiClient.on(port)
                .post(
                        "/chat/api/conversations",
                        "{\"center\": " + center.id() + ", \"topic\": \"" + topic + "\"}",
                        "application/json",
                        null,
                        null,
                        "ko");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String chat = started.json().get("conversation").asString();
        Response accepted = desk.post("/desk/api/offers/" + chat + "/accept", "", "ko");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        Response ended = desk.post("/desk/api/conversations/" + chat + "/end", "", "ko");
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        return chat;
    }

    private AgentStatus state(TestCenter center) {
        return routing.snapshot(CenterId.of(center.id())).agents().stream()
                .filter(a -> a.id().value().equals(center.username("agent")))
                .map(a -> a.status())
                .findFirst()
                .orElse(AgentStatus.OFFLINE);
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
    }
}
