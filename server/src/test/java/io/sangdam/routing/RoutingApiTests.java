package io.sangdam.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The routing event API as a PBX or chat front end uses it, in a center of this class's own. */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingApiTests {

    private static final String PASSWORD = TestCenter.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    TestCenter center;
    TestCenter otherCenter;

    @BeforeAll
    void createCenters() {
        center = TestCenter.in(context, "routingapi")
                .chatQueue("BILLING", "BILLING", 3)
                .agent("agent", Map.of("BILLING", 6))
                .agent("generalist", Map.of("BILLING", 6))
                .agent("specialist", Map.of("BILLING", 6, "SENIOR", 5))
                .agent("colleague", Map.of("BILLING", 6))
                .agent("meddler", Map.of("BILLING", 6))
                .agent("acceptor", Map.of("BILLING", 6))
                .person("supervisor", Role.SUPERVISOR)
                .create();
        otherCenter = TestCenter.in(context, "routingother")
                .chatQueue("BILLING", "BILLING", 3)
                .create();
    }

    @Test
    void aWaitingContactIsOfferedToTheAgentWhoBecomesReady() {
        var api = ApiClient.on(port);
        var arrived = api.post(
                "/api/routing/centers/" + center.id() + "/contacts",
                "{\"contact\": \"api-1\", \"queue\": \"BILLING\"}",
                "application/json",
                center.username("supervisor"),
                PASSWORD,
                "ko");
        assertThat(arrived.status()).as(arrived.body()).isEqualTo(201);
        assertThat(arrived.body()).contains("api-1");

        assertThat(api.post(
                                "/api/routing/centers/" + center.id() + "/agents/" + center.username("agent")
                                        + "/login",
                                "",
                                "application/json",
                                center.username("agent"),
                                PASSWORD,
                                "ko")
                        .status())
                .isEqualTo(200);
        var ready = api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + center.username("agent") + "/ready",
                "",
                "application/json",
                center.username("agent"),
                PASSWORD,
                "ko");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("api-1").contains(center.username("agent"));

        var accepted = api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + center.username("agent") + "/offers/api-1/accept",
                "",
                "application/json",
                center.username("agent"),
                PASSWORD,
                "ko");
        assertThat(accepted.status()).isEqualTo(200);
        var state = api.get(
                "/api/routing/centers/" + center.id() + "/state", center.username("supervisor"), PASSWORD, "ko");
        assertThat(state.status()).isEqualTo(200);
        assertThat(state.body()).contains("api-1").contains("ASSIGNED");
    }

    @Test
    void aContactInALaneIsOfferedOnlyToTheLanesSpecialists() {
        // Both take billing; only the specialist holds the senior lane's skill.
        var api = ApiClient.on(port);
        var arrived = api.post(
                "/api/routing/centers/" + center.id() + "/contacts",
                "{\"contact\": \"lane-senior-1\", \"queue\": \"BILLING\", \"attributes\": [\"SENIOR\"]}",
                "application/json",
                center.username("supervisor"),
                PASSWORD,
                "ko");
        assertThat(arrived.status()).as(arrived.body()).isEqualTo(201);

        api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + center.username("generalist") + "/login",
                "",
                "application/json",
                center.username("generalist"),
                PASSWORD,
                "ko");
        var generalist = api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + center.username("generalist") + "/ready",
                "",
                "application/json",
                center.username("generalist"),
                PASSWORD,
                "ko");
        assertThat(generalist.status()).isEqualTo(200);
        assertThat(generalist.body()).doesNotContain("lane-senior-1");

        api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + center.username("specialist") + "/login",
                "",
                "application/json",
                center.username("specialist"),
                PASSWORD,
                "ko");
        var specialist = api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + center.username("specialist") + "/ready",
                "",
                "application/json",
                center.username("specialist"),
                PASSWORD,
                "ko");
        assertThat(specialist.status()).isEqualTo(200);
        assertThat(specialist.body()).contains("lane-senior-1").contains(center.username("specialist"));

        // Ending and logging out leave the center as it was for the class's other tests.
        api.post(
                "/api/routing/centers/" + center.id() + "/contacts/lane-senior-1/end",
                "",
                "application/json",
                center.username("supervisor"),
                PASSWORD,
                "ko");
        assertThat(api.post(
                                "/api/routing/centers/" + center.id() + "/agents/" + center.username("specialist")
                                        + "/logout",
                                "",
                                "application/json",
                                center.username("specialist"),
                                PASSWORD,
                                "ko")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/routing/centers/" + center.id() + "/agents/" + center.username("generalist")
                                        + "/logout",
                                "",
                                "application/json",
                                center.username("generalist"),
                                PASSWORD,
                                "ko")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anAgentActsOnlyForThemselvesAndASupervisorOnlyForTheirCenter() {
        var api = ApiClient.on(port);
        assertThat(api.post(
                                "/api/routing/centers/" + center.id() + "/agents/" + center.username("colleague")
                                        + "/login",
                                "",
                                "application/json",
                                center.username("meddler"),
                                PASSWORD,
                                "ko")
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("access-denied");
        assertThat(api.post(
                                "/api/routing/centers/" + otherCenter.id() + "/contacts",
                                "{\"queue\": \"BILLING\"}",
                                "application/json",
                                center.username("supervisor"),
                                PASSWORD,
                                "ko")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void refusedCommandsAreExplained() {
        var api = ApiClient.on(port);
        var unknownQueue = api.post(
                "/api/routing/centers/" + center.id() + "/contacts",
                "{\"queue\": \"NOPE\"}",
                "application/json",
                center.username("supervisor"),
                PASSWORD,
                "en");
        assertThat(unknownQueue.status()).isEqualTo(409);
        assertThat(unknownQueue.json().get("code").asString()).isEqualTo("routing-rejected");
        assertThat(unknownQueue.json().get("detail").asString()).contains("UNKNOWN_QUEUE");

        var acceptTwice = api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + center.username("acceptor")
                        + "/offers/nothing/accept",
                "",
                "application/json",
                center.username("acceptor"),
                PASSWORD,
                "en");
        assertThat(acceptTwice.status()).isEqualTo(409);

        var badAttribute = api.post(
                "/api/routing/centers/" + center.id() + "/contacts",
                "{\"queue\": \"BILLING\", \"attributes\": [\"GOLD\"]}",
                "application/json",
                center.username("supervisor"),
                PASSWORD,
                "en");
        assertThat(badAttribute.status()).isEqualTo(400);
        assertThat(badAttribute.json().get("code").asString()).isEqualTo("validation-failed");
    }
}
