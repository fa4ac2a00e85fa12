package io.sangdam.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Finding 4 of issue 15: a form on another site deactivated a user through the API. */
@RunningServer
class CrossSiteWriteTests {

    private static final String ADMIN = "Basic "
            + Base64.getEncoder()
                    .encodeToString(("admin:" + RunningServer.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aFormPostedFromAnotherSiteChangesNothing() {
        long id = createUser("csrf.victim");
        var answer = send(HttpRequest.newBuilder(uri("/api/users/" + id + "/deactivate"))
                .header("Authorization", ADMIN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("confirm=1")));
        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.body()).contains("\"code\":\"unsupported-media-type\"");
        var textPlain = send(HttpRequest.newBuilder(uri("/api/users/" + id + "/deactivate"))
                .header("Authorization", ADMIN)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(textPlain.statusCode()).isEqualTo(415);
        assertThat(stillActive("csrf.victim")).isTrue();
    }

    @Test
    void aBrowserCallFromAnotherOriginIsRefusedEvenAsJson() {
        long id = createUser("cors.victim");
        for (var header : new String[][] {
            {"Origin", "https://evil.example"},
            {"Origin", "null"},
            {"Sec-Fetch-Site", "cross-site"},
            {"Sec-Fetch-Site", "same-site"}
        }) {
            var answer = send(HttpRequest.newBuilder(uri("/api/users/" + id + "/deactivate"))
                    .header("Authorization", ADMIN)
                    .header("Content-Type", "application/json")
                    .header(header[0], header[1])
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(answer.statusCode()).as(header[0] + ": " + header[1]).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
            assertThat(answer.body()).contains("\"code\":\"cross-origin-refused\"");
        }
        assertThat(stillActive("cors.victim")).isTrue();
    }

    @Test
    void scriptsAndTheServersOwnPagesStillWrite() {
        long first = createUser("same.origin");
        var sameOrigin = send(HttpRequest.newBuilder(uri("/api/users/" + first + "/deactivate"))
                .header("Authorization", ADMIN)
                .header("Origin", "http://localhost:" + port)
                .header("Sec-Fetch-Site", "same-origin")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(sameOrigin.statusCode()).isEqualTo(200);
        long second = createUser("curl.style");
        // curl -X POST without a body or a Content-Type, as docs/api.md shows it
        var noBody = send(HttpRequest.newBuilder(uri("/api/users/" + second + "/deactivate"))
                .header("Authorization", ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(noBody.statusCode()).isEqualTo(200);
    }

    @Test
    void theApiNeverInvitesTheBrowsersPasswordDialog() {
        var anonymous = send(HttpRequest.newBuilder(uri("/api/me")).GET());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate"))
                .isNotEmpty()
                .allSatisfy(
                        challenge -> assertThat(challenge).startsWith("Bearer").doesNotContainIgnoringCase("basic"));
        var wrong = ApiClient.on(port).get("/api/me", "gn.agent003", "wrong-password-1", "ko");
        assertThat(wrong.status()).isEqualTo(401);
    }

    private boolean stillActive(String username) {
        var users = ApiClient.on(port).get("/api/users?text=" + username, "admin", RunningServer.DEMO_PASSWORD, "ko");
        assertThat(users.status()).isEqualTo(200);
        var found = users.json().get("users");
        assertThat(found.size()).isEqualTo(1);
        return found.get(0).get("enabled").asBoolean();
    }

    private long createUser(String username) {
        var response = ApiClient.on(port)
                .post(
                        "/api/users",
                        """
                        {"username": "%s", "displayName": "테스트", "centerId": 2, "roles": ["AGENT"],
                         "password": "Lockout-tester-1"}\
                        """.formatted(username),
                        "application/json",
                        "admin",
                        RunningServer.DEMO_PASSWORD,
                        "ko");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return ApiClient.exchange(http, request.build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
