package io.sangdam;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer.ApiClient;
import io.sangdam.TwoNodes.Session;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sign-in sessions in the database (sangdam.sessions.store=database, docs/adr/0010): nodes C and
 * D, started beside the shared test server on its database with the setting on, serve the same
 * signed-in browser, whichever of them it reaches. The shared server keeps the default (memory)
 * and leaves the session table alone. The agents who sign in belong to a center of this class's own,
 * so the sessions counted are this class's alone.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedSessionTests {

    private static final String PASSWORD = TestCenter.PASSWORD;
    private static @Nullable ConfigurableApplicationContext nodeC;
    private static @Nullable ConfigurableApplicationContext nodeD;

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    int portC;
    int portD;

    TestCenter center;
    String agent;

    @BeforeAll
    void createCenter() {
        center = TestCenter.in(context, "sessions")
                .chatQueue("TECH", "TECH", 3)
                .agent("agent", Map.of("TECH", 5))
                .agent("memory", Map.of("TECH", 5))
                .agent("expiring", Map.of("TECH", 5))
                .headquartersPerson("admin", Role.ADMINISTRATOR)
                .create();
        agent = center.username("agent");
    }

    @BeforeEach
    void nodesWithSessionsInTheDatabase() {
        if (nodeC == null) {
            nodeC = TwoNodes.nodeBeside(context, "node-c", "sangdam.sessions.store=database");
            nodeD = TwoNodes.nodeBeside(context, "node-d", "sangdam.sessions.store=database");
        }
        portC = TwoNodes.port(nodeC);
        portD = TwoNodes.port(nodeD);
    }

    // Before node A's database goes with the shared context at the end of the run.
    @AfterAll
    static void stopNodes() {
        for (var node : new ConfigurableApplicationContext[] {nodeC, nodeD}) {
            if (node != null) {
                node.close();
            }
        }
        nodeC = null;
        nodeD = null;
    }

    /** Spring Session writes the cookie here, not the container: it too is Secure over TLS (issue 15), and only then. */
    @Test
    void theDatabaseSessionsCookieIsSecureOverTlsFromATrustedProxy() {
        var http = HttpClient.newHttpClient();
        var plain = RunningServer.ApiClient.exchange(
                http,
                HttpRequest.newBuilder(URI.create("http://localhost:" + portC + "/login"))
                        .build());
        var overTls = RunningServer.ApiClient.exchange(
                http,
                HttpRequest.newBuilder(URI.create("http://localhost:" + portC + "/login"))
                        .header("X-Forwarded-Proto", "https")
                        .build());
        assertThat(plain.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").doesNotContainIgnoringCase("secure"));
        assertThat(overTls.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("; Secure"));
        assertThat(overTls.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void aSessionSignedInOnOneNodeWorksOnTheOther() {
        long before = sessionsOf(agent);
        var onC = Session.signedIn(portC, agent, PASSWORD);
        assertThat(sessionsOf(agent))
                .as("the session is a row of identity.spring_session")
                .isEqualTo(before + 1);
        assertThat(context.getBean(JdbcClient.class)
                        .sql("select max(max_inactive_interval) from identity.spring_session")
                        .query(Integer.class)
                        .single())
                .as("server.servlet.session.timeout, 60 minutes")
                .isEqualTo(3600);
        var onD = onC.on(portD);

        var queues = onD.get("/desk/api/queues");
        assertThat(queues.statusCode()).as(queues.body()).isEqualTo(200);
        assertThat(onD.get("/").body())
                .as("the home page on node D knows who signed in on node C")
                .contains("상담사");
        assertThat(new Session(portD).get("/desk/api/queues").statusCode())
                .as("without the cookie")
                .isEqualTo(302);

        var desk = onD.stream("/desk/api/stream");
        desk.next("state", "");
        assertThat(onD.post("/desk/api/login", "").statusCode())
                .as("a POST with node C's CSRF token")
                .isEqualTo(200);
        assertThat(onC.post("/desk/api/logout", "").statusCode()).isEqualTo(200);
        desk.close();
    }

    @Test
    void aPostWithoutTheSessionsCsrfTokenIsRefusedOnTheOtherNode() {
        var onC = Session.signedIn(portC, agent, PASSWORD);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + portD + "/desk/api/login"))
                .header("Cookie", "JSESSIONID=" + onC.cookie("JSESSIONID"))
                .header("X-CSRF-TOKEN", "not-the-token")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(""))
                .build();
        assertThat(send(request).statusCode()).isEqualTo(403);
        assertThat(onC.on(portD).get("/desk/api/queues").statusCode())
                .as("the session itself is still good")
                .isEqualTo(200);
    }

    @Test
    void signingOutOnOneNodeEndsTheSessionOnTheOther() {
        var onC = Session.signedIn(portC, agent, PASSWORD);
        String cookie = onC.cookie("JSESSIONID");
        assertThat(cookie).isNotNull();
        long before = sessionsOf(agent);

        var signedOut = onC.on(portD).submit("/logout");
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/login?signedOut");
        assertThat(sessionsOf(agent)).isEqualTo(before - 1);

        // The browser dropped the cookie at sign-out; one kept from before must not work either.
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + portC + "/desk/api/queues"))
                .header("Cookie", "JSESSIONID=" + cookie)
                .GET()
                .build();
        var after = send(request);
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void deactivatingAnAccountOnOneNodeEndsItsSessionOnTheOther() {
        var created = ApiClient.on(portD)
                .post(
                        "/api/users",
                        """
                        {"username": "shared.session.tester", "displayName": "테스트", "centerId": %d, "roles": ["AGENT"],
                         "password": "Lockout-tester-1"}\
                        """.formatted(center.id()),
                        "application/json",
                        center.username("admin"),
                        PASSWORD,
                        "ko");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var signedIn = Session.signedIn(portC, "shared.session.tester", "Lockout-tester-1");
        assertThat(signedIn.get("/").statusCode()).isEqualTo(200);

        var deactivated = ApiClient.on(portD)
                .post(
                        "/api/users/" + created.json().get("id").asLong() + "/deactivate",
                        "",
                        "application/json",
                        center.username("admin"),
                        PASSWORD,
                        "ko");
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);

        var after = signedIn.get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
    }

    @Test
    void anUnknownPageAnswersNotFoundWithinTheSharedSession() {
        var onD = Session.signedIn(portC, agent, PASSWORD).on(portD);
        assertThat(onD.get("/no-such-page").statusCode())
                .as("the error page, not the sign-in page")
                .isEqualTo(404);
        assertThat(onD.get("/desk/api/queues").statusCode()).isEqualTo(200);
    }

    @Test
    void expiredSessionsAreDeleted() {
        var onC = Session.signedIn(portC, center.username("expiring"), PASSWORD);
        assertThat(sessionsOf(center.username("expiring"))).isOne();
        var jdbc = context.getBean(JdbcClient.class);
        jdbc.sql("update identity.spring_session set expiry_time = 0 where principal_name = ?")
                .param(center.username("expiring"))
                .update();

        // What Spring Session runs every minute on every node.
        nodeD.getBean(JdbcIndexedSessionRepository.class).cleanUpExpiredSessions();

        assertThat(sessionsOf(center.username("expiring"))).isZero();
        assertThat(jdbc.sql("select count(*) from identity.spring_session_attributes a where not exists "
                                + "(select 1 from identity.spring_session s where s.primary_id = a.session_primary_id)")
                        .query(Long.class)
                        .single())
                .as("their attributes go with them")
                .isZero();
        assertThat(onC.get("/desk/api/queues").statusCode()).isEqualTo(302);
    }

    @Test
    void withTheDefaultSessionsStayInMemoryAndTheTableIsUntouched() {
        assertThat(context.getBeanProvider(SessionRepository.class).stream())
                .as("no Spring Session on node A")
                .isEmpty();
        var signedIn = Session.signedIn(port, center.username("memory"), PASSWORD);
        assertThat(signedIn.get("/desk/api/queues").statusCode()).isEqualTo(200);
        assertThat(sessionsOf(center.username("memory"))).isZero();
    }

    @Test
    void staticFilesNeitherReadNorTouchTheSessionInTheDatabase() throws InterruptedException {
        var onC = Session.signedIn(portC, agent, PASSWORD);
        String id = onC.cookie("JSESSIONID");
        var jdbc = context.getBean(JdbcClient.class);
        String lastAccess = "select last_access_time from identity.spring_session where session_id = ?";
        long before = jdbc.sql(lastAccess).param(id).query(Long.class).single();
        Thread.sleep(5);

        for (String file :
                new String[] {"/css/sangdam.css", "/js/sangdam.js", "/js/chat-widget.js", "/css/chat-widget.css"}) {
            var served = onC.get(file);
            assertThat(served.statusCode()).as(file).isEqualTo(200);
            assertThat(served.headers().firstValue("Set-Cookie"))
                    .as(file + " makes no session of the container's either")
                    .isEmpty();
        }
        assertThat(jdbc.sql(lastAccess).param(id).query(Long.class).single())
                .as("the session was not read: its last access stands")
                .isEqualTo(before);

        assertThat(onC.get("/").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql(lastAccess).param(id).query(Long.class).single())
                .as("a page reads the session and writes its last access")
                .isGreaterThan(before);
    }

    private long sessionsOf(String username) {
        return context.getBean(JdbcClient.class)
                .sql("select count(*) from identity.spring_session where principal_name = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
