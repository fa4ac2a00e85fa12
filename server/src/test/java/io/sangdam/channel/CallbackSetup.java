package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Callback queues for tests, in a center of the test's own ({@link #center}): a queue is made closed
 * (closed yesterday, today and tomorrow, Seoul time) and opened by its manager over the routing
 * admin API, and needs the skill {@link #SKILL}, which only the center's agent holds.
 */
public final class CallbackSetup {

    public static final String SKILL = "CALLBACK_TEST";
    static final String PASSWORD = TestCenter.PASSWORD;

    private CallbackSetup() {}

    /**
     * A center whose agent ("agent") holds {@link #SKILL}, with an agent without it ("other"), a
     * supervisor ("supervisor") and a manager ("manager"); its queue BILLING starts its routing.
     */
    public static TestCenter center(ApplicationContext context, String label) {
        return TestCenter.in(context, label)
                .chatQueue("BILLING", "BILLING", 3)
                .agent("agent", Map.of(SKILL, 5))
                .person("other", Role.AGENT)
                .person("supervisor", Role.SUPERVISOR)
                .person("manager", Role.CENTER_MANAGER)
                .create();
    }

    /** Creates the queue closed, or closes it again; returns its id. */
    public static long closedQueue(int port, TestCenter center, String code) {
        var api = ApiClient.on(port);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        String form =
                form(code, true, "\"%s\", \"%s\", \"%s\"".formatted(today.minusDays(1), today, today.plusDays(1)));
        Long existing = queueId(port, center, code);
        String manager = center.username("manager");
        Response saved = existing == null
                ? api.post(
                        "/api/routing/centers/" + center.id() + "/queues",
                        form,
                        "application/json",
                        manager,
                        PASSWORD,
                        "ko")
                : api.put("/api/routing/queues/" + existing, form, manager, PASSWORD, "ko");
        assertThat(saved.status()).as(saved.body()).isIn(200, 201);
        return saved.json().get("id").asLong();
    }

    /** Opens the queue around the clock, as a manager would when the center opens. */
    public static void open(int port, TestCenter center, long id, String code) {
        Response saved = ApiClient.on(port)
                .put("/api/routing/queues/" + id, form(code, false, ""), center.username("manager"), PASSWORD, "ko");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    /** A customer leaves a message for the queue, from their own address (leaving is limited per address). */
    public static long leaveMessage(
            int port, TestCenter center, String address, String code, String name, String phone, String text) {
        try {
            var api = new ApiClient(
                    port,
                    HttpClient.newBuilder()
                            .localAddress(InetAddress.getByName(address))
                            .build(),
                    JsonMapper.builder().build());
            Response left = api.post(
                    "/chat/api/left-messages",
                    """
                    {"center": %d, "topic": "%s", "name": "%s", "phone": "%s", "message": "%s", "consent": true}\
                    """.formatted(center.id(), code, name, phone, text),
                    "application/json",
                    null,
                    null,
                    "ko");
            assertThat(left.status()).as(left.body()).isEqualTo(201);
            return left.json().get("reference").asLong();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs the sweep now rather than waiting for its schedule. */
    public static int sweep(ApplicationContext context) {
        return context.getBean(CallbackContacts.class).sweep();
    }

    private static Long queueId(int port, TestCenter center, String code) {
        Response queues = ApiClient.on(port)
                .get("/api/routing/centers/" + center.id() + "/queues", center.username("manager"), PASSWORD, "ko");
        return queues.json().findParents("code").stream()
                .filter(q -> q.get("code").asString().equals(code))
                .map(q -> q.get("id").asLong())
                .findFirst()
                .orElse(null);
    }

    private static String form(String code, boolean limited, String closedDays) {
        StringBuilder hours = new StringBuilder();
        for (int day = 1; day <= 7; day++) {
            hours.append(day == 1 ? "" : ", ")
                    .append("{\"dayOfWeek\": ")
                    .append(day)
                    .append(", \"opens\": \"09:00\", \"closes\": \"18:00\"}");
        }
        return """
            {"code": "%s", "name": "저녁 콜백 %s", "channel": "CHAT", "skills": [{"skill": "%s", "minimumLevel": 1}],
             "limitedHours": %s, "hours": [%s], "closedDays": [%s]}\
            """.formatted(code, code, SKILL, limited, hours, closedDays);
    }

    /** A signed-in browser session without a browser: form sign-in, then the page's CSRF token on every POST. */
    static final class Session {

        private final int port;
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final String csrfHeader;
        private final String csrf;

        Session(int port, String username) {
            this(port, username, PASSWORD);
        }

        Session(int port, String username, String password) {
            this.port = port;
            String login =
                    send(HttpRequest.newBuilder(uri("/login")).GET().build()).body();
            String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
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

        Response post(String path, String json, String language) {
            var response = send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json")
                    .header("Accept-Language", language)
                    .header(csrfHeader, csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    JsonMapper.builder().build());
        }

        /** A page form's POST; answers with the redirect's target. */
        String postForm(String path, String form) {
            var response = send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header(csrfHeader, csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                    .build());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
            return response.headers().firstValue("Location").orElseThrow();
        }

        Response get(String path, String language) {
            var response = send(HttpRequest.newBuilder(uri(path))
                    .header("Accept-Language", language)
                    .GET()
                    .build());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    JsonMapper.builder().build());
        }

        /** Opens an event stream, reads its first line (the server has answered by then) and closes it. */
        String firstLineOf(String path) {
            try {
                var response =
                        http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofLines());
                try (var lines = response.body()) {
                    return lines.findFirst().orElse("");
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
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
}
