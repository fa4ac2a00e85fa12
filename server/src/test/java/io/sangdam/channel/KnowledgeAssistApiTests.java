package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.channel.CallbackSetup.Session;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The desk's knowledge panel through its API: suggestions from what the customer last wrote, the
 * agent's search, an article's passages, and the uses recorded once per chat, article and action;
 * only for the chat's own agent. In centers of this class's own, with articles of their own.
 */
@RunningServer
@Import(KnowledgeFake.Setup.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeAssistApiTests {

    private static final String PASSWORD = TestCenter.PASSWORD;

    static final String CANCELLING = """
        휴대폰 회선을 해지하면 남은 약정 기간에 따라 위약금이 청구될 수 있습니다.

        - 고객센터 114로 전화해 본인 확인 후 해지를 신청할 수 있습니다.
        - 가까운 대리점을 방문해 신분증을 보여 주시면 바로 해지됩니다.
        """;

    TestCenter center;
    TestCenter otherCenter;

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeFake knowledge;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @BeforeAll
    void createCenters() {
        center = TestCenter.in(context, "assist")
                .chatQueue("MOBILE", "MOBILE", 3)
                .chatQueue("HOME", "HOME", 3)
                // Each agent takes a queue of their own, so a chat goes to the agent the test means.
                .agent("agent", Map.of("MOBILE", 6))
                .agent("colleague", Map.of("HOME", 6))
                .person("supervisor", Role.SUPERVISOR)
                .chatCapacity(4)
                .create();
        otherCenter = TestCenter.in(context, "assistother")
                .chatQueue("MOBILE", "MOBILE", 3)
                .agent("agent", Map.of("MOBILE", 6))
                .create();
        knowledge.put(center.id(), "KB-T100", "휴대폰 해지 방법과 위약금", CANCELLING);
        knowledge.put(center.id(), "KB-T200", "5G 요금제 안내", "5G 요금제는 데이터 제공량에 따라 다섯 가지입니다.");
        knowledge.put(otherCenter.id(), "KB-T300", "다른 센터의 해지 안내", "해지는 대리점에서만 됩니다.");
    }

    @Test
    void theCustomersWordsBringTheArticleWhosePassageTheAgentInsertsAndEachUseCountsOnce() {
        var api = ApiClient.on(port);
        var agent = new Session(port, center.username("agent"), PASSWORD);
        ready(api, center, center.username("agent"));
        var chat = startAndAccept(api, center, "MOBILE", center.username("agent"));
        String base = "/desk/api/conversations/" + chat.conversation() + "/knowledge";

        // Nothing written yet: nothing suggested, nothing recorded.
        Response before = agent.get(base + "/suggestions", "ko");
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.json().get("available").asBoolean()).isTrue();
        assertThat(before.json().get("articles").isEmpty()).isTrue();

        customerSays(api, chat, "안녕하세요");
        customerSays(api, chat, "전화로 해지 신청하려면 어떻게 하나요?");
        Response suggested = agent.get(base + "/suggestions", "ko");
        assertThat(suggested.status()).as(suggested.body()).isEqualTo(200);
        var first = suggested.json().get("articles").get(0);
        assertThat(first.get("id").asString()).isEqualTo("KB-T100");
        assertThat(first.get("title").asString()).isEqualTo("휴대폰 해지 방법과 위약금");
        // The passage that fits what the customer asked, as plain text; the snippet in parts with its hits.
        assertThat(first.get("passages").get(0).asString()).isEqualTo("고객센터 114로 전화해 본인 확인 후 해지를 신청할 수 있습니다.");
        assertThat(first.get("snippet").toString()).contains("\"hit\":true");
        assertThat(suggested.body()).doesNotContain("KB-T300").doesNotContain("<mark>");
        assertThat(uses(chat.conversation())).containsExactly("KB-T100 SHOWN SUGGESTED");

        // Asked again as the customer writes: still one record of its showing.
        customerSays(api, chat, "해지 위약금 얼마예요");
        assertThat(agent.get(base + "/suggestions", "ko").status()).isEqualTo(200);
        assertThat(uses(chat.conversation())).containsExactly("KB-T100 SHOWN SUGGESTED");

        Response article = agent.get(base + "/articles/KB-T100", "ko");
        assertThat(article.status()).as(article.body()).isEqualTo(200);
        assertThat(article.json().get("passages").size()).isEqualTo(3);
        Response opened = agent.post(base + "/uses", "{\"article\": \"KB-T100\", \"action\": \"OPENED\"}", "ko");
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().get("recorded").asBoolean()).isTrue();
        Response inserted = agent.post(base + "/uses", "{\"article\": \"KB-T100\", \"action\": \"INSERTED\"}", "ko");
        assertThat(inserted.json().get("recorded").asBoolean()).isTrue();
        Response again = agent.post(base + "/uses", "{\"article\": \"KB-T100\", \"action\": \"INSERTED\"}", "ko");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("recorded").asBoolean()).isFalse();
        // Found by searching, then inserted: recorded as searched.
        Response searched = agent.get(base + "/search?q=" + encode("5G 요금제"), "ko");
        assertThat(searched.status()).as(searched.body()).isEqualTo(200);
        assertThat(searched.json().get("articles").get(0).get("id").asString()).isEqualTo("KB-T200");
        agent.post(
                base + "/uses", "{\"article\": \"KB-T200\", \"action\": \"INSERTED\", \"source\": \"SEARCHED\"}", "ko");
        assertThat(uses(chat.conversation()))
                .containsExactly(
                        "KB-T100 SHOWN SUGGESTED",
                        "KB-T100 OPENED SUGGESTED",
                        "KB-T100 INSERTED SUGGESTED",
                        "KB-T200 INSERTED SEARCHED");

        // The supervisor's report counts them.
        var supervisor = new Session(port, center.username("supervisor"), PASSWORD);
        Response report = supervisor.get("/knowledge-use", "ko");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body())
                .contains("data-test=\"suggested\">1<")
                .contains("data-test=\"suggested-used\">1<")
                .contains("data-test=\"used-percent\">100%<")
                .contains("data-test=\"searched-used\">1<")
                .contains("휴대폰 해지 방법과 위약금");
        assertThat(agent.get("/knowledge-use", "ko").status()).isEqualTo(403);
    }

    @Test
    void anotherAgentsChatOrAnotherCentersIsNotFoundAndNothingIsRecorded() {
        var api = ApiClient.on(port);
        ready(api, center, center.username("colleague"));
        var chat = startAndAccept(api, center, "HOME", center.username("colleague"));
        customerSays(api, chat, "휴대폰 해지하고 싶어요");
        String base = "/desk/api/conversations/" + chat.conversation() + "/knowledge";

        var sameCenter = new Session(port, center.username("agent"), PASSWORD);
        var elsewhere = new Session(port, otherCenter.username("agent"), PASSWORD);
        for (var stranger : java.util.List.of(sameCenter, elsewhere)) {
            assertProblem(stranger.get(base + "/suggestions", "ko"), 404, "unknown-conversation");
            assertProblem(stranger.get(base + "/search?q=" + encode("해지"), "en"), 404, "unknown-conversation");
            assertProblem(stranger.get(base + "/articles/KB-T100", "ko"), 404, "unknown-conversation");
            assertProblem(
                    stranger.post(base + "/uses", "{\"article\": \"KB-T100\", \"action\": \"INSERTED\"}", "ko"),
                    404,
                    "unknown-conversation");
        }
        assertProblem(
                sameCenter.get("/desk/api/conversations/no-such-chat/knowledge/suggestions", "ko"),
                404,
                "unknown-conversation");
        assertThat(uses(chat.conversation())).isEmpty();
    }

    @Test
    void badInputIsRefusedWithProblemDetails() {
        var api = ApiClient.on(port);
        var agent = new Session(port, center.username("agent"), PASSWORD);
        ready(api, center, center.username("agent"));
        var chat = startAndAccept(api, center, "MOBILE", center.username("agent"));
        String base = "/desk/api/conversations/" + chat.conversation() + "/knowledge";

        Response empty = agent.get(base + "/search?q=%20%20", "ko");
        assertProblem(empty, 400, "knowledge-query-empty");
        assertThat(empty.json().get("detail").asString()).isEqualTo("검색어를 입력하세요.");
        Response tooLong = agent.get(base + "/search?q=" + encode("가".repeat(201)), "en");
        assertProblem(tooLong, 400, "knowledge-query-too-long");
        assertThat(tooLong.json().get("detail").asString()).contains("200");
        // Query syntax is only words to the search: no error, and the parentheses are text.
        assertThat(agent.get(base + "/search?q=" + encode("해지 (위약금) \"*:~"), "ko")
                        .status())
                .isEqualTo(200);
        // Another center's article is not this agent's to read or record.
        assertProblem(agent.get(base + "/articles/KB-T300", "ko"), 404, "unknown-article");
        assertProblem(
                agent.post(base + "/uses", "{\"article\": \"KB-T300\", \"action\": \"OPENED\"}", "ko"),
                404,
                "unknown-article");
        assertProblem(
                agent.post(base + "/uses", "{\"article\": \"KB-T100\", \"action\": \"SHOWN\"}", "ko"),
                400,
                "invalid-knowledge-use");
        assertProblem(
                agent.post(base + "/uses", "{\"article\": \"KB-T100\", \"action\": \"LIKED\"}", "en"),
                400,
                "invalid-knowledge-use");
        assertProblem(
                agent.post(
                        base + "/uses",
                        "{\"article\": \"KB-T100\", \"action\": \"OPENED\", \"source\": \"GUESSED\"}",
                        "ko"),
                400,
                "invalid-knowledge-use");
        Response missing = agent.post(base + "/uses", "{\"action\": \"OPENED\"}", "ko");
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        Response notJson = agent.post(base + "/uses", "{\"article\": ", "ko");
        assertThat(notJson.status()).as(notJson.body()).isEqualTo(400);
        assertThat(uses(chat.conversation())).isEmpty();
    }

    private java.util.List<String> uses(String conversation) {
        return jdbc.sql("select article_id || ' ' || action || ' ' || source from channel.knowledge_use"
                        + " where conversation_id = ? order by id")
                .param(conversation)
                .query(String.class)
                .list();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void ready(ApiClient api, TestCenter center, String agent) {
        // Whatever another test left: logged in already, or in wrap-up after its last chat.
        for (String action : new String[] {"login", "wrap-up-done", "ready"}) {
            api.post(
                    "/api/routing/centers/" + center.id() + "/agents/" + agent + "/" + action,
                    "",
                    "application/json",
                    agent,
                    PASSWORD,
                    "ko");
        }
    }

    private static Chats.Started startAndAccept(ApiClient api, TestCenter center, String topic, String agent) {
        Response started = api.post(
                "/chat/api/conversations",
                "{\"center\": " + center.id() + ", \"topic\": \"" + topic + "\"}",
                "application/json",
                null,
                null,
                "ko");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        var chat = new Chats.Started(
                started.json().get("conversation").asString(),
                started.json().get("token").asString());
        Response accepted = api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + agent + "/offers/" + chat.conversation()
                        + "/accept",
                "",
                "application/json",
                agent,
                PASSWORD,
                "ko");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return chat;
    }

    private static void customerSays(ApiClient api, Chats.Started chat, String text) {
        Response said = api.post(
                "/chat/api/conversations/" + chat.conversation() + "/messages?token=" + encode(chat.token()),
                "{\"text\": \"" + text + "\"}",
                "application/json",
                null,
                null,
                "ko");
        assertThat(said.status()).as(said.body()).isEqualTo(201);
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }
}
