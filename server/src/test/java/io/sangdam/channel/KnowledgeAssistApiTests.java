package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.channel.CallbackSetup.Session;
import io.sangdam.identity.Role;
import io.sangdam.knowledge.KnowledgeSearch;
import io.sangdam.testing.DemoKnowledge;
import io.sangdam.testing.TestCenter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * The desk's knowledge panel through its API: suggestions from what the customer last wrote, the
 * agent's search, an article's passages, and the uses recorded once per chat, article and action;
 * only for the chat's own agent. In centers of this class's own, with demo articles put into the
 * knowledge index for them.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeAssistApiTests {

    private static final String PASSWORD = TestCenter.PASSWORD;

    TestCenter center;
    TestCenter otherCenter;

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeSearch knowledge;

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
        // 휴대폰 해지 방법과 준비물, 5G 요금제 종류와 월정액 안내; the other center: 인터넷·TV 약정 해지 위약금.
        knowledge.putAll(
                List.of(DemoKnowledge.article("KB-1071", center.id()), DemoKnowledge.article("KB-1001", center.id())));
        knowledge.put(DemoKnowledge.article("KB-1070", otherCenter.id()));
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
        assertThat(before.json().get("articles").isEmpty()).isTrue();

        customerSays(api, chat, "안녕하세요");
        customerSays(api, chat, "휴대폰 해지하려면 신분증 말고 뭘 가져가야 하나요?");
        Response suggested = agent.get(base + "/suggestions", "ko");
        assertThat(suggested.status()).as(suggested.body()).isEqualTo(200);
        var first = suggested.json().get("articles").get(0);
        assertThat(first.get("id").asString()).isEqualTo("KB-1071");
        assertThat(first.get("title").asString()).isEqualTo(DemoKnowledge.title("KB-1071"));
        // Passages as plain text, the best first; the snippet in parts with its hits, never as markup.
        String best = first.get("best").get(0).asString();
        assertThat(best).isNotBlank().doesNotContain("**").doesNotContain("<");
        assertThat(first.get("passages").toString()).contains(best.substring(0, Math.min(10, best.length())));
        assertThat(first.get("snippet").toString()).contains("\"hit\":true");
        // Only this center's articles: the other center's cancellation article is not among them.
        assertThat(suggested.body()).doesNotContain("KB-1070").doesNotContain("<mark>");
        List<String> shown = uses(chat.conversation());
        assertThat(shown).contains("KB-1071 SHOWN SUGGESTED").allMatch(use -> use.contains(" SHOWN SUGGESTED"));

        // Asked again as the customer writes: each article's showing is still recorded once.
        customerSays(api, chat, "해지하면 위약금도 있나요");
        assertThat(agent.get(base + "/suggestions", "ko").status()).isEqualTo(200);
        assertThat(uses(chat.conversation())).containsAll(shown).doesNotHaveDuplicates();

        String cancelling = DemoKnowledge.title("KB-1071");
        Response opened = agent.post(base + "/uses", use("KB-1071", cancelling, "OPENED", null), "ko");
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().get("recorded").asBoolean()).isTrue();
        Response inserted = agent.post(base + "/uses", use("KB-1071", cancelling, "INSERTED", null), "ko");
        assertThat(inserted.json().get("recorded").asBoolean()).isTrue();
        Response again = agent.post(base + "/uses", use("KB-1071", cancelling, "INSERTED", null), "ko");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("recorded").asBoolean()).isFalse();
        // Found by searching, then inserted: recorded as searched.
        Response searched = agent.get(base + "/search?q=" + encode("5G 요금제 월정액"), "ko");
        assertThat(searched.status()).as(searched.body()).isEqualTo(200);
        assertThat(searched.json().get("articles").get(0).get("id").asString()).isEqualTo("KB-1001");
        agent.post(base + "/uses", use("KB-1001", DemoKnowledge.title("KB-1001"), "INSERTED", "SEARCHED"), "ko");
        assertThat(uses(chat.conversation()))
                .filteredOn(use -> !use.contains(" SHOWN "))
                .containsExactly("KB-1071 OPENED SUGGESTED", "KB-1071 INSERTED SUGGESTED", "KB-1001 INSERTED SEARCHED");

        // The supervisor's report counts them: of the suggestions shown, one used.
        var supervisor = new Session(port, center.username("supervisor"), PASSWORD);
        Response report = supervisor.get("/knowledge-use", "ko");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.body())
                .contains("data-test=\"suggested\">"
                        + uses(chat.conversation()).stream()
                                .filter(use -> use.contains(" SHOWN "))
                                .count() + "<")
                .contains("data-test=\"suggested-used\">1<")
                .contains("data-test=\"suggested-inserted\">1<")
                .contains("data-test=\"searched-used\">1<")
                .contains(cancelling);
        assertThat(agent.get("/knowledge-use", "ko").status()).isEqualTo(403);
    }

    private static String use(String article, String title, String action, String source) {
        return "{\"article\": \"" + article + "\", \"title\": \"" + title + "\", \"action\": \"" + action + "\""
                + (source == null ? "" : ", \"source\": \"" + source + "\"") + "}";
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
            assertProblem(
                    stranger.post(base + "/uses", use("KB-1071", "휴대폰 해지", "INSERTED", null), "ko"),
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
        assertProblem(agent.get(base + "/search", "en"), 400, "knowledge-query-empty");
        Response tooLong = agent.get(base + "/search?q=" + "a".repeat(KnowledgeSearch.LONGEST_QUESTION + 1), "en");
        assertProblem(tooLong, 400, "knowledge-query-too-long");
        assertThat(tooLong.json().get("detail").asString()).contains("1,000");
        // Query syntax is only words to the search: no error, and the parentheses are text.
        Response syntax = agent.get(base + "/search?q=" + encode("해지 (위약금) \"*:~"), "ko");
        assertThat(syntax.status()).as(syntax.body()).isEqualTo(200);
        assertProblem(
                agent.post(base + "/uses", use("KB-1071", "휴대폰 해지", "SHOWN", null), "ko"),
                400,
                "invalid-knowledge-use");
        assertProblem(
                agent.post(base + "/uses", use("KB-1071", "휴대폰 해지", "LIKED", null), "en"),
                400,
                "invalid-knowledge-use");
        assertProblem(
                agent.post(base + "/uses", use("KB-1071", "휴대폰 해지", "OPENED", "GUESSED"), "ko"),
                400,
                "invalid-knowledge-use");
        for (String incomplete : List.of(
                "{\"action\": \"OPENED\", \"title\": \"휴대폰 해지\"}",
                "{\"article\": \"KB-1071\", \"action\": \"OPENED\"}",
                "{\"article\": \"KB-1071\", \"title\": \" \", \"action\": \"OPENED\"}",
                "{\"article\": \"" + "K".repeat(101) + "\", \"title\": \"휴대폰 해지\", \"action\": \"OPENED\"}",
                "{\"article\": ")) {
            Response refused = agent.post(base + "/uses", incomplete, "ko");
            assertThat(refused.status()).as(incomplete + " → " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("code")).as(refused.body()).isNotNull();
        }
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
