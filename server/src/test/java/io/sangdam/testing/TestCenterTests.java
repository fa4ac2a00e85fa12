package io.sangdam.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.identity.Role;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Two fixture centers with the same queue code: each one's people sign in with the fixture's
 * password and belong to their own center, and a chat started in one is offered only to its agent.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestCenterTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    TestCenter first;
    TestCenter second;

    @BeforeAll
    void createCenters() {
        first = TestCenter.in(context, "first")
                .chatQueue("TECH", "TECH", 3)
                .agent("agent", Map.of("TECH", 5))
                .person("manager", Role.CENTER_MANAGER)
                .headquartersPerson("protection", Role.PROTECTION_TEAM)
                .create();
        second = TestCenter.in(context, "second")
                .chatQueue("TECH", "TECH", 3)
                .agent("agent", Map.of("TECH", 10))
                .create();
    }

    @Test
    void eachCentersPeopleSignInWithTheFixturePasswordAndBelongToTheirCenter() {
        var api = ApiClient.on(port);
        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.username("agent")).isNotEqualTo(second.username("agent"));

        Response manager = api.get("/api/me", first.username("manager"), TestCenter.PASSWORD, "ko");
        assertThat(manager.status()).as(manager.body()).isEqualTo(200);
        assertThat(manager.body()).contains("CENTER_MANAGER").contains(Long.toString(first.id()));

        Response protection = api.get("/api/me", first.username("protection"), TestCenter.PASSWORD, "ko");
        assertThat(protection.status()).as(protection.body()).isEqualTo(200);
        assertThat(protection.body()).contains("PROTECTION_TEAM");
        assertThat(first.person("protection").centerId()).isNotEqualTo(first.id());

        assertThat(api.get("/api/me", first.username("agent"), "wrong-password-1", "ko")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aChatInOneCenterIsOfferedToItsAgentAndNotToTheOtherCentersAgent() {
        var api = ApiClient.on(port);
        ready(api, first);
        ready(api, second);

        Response started = api.post(
                "/chat/api/conversations",
                "{\"center\": " + first.id() + ", \"topic\": \"TECH\"}",
                "application/json",
                null,
                null,
                "ko");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String chat = started.json().get("conversation").asString();

        // The other center's agent holds TECH at a higher level, and is ready too: still not theirs.
        assertThat(accept(api, second, chat).status()).isNotEqualTo(200);
        Response accepted = accept(api, first, chat);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    private static void ready(ApiClient api, TestCenter center) {
        for (String command : new String[] {"login", "ready"}) {
            Response response = api.post(
                    "/api/routing/centers/" + center.id() + "/agents/" + center.username("agent") + "/" + command,
                    "",
                    "application/json",
                    center.username("agent"),
                    TestCenter.PASSWORD,
                    "ko");
            assertThat(response.status()).as(command + ": " + response.body()).isEqualTo(200);
        }
    }

    private static Response accept(ApiClient api, TestCenter center, String chat) {
        return api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + center.username("agent") + "/offers/" + chat
                        + "/accept",
                "",
                "application/json",
                center.username("agent"),
                TestCenter.PASSWORD,
                "ko");
    }
}
