package io.sangdam.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.knowledge.search.IndexedArticle;
import io.sangdam.testing.TestCenter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/knowledge/search} for signed-in staff: their center's articles and the shared ones,
 * never another center's; bad questions answered with problem details, in Korean and English. The
 * articles are this class's own, put in the index as the integrator's publish listener will.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeSearchApiTests {

    private static final String PASSWORD = TestCenter.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    KnowledgeSearch search;

    TestCenter center;
    TestCenter elsewhere;
    ApiClient api;

    @BeforeAll
    void createCentersAndArticles() {
        center = TestCenter.in(context, "kbsearch")
                .chatQueue("BILLING", "BILLING", 3)
                .agent("agent", "1팀", Map.of("BILLING", 5))
                .create();
        elsewhere = TestCenter.in(context, "kbsearchother")
                .chatQueue("BILLING", "BILLING", 3)
                .agent("agent", "1팀", Map.of("BILLING", 5))
                .create();
        api = ApiClient.on(port);
        search.putAll(List.of(
                article(
                        "API-1",
                        center.id(),
                        false,
                        "인터넷 해지 방법",
                        "해지를 원하시면 <b>고객센터</b>로 신청합니다.",
                        "요금/해지",
                        Audience.PUBLIC,
                        false),
                article(
                        "API-2",
                        center.id(),
                        false,
                        "요금제 변경 안내",
                        "요금제 변경은 다음 달 1일에 적용됩니다.",
                        "요금/요금제",
                        Audience.AGENTS,
                        false),
                article("API-3", elsewhere.id(), false, "다른 센터의 해지 안내", "해지 접수", "요금/해지", Audience.PUBLIC, false),
                article("API-4", elsewhere.id(), true, "본사 공통 해지 규정", "해지 위약금 규정", "규정", Audience.AGENTS, false),
                article("API-5", center.id(), false, "옛 해지 방법", "해지는 우편으로", "요금/해지", Audience.PUBLIC, true)));
    }

    @Test
    void staffSeeTheirCentersArticlesAndTheSharedOnes() {
        JsonNode answer = ok(get("/api/knowledge/search?q=" + encoded("해지하려면 어떻게 하나요") + "&size=10", center, "ko"));
        assertThat(ids(answer)).containsExactlyInAnyOrder("API-1", "API-4");
        assertThat(answer.get("total").asLong()).isEqualTo(2);
        JsonNode first = StreamSupport.stream(answer.get("results").spliterator(), false)
                .filter(result -> result.get("id").asString().equals("API-1"))
                .findFirst()
                .orElseThrow();
        assertThat(first.get("id").asString()).isEqualTo("API-1");
        assertThat(first.get("title").asString()).isEqualTo("인터넷 해지 방법");
        assertThat(first.get("category").asString()).isEqualTo("요금/해지");
        assertThat(first.get("score").asDouble()).isPositive();
        assertThat(first.get("snippet").asString()).contains("<mark>해지</mark>").contains("&lt;b&gt;");
        assertThat(answer.get("facets").get("categories").toString()).contains("요금/해지");

        assertThat(ids(ok(get("/api/knowledge/search?q=" + encoded("해지"), elsewhere, "ko"))))
                .containsExactlyInAnyOrder("API-3", "API-4");
    }

    @Test
    void filtersAndArchivedOnRequest() {
        assertThat(ids(ok(
                        get("/api/knowledge/search?q=" + encoded("해지") + "&category=" + encoded("요금"), center, "ko"))))
                .containsExactly("API-1");
        assertThat(ids(ok(get("/api/knowledge/search?q=" + encoded("해지") + "&audience=agents", center, "ko"))))
                .containsExactly("API-4");
        assertThat(ids(ok(get("/api/knowledge/search?q=" + encoded("해지") + "&archived=true", center, "ko"))))
                .containsExactlyInAnyOrder("API-1", "API-4", "API-5");
        assertThat(ids(ok(get("/api/knowledge/search?q=" + encoded("요금제변경"), center, "ko"))))
                .first()
                .isEqualTo("API-2");
    }

    @Test
    void querySyntaxIsSearchedAsText() {
        for (String text : List.of("\"해지", "해지:*", "(해지 OR", "해지~", "title:해지 AND", "*", ":")) {
            Response response = get("/api/knowledge/search?q=" + encoded(text), center, "ko");
            assertThat(response.status()).as(text + " " + response.body()).isEqualTo(200);
        }
    }

    @Test
    void badQuestionsAreProblemsWithStableCodes() {
        assertProblem(get("/api/knowledge/search?q=", center, "ko"), "knowledge-query-empty", "검색어");
        assertProblem(get("/api/knowledge/search?q=%20%20", center, "en"), "knowledge-query-empty", "Type something");
        assertProblem(get("/api/knowledge/search", center, "en"), "knowledge-query-empty", "Type something");
        assertProblem(get("/api/knowledge/search?q=a&size=0", center, "ko"), "knowledge-size-out-of-range", "1부터 50까지");
        assertProblem(
                get("/api/knowledge/search?q=a&size=51", center, "en"), "knowledge-size-out-of-range", "from 1 to 50");
        assertProblem(
                get("/api/knowledge/search?q=a&audience=robots", center, "en"), "knowledge-unknown-audience", "robots");
        assertProblem(
                get("/api/knowledge/search?q=" + "a".repeat(1_001), center, "ko"),
                "knowledge-query-too-long",
                "1,000자");

        // 10,000 characters: too long for a URL, so the container refuses the GET with a problem of its own;
        // in a body the search itself refuses it.
        Response tooLongForUrl = get("/api/knowledge/search?q=" + "a".repeat(10_000), center, "en");
        assertThat(tooLongForUrl.status()).as(tooLongForUrl.body()).isBetween(400, 499);
        assertThat(tooLongForUrl.contentType()).startsWith("application/problem+json");
        Response tooLong = post("/api/knowledge/search", "{\"q\": \"" + "해지".repeat(5_000) + "\"}", center, "en");
        assertProblem(tooLong, "knowledge-query-too-long", "at most 1,000 characters; this one has 10,000");
        Response invalidSize = get("/api/knowledge/search?q=a&size=many", center, "en");
        assertThat(invalidSize.status()).isEqualTo(400);
        assertThat(invalidSize.json().get("code").asString()).isEqualTo("invalid-parameter");
    }

    @Test
    void longQuestionsAndAgentAssistTakeABody() {
        JsonNode answer = ok(post("/api/knowledge/search", "{\"q\": \"요금제 바꾸고 싶어요\", \"size\": 3}", center, "ko"));
        assertThat(ids(answer)).first().isEqualTo("API-2");
        JsonNode suggested = ok(post(
                "/api/knowledge/suggestions",
                "{\"messages\": [\"안녕하세요\", \"이사 가는데 인터넷 해지하면 위약금 나오나요?\"], \"size\": 3}",
                center,
                "ko"));
        assertThat(ids(suggested)).contains("API-1").doesNotContain("API-3");
    }

    @Test
    void signedOutCallersAreRefused() {
        Response response = api.get("/api/knowledge/search?q=" + encoded("해지"), "nobody", "wrong", "ko");
        assertThat(response.status()).isEqualTo(401);
    }

    private Response get(String path, TestCenter where, String language) {
        return api.get(path, where.username("agent"), PASSWORD, language);
    }

    private Response post(String path, String json, TestCenter where, String language) {
        return api.post(path, json, "application/json", where.username("agent"), PASSWORD, language);
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode answer) {
        return StreamSupport.stream(answer.get("results").spliterator(), false)
                .map(result -> result.get("id").asString())
                .toList();
    }

    private static void assertProblem(Response response, String code, String inDetail) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
        assertThat(response.json().get("detail").asString()).as(response.body()).contains(inDetail);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static IndexedArticle article(
            String id,
            long centerId,
            boolean shared,
            String title,
            String text,
            String category,
            Audience audience,
            boolean archived) {
        return new IndexedArticle(
                UUID.randomUUID(),
                id,
                centerId,
                shared,
                ArticleKind.ARTICLE,
                title,
                text,
                category,
                List.of(),
                audience,
                LocalDate.of(2020, 1, 1),
                null,
                archived,
                Instant.now());
    }
}
