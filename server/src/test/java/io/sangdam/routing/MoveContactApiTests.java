package io.sangdam.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A supervisor moves a waiting chat to another queue of the center: the move goes through the
 * command log, keeps the customer's original arrival and tells the customer; bad moves are refused
 * with a clear code. In a center of this class's own, where only the VIP agent ever gets ready.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoveContactApiTests {

    private static final String PASSWORD = TestCenter.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    TestCenter center;
    TestCenter otherCenter;
    String supervisor;
    String move;

    @BeforeAll
    void createCenters() {
        center = TestCenter.in(context, "move")
                .chatQueue("BILLING", "요금·납부 문의", "BILLING", 3)
                .chatQueue("TECH", "기술지원", "TECH", 3)
                .chatQueue("VIP", "VIP 전담", "VIP", 3)
                .agent("agent", Map.of("BILLING", 6))
                .agent("vip", Map.of("VIP", 6))
                .person("supervisor", Role.SUPERVISOR)
                .create();
        otherCenter = TestCenter.in(context, "moveother")
                .chatQueue("VIP", "VIP", 3)
                .person("supervisor", Role.SUPERVISOR)
                .create();
        supervisor = center.username("supervisor");
        move = "/api/routing/centers/" + center.id() + "/contacts/%s/move";
    }

    @Test
    void aWaitingChatMovesToAnotherQueueKeepingItsPlaceAndTheCustomerIsTold() {
        var api = ApiClient.on(port);
        Response started = api.post(
                "/chat/api/conversations",
                "{\"center\": " + center.id() + ", \"topic\": \"BILLING\"}",
                "application/json",
                null,
                null,
                "ko");
        String chat = started.json().get("conversation").asString();
        String token = started.json().get("token").asString();
        String arrivedBefore = text(contact(api, chat).get("originalArrival"));

        Response moved =
                api.post(move.formatted(chat), "{\"queue\": \"TECH\"}", "application/json", supervisor, PASSWORD, "ko");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.body()).contains("\"fromQueue\":{\"value\":\"BILLING\"}");

        var now = contact(api, chat);
        assertThat(text(now.get("queue"))).isEqualTo("TECH");
        assertThat(text(now.get("status"))).isEqualTo("WAITING");
        assertThat(text(now.get("originalArrival"))).isEqualTo(arrivedBefore);
        Response view = api.get("/chat/api/conversations/" + chat + "?token=" + token, null, null, "ko");
        assertThat(view.json().get("status").asString()).isEqualTo("WAITING");
        assertThat(view.body()).contains("상담 대기열이 '기술지원'(으)로 변경되었습니다");
        assertThat(jdbc.sql("select command ->> 'by' from routing.command_log where type = 'Move' and command ->>"
                                + " 'contact' = ?")
                        .param(chat)
                        .query(String.class)
                        .single())
                .isEqualTo(supervisor);

        assertProblem(
                api.post(move.formatted(chat), "{\"queue\": \"NOPE\"}", "application/json", supervisor, PASSWORD, "en"),
                400,
                "unknown-queue");
        assertProblem(
                api.post(move.formatted(chat), "{\"queue\": \"TECH\"}", "application/json", supervisor, PASSWORD, "en"),
                409,
                "contact-already-in-queue");
        assertProblem(
                api.post(move.formatted(chat), "{\"queue\": \"\"}", "application/json", supervisor, PASSWORD, "en"),
                400,
                "validation-failed");
        assertProblem(
                api.post(
                        move.formatted(chat),
                        "{\"queue\": \"BILLING\"}",
                        "application/json",
                        otherCenter.username("supervisor"),
                        PASSWORD,
                        "en"),
                403,
                "access-denied");
        assertProblem(
                api.post(
                        move.formatted(chat),
                        "{\"queue\": \"BILLING\"}",
                        "application/json",
                        center.username("agent"),
                        PASSWORD,
                        "en"),
                403,
                "access-denied");
        api.post("/chat/api/conversations/" + chat + "/end?token=" + token, "", "application/json", null, null, "ko");
    }

    @Test
    void anotherCentersContactAndAContactNoLongerWaitingAreRefused() {
        var api = ApiClient.on(port);
        api.post(
                "/api/routing/centers/" + otherCenter.id() + "/contacts",
                "{\"contact\": \"gn-move-1\", \"queue\": \"VIP\"}",
                "application/json",
                otherCenter.username("supervisor"),
                PASSWORD,
                "ko");
        assertProblem(
                api.post(
                        move.formatted("gn-move-1"),
                        "{\"queue\": \"TECH\"}",
                        "application/json",
                        supervisor,
                        PASSWORD,
                        "en"),
                404,
                "unknown-waiting-contact");
        api.post(
                "/api/routing/centers/" + otherCenter.id() + "/contacts/gn-move-1/end",
                "",
                "application/json",
                otherCenter.username("supervisor"),
                PASSWORD,
                "ko");

        // The VIP agent: the contact is offered to them at once, so it no longer waits.
        api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + center.username("vip") + "/login",
                "",
                "application/json",
                center.username("vip"),
                PASSWORD,
                "ko");
        api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + center.username("vip") + "/ready",
                "",
                "application/json",
                center.username("vip"),
                PASSWORD,
                "ko");
        api.post(
                "/api/routing/centers/" + center.id() + "/contacts",
                "{\"contact\": \"dj-move-2\", \"queue\": \"VIP\"}",
                "application/json",
                supervisor,
                PASSWORD,
                "ko");
        assertProblem(
                api.post(
                        move.formatted("dj-move-2"),
                        "{\"queue\": \"TECH\"}",
                        "application/json",
                        supervisor,
                        PASSWORD,
                        "en"),
                409,
                "contact-not-waiting");
        api.post(
                "/api/routing/centers/" + center.id() + "/contacts/dj-move-2/end",
                "",
                "application/json",
                supervisor,
                PASSWORD,
                "ko");
        api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + center.username("vip") + "/logout",
                "",
                "application/json",
                center.username("vip"),
                PASSWORD,
                "ko");
    }

    private tools.jackson.databind.JsonNode contact(ApiClient api, String id) {
        for (var contact : api.get("/api/routing/centers/" + center.id() + "/state", supervisor, PASSWORD, "ko")
                .json()
                .get("contacts")) {
            if (text(contact.get("id")).equals(id)) {
                return contact;
            }
        }
        throw new AssertionError("contact " + id + " is not in the engine");
    }

    /** Identifiers are records ({"value": …}) in the engine's snapshot. */
    private static String text(tools.jackson.databind.JsonNode node) {
        return node.isObject() ? node.get("value").asString() : node.asString();
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }
}
