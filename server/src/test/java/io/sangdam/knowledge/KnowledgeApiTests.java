package io.sangdam.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeApiTests {

    private static final String PASSWORD = TestCenter.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Articles articles;

    TestCenter center;
    TestCenter other;
    ApiClient api;

    @BeforeAll
    void centers() {
        center = TestCenter.in(context, "kbapi")
                .person("author", Role.SUPERVISOR)
                .person("reviewer", Role.CENTER_MANAGER)
                .person("agent", Role.AGENT)
                .person("executive", Role.EXECUTIVE)
                .headquartersPerson("hqauthor", Role.SUPERVISOR)
                .create();
        other = TestCenter.in(context, "kbapiother")
                .person("owner", Role.SUPERVISOR)
                .create();
        api = ApiClient.on(port);
    }

    @Test
    void anAuthorWritesAReviewerOtherThanTheAuthorPublishesAndAnEditIsANewVersionWithADiff() {
        String id = create(center.username("author"), "요금제 변경 안내", "요금제는 매월 1회 바꿀 수 있습니다.\n\n- 앱\n- 114");
        assertThat(get(id, "author").json().get("status").asString()).isEqualTo("DRAFT");

        Response early = post("/api/knowledge/articles/" + id + "/publish", "", center.username("reviewer"));
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("article-not-in-review");

        assertThat(post("/api/knowledge/articles/" + id + "/submit", "", center.username("author"))
                        .status())
                .isEqualTo(200);
        Response own = post("/api/knowledge/articles/" + id + "/publish", "", center.username("author"));
        assertThat(own.status()).as(own.body()).isEqualTo(403);
        assertThat(own.json().get("code").asString()).isEqualTo("article-own-review");
        assertThat(own.json().get("detail").asString()).contains("직접 승인할 수 없습니다");

        Response published = post("/api/knowledge/articles/" + id + "/publish", "", center.username("reviewer"));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.json().at("/published/reviewedBy").asString()).isEqualTo(center.username("reviewer"));
        assertThat(articles.indexable(UUID.fromString(id))).isPresent();

        Response edited = api.put(
                "/api/knowledge/articles/" + id,
                "{\"title\": \"요금제 변경 방법\", \"text\": \"요금제는 매월 2회 바꿀 수 있습니다.\\n\\n- 앱\\n- 114\","
                        + " \"tags\": [\"요금제\"], \"audience\": \"public\"}",
                center.username("author"),
                PASSWORD,
                "ko");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(edited.json().at("/latest/number").asInt()).isEqualTo(2);
        assertThat(edited.json().at("/published/number").asInt()).isEqualTo(1);
        assertThat(articles.indexable(UUID.fromString(id)).orElseThrow().title())
                .isEqualTo("요금제 변경 안내");

        Response diff = api.get(
                "/api/knowledge/articles/" + id + "/diff?from=1&to=2", center.username("agent"), PASSWORD, "ko");
        assertThat(diff.status()).as(diff.body()).isEqualTo(200);
        assertThat(diff.json().at("/title/change").asString()).isEqualTo("CHANGED");
        assertThat(diff.json().at("/body/0/change").asString()).isEqualTo("CHANGED");
        assertThat(diff.json().at("/body/0/before").findValuesAsString("text")).contains("1회");
        assertThat(diff.json().at("/body/0/after").findValuesAsString("text")).contains("2회");
        assertThat(diff.json().at("/tagsAdded/0").asString()).isEqualTo("요금제");
        assertThat(diff.json().get("audienceAfter").asString()).isEqualTo("PUBLIC");

        Response versions =
                api.get("/api/knowledge/articles/" + id + "/versions", center.username("agent"), PASSWORD, "ko");
        assertThat(versions.json().findValuesAsString("title")).containsExactly("요금제 변경 방법", "요금제 변경 안내");
    }

    @Test
    void aReviewerSendsBackWithACommentAndArchivedArticlesStayFindableUntilRestored() {
        String word = "분실" + UUID.randomUUID().toString().substring(0, 8);
        String id = create(center.username("author"), word + " 신고 안내", "분실 신고를 접수합니다.");
        post("/api/knowledge/articles/" + id + "/submit", "", center.username("author"));
        Response silent = post("/api/knowledge/articles/" + id + "/send-back", "{}", center.username("reviewer"));
        assertThat(silent.json().get("code").asString()).isEqualTo("article-comment-missing");
        Response back = post(
                "/api/knowledge/articles/" + id + "/send-back",
                "{\"comment\": \"일시정지 기간을 적어 주세요\"}",
                center.username("reviewer"));
        assertThat(back.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(back.json().get("reviewComment").asString()).isEqualTo("일시정지 기간을 적어 주세요");

        Response archived = post("/api/knowledge/articles/" + id + "/archive", "", center.username("reviewer"));
        assertThat(archived.json().get("status").asString()).isEqualTo("ARCHIVED");
        String search = "/api/knowledge/articles?center=" + center.id() + "&text="
                + java.net.URLEncoder.encode(word, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(api.get(search, center.username("agent"), PASSWORD, "ko")
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(api.get(search + "&status=ARCHIVED", center.username("agent"), PASSWORD, "ko")
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(get(id, "agent").json().get("archivedBy").asString()).isEqualTo(center.username("reviewer"));
        Response edit = api.put(
                "/api/knowledge/articles/" + id,
                "{\"title\": \"x\", \"text\": \"y\"}",
                center.username("author"),
                PASSWORD,
                "ko");
        assertThat(edit.json().get("code").asString()).isEqualTo("article-archived");

        Response restored = post("/api/knowledge/articles/" + id + "/restore", "", center.username("reviewer"));
        assertThat(restored.json().get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void agentsAndExecutivesReadButNeitherWritesNorPublishes() {
        String id = create(center.username("author"), "본인 확인 절차", "성함과 생년월일을 확인합니다.");
        post("/api/knowledge/articles/" + id + "/submit", "", center.username("author"));
        for (String reader : new String[] {"agent", "executive"}) {
            assertThat(post("/api/knowledge/articles/" + id + "/publish", "", center.username(reader))
                            .status())
                    .isEqualTo(403);
            assertThat(post("/api/knowledge/articles", "{\"title\": \"t\", \"text\": \"b\"}", center.username(reader))
                            .status())
                    .isEqualTo(403);
        }
        assertThat(get(id, "agent").status()).isEqualTo(200);
        assertThat(get(id, "agent").json().get("status").asString()).isEqualTo("IN_REVIEW");
    }

    @Test
    void aPartnerCenterReadsHeadquartersArticlesButCannotEditThem() {
        String id = create(center.username("hqauthor"), "본사 공통 안내 " + UUID.randomUUID(), "모든 센터가 봅니다.");
        Response read = get(id, "author");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("shared").asBoolean()).isTrue();

        Response edit = api.put(
                "/api/knowledge/articles/" + id,
                "{\"title\": \"바꾼 제목\", \"text\": \"바꾼 본문\"}",
                center.username("author"),
                PASSWORD,
                "ko");
        assertThat(edit.status()).as(edit.body()).isEqualTo(403);
        assertThat(edit.json().get("code").asString()).isEqualTo("knowledge-shared-read-only");
        assertThat(post("/api/knowledge/articles/" + id + "/archive", "", center.username("reviewer"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anotherPartnerCentersArticleIsUnknown() {
        String id = create(other.username("owner"), "다른 센터 문서", "우리 센터만 봅니다.");
        Response read = get(id, "agent");
        assertThat(read.status()).as(read.body()).isEqualTo(404);
        assertThat(read.json().get("code").asString()).isEqualTo("unknown-article");
        Response edit = api.put(
                "/api/knowledge/articles/" + id,
                "{\"title\": \"x\", \"text\": \"y\"}",
                center.username("author"),
                PASSWORD,
                "ko");
        assertThat(edit.status()).isEqualTo(404);
        assertThat(api.get("/api/knowledge/articles?center=" + other.id(), center.username("agent"), PASSWORD, "ko")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void unsafeMarkupIsRefusedOnSaveWithItsCode() {
        for (String body : new String[] {
            "안내 <script>alert(1)</script>", "[클릭](javascript:alert(1))", "<img src=x onerror=alert(1)>"
        }) {
            Response refused = post(
                    "/api/knowledge/articles",
                    "{\"title\": \"안내\", \"text\": " + quote(body) + "}",
                    center.username("author"));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("code").asString()).isEqualTo("article-unsafe-markup");
        }
        Response noTitle = post("/api/knowledge/articles", "{\"text\": \"본문\"}", center.username("author"));
        assertThat(noTitle.json().get("code").asString()).isEqualTo("article-title-missing");
        Response audience = post(
                "/api/knowledge/articles",
                "{\"title\": \"t\", \"text\": \"b\", \"audience\": \"everyone\"}",
                center.username("author"));
        assertThat(audience.json().get("code").asString()).isEqualTo("article-audience-unknown");
    }

    @Test
    void theIndexReceivesPersonalDataMasked() {
        String id = create(center.username("author"), "연락처 변경 예시", "예: 010-1234-5678 고객님께 hong@example.com 으로 안내");
        post("/api/knowledge/articles/" + id + "/submit", "", center.username("author"));
        post("/api/knowledge/articles/" + id + "/publish", "", center.username("reviewer"));
        String text = articles.indexable(UUID.fromString(id)).orElseThrow().text();
        assertThat(text).doesNotContain("1234-5678", "hong@example.com").contains("010-");
        assertThat(articles.allIndexable())
                .anyMatch(indexed -> indexed.articleId().toString().equals(id));
    }

    @Test
    void categoriesFormATreeTheCenterEdits() {
        String owner = center.username("reviewer");
        Response billing =
                post("/api/knowledge/categories", "{\"center\": " + center.id() + ", \"name\": \"요금\"}", owner);
        assertThat(billing.status()).as(billing.body()).isEqualTo(201);
        long parent = billing.json().get("id").asLong();
        Response cancel = post(
                "/api/knowledge/categories",
                "{\"center\": " + center.id() + ", \"name\": \"해지\", \"parent\": " + parent + "}",
                owner);
        assertThat(cancel.json().get("path").asString()).isEqualTo("요금/해지");
        Response cycle = api.put(
                "/api/knowledge/categories/" + parent,
                "{\"name\": \"요금\", \"parent\": " + cancel.json().get("id").asLong() + "}",
                owner,
                PASSWORD,
                "ko");
        assertThat(cycle.json().get("code").asString()).isEqualTo("category-cycle");
        Response inUse = api.delete("/api/knowledge/categories/" + parent, owner, PASSWORD, "ko");
        assertThat(inUse.json().get("code").asString()).isEqualTo("category-in-use");
        Response tree =
                api.get("/api/knowledge/categories?center=" + center.id(), center.username("agent"), PASSWORD, "ko");
        assertThat(tree.json().findValuesAsString("path")).contains("요금", "요금/해지");
        Response agent = post("/api/knowledge/categories", "{\"name\": \"x\"}", center.username("agent"));
        assertThat(agent.status()).isEqualTo(403);
    }

    private String create(String username, String title, String body) {
        Response created = post(
                "/api/knowledge/articles",
                "{\"title\": " + quote(title) + ", \"text\": " + quote(body) + "}",
                username);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private Response get(String id, String key) {
        return api.get("/api/knowledge/articles/" + id, center.username(key), PASSWORD, "ko");
    }

    private Response post(String path, String json, String username) {
        return api.post(path, json, "application/json", username, PASSWORD, "ko");
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
