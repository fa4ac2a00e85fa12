package io.sangdam;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer.ApiClient;
import io.sangdam.TwoNodes.Session;
import io.sangdam.identity.Staff;
import io.sangdam.identity.StaffMember;
import io.sangdam.routing.AgentUsername;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.RoutedContact;
import io.sangdam.routing.RoutedEvent;
import io.sangdam.routing.Routing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Fifty partner centers set up while the server runs (issue 15, finding 0): each is routed from its
 * first queue on, all of them route at the same time on a routing pool of two connections, and
 * sign-in and pages keep answering throughout, because no routing worker keeps a connection of the
 * request pool. A server of its own (the centers stay out of the shared test server's data), thrown
 * away after the class. Centers have no API to create them yet, so they are inserted into the
 * identity table; their queues, agents, agents' skills and contacts come through the API, and the
 * agents log in, get ready and accept through the routing module's API, as the desk does.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sangdam.routing.pool-size=2", "sangdam.database.embedded.pool-size=10"})
@DirtiesContext
class ManyCentersTests {

    private static final int CENTERS = 50;
    private static final String PASSWORD = RunningServer.DEMO_PASSWORD;
    private static final String AGENT_PASSWORD = "Many-centers-2026";
    private static final String QUEUE = """
        {"code": "MANY", "name": "다중 센터 문의", "nameEnglish": "Many centers", "channel": "CHAT",
         "skills": [{"skill": "TECH", "minimumLevel": 3}]}\
        """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Routing routing;

    @Autowired
    Staff staff;

    record Center(long id, String agent, String contact) {}

    @Test
    void fiftyCentersSetUpWhileTheServerRunsAreEachRoutedWhileSignInAndPagesKeepAnswering() throws Exception {
        var api = ApiClient.on(port);
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        List<Center> centers = new ArrayList<>();
        for (int i = 0; i < CENTERS; i++) {
            long id = jdbc.sql("insert into identity.center (code, name, kind, time_zone) values (?, ?, 'PARTNER',"
                            + " 'Asia/Seoul') returning id")
                    .params("M" + run + "-" + i, "다중 센터 " + run + " " + i)
                    .query(Long.class)
                    .single();
            centers.add(new Center(id, "many." + run + "." + i, "many-" + run + "-" + i));
        }
        var supervisor = Session.signedIn(port, "gn.supervisor");
        var failures = new ConcurrentLinkedQueue<String>();
        var routed = new AtomicBoolean();
        // Some of the setup is bcrypt for each Basic call: a few at a time keeps the machine responsive.
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try (var watcher = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> checks = watcher.submit(() -> {
                int rounds = 0;
                do {
                    stillAnswering(api, supervisor, failures);
                    rounds++;
                } while (!routed.get());
                return rounds;
            });
            List<Future<List<RoutedEvent>>> assigned = new ArrayList<>();
            for (Center center : centers) {
                assigned.add(callers.submit(() -> setUpAndRoute(api, center)));
            }
            for (int i = 0; i < CENTERS; i++) {
                List<RoutedEvent> events = assigned.get(i).get(5, TimeUnit.MINUTES);
                String contact = centers.get(i).contact();
                assertThat(events)
                        .as("center %d: its contact assigned to its agent", i)
                        .anySatisfy(e -> assertThat(e)
                                .isInstanceOfSatisfying(
                                        RoutedEvent.ContactAssigned.class,
                                        a -> assertThat(a.contact().value()).isEqualTo(contact)));
            }
            routed.set(true);
            assertThat(checks.get(5, TimeUnit.MINUTES))
                    .as("sign-in and pages were asked while centers routed")
                    .isPositive();
        } finally {
            routed.set(true);
            callers.shutdownNow();
        }
        stillAnswering(api, supervisor, failures);
        assertThat(failures)
                .as("sign-in, pages and health while and after fifty centers routed")
                .isEmpty();
        for (Center center : centers) {
            assertThat(routing.routes(CenterId.of(center.id()))).isTrue();
        }
        // What docs/operations.md tells operators to size the routing pool by.
        var metrics = api.get("/actuator/prometheus", "admin", PASSWORD, "ko");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("hikaricp_connections_pending{pool=\"sangdam-routing\"")
                .contains(
                        "sangdam_routing_waiting{center=\"" + centers.getFirst().id() + "\"");
    }

    /** The center's first queue, an agent with the queue's skill, a contact, and the agent taking it. */
    private List<RoutedEvent> setUpAndRoute(ApiClient api, Center center) {
        var queue = api.post(
                "/api/routing/centers/" + center.id() + "/queues", QUEUE, "application/json", "admin", PASSWORD, "ko");
        assertThat(queue.status()).as(queue.body()).isEqualTo(201);
        var user = api.post(
                "/api/users",
                """
                {"username": "%s", "displayName": "다중 상담사", "centerId": %d, "roles": ["AGENT"], "password": "%s"}\
                """.formatted(center.agent(), center.id(), AGENT_PASSWORD),
                "application/json",
                "admin",
                PASSWORD,
                "ko");
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        var skills = api.put(
                "/api/routing/agents/" + user.json().get("id").asLong(),
                "{\"skills\": {\"TECH\": 5}, \"chatCapacity\": 1}",
                "admin");
        assertThat(skills.status()).as(skills.body()).isEqualTo(200);

        // The contact through the routing API, as a PBX sends it; the agent's side as the desk does.
        var arrived = api.post(
                "/api/routing/centers/" + center.id() + "/contacts",
                "{\"contact\": \"" + center.contact() + "\", \"queue\": \"MANY\"}",
                "application/json",
                "admin",
                PASSWORD,
                "ko");
        assertThat(arrived.status()).as(arrived.body()).isEqualTo(201);
        StaffMember agent = staff.findByUsername(center.agent()).orElseThrow();
        routing.logIn(CenterId.of(center.id()), agent);
        assertThat(routing.ready(CenterId.of(center.id()), AgentUsername.of(agent.username())))
                .anySatisfy(e -> assertThat(e).isInstanceOf(RoutedEvent.ContactOffered.class));
        return routing.accept(
                CenterId.of(center.id()), AgentUsername.of(agent.username()), RoutedContact.of(center.contact()));
    }

    /** Sign-in by the API with Basic, a page of a signed-in supervisor, and health: each must answer, whatever it takes. */
    private static void stillAnswering(ApiClient api, Session supervisor, ConcurrentLinkedQueue<String> failures) {
        var me = api.get("/api/me", "gn.supervisor", PASSWORD, "ko");
        if (me.status() != 200) {
            failures.add("/api/me answered " + me.status() + ": " + me.body());
        }
        var page = supervisor.get("/");
        if (page.statusCode() != 200) {
            failures.add("/ answered " + page.statusCode());
        }
        var health = api.get("/actuator/health", null, null, "ko");
        if (health.status() != 200 || !health.body().contains("UP")) {
            failures.add("/actuator/health answered " + health.status() + ": " + health.body());
        }
    }
}
