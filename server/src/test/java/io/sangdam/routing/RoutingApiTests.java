package io.sangdam.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The routing event API as a PBX or chat front end uses it. Center 2 is the demo 강남센터. */
@RunningServer
class RoutingApiTests {

    private static final String PASSWORD = RunningServer.DEMO_PASSWORD;

    @LocalServerPort
    int port;

    @Test
    void aWaitingContactIsOfferedToTheAgentWhoBecomesReady() {
        var api = ApiClient.on(port);
        var arrived = api.post(
                "/api/routing/centers/2/contacts",
                "{\"contact\": \"api-1\", \"queue\": \"BILLING\"}",
                "application/json",
                "gn.supervisor",
                PASSWORD,
                "ko");
        assertThat(arrived.status()).as(arrived.body()).isEqualTo(201);
        assertThat(arrived.body()).contains("api-1");

        assertThat(api.post(
                                "/api/routing/centers/2/agents/gn.agent005/login",
                                "",
                                "application/json",
                                "gn.agent005",
                                PASSWORD,
                                "ko")
                        .status())
                .isEqualTo(200);
        var ready = api.post(
                "/api/routing/centers/2/agents/gn.agent005/ready",
                "",
                "application/json",
                "gn.agent005",
                PASSWORD,
                "ko");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("api-1").contains("gn.agent005");

        var accepted = api.post(
                "/api/routing/centers/2/agents/gn.agent005/offers/api-1/accept",
                "",
                "application/json",
                "gn.agent005",
                PASSWORD,
                "ko");
        assertThat(accepted.status()).isEqualTo(200);
        var state = api.get("/api/routing/centers/2/state", "gn.supervisor", PASSWORD, "ko");
        assertThat(state.status()).isEqualTo(200);
        assertThat(state.body()).contains("api-1").contains("ASSIGNED");
    }

    @Test
    void aContactInALaneIsOfferedOnlyToTheLanesSpecialists() {
        // Center 4 (광주): gj.agent002 is in 1팀 (billing), gj.agent061 in 5팀 (the lanes, billing too).
        var api = ApiClient.on(port);
        var arrived = api.post(
                "/api/routing/centers/4/contacts",
                "{\"contact\": \"lane-senior-1\", \"queue\": \"BILLING\", \"attributes\": [\"SENIOR\"]}",
                "application/json",
                "gj.supervisor",
                PASSWORD,
                "ko");
        assertThat(arrived.status()).as(arrived.body()).isEqualTo(201);

        api.post(
                "/api/routing/centers/4/agents/gj.agent002/login",
                "",
                "application/json",
                "gj.agent002",
                PASSWORD,
                "ko");
        var generalist = api.post(
                "/api/routing/centers/4/agents/gj.agent002/ready",
                "",
                "application/json",
                "gj.agent002",
                PASSWORD,
                "ko");
        assertThat(generalist.status()).isEqualTo(200);
        assertThat(generalist.body()).doesNotContain("lane-senior-1");

        api.post(
                "/api/routing/centers/4/agents/gj.agent061/login",
                "",
                "application/json",
                "gj.agent061",
                PASSWORD,
                "ko");
        var specialist = api.post(
                "/api/routing/centers/4/agents/gj.agent061/ready",
                "",
                "application/json",
                "gj.agent061",
                PASSWORD,
                "ko");
        assertThat(specialist.status()).isEqualTo(200);
        assertThat(specialist.body()).contains("lane-senior-1").contains("gj.agent061");

        // Leaves center 4 as it found it: other tests route BILLING chats there and expect their own agents to get
        // them.
        api.post(
                "/api/routing/centers/4/contacts/lane-senior-1/end",
                "",
                "application/json",
                "gj.supervisor",
                PASSWORD,
                "ko");
        assertThat(api.post(
                                "/api/routing/centers/4/agents/gj.agent061/logout",
                                "",
                                "application/json",
                                "gj.agent061",
                                PASSWORD,
                                "ko")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/routing/centers/4/agents/gj.agent002/logout",
                                "",
                                "application/json",
                                "gj.agent002",
                                PASSWORD,
                                "ko")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anAgentActsOnlyForThemselvesAndASupervisorOnlyForTheirCenter() {
        var api = ApiClient.on(port);
        assertThat(api.post(
                                "/api/routing/centers/2/agents/gn.agent006/login",
                                "",
                                "application/json",
                                "gn.agent007",
                                PASSWORD,
                                "ko")
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("access-denied");
        assertThat(api.post(
                                "/api/routing/centers/3/contacts",
                                "{\"queue\": \"BILLING\"}",
                                "application/json",
                                "gn.supervisor",
                                PASSWORD,
                                "ko")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void refusedCommandsAreExplained() {
        var api = ApiClient.on(port);
        var unknownQueue = api.post(
                "/api/routing/centers/2/contacts",
                "{\"queue\": \"NOPE\"}",
                "application/json",
                "gn.supervisor",
                PASSWORD,
                "en");
        assertThat(unknownQueue.status()).isEqualTo(409);
        assertThat(unknownQueue.json().get("code").asString()).isEqualTo("routing-rejected");
        assertThat(unknownQueue.json().get("detail").asString()).contains("UNKNOWN_QUEUE");

        var acceptTwice = api.post(
                "/api/routing/centers/2/agents/gn.agent008/offers/nothing/accept",
                "",
                "application/json",
                "gn.agent008",
                PASSWORD,
                "en");
        assertThat(acceptTwice.status()).isEqualTo(409);

        var badAttribute = api.post(
                "/api/routing/centers/2/contacts",
                "{\"queue\": \"BILLING\", \"attributes\": [\"GOLD\"]}",
                "application/json",
                "gn.supervisor",
                PASSWORD,
                "en");
        assertThat(badAttribute.status()).isEqualTo(400);
        assertThat(badAttribute.json().get("code").asString()).isEqualTo("validation-failed");
    }
}
