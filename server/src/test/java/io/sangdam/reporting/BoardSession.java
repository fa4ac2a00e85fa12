package io.sangdam.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.testing.TestCenter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signed-in browser session without a browser, as the board's scripts call the server: form
 * sign-in, then the page's CSRF token on every write. Redirects are not followed, so a test sees them.
 */
final class BoardSession {

    record Answer(int status, String body, String location) {

        JsonNode json() {
            return JsonMapper.builder().build().readTree(body);
        }
    }

    private final int port;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String csrfHeader;
    private final String csrf;

    BoardSession(int port, String username) {
        this.port = port;
        String login = send(HttpRequest.newBuilder(uri("/login")).GET().build()).body();
        String form = "username=" + encode(username) + "&password=" + encode(TestCenter.PASSWORD) + "&_csrf="
                + encode(find(login, "name=\"_csrf\" value=\"([^\"]+)\""));
        var signedIn = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String page = send(HttpRequest.newBuilder(uri("/")).GET().build()).body();
        this.csrf = find(page, "name=\"_csrf\" content=\"([^\"]+)\"");
        this.csrfHeader = find(page, "name=\"_csrf_header\" content=\"([^\"]+)\"");
    }

    Answer get(String path, String language) {
        return answer(send(HttpRequest.newBuilder(uri(path))
                .header("Accept-Language", language)
                .header("Accept", "application/json")
                .GET()
                .build()));
    }

    Answer post(String path, String json, String language) {
        return write("POST", path, json, language);
    }

    Answer put(String path, String json, String language) {
        return write("PUT", path, json, language);
    }

    /** A page form's POST, as the browser sends it. */
    Answer postForm(String path, String form, String language) {
        return answer(send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", language)
                .header(csrfHeader, csrf)
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build()));
    }

    private Answer write(String method, String path, String json, String language) {
        return answer(send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Language", language)
                .header(csrfHeader, csrf)
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build()));
    }

    private static Answer answer(HttpResponse<String> response) {
        return new Answer(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Location").orElse(""));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return RunningServer.ApiClient.exchange(http, request);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String find(String html, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(html);
        assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
        return matcher.group(1);
    }
}
