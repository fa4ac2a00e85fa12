package io.sangdam.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each role's refused write: 403 problem details on the API, the 403 page for a form, decided by
 * {@link WritePermissions} before any controller (finding 6 of issue 15).
 */
@RunningServer
class RoleWallTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "Role-wall-tester-1";

    @LocalServerPort
    int port;

    @ParameterizedTest
    @EnumSource(Role.class)
    void aRefusedApiWriteAnswers403ProblemDetails(Role role) {
        String username = user(role, "api");
        // Administrators may create users, so their refused write is the protection team's lexicon.
        var answer = role == Role.ADMINISTRATOR
                ? ApiClient.on(port).post("/api/protection/lexicon", "{}", "application/json", username, PASSWORD, "en")
                : ApiClient.on(port).post("/api/users", "{}", "application/json", username, PASSWORD, "en");
        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asString()).isEqualTo("access-denied");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void aRefusedFormAnswersThe403Page(Role role) throws Exception {
        var browser = new Browser(user(role, "page"));
        String form = role == Role.ADMINISTRATOR ? "/protection/lexicon" : "/admin/users";
        HttpResponse<String> answer = browser.post(form, "username=x&displayName=x&centerId=2&password=x&term=x");
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(answer.body()).contains("권한");
    }

    @Test
    void theExecutiveReadsWorkforcePlansButWritesNoHolidayAndImportsNoForecast() throws Exception {
        var executive = new Browser(user(Role.EXECUTIVE, "wfm"));
        assertThat(executive.get("/workforce/forecast?center=2").statusCode()).isEqualTo(200);
        assertThat(executive
                        .post(
                                "/workforce/holidays",
                                "center=2&day=2026-12-31&name=" + URLEncoder.encode("임원 휴일", StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(403);
        assertThat(executive.get("/workforce/forecast?center=2").body()).doesNotContain("임원 휴일");
        String boundary = "----sangdam";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"center\"\r\n\r\n2\r\n--" + boundary
                + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"h.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + "date,start,queue,offered,answered\r\n"
                + "--" + boundary + "--\r\n";
        assertThat(executive
                        .multipart("/workforce/forecast/import", boundary, body)
                        .statusCode())
                .isEqualTo(403);
        // The calculator computes and stores nothing: the executive may use it.
        var staffing = ApiClient.on(port)
                .post(
                        "/api/workforce/staffing",
                        "{}",
                        "application/json",
                        user(Role.EXECUTIVE, "calc"),
                        PASSWORD,
                        "en");
        assertThat(staffing.status()).isNotEqualTo(403);
    }

    private String user(Role role, String purpose) {
        String username = ("wall." + role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + purpose);
        long center = role.seesAllCenters() ? 1 : 2;
        var response = ApiClient.on(port)
                .post(
                        "/api/users",
                        """
                        {"username": "%s", "displayName": "역할 시험", "centerId": %d, "roles": ["%s"], "password": "%s"}\
                        """.formatted(username, center, role.name(), PASSWORD),
                        "application/json",
                        "admin",
                        RunningServer.DEMO_PASSWORD,
                        "ko");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return username;
    }

    /** Signed in on the form; posts carry the CSRF token of the home page, as a real form would. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final String csrf;

        Browser(String username) throws Exception {
            String token = token(get("/login").body());
            post("/login", "username=" + username + "&password=" + PASSWORD + "&_csrf=" + token, false);
            this.csrf = token(get("/").body());
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Accept", "text/html")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return post(path, form + "&_csrf=" + csrf, false);
        }

        private HttpResponse<String> post(String path, String form, boolean ignored) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Accept", "text/html")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> multipart(String path, String boundary, String body) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + "?_csrf=" + csrf))
                            .header("Accept", "text/html")
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static String token(String page) {
            var matcher = CSRF.matcher(page);
            assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
            return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
        }
    }
}
