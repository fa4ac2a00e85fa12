package io.sangdam.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@RunningServer
class ProtectionApiTests {

    @LocalServerPort
    int port;

    @Test
    void classifiesAbuseWithCategoryAndPositionAndLeavesInnocentLookAlikesAlone() {
        var api = ApiClient.on(port);
        var abusive = api.post(
                "/api/protection/classify",
                "{\"text\": \"이 ㅅㅂ 상담사야 죽여버린다\"}",
                "application/json",
                "gn.agent",
                RunningServer.DEMO_PASSWORD,
                "ko");
        assertThat(abusive.status()).as(abusive.body()).isEqualTo(200);
        assertThat(abusive.json().get("abusive").asBoolean()).isTrue();
        assertThat(abusive.json().get("categories").findValuesAsString("category"))
                .contains("PROFANITY", "THREAT");
        var first = abusive.json().get("categories").get(0);
        assertThat("이 ㅅㅂ 상담사야 죽여버린다"
                        .substring(first.get("start").asInt(), first.get("end").asInt()))
                .isEqualTo("ㅅㅂ");

        var innocent = api.post(
                "/api/protection/classify",
                "{\"text\": \"시발역에서 출발하는 시발점이 어디죠?\"}",
                "application/json",
                "gn.agent",
                RunningServer.DEMO_PASSWORD,
                "ko");
        assertThat(innocent.json().get("abusive").asBoolean()).isFalse();
    }

    @Test
    void oddInputIsClassifiedWithoutError() {
        var api = ApiClient.on(port);
        for (String text : new String[] {"", "🙂🙂🙂", "가".repeat(100_000)}) {
            var response = api.post(
                    "/api/protection/classify",
                    "{\"text\": \"" + text + "\"}",
                    "application/json",
                    "gn.agent",
                    RunningServer.DEMO_PASSWORD,
                    "ko");
            assertThat(response.status()).as(text.length() + " chars").isEqualTo(200);
        }
        // A lone surrogate is no character: refused where requests are read (issue 15), not classified.
        var broken = api.post(
                "/api/protection/classify",
                "{\"text\": \"\\ud800 broken\"}",
                "application/json",
                "gn.agent",
                RunningServer.DEMO_PASSWORD,
                "ko");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("code").asString()).isEqualTo("invalid-text");
    }
}
