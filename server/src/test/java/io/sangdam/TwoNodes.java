package io.sangdam;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.sangdam.platform.ClusterSignals;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second server node for tests that need two: a whole application context in this JVM, on its
 * own port, on the PostgreSQL of the shared test context (node A), as a second machine would run.
 * Started once and shared; the test class that starts it stops it.
 */
final class TwoNodes {

    private static @Nullable ConfigurableApplicationContext second;

    private TwoNodes() {}

    /** Node B on node A's database; waits until both know each other. */
    static synchronized ConfigurableApplicationContext secondNodeBeside(ConfigurableApplicationContext first) {
        if (second == null) {
            second = nodeBeside(first, "node-b");
        }
        ClusterSignals a = first.getBean(ClusterSignals.class);
        ClusterSignals b = second.getBean(ClusterSignals.class);
        waitFor("both nodes to know the other is alive", () -> b.listening() && !a.alone() && !b.alone());
        return second;
    }

    /** Another node on node A's database, with settings of its own, for a test that starts and stops it itself. */
    static ConfigurableApplicationContext nodeBeside(
            ConfigurableApplicationContext first, String name, String... settings) {
        var database = (HikariDataSource) first.getBean(DataSource.class);
        return new SpringApplicationBuilder(SangdamApplication.class)
                .properties(
                        "spring.datasource.url=" + database.getJdbcUrl(),
                        "spring.datasource.username=" + database.getUsername(),
                        "server.port=0",
                        "spring.datasource.hikari.pool-name=" + name,
                        "spring.jmx.enabled=false")
                .properties(settings)
                .run();
    }

    static synchronized void stopSecondNode() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    static void waitFor(String what, BooleanSupplier condition) {
        Instant until = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(until);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A browser without a browser: a session cookie, the CSRF token of its pages, and event streams. */
    static final class Session {

        private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

        private final int port;
        private final CookieManager cookies;
        private final HttpClient http;
        private String csrf = "";

        Session(int port) {
            this(port, new CookieManager());
        }

        private Session(int port, CookieManager cookies) {
            this.port = port;
            this.cookies = cookies;
            this.http = HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }

        /** The same browser (cookies and CSRF token) talking to another node, as behind a load balancer. */
        Session on(int otherPort) {
            var moved = new Session(otherPort, cookies);
            moved.csrf = csrf;
            return moved;
        }

        @Nullable
        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals(name))
                    .map(java.net.HttpCookie::getValue)
                    .findFirst()
                    .orElse(null);
        }

        String csrf() {
            return csrf;
        }

        /** A form POST with the page's CSRF token, as a page's form sends it. */
        HttpResponse<String> submit(String path) {
            return send(request(path)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(csrf)))
                    .build());
        }

        static Session signedIn(int port, String username) {
            return signedIn(port, username, RunningServer.DEMO_PASSWORD);
        }

        static Session signedIn(int port, String username, String password) {
            var session = new Session(port);
            var login = CSRF_FIELD.matcher(session.get("/login").body());
            assertThat(login.find()).isTrue();
            var signedIn = session.send(session.request("/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                            + encode(password) + "&_csrf=" + encode(login.group(1))))
                    .build());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            var page = CSRF_META.matcher(session.get("/").body());
            assertThat(page.find()).as("the home page carries a CSRF token").isTrue();
            session.csrf = page.group(1);
            return session;
        }

        HttpResponse<String> get(String path) {
            return send(request(path).GET().build());
        }

        HttpResponse<String> post(String path, String json) {
            return send(request(path)
                    .header("Content-Type", "application/json")
                    .header("X-CSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build());
        }

        /**
         * Server-sent events of a stream, as they arrive. The server sends no headers before its
         * first event, so the stream may open a moment after this returns.
         */
        Events stream(String path) {
            var events = new Events();
            http.sendAsync(
                            request(path)
                                    .header("Accept", "text/event-stream")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> Thread.ofVirtual().start(() -> {
                        events.lines = response.body();
                        events.opened = true;
                        String name = "message";
                        try {
                            for (var iterator = response.body().iterator(); iterator.hasNext(); ) {
                                String line = iterator.next();
                                if (line.startsWith("event:")) {
                                    name = line.substring(6).strip();
                                } else if (line.startsWith("data:")) {
                                    events.arrived.add(new Event(name, line.substring(5)));
                                    name = "message";
                                }
                            }
                        } catch (RuntimeException closed) {
                            // The test closed the stream.
                        }
                        events.ended = true;
                    }));
            return events;
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept-Language", "ko");
        }

        private HttpResponse<String> send(HttpRequest request) {
            return RunningServer.ApiClient.exchange(http, request);
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }

    record Event(String name, String data) {}

    /** Close it: an open stream would hold up the server's graceful shutdown. */
    static final class Events implements AutoCloseable {

        private final BlockingQueue<Event> arrived = new LinkedBlockingQueue<>();
        private volatile java.util.stream.@Nullable Stream<String> lines;
        private volatile boolean ended;
        private volatile boolean opened;

        /** True once the server answered with the stream's headers (a stream that greets at once is registered then). */
        boolean opened() {
            return opened;
        }

        /** True once the server ended the stream (or the test closed it). */
        boolean ended() {
            return ended;
        }

        @Override
        public void close() {
            var open = lines;
            if (open != null) {
                open.close();
            }
        }

        /** The next event of this name whose data contains the text; fails after a while. */
        Event next(String name, String containing) {
            Instant until = Instant.now().plus(Duration.ofSeconds(15));
            while (Instant.now().isBefore(until)) {
                try {
                    Event event = arrived.poll(100, TimeUnit.MILLISECONDS);
                    if (event != null
                            && event.name().equals(name)
                            && event.data().contains(containing)) {
                        return event;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new AssertionError("No " + name + " event with " + containing + " arrived");
        }
    }
}
