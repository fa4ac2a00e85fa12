package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Quick replies (상용구): each role writes only its own set, nobody reads another person's or another
 * center's, and bad replies are refused with a problem that says what to fix. Two centers of this
 * class's own, so the sets hold only what these tests add.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickReplyApiTests {

    private static final String PASSWORD = TestCenter.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    TestCenter center;
    TestCenter elsewhere;
    ApiClient api;

    @BeforeAll
    void createCenters() {
        center = TestCenter.in(context, "replies")
                .chatQueue("BILLING", "BILLING", 3)
                .agent("agent", "1팀", Map.of("BILLING", 5))
                .agent("teammate", "1팀", Map.of("BILLING", 5))
                .agent("otherteam", "2팀", Map.of("BILLING", 5))
                .agent("writer", "3팀", Map.of("BILLING", 5))
                .teamPerson("supervisor", "1팀", Role.SUPERVISOR)
                .person("manager", Role.CENTER_MANAGER)
                .create();
        elsewhere = TestCenter.in(context, "repliesother")
                .chatQueue("BILLING", "BILLING", 3)
                .agent("agent", "1팀", Map.of("BILLING", 5))
                .person("manager", Role.CENTER_MANAGER)
                .create();
        api = ApiClient.on(port);
    }

    @Test
    void eachRoleWritesItsOwnSetAndTheAgentReadsAllThree() {
        Response team = add(center, "supervisor", "TEAM", "팀인사", "안녕하세요 {고객명}님, 1팀 {상담사}입니다.");
        assertThat(team.status()).as(team.body()).isEqualTo(201);
        assertThat(team.json().get("scope").asString()).isEqualTo("TEAM");
        assertThat(team.json().get("team").asString()).isEqualTo("1팀");
        Response whole = add(center, "manager", "CENTER", "끝인사", "{센터}를 이용해 주셔서 감사합니다.");
        assertThat(whole.status()).as(whole.body()).isEqualTo(201);
        Response mine = add(center, "agent", "PERSONAL", "내인사", "{customer}님, 반갑습니다.");
        assertThat(mine.status()).as(mine.body()).isEqualTo(201);
        assertThat(mine.json().get("createdBy").asString()).isEqualTo(center.username("agent"));
        assertThat(mine.json().get("language").asString()).isEqualTo("ko");

        // The agent may not write the team's set or the center's, nor change the team's replies.
        assertProblem(add(center, "agent", "TEAM", "몰래", "팀 문장"), 403, "quick-reply-set-not-yours");
        assertProblem(add(center, "agent", "CENTER", "몰래", "센터 문장"), 403, "quick-reply-set-not-yours");
        long teamId = team.json().get("id").asLong();
        assertProblem(
                api.put(
                        "/api/quick-replies/" + teamId,
                        "{\"title\": \"팀인사\", \"body\": \"바꿈\"}",
                        center.username("agent"),
                        PASSWORD,
                        "ko"),
                403,
                "quick-reply-set-not-yours");
        assertProblem(
                api.delete("/api/quick-replies/" + teamId, center.username("agent"), PASSWORD, "ko"),
                403,
                "quick-reply-set-not-yours");
        // Nor may a supervisor write the center's set.
        assertProblem(add(center, "supervisor", "CENTER", "몰래", "센터 문장"), 403, "quick-reply-set-not-yours");

        // The agent reads their own first, then the team's, then the center's, with the variables filled
        // in by the server: their name and the center's; the customer's is the desk's to fill.
        Response book = api.get("/api/quick-replies", center.username("agent"), PASSWORD, "ko");
        assertThat(book.status()).as(book.body()).isEqualTo(200);
        assertThat(titles(book.json())).containsExactly("내인사", "팀인사", "끝인사");
        assertThat(book.json().get("variables").get("센터").asString()).isEqualTo(center.name());
        assertThat(book.json().get("variables").get("center").asString()).isEqualTo(center.name());
        assertThat(book.json().get("variables").get("상담사").asString())
                .isEqualTo(center.person("agent").displayName());
        assertThat(book.json().get("customerVariables").toString()).contains("고객명", "customer");
        assertThat(editable(book.json())).containsExactly(true, false, false);

        // A teammate reads the team's and the center's, not the agent's own; another team only the center's.
        assertThat(titles(api.get("/api/quick-replies", center.username("teammate"), PASSWORD, "ko")
                        .json()))
                .containsExactly("팀인사", "끝인사");
        assertThat(titles(api.get("/api/quick-replies", center.username("otherteam"), PASSWORD, "ko")
                        .json()))
                .containsExactly("끝인사");
        assertProblem(
                api.get(
                        "/api/quick-replies/" + mine.json().get("id").asLong(),
                        center.username("teammate"),
                        PASSWORD,
                        "ko"),
                404,
                "unknown-quick-reply");

        // Search finds by title or text.
        assertThat(titles(api.get("/api/quick-replies?q=%EA%B0%90%EC%82%AC", center.username("agent"), PASSWORD, "ko")
                        .json()))
                .containsExactly("끝인사");

        // The supervisor changes the team's reply; the agent their own and deletes it.
        Response changed = api.put(
                "/api/quick-replies/" + teamId,
                "{\"title\": \"팀인사\", \"body\": \"반갑습니다, {고객명}님.\"}",
                center.username("supervisor"),
                PASSWORD,
                "ko");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("updatedBy").asString()).isEqualTo(center.username("supervisor"));
        Response deleted = api.delete(
                "/api/quick-replies/" + mine.json().get("id").asLong(), center.username("agent"), PASSWORD, "ko");
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(titles(api.get("/api/quick-replies", center.username("agent"), PASSWORD, "ko")
                        .json()))
                .containsExactly("팀인사", "끝인사");
    }

    @Test
    void anotherCentersReplyIsUnknownToEveryoneOfThisCenter() {
        Response theirs = add(elsewhere, "manager", "CENTER", "다른센터", "다른 센터의 문장");
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
        long id = theirs.json().get("id").asLong();
        for (String who : List.of("agent", "manager")) {
            assertProblem(
                    api.get("/api/quick-replies/" + id, center.username(who), PASSWORD, "en"),
                    404,
                    "unknown-quick-reply");
            assertProblem(
                    api.put(
                            "/api/quick-replies/" + id,
                            "{\"title\": \"x\", \"body\": \"y\"}",
                            center.username(who),
                            PASSWORD,
                            "en"),
                    404,
                    "unknown-quick-reply");
            assertProblem(
                    api.delete("/api/quick-replies/" + id, center.username(who), PASSWORD, "en"),
                    404,
                    "unknown-quick-reply");
            assertThat(titles(api.get("/api/quick-replies", center.username(who), PASSWORD, "en")
                            .json()))
                    .doesNotContain("다른센터");
        }
        // Asking for the other center's list names a center they cannot see.
        assertProblem(
                api.get("/api/quick-replies?center=" + elsewhere.id(), center.username("manager"), PASSWORD, "en"),
                403,
                "access-denied");
        // Its own center still reads it.
        assertThat(titles(api.get("/api/quick-replies", elsewhere.username("agent"), PASSWORD, "en")
                        .json()))
                .contains("다른센터");
    }

    @Test
    void aBadReplyIsRefusedWithWhatToFixInTheCallersLanguage() {
        assertProblem(add(center, "writer", "PERSONAL", "빈", "   "), 400, "quick-reply-body-required");
        assertProblem(add(center, "writer", "PERSONAL", " ", "본문"), 400, "quick-reply-title-required");
        assertProblem(add(center, "writer", "PERSONAL", "긴", "가".repeat(2_001)), 400, "quick-reply-body-too-long");
        assertProblem(add(center, "writer", "PERSONAL", "제".repeat(51), "본문"), 400, "quick-reply-title-too-long");
        Response unknown = api.post(
                "/api/quick-replies",
                "{\"title\": \"오타\", \"body\": \"{고객}님 안녕하세요\"}",
                "application/json",
                center.username("writer"),
                PASSWORD,
                "en");
        assertProblem(unknown, 400, "quick-reply-unknown-variable");
        assertThat(unknown.json().get("detail").asString())
                .isEqualTo("There is no variable {고객}. Use {고객명}/{customer}, {상담사}/{agent}, {센터}/{center}.");
        Response korean = add(center, "writer", "PERSONAL", "오타", "{agnet}님");
        assertThat(korean.json().get("detail").asString()).startsWith("알 수 없는 변수 {agnet}이(가) 있습니다.");
        assertProblem(
                api.post(
                        "/api/quick-replies",
                        "{\"title\": \"언어\", \"body\": \"본문\", \"language\": \"fr\"}",
                        "application/json",
                        center.username("writer"),
                        PASSWORD,
                        "ko"),
                400,
                "quick-reply-unknown-language");
        // Exactly 2,000 characters and braces that name nothing ("{ }", a JSON sample) are fine.
        Response longest = add(center, "writer", "PERSONAL", "최대", "가".repeat(1_990) + " { a } {}");
        assertThat(longest.status()).as(longest.body()).isEqualTo(201);
        assertProblem(add(center, "writer", "PERSONAL", "최대", "다른 본문"), 409, "quick-reply-title-taken");
    }

    /** A chat is offered the replies in its customer's language: the desk asks with the chat's language. */
    @Test
    void aChatIsOfferedTheRepliesInItsLanguage() {
        TestCenter bilingual = TestCenter.in(context, "replieslang")
                .chatQueue("BILLING", "BILLING", 3)
                .agent("agent", "1팀", Map.of("BILLING", 5))
                .person("manager", Role.CENTER_MANAGER)
                .create();
        String manager = bilingual.username("manager");
        for (String[] reply : new String[][] {
            {"인사", "안녕하세요, {센터}입니다.", "ko"}, {"hello", "Hello, this is {center}.", "en"}, {"감사", "감사합니다.", "ko"}
        }) {
            String json = "{\"scope\": \"CENTER\", \"title\": \"%s\", \"body\": \"%s\", \"language\": \"%s\"}"
                    .formatted(reply[0], reply[1], reply[2]);
            Response added = api.post("/api/quick-replies", json, "application/json", manager, PASSWORD, "ko");
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }
        String agent = bilingual.username("agent");
        assertThat(titles(api.get("/api/quick-replies?language=ko", agent, PASSWORD, "ko")
                        .json()))
                .containsExactly("감사", "인사");
        assertThat(titles(api.get("/api/quick-replies?language=en", agent, PASSWORD, "ko")
                        .json()))
                .containsExactly("hello");
        // A search narrows within the language.
        assertThat(titles(api.get(
                                "/api/quick-replies?language=ko&q="
                                        + java.net.URLEncoder.encode("센터", java.nio.charset.StandardCharsets.UTF_8),
                                agent,
                                PASSWORD,
                                "ko")
                        .json()))
                .containsExactly("인사");
        // Without a language (the editing page) every reply is listed.
        assertThat(titles(api.get("/api/quick-replies", agent, PASSWORD, "ko").json()))
                .containsExactlyInAnyOrder("감사", "hello", "인사");
        assertProblem(
                api.get("/api/quick-replies?language=fr", agent, PASSWORD, "ko"), 400, "quick-reply-unknown-language");
    }

    private Response add(TestCenter where, String who, String scope, String title, String body) {
        String json = "{\"scope\": \"%s\", \"title\": \"%s\", \"body\": \"%s\"}".formatted(scope, title, body);
        return api.post("/api/quick-replies", json, "application/json", where.username(who), PASSWORD, "ko");
    }

    private static List<String> titles(JsonNode book) {
        return StreamSupport.stream(book.get("replies").spliterator(), false)
                .map(reply -> reply.get("title").asString())
                .toList();
    }

    private static List<Boolean> editable(JsonNode book) {
        return StreamSupport.stream(book.get("replies").spliterator(), false)
                .map(reply -> reply.get("editable").asBoolean())
                .toList();
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
    }
}
