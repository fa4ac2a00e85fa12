package io.sangdam.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every /api failure is RFC 9457 problem details with a stable code, in the request's language. */
@RunningServer
class ProblemDetailsTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.on(port);
    }

    @Test
    void missingCredentialsAnswerUnauthenticatedInKoreanByDefault() {
        Response response = api.get("/api/me", null, null, "");
        assertProblem(response, 401, "unauthenticated");
        assertThat(response.json().get("detail").asString()).contains("로그인이 필요합니다");
    }

    @Test
    void wrongPasswordAnswersUnauthenticatedInEnglishWhenAsked() {
        Response response = api.get("/api/me", "gn.agent", "wrong-password-1", "en-US,en;q=0.9");
        assertProblem(response, 401, "unauthenticated");
        assertThat(response.json().get("detail").asString()).startsWith("Please sign in");
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        Response response = api.post(
                "/api/users", "{\"username\": ", "application/json", "admin", RunningServer.DEMO_PASSWORD, "ko");
        assertProblem(response, 400, "malformed-request");
    }

    @Test
    void invalidFieldsAreListedOneByOne() {
        Response response = api.post(
                "/api/users",
                "{\"username\": \"\", \"roles\": []}",
                "application/json",
                "admin",
                RunningServer.DEMO_PASSWORD,
                "en");
        assertProblem(response, 400, "validation-failed");
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .contains("username", "displayName", "centerId", "roles", "password");
    }

    @Test
    void unknownApiPathIsNotFoundAsProblemDetails() {
        Response response = api.get("/api/no-such-thing", "admin", RunningServer.DEMO_PASSWORD, "en");
        assertProblem(response, 404, "not-found");
    }

    @Test
    void wrongMethodAndMediaTypeHaveTheirOwnCodes() {
        assertProblem(
                api.post("/api/me", "{}", "application/json", "admin", RunningServer.DEMO_PASSWORD, "en"),
                405,
                "method-not-allowed");
        assertProblem(
                api.post(
                        "/api/users",
                        "username=x",
                        "application/x-www-form-urlencoded",
                        "admin",
                        RunningServer.DEMO_PASSWORD,
                        "en"),
                415,
                "unsupported-media-type");
    }

    @Test
    void aRoleWithoutPermissionIsForbidden() {
        Response response = api.get("/api/users", "gn.agent", RunningServer.DEMO_PASSWORD, "ko");
        assertProblem(response, 403, "access-denied");
    }

    @Test
    void aBadParameterTypeIsABadRequest() {
        Response response = api.get("/api/users?center=abc", "admin", RunningServer.DEMO_PASSWORD, "en");
        assertProblem(response, 400, "invalid-parameter");
        assertThat(response.json().get("detail").asString()).contains("center");
    }

    @Test
    void unknownPageShowsAReadablePageWithoutStackTrace() {
        Response response = api.get("/no-such-page", "admin", RunningServer.DEMO_PASSWORD, "ko");
        // Pages use form sign-in; Basic credentials are not a session, so the page asks to sign in.
        assertThat(response.status()).isIn(302, 401, 404);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception");
    }
}
