package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.channel.CallbackSetup.Session;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A supervisor steps into a chat from the monitor: whispers reach the agent only, barging in tells
 * the customer, taking over frees the agent; nobody else may, and no other center's supervisor.
 * Opening a chat on the monitor writes one access-log row however many calls the page makes.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterventionApiTests {

    private static final String PASSWORD = TestCenter.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    TestCenter center;
    TestCenter elsewhere;

    @BeforeAll
    void createCenters() {
        center = TestCenter.in(context, "intervene")
                .chatQueue("VIP", "VIP", 3)
                .agent("agent", Map.of("VIP", 6))
                .person("supervisor", Role.SUPERVISOR)
                .person("manager", Role.CENTER_MANAGER)
                .headquartersPerson("executive", Role.EXECUTIVE)
                .create();
        elsewhere = TestCenter.in(context, "interveneother")
                .chatQueue("VIP", "VIP", 3)
                .person("supervisor", Role.SUPERVISOR)
                .create();
    }

    record Chat(String id, String token) {}

    @Test
    void theWhisperReachesTheAgentOnlyAndNobodyButTheCentersFloorMayIntervene() throws Exception {
        var api = ApiClient.on(port);
        Chat chat = connectedChat(api);
        var supervisor = new Session(port, center.username("supervisor"), PASSWORD);

        // The agent, an executive sitting in, and another center's supervisor are refused.
        var agent = new Session(port, center.username("agent"), PASSWORD);
        assertThat(agent.post("/monitor/" + chat.id() + "/whisper", "{\"text\": \"x\"}", "ko")
                        .status())
                .isEqualTo(403);
        assertThat(new Session(port, center.username("executive"), PASSWORD)
                        .post("/monitor/" + chat.id() + "/barge-in", "", "ko")
                        .status())
                .isEqualTo(403);
        Response stranger = new Session(port, elsewhere.username("supervisor"), PASSWORD)
                .post("/monitor/" + chat.id() + "/whisper", "{\"text\": \"x\"}", "ko");
        assertProblem(stranger, 403, "access-denied");
        // Writing to the customer needs joining first.
        assertProblem(
                supervisor.post("/monitor/" + chat.id() + "/messages", "{\"text\": \"안녕하세요\"}", "ko"),
                403,
                "supervisor-not-joined");

        // The customer's stream is open while the supervisor whispers and then joins.
        var stream = api.http()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/chat/api/conversations/"
                                        + chat.id() + "/stream?token=" + chat.token()))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        List<String> heard = new ArrayList<>();
        try (var lines = stream.body()) {
            var reading = lines.iterator();
            // Registered once its first line came.
            heard.add(reading.next());
            Response whisper =
                    supervisor.post("/monitor/" + chat.id() + "/whisper", "{\"text\": \"환불 규정 3조를 안내하세요\"}", "ko");
            assertThat(whisper.status()).as(whisper.body()).isEqualTo(201);
            assertThat(whisper.json().get("sender").asString()).isEqualTo("WHISPER");
            Response joined = supervisor.post("/monitor/" + chat.id() + "/barge-in", "", "ko");
            assertThat(joined.status()).as(joined.body()).isEqualTo(200);
            assertProblem(
                    supervisor.post("/monitor/" + chat.id() + "/barge-in", "", "en"), 409, "supervisor-already-joined");
            // Pushed in order: had the whisper reached the customer, it would come before the notice.
            while (reading.hasNext()) {
                String line = reading.next();
                heard.add(line);
                if (line.contains("관리자가 대화에 참여했습니다")) {
                    break;
                }
            }
        }
        assertThat(String.join("\n", heard)).contains("관리자가 대화에 참여했습니다").doesNotContain("환불 규정");
        Response said = supervisor.post("/monitor/" + chat.id() + "/messages", "{\"text\": \"관리자입니다, 돕겠습니다\"}", "ko");
        assertThat(said.status()).as(said.body()).isEqualTo(201);

        // What the customer reads (and downloads) has the notice and the supervisor, never the whisper.
        String transcript = api.get("/chat/api/conversations/" + chat.id() + "?token=" + chat.token(), null, null, "ko")
                .body();
        assertThat(transcript).contains("관리자가 대화에 참여했습니다", "관리자입니다, 돕겠습니다").doesNotContain("환불 규정");
        // The agent's desk has it, and the log says who and when.
        assertThat(jdbc.sql("select count(*) from channel.message where conversation_id = ? and sender = 'WHISPER'")
                        .param(chat.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select kind || ' ' || by_username || ' ' || agent_username from channel.intervention"
                                + " where conversation_id = ? order by id")
                        .param(chat.id())
                        .query(String.class)
                        .list())
                .containsExactly(
                        "WHISPER " + center.username("supervisor") + " " + center.username("agent"),
                        "BARGE_IN " + center.username("supervisor") + " " + center.username("agent"));
        agent.post("/desk/api/conversations/" + chat.id() + "/end", "", "ko");
        routing(api, "wrap-up-done", "logout");
    }

    /**
     * Taking over ends the agent's contact in routing (their slot is free, they record their part as
     * after a transfer) and not the customer's chat, which the supervisor carries on and ends.
     */
    @Test
    void takingOverFreesTheAgentAndTheSupervisorEndsTheChat() {
        var api = ApiClient.on(port);
        Chat chat = connectedChat(api);
        var supervisor = new Session(port, center.username("supervisor"), PASSWORD);
        assertProblem(supervisor.post("/monitor/" + chat.id() + "/end", "", "ko"), 403, "not-your-conversation");

        Response taken = supervisor.post("/monitor/" + chat.id() + "/take-over", "", "ko");
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertProblem(
                new Session(port, center.username("manager"), PASSWORD)
                        .post("/monitor/" + chat.id() + "/take-over", "", "en"),
                409,
                "conversation-taken-over");
        // Routing holds nothing of the agent's any more; the chat goes on with the supervisor.
        Response agents =
                api.get("/api/routing/centers/" + center.id() + "/state", center.username("manager"), PASSWORD, "ko");
        assertThat(agents.body()).doesNotContain(chat.id());
        assertThat(status(chat)).isEqualTo("CONNECTED " + center.username("supervisor"));
        // The agent may no longer write to it.
        var agent = new Session(port, center.username("agent"), PASSWORD);
        assertProblem(
                agent.post("/desk/api/conversations/" + chat.id() + "/messages", "{\"text\": \"여보세요\"}", "ko"),
                403,
                "not-your-conversation");

        Response said = supervisor.post("/monitor/" + chat.id() + "/messages", "{\"text\": \"제가 이어서 돕겠습니다\"}", "ko");
        assertThat(said.status()).as(said.body()).isEqualTo(201);
        customerSays(api, chat, "감사합니다");
        // The agent records their part: the transcript up to the take-over, not after.
        long category = jdbc.sql("select id from contact.category where code = 'BILL-Q-ERROR'")
                .query(Long.class)
                .single();
        Response recorded = agent.post(
                "/desk/api/conversations/" + chat.id() + "/record",
                "{\"categoryId\": %d, \"disposition\": \"TRANSFERRED\", \"notes\": \"관리자 인수\"}".formatted(category),
                "ko");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(jdbc.sql("select transcript::text from contact.consultation where contact_id = ?")
                        .param(chat.id())
                        .query(String.class)
                        .single())
                .contains("관리자가 상담을 이어받았습니다")
                .doesNotContain("제가 이어서 돕겠습니다");

        Response ended = supervisor.post("/monitor/" + chat.id() + "/end", "", "ko");
        assertThat(ended.status()).as(ended.body()).isEqualTo(204);
        assertThat(status(chat)).startsWith("ENDED");
        assertThat(jdbc.sql("select kind from channel.intervention where conversation_id = ? order by id")
                        .param(chat.id())
                        .query(String.class)
                        .list())
                .containsExactly("TAKE_OVER", "END");

        // The supervisor writes the record of the chat they took over and ended, as its agent would:
        // the list names it, the page offers the form, and nobody else may write it.
        String list = supervisor.get("/monitor?center=" + center.id(), "ko").body();
        assertThat(list).contains("작성할 상담 이력 1건", "/monitor/" + chat.id());
        String page = supervisor.get("/monitor/" + chat.id(), "ko").body();
        assertThat(page).containsPattern("<form[^>]*id=\"supervisor-record\"(?![^>]*hidden)");
        String record = "/monitor/" + chat.id() + "/record";
        assertThat(new Session(port, center.username("manager"), PASSWORD)
                        .post(record, "", "ko")
                        .status())
                .isEqualTo(403);
        // No outcome chosen: refused in words, on the chat's page; nothing saved.
        assertThat(supervisor.postForm(record, "categoryId=" + category + "&disposition="))
                .endsWith("/monitor/" + chat.id());
        assertThat(supervisor.postForm(
                        record,
                        "categoryId=" + category + "&disposition=RESOLVED&notes="
                                + java.net.URLEncoder.encode("인수 후 안내", java.nio.charset.StandardCharsets.UTF_8)))
                .endsWith("/monitor?center=" + center.id());
        assertThat(jdbc.sql("select agent || ' ' || (transcript::text like '%제가 이어서 돕겠습니다%') from"
                                + " contact.consultation where contact_id = ? order by id")
                        .param(chat.id())
                        .query(String.class)
                        .list())
                .containsExactly(center.username("agent") + " false", center.username("supervisor") + " true");
        assertThat(supervisor.get("/monitor?center=" + center.id(), "ko").body())
                .doesNotContain("작성할 상담 이력");

        // Freed: once their wrap-up is done, the agent is offered the next chat.
        routing(api, "wrap-up-done", "ready");
        Chat next = waitingChat(api);
        accept(api, next);
        agent.post("/desk/api/conversations/" + next.id() + "/end", "", "ko");
        routing(api, "wrap-up-done", "logout");
    }

    /** The page, its stream and its reload of messages are one opening: one row in the access log. */
    @Test
    void openingAChatOnTheMonitorWritesOneAccessLogRow() {
        var api = ApiClient.on(port);
        Chat chat = connectedChat(api);
        var executive = new Session(port, center.username("executive"), PASSWORD);
        assertThat(executive.get("/monitor/" + chat.id(), "ko").status()).isEqualTo(200);
        assertThat(executive.firstLineOf("/monitor/" + chat.id() + "/stream")).isNotNull();
        assertThat(executive.get("/monitor/" + chat.id() + "/messages", "ko").status())
                .isEqualTo(200);
        assertThat(openings(chat)).isEqualTo(1);
        // Opening the page again is a new opening; a stream opened without the page is one too.
        executive.get("/monitor/" + chat.id(), "ko");
        assertThat(openings(chat)).isEqualTo(2);
        new Session(port, center.username("supervisor"), PASSWORD).firstLineOf("/monitor/" + chat.id() + "/stream");
        assertThat(openings(chat)).isEqualTo(3);
        new Session(port, center.username("agent"), PASSWORD)
                .post("/desk/api/conversations/" + chat.id() + "/end", "", "ko");
        routing(api, "wrap-up-done", "logout");
    }

    /**
     * The list names the agent and colours a customer waiting for an answer by the center's own
     * thresholds, which only its manager sets, and only sensibly.
     */
    @Test
    void theListColoursAWaitingCustomerByTheThresholdsTheManagerSet() throws InterruptedException {
        var supervisor = new Session(port, center.username("supervisor"), PASSWORD);
        String settings = "/monitor/settings?center=" + center.id();
        assertThat(supervisor
                        .post(settings + "&warnSeconds=1&alertSeconds=2", "", "ko")
                        .status())
                .isEqualTo(403);
        var manager = new Session(port, center.username("manager"), PASSWORD);
        assertThat(manager.postForm(settings, "warnSeconds=1&alertSeconds=2"))
                .endsWith("/centers/settings?center=" + center.id() + "#monitor");
        // An alert before the warning is refused; what was set stays.
        manager.postForm(settings, "warnSeconds=5&alertSeconds=2");
        assertThat(jdbc.sql("select answer_warn_seconds || '/' || answer_alert_seconds from channel.monitor_setting"
                                + " where center_id = ?")
                        .param(center.id())
                        .query(String.class)
                        .single())
                .isEqualTo("1/2");

        var api = ApiClient.on(port);
        Chat chat = connectedChat(api);
        Thread.sleep(2_200);
        String list = supervisor.get("/monitor?center=" + center.id(), "ko").body();
        assertThat(list)
                .contains("answer-alert", "data-conversation=\"" + chat.id() + "\"", "intervene agent", "답변 대기")
                .doesNotContain(center.username("agent"));
        new Session(port, center.username("agent"), PASSWORD)
                .post("/desk/api/conversations/" + chat.id() + "/end", "", "ko");
        routing(api, "wrap-up-done", "logout");
    }

    private long openings(Chat chat) {
        return jdbc.sql("select count(*) from identity.personal_data_access where subject_type = 'conversation'"
                        + " and subject_id = ?")
                .param(chat.id())
                .query(Long.class)
                .single();
    }

    private Chat connectedChat(ApiClient api) {
        routing(api, "login", "wrap-up-done", "ready");
        Chat chat = waitingChat(api);
        accept(api, chat);
        customerSays(api, chat, "요금이 두 번 나갔어요");
        return chat;
    }

    private Chat waitingChat(ApiClient api) {
        Response started = api.post(
                "/chat/api/conversations",
                "{\"center\": " + center.id() + ", \"topic\": \"VIP\", \"name\": \"김고객\"}",
                "application/json",
                null,
                null,
                "ko");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return new Chat(
                started.json().get("conversation").asString(),
                started.json().get("token").asString());
    }

    private String status(Chat chat) {
        return jdbc.sql("select status || ' ' || coalesce(agent_username, '') from channel.conversation where id = ?")
                .param(chat.id())
                .query(String.class)
                .single();
    }

    private void routing(ApiClient api, String... actions) {
        String agent = center.username("agent");
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

    private void accept(ApiClient api, Chat chat) {
        String agent = center.username("agent");
        Response accepted = api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + agent + "/offers/" + chat.id() + "/accept",
                "",
                "application/json",
                agent,
                PASSWORD,
                "ko");
        assertThat(accepted.status()).as(agent + " accepts: " + accepted.body()).isEqualTo(200);
    }

    private static void customerSays(ApiClient api, Chat chat, String text) {
        Response said = api.post(
                "/chat/api/conversations/" + chat.id() + "/messages?token=" + chat.token(),
                "{\"text\": \"" + text + "\"}",
                "application/json",
                null,
                null,
                "ko");
        assertThat(said.status()).as(said.body()).isIn(200, 201);
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
    }
}
