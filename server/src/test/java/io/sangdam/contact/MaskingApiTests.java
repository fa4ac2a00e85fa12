package io.sangdam.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@RunningServer
class MaskingApiTests {

    @LocalServerPort
    int port;

    @Test
    void masksTextAndSaysWhereEachPieceWas() {
        var response = ApiClient.on(port)
                .post(
                        "/api/contacts/mask",
                        "{\"text\": \"연락처 010-1234-5678, 카드 4111-1111-1111-1111\"}",
                        "application/json",
                        "gn.agent",
                        RunningServer.DEMO_PASSWORD,
                        "ko");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("masked").asString()).isEqualTo("연락처 010-****-5678, 카드 4111-11**-****-1111");
        var spans = response.json().get("spans");
        assertThat(spans.size()).isEqualTo(2);
        assertThat(spans.get(0).get("start").asInt()).isEqualTo(4);
        assertThat(spans.get(0).get("end").asInt()).isEqualTo(17);
        assertThat(spans.get(0).get("kind").asString()).isEqualTo("PHONE");
        assertThat(spans.get(1).get("kind").asString()).isEqualTo("CARD");
    }

    @Test
    void keepsTheWritersSeparatorsSoASpanIndexesTheMaskedTextToo() {
        String text = "연락처 010 1234 5678, 사업자 220-81-62517";
        var response = ApiClient.on(port)
                .post(
                        "/api/contacts/mask",
                        "{\"text\": \"" + text + "\"}",
                        "application/json",
                        "gn.agent",
                        RunningServer.DEMO_PASSWORD,
                        "ko");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String masked = response.json().get("masked").asString();
        assertThat(masked).isEqualTo("연락처 010 **** 5678, 사업자 220-81-62517");
        var spans = response.json().get("spans");
        assertThat(spans.size()).isEqualTo(1);
        assertThat(masked.substring(
                        spans.get(0).get("start").asInt(),
                        spans.get(0).get("end").asInt()))
                .isEqualTo("010 **** 5678");
    }

    @Test
    void refusesMissingOrOversizedText() {
        var api = ApiClient.on(port);
        var missing =
                api.post("/api/contacts/mask", "{}", "application/json", "gn.agent", RunningServer.DEMO_PASSWORD, "en");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("code").asString()).isEqualTo("validation-failed");
        var oversized = api.post(
                "/api/contacts/mask",
                "{\"text\": \"" + "가".repeat(100_001) + "\"}",
                "application/json",
                "gn.agent",
                RunningServer.DEMO_PASSWORD,
                "en");
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.json().get("errors").get(0).get("field").asString())
                .isEqualTo("text");
    }
}
