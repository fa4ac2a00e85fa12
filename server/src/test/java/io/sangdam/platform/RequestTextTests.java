package io.sangdam.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Text is checked once, where requests are read (issue 15, finding 1): NUL and other control
 * characters, lone surrogates, null list elements and overlong strings answer 400 with a stable
 * code naming the field, in bodies, parameters and paths alike, never 500 and never Tomcat's page.
 */
@RunningServer
class RequestTextTests {

    private static final String ADMIN = "admin";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.on(port);
    }

    private Response postAsAdmin(String path, String json) {
        return api.post(path, json, "application/json", ADMIN, RunningServer.DEMO_PASSWORD, "en");
    }

    @Test
    void aNulInABodyStringIsInvalidTextNamingTheField() {
        Response response = postAsAdmin(
                "/api/routing/skills",
                "{\"code\": \"nul-skill\\u0000\", \"nameKorean\": \"널\", \"nameEnglish\": \"Nul\"}");
        assertProblem(response, 400, "invalid-text");
        assertThat(response.json().get("detail").asString()).contains("'code'");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("code");
    }

    @Test
    void otherControlCharactersAreRefusedButTabsAndLineBreaksAreText() {
        assertProblem(postAsAdmin("/api/protection/classify", "{\"text\": \"bell \\u0007\"}"), 400, "invalid-text");
        assertProblem(postAsAdmin("/api/protection/classify", "{\"text\": \"c1 \\u0085\"}"), 400, "invalid-text");
        Response multiLine = postAsAdmin("/api/protection/classify", "{\"text\": \"one\\r\\ntwo\\tthree\"}");
        assertThat(multiLine.status()).as(multiLine.body()).isEqualTo(200);
    }

    @Test
    void aLoneSurrogateIsRefusedInsteadOfStoredAsAQuestionMark() {
        Response response = postAsAdmin(
                "/api/routing/skills",
                "{\"code\": \"lone\\ud800\", \"nameKorean\": \"외톨이\", \"nameEnglish\": \"Lone\"}");
        assertProblem(response, 400, "invalid-text");
        Response reversed = postAsAdmin("/api/protection/classify", "{\"text\": \"\\udc00\\ud800\"}");
        assertProblem(reversed, 400, "invalid-text");
        Response paired = postAsAdmin("/api/protection/classify", "{\"text\": \"emoji \\ud83d\\ude00\"}");
        assertThat(paired.status()).as(paired.body()).isEqualTo(200);
    }

    @Test
    void anEnumNameWithANulIsRefusedNotTrimmedIntoAValidName() {
        Response response = postAsAdmin(
                "/api/users",
                "{\"username\": \"nul-role\", \"displayName\": \"Nul\","
                        + " \"centerId\": 987654321, \"roles\": [\"AGENT\\u0000\"], \"password\": \"long-enough-1!\"}");
        assertProblem(response, 400, "invalid-text");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("roles[0]");
    }

    @Test
    void aNullElementInAListIsRefusedWithItsIndex() {
        Response response = postAsAdmin(
                "/api/users",
                "{\"username\": \"null-roles\", \"displayName\": \"Null\","
                        + " \"centerId\": 1, \"roles\": [null], \"password\": \"long-enough-1!\"}");
        assertProblem(response, 400, "null-in-list");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("roles[0]");
    }

    @Test
    void aNullValueInAMapIsRefusedToo() {
        Response response = api.put("/api/routing/agents/1", "{\"skills\": {\"billing\": null}}", ADMIN);
        assertProblem(response, 400, "null-in-list");
    }

    @Test
    void aHundredKilobyteStringIsTooLongNotAServerError() {
        String huge = "가".repeat(100 * 1024);
        Response response = postAsAdmin(
                "/api/routing/skills",
                "{\"code\": \"long\", \"nameKorean\": \"" + huge + "\", \"nameEnglish\": \"Long\"}");
        assertProblem(response, 400, "text-too-long");
        assertThat(response.json().get("detail").asString())
                .contains("nameKorean")
                .contains("10,000");
    }

    @Test
    void aFieldThatDocumentsALongerLimitMayUseIt() {
        Response response = postAsAdmin("/api/protection/classify", "{\"text\": \"" + "a".repeat(50_000) + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Response beyond = postAsAdmin("/api/protection/classify", "{\"text\": \"" + "a".repeat(100_001) + "\"}");
        assertProblem(beyond, 400, "text-too-long");
    }

    @Test
    void notANumberIsRefusedWhereANumberBelongs() {
        Response response = postAsAdmin(
                "/api/workforce/staffing",
                "{\"contacts\": \"NaN\", \"intervalMinutes\": 30,"
                        + " \"ahtSeconds\": 180, \"targetServiceLevel\": 0.8, \"targetSeconds\": 20}");
        assertProblem(response, 400, "non-finite-number");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("contacts");
    }

    @Test
    void aNulInAQueryParameterIsInvalidTextNotAServerError() {
        Response response = api.get("/api/customers?q=%00", ADMIN, RunningServer.DEMO_PASSWORD, "en");
        assertProblem(response, 400, "invalid-text");
        assertThat(response.json().get("detail").asString()).contains("'q'");
    }

    @Test
    void anOverlongFormParameterIsTooLong() {
        // A form body: a URL this long is refused by Tomcat before (see the 8 KB URL below).
        Response response = api.post(
                "/chat/api/left-messages",
                "q=" + "a".repeat(RequestTextLimit.LENGTH + 1),
                "application/x-www-form-urlencoded",
                null,
                null,
                "en");
        assertProblem(response, 400, "text-too-long");
    }

    @Test
    void aNulInAPathIsProblemDetails() {
        Response response = api.get("/api/customers/%00", ADMIN, RunningServer.DEMO_PASSWORD, "en");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertProblemShape(response);
    }

    @Test
    void anEightKilobyteUrlIsProblemDetailsNotTomcatsPage() {
        Response response =
                api.get("/api/customers?q=" + "a".repeat(8 * 1024), ADMIN, RunningServer.DEMO_PASSWORD, "en");
        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertProblemShape(response);
        assertThat(response.body()).doesNotContain("<html").doesNotContain("Tomcat");
    }

    @Test
    void aPathTheFirewallRefusesIsProblemDetails() {
        Response response = api.get("/api/customers;jsessionid=x/1", ADMIN, RunningServer.DEMO_PASSWORD, "en");
        assertProblem(response, 400, "rejected-request");
    }

    @Test
    void aPageWithANulParameterShowsTheErrorPageWithA400() {
        HttpResponse<String> response = ApiClient.exchange(
                api.http(),
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login?error=%00"))
                        .header("Accept", "text/html")
                        .GET()
                        .build());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void theCustomersChatApiChecksItsParametersToo() {
        Response response = api.get("/chat/api/conversations/x/status?token=%00", null, null, "en");
        assertProblem(response, 400, "invalid-text");
    }

    @Test
    void aMethodNotAllowedNamesTheMethod() {
        Response response = api.post("/api/me", "{}", "application/json", ADMIN, RunningServer.DEMO_PASSWORD, "en");
        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.json().get("detail").asString()).contains("POST").doesNotContain("The -");
    }

    /** The global limit, restated so the test fails if it silently grows. */
    private static final class RequestTextLimit {
        static final int LENGTH = 10_000;
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertProblemShape(response);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }

    private static void assertProblemShape(Response response) {
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isNotBlank();
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception");
    }
}
