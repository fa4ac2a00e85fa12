package io.sangdam.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The index follows the database: a publish is found by search, an archive leaves it, and an index
 * that lost its state (a new folder, a crash mid-rebuild, a node that was down) is brought back from
 * the database without any event. Articles of this class's own center, found by a word no other
 * test writes; in a context of its own, the only one whose index follows the database (the shared
 * context's tests put articles into the index by hand).
 */
@RunningServer
@TestPropertySource(properties = "sangdam.knowledge.follow-database=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeIndexFollowerTests {

    private static final String PASSWORD = TestCenter.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    KnowledgeIndexFollower follower;

    @Autowired
    KnowledgeSearch search;

    TestCenter center;
    ApiClient api;

    @BeforeAll
    void center() {
        center = TestCenter.in(context, "kbfollow")
                .person("author", Role.SUPERVISOR)
                .person("reviewer", Role.CENTER_MANAGER)
                .person("agent", Role.AGENT)
                .create();
        api = ApiClient.on(port);
    }

    @Test
    void aPublishedArticleIsFoundAndAnArchivedOneLeavesTheSearch() {
        String word = word();
        String id = publish("멤버십 포인트 안내 " + word, "포인트는 매월 1일에 " + word + " 적립됩니다.");
        awaitFound(word, true);

        Response archived = post("/api/knowledge/articles/" + id + "/archive", "reviewer");
        assertThat(archived.status()).as(archived.body()).isEqualTo(200);
        awaitFound(word, false);
    }

    @Test
    void anIndexThatLostItsStateIsBroughtBackFromTheDatabase() {
        String word = word();
        publish("데이터 쿠폰 사용법 " + word, "쿠폰은 앱에서 " + word + " 등록합니다.");
        awaitFound(word, true);

        // a node that starts with an empty index folder
        search.rebuild(Stream.empty(), "changes=0");
        follower.forget();
        assertThat(found(word)).as("emptied").isFalse();
        follower.catchUp();
        assertThat(found(word)).as("caught up from the changes after 0").isTrue();

        // a rebuild cut off midway leaves a fingerprint that is not ours: everything again
        search.rebuild(Stream.empty(), "rebuild cut off");
        follower.forget();
        follower.catchUp();
        assertThat(found(word)).as("rebuilt").isTrue();
        assertThat(search.fingerprint())
                .hasValueSatisfying(stored -> assertThat(stored).isEqualTo("changes=" + follower.applied()));
    }

    @Test
    void theDemoKnowledgeBaseIsSearchableFromTheStart() {
        // the first round indexes the 300 demo articles on the follower's thread, after the start
        Response found = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            while (true) {
                Response answer = api.get(
                        "/api/knowledge/search?q=" + URLEncoder.encode("요금제 변경", StandardCharsets.UTF_8),
                        "gn.agent",
                        "sangdam2026!",
                        "ko");
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                if (answer.json().get("total").asInt() > 0) {
                    return answer;
                }
                Thread.sleep(200);
            }
        });
        assertThat(found.json().get("results").get(0).get("id").asString()).startsWith("KB-");
    }

    private String publish(String title, String body) {
        Response created = api.post(
                "/api/knowledge/articles",
                "{\"title\": " + KnowledgeApiTests.quote(title) + ", \"text\": " + KnowledgeApiTests.quote(body) + "}",
                "application/json",
                center.username("author"),
                PASSWORD,
                "ko");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(post("/api/knowledge/articles/" + id + "/submit", "author").status())
                .isEqualTo(200);
        Response published = post("/api/knowledge/articles/" + id + "/publish", "reviewer");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return id;
    }

    private void awaitFound(String word, boolean expected) {
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            while (found(word) != expected) {
                Thread.sleep(100);
            }
        });
    }

    private boolean found(String word) {
        Response found = api.get("/api/knowledge/search?q=" + word, center.username("agent"), PASSWORD, "ko");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().get("total").asInt() > 0;
    }

    private Response post(String path, String who) {
        return api.post(path, "", "application/json", center.username(who), PASSWORD, "ko");
    }

    /** A word only this test writes: Latin letters and digits, kept whole by both analyzers. */
    private static String word() {
        return "zq" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }
}
