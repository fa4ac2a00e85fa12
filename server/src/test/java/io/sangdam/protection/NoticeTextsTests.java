package io.sangdam.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Centers of this class's own: the notices change in one, its manager may not change the other's,
 * and a third keeps the defaults.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeTextsTests {

    private static final String PASSWORD = TestCenter.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    ProtectionNotices notices;

    @Autowired
    ApplicationContext context;

    TestCenter changed;
    TestCenter managed;
    TestCenter untouched;
    String protection;

    @BeforeAll
    void createCenters() {
        changed = TestCenter.in(context, "notices")
                .chatQueue("TECH", "TECH", 3)
                .headquartersPerson("protection", Role.PROTECTION_TEAM)
                .create();
        managed = TestCenter.in(context, "noticesmanaged")
                .person("manager", Role.CENTER_MANAGER)
                .person("agent", Role.AGENT)
                .create();
        untouched = TestCenter.in(context, "noticesdefault").create();
        protection = changed.username("protection");
    }

    @Test
    void aCenterWithoutItsOwnTextUsesTheLegallyGroundedDefault() {
        assertThat(notices.text(untouched.id(), ProtectionNotices.Kind.CHAT_NOTICE, Locale.KOREAN))
                .contains("산업안전보건법 제41조");
        assertThat(notices.warning(untouched.id(), 1, Locale.KOREAN)).startsWith("[1차 안내]");
        assertThat(notices.warning(untouched.id(), 2, Locale.KOREAN))
                .startsWith("[최종 안내]")
                .contains("제41조");
        assertThat(notices.warning(untouched.id(), 1, Locale.ENGLISH)).startsWith("[First notice]");
    }

    @Test
    void theCentersOwnNoticeOpensItsChatsAndItsWarningsAreSentUntilResetToTheDefault() {
        var api = ApiClient.on(port);
        var saved = api.put(
                "/api/protection/centers/" + changed.id() + "/notices/CHAT_NOTICE/ko",
                "{\"text\": \"  대전센터 안내: 상담사에게 폭언하시면 상담이 종료됩니다 (산업안전보건법 제41조).  \"}",
                protection,
                PASSWORD,
                "ko");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("custom").asBoolean()).isTrue();
        assertThat(saved.json().get("updatedBy").asString()).isEqualTo(protection);
        assertThat(api.put(
                                "/api/protection/centers/" + changed.id() + "/notices/FIRST_WARNING/en",
                                "{\"text\": \"Daejeon: first notice.\"}",
                                protection,
                                PASSWORD,
                                "ko")
                        .status())
                .isEqualTo(200);

        var started = api.post(
                "/chat/api/conversations",
                "{\"center\": " + changed.id() + ", \"topic\": \"TECH\"}",
                "application/json",
                null,
                null,
                "ko");
        var view = api.get(
                "/chat/api/conversations/" + started.json().get("conversation").asString() + "?token="
                        + started.json().get("token").asString(),
                null,
                null,
                "ko");
        // The center's greeting comes first (its default here), then its own notice.
        assertThat(view.json().get("messages").get(0).get("body").asString()).startsWith("안녕하세요");
        assertThat(view.json().get("messages").get(1).get("body").asString())
                .isEqualTo("대전센터 안내: 상담사에게 폭언하시면 상담이 종료됩니다 (산업안전보건법 제41조).");
        assertThat(notices.warning(changed.id(), 1, Locale.ENGLISH)).isEqualTo("Daejeon: first notice.");
        assertThat(notices.warning(changed.id(), 1, Locale.KOREAN)).startsWith("[1차 안내]");

        var reset = api.delete(
                "/api/protection/centers/" + changed.id() + "/notices/CHAT_NOTICE/ko", protection, PASSWORD, "ko");
        assertThat(reset.json().get("custom").asBoolean()).isFalse();
        assertThat(notices.text(changed.id(), ProtectionNotices.Kind.CHAT_NOTICE, Locale.KOREAN))
                .startsWith("상담사도 누군가의 소중한 가족");
        api.delete("/api/protection/centers/" + changed.id() + "/notices/FIRST_WARNING/en", protection, PASSWORD, "ko");
    }

    @Test
    void emptyTooLongUnknownAndOtherCentersTextsAreRefused() {
        var api = ApiClient.on(port);
        assertProblem(
                api.put(
                        "/api/protection/centers/" + managed.id() + "/notices/FIRST_WARNING/ko",
                        "{\"text\": \"   \"}",
                        managed.username("manager"),
                        PASSWORD,
                        "ko"),
                400,
                "notice-text-empty");
        assertProblem(
                api.put(
                        "/api/protection/centers/" + managed.id() + "/notices/FIRST_WARNING/ko",
                        "{\"text\": \"" + "가".repeat(1001) + "\"}",
                        managed.username("manager"),
                        PASSWORD,
                        "ko"),
                400,
                "notice-text-too-long");
        assertProblem(
                api.put(
                        "/api/protection/centers/" + managed.id() + "/notices/GREETING/ko",
                        "{\"text\": \"안녕\"}",
                        managed.username("manager"),
                        PASSWORD,
                        "ko"),
                400,
                "notice-kind-unknown");
        assertProblem(
                api.put(
                        "/api/protection/centers/" + managed.id() + "/notices/FIRST_WARNING/ja",
                        "{\"text\": \"안녕\"}",
                        managed.username("manager"),
                        PASSWORD,
                        "ko"),
                400,
                "notice-language-unknown");
        assertProblem(
                api.put(
                        "/api/protection/centers/" + changed.id() + "/notices/FIRST_WARNING/ko",
                        "{\"text\": \"남의 센터\"}",
                        managed.username("manager"),
                        PASSWORD,
                        "ko"),
                403,
                "access-denied");
        assertProblem(
                api.put(
                        "/api/protection/centers/" + managed.id() + "/notices/FIRST_WARNING/ko",
                        "{\"text\": \"상담사가 바꿈\"}",
                        managed.username("agent"),
                        PASSWORD,
                        "ko"),
                403,
                "access-denied");
        assertThat(notices.warning(managed.id(), 1, Locale.KOREAN)).startsWith("[1차 안내]");
    }

    private static void assertProblem(RunningServer.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }
}
