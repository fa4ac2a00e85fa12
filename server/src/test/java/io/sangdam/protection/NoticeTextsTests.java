package io.sangdam.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Center 3 is 대전센터; gn.manager manages 강남센터 (2). */
@RunningServer
class NoticeTextsTests {

    @LocalServerPort
    int port;

    @Autowired
    ProtectionNotices notices;

    @Test
    void aCenterWithoutItsOwnTextUsesTheLegallyGroundedDefault() {
        assertThat(notices.text(5, ProtectionNotices.Kind.CHAT_NOTICE, Locale.KOREAN))
                .contains("산업안전보건법 제41조");
        assertThat(notices.warning(5, 1, Locale.KOREAN)).startsWith("[1차 안내]");
        assertThat(notices.warning(5, 2, Locale.KOREAN)).startsWith("[최종 안내]").contains("제41조");
        assertThat(notices.warning(5, 1, Locale.ENGLISH)).startsWith("[First notice]");
    }

    @Test
    void theCentersOwnNoticeOpensItsChatsAndItsWarningsAreSentUntilResetToTheDefault() {
        var api = ApiClient.on(port);
        var saved = api.put(
                "/api/protection/centers/3/notices/CHAT_NOTICE/ko",
                "{\"text\": \"  대전센터 안내: 상담사에게 폭언하시면 상담이 종료됩니다 (산업안전보건법 제41조).  \"}",
                "protection");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("custom").asBoolean()).isTrue();
        assertThat(saved.json().get("updatedBy").asString()).isEqualTo("protection");
        assertThat(api.put(
                                "/api/protection/centers/3/notices/FIRST_WARNING/en",
                                "{\"text\": \"Daejeon: first notice.\"}",
                                "protection")
                        .status())
                .isEqualTo(200);

        var started = api.post(
                "/chat/api/conversations",
                "{\"center\": 3, \"topic\": \"TECH\"}",
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
        assertThat(view.json().get("messages").get(0).get("body").asString())
                .isEqualTo("대전센터 안내: 상담사에게 폭언하시면 상담이 종료됩니다 (산업안전보건법 제41조).");
        assertThat(notices.warning(3, 1, Locale.ENGLISH)).isEqualTo("Daejeon: first notice.");
        assertThat(notices.warning(3, 1, Locale.KOREAN)).startsWith("[1차 안내]");

        var reset = api.delete("/api/protection/centers/3/notices/CHAT_NOTICE/ko", "protection");
        assertThat(reset.json().get("custom").asBoolean()).isFalse();
        assertThat(notices.text(3, ProtectionNotices.Kind.CHAT_NOTICE, Locale.KOREAN))
                .startsWith("상담사도 누군가의 소중한 가족");
        api.delete("/api/protection/centers/3/notices/FIRST_WARNING/en", "protection");
    }

    @Test
    void emptyTooLongUnknownAndOtherCentersTextsAreRefused() {
        var api = ApiClient.on(port);
        assertProblem(
                api.put("/api/protection/centers/2/notices/FIRST_WARNING/ko", "{\"text\": \"   \"}", "gn.manager"),
                400,
                "notice-text-empty");
        assertProblem(
                api.put(
                        "/api/protection/centers/2/notices/FIRST_WARNING/ko",
                        "{\"text\": \"" + "가".repeat(1001) + "\"}",
                        "gn.manager"),
                400,
                "notice-text-too-long");
        assertProblem(
                api.put("/api/protection/centers/2/notices/GREETING/ko", "{\"text\": \"안녕\"}", "gn.manager"),
                400,
                "notice-kind-unknown");
        assertProblem(
                api.put("/api/protection/centers/2/notices/FIRST_WARNING/ja", "{\"text\": \"안녕\"}", "gn.manager"),
                400,
                "notice-language-unknown");
        assertProblem(
                api.put("/api/protection/centers/3/notices/FIRST_WARNING/ko", "{\"text\": \"남의 센터\"}", "gn.manager"),
                403,
                "access-denied");
        assertProblem(
                api.put("/api/protection/centers/2/notices/FIRST_WARNING/ko", "{\"text\": \"상담사가 바꿈\"}", "gn.agent"),
                403,
                "access-denied");
        assertThat(notices.warning(2, 1, Locale.KOREAN)).startsWith("[1차 안내]");
    }

    private static void assertProblem(RunningServer.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }
}
