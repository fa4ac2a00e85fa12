package io.sangdam.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.engine.protection.Lexicon;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@RunningServer
class LexiconEditingTests {

    private static final String TEAM = "protection";

    @LocalServerPort
    int port;

    @Autowired
    AbuseScreening screening;

    @Test
    void theFirstStartSeedsExactlyTheShippedLexiconSoTheLabelledSetFiguresHold() {
        // LabelledMessagesTest (engine) measures Lexicon.defaults(); the server screens with the seeded copy.
        assertThat(screening.lexicon()).isEqualTo(Lexicon.defaults());
    }

    @Test
    void aTermAndAnAllowedPhraseAddedByTheTeamApplyToTheNextMessageAndStopWhenDeactivated() {
        var api = ApiClient.on(port);
        assertThat(abusive(api, "이 뽀롱뿌잉아")).isFalse();

        var term = add(api, "{\"category\": \"INSULT\", \"severity\": \"MEDIUM\", \"pattern\": \"뽀롱(뿌잉|삐잉)\"}");
        assertThat(term.status()).as(term.body()).isEqualTo(201);
        assertThat(term.json().get("createdBy").asString()).isEqualTo(TEAM);
        assertThat(abusive(api, "이 뽀롱뿌잉아")).isTrue();
        assertThat(abusive(api, "뽀롱삐잉 인형 주문했어요")).isTrue();

        var allowed = add(api, "{\"category\": \"ALLOW\", \"pattern\": \"뽀롱삐잉 인형\"}");
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(201);
        assertThat(allowed.json().get("severity").isNull()).isTrue();
        assertThat(abusive(api, "뽀롱삐잉 인형 주문했어요")).isFalse();
        assertThat(abusive(api, "이 뽀롱뿌잉아")).isTrue();

        var found = api.get("/api/protection/lexicon?text=%EB%BD%80%EB%A1%B1", TEAM, RunningServer.DEMO_PASSWORD, "ko");
        assertThat(found.json().get("total").asInt()).isEqualTo(2);

        deactivate(api, term.json().get("id").asLong());
        deactivate(api, allowed.json().get("id").asLong());
        assertThat(abusive(api, "이 뽀롱뿌잉아")).isFalse();
        var inactive = api.get(
                "/api/protection/lexicon?text=%EB%BD%80%EB%A1%B1&includeInactive=true",
                TEAM, RunningServer.DEMO_PASSWORD, "ko");
        assertThat(inactive.json().get("rows").findValuesAsString("deactivatedBy"))
                .containsExactly(TEAM, TEAM);
        assertThat(screening.lexicon()).isEqualTo(Lexicon.defaults());
    }

    @Test
    void emptyTooLongDuplicateAndUnusableEntriesAreRefusedWithAClearCode() {
        var api = ApiClient.on(port);
        assertRefused(
                api,
                "{\"category\": \"PROFANITY\", \"severity\": \"HIGH\", \"pattern\": \"  \"}",
                400,
                "lexicon-pattern-empty");
        assertRefused(api, "{\"category\": \"PROFANITY\", \"severity\": \"HIGH\"}", 400, "lexicon-pattern-empty");
        assertRefused(
                api,
                "{\"category\": \"PROFANITY\", \"severity\": \"HIGH\", \"pattern\": \"" + "가".repeat(501) + "\"}",
                400,
                "lexicon-pattern-too-long");
        assertRefused(
                api,
                "{\"category\": \"PROFANITY\", \"severity\": \"HIGH\", \"pattern\": \"(씨|시)(발|빨)\"}",
                409,
                "lexicon-duplicate");
        assertRefused(api, "{\"category\": \"ALLOW\", \"pattern\": \"시발점\"}", 409, "lexicon-duplicate");
        assertRefused(
                api,
                "{\"category\": \"PROFANITY\", \"severity\": \"HIGH\", \"pattern\": \"(가|나\"}",
                400,
                "lexicon-pattern-invalid");
        assertRefused(
                api,
                "{\"category\": \"PROFANITY\", \"severity\": \"HIGH\", \"pattern\": \"!!!\"}",
                400,
                "lexicon-pattern-invalid");
        assertRefused(
                api,
                "{\"category\": \"RUDENESS\", \"severity\": \"HIGH\", \"pattern\": \"뽀롱\"}",
                400,
                "lexicon-category-unknown");
        assertRefused(api, "{\"category\": \"THREAT\", \"pattern\": \"뽀롱\"}", 400, "lexicon-severity-unknown");

        var agent = api.post(
                "/api/protection/lexicon",
                "{\"category\": \"THREAT\", \"severity\": \"LOW\", \"pattern\": \"뽀롱\"}",
                "application/json",
                "gn.agent",
                RunningServer.DEMO_PASSWORD,
                "ko");
        assertThat(agent.status()).isEqualTo(403);
        assertThat(screening.lexicon()).isEqualTo(Lexicon.defaults());
    }

    private static void assertRefused(ApiClient api, String body, int status, String code) {
        Response response = add(api, body);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    private static Response add(ApiClient api, String body) {
        return api.post("/api/protection/lexicon", body, "application/json", TEAM, RunningServer.DEMO_PASSWORD, "ko");
    }

    private static void deactivate(ApiClient api, long id) {
        var response = api.post(
                "/api/protection/lexicon/" + id + "/deactivate",
                "",
                "application/json",
                TEAM,
                RunningServer.DEMO_PASSWORD,
                "ko");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("active").asBoolean()).isFalse();
    }

    private static boolean abusive(ApiClient api, String text) {
        var response = api.post(
                "/api/protection/classify",
                "{\"text\": \"" + text + "\"}",
                "application/json",
                "gn.agent",
                RunningServer.DEMO_PASSWORD,
                "ko");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("abusive").asBoolean();
    }
}
