package io.sangdam.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A supervisor moves a waiting chat to another queue of the center: the move goes through the
 * command log, keeps the customer's original arrival and tells the customer; bad moves are refused
 * with a clear code. Center 3 is 대전센터; nobody takes BILLING, TECH or VIP there in these tests.
 */
@RunningServer
class MoveContactApiTests {

    private static final String PASSWORD = RunningServer.DEMO_PASSWORD;
    private static final String MOVE = "/api/routing/centers/3/contacts/%s/move";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWaitingChatMovesToAnotherQueueKeepingItsPlaceAndTheCustomerIsTold() {
        var api = ApiClient.on(port);
        Response started = api.post(
                "/chat/api/conversations",
                "{\"center\": 3, \"topic\": \"BILLING\"}",
                "application/json",
                null,
                null,
                "ko");
        String chat = started.json().get("conversation").asString();
        String token = started.json().get("token").asString();
        String arrivedBefore = text(contact(api, chat).get("originalArrival"));

        Response moved = api.post(
                MOVE.formatted(chat), "{\"queue\": \"TECH\"}", "application/json", "dj.supervisor", PASSWORD, "ko");
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
                .isEqualTo("dj.supervisor");

        assertProblem(
                api.post(
                        MOVE.formatted(chat),
                        "{\"queue\": \"NOPE\"}",
                        "application/json",
                        "dj.supervisor",
                        PASSWORD,
                        "en"),
                400,
                "unknown-queue");
        assertProblem(
                api.post(
                        MOVE.formatted(chat),
                        "{\"queue\": \"TECH\"}",
                        "application/json",
                        "dj.supervisor",
                        PASSWORD,
                        "en"),
                409,
                "contact-already-in-queue");
        assertProblem(
                api.post(
                        MOVE.formatted(chat), "{\"queue\": \"\"}", "application/json", "dj.supervisor", PASSWORD, "en"),
                400,
                "validation-failed");
        assertProblem(
                api.post(
                        MOVE.formatted(chat),
                        "{\"queue\": \"BILLING\"}",
                        "application/json",
                        "gn.supervisor",
                        PASSWORD,
                        "en"),
                403,
                "access-denied");
        assertProblem(
                api.post(
                        MOVE.formatted(chat),
                        "{\"queue\": \"BILLING\"}",
                        "application/json",
                        "dj.agent002",
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
                "/api/routing/centers/2/contacts",
                "{\"contact\": \"gn-move-1\", \"queue\": \"VIP\"}",
                "application/json",
                "gn.supervisor",
                PASSWORD,
                "ko");
        assertProblem(
                api.post(
                        MOVE.formatted("gn-move-1"),
                        "{\"queue\": \"TECH\"}",
                        "application/json",
                        "dj.supervisor",
                        PASSWORD,
                        "en"),
                404,
                "unknown-waiting-contact");
        api.post(
                "/api/routing/centers/2/contacts/gn-move-1/end",
                "",
                "application/json",
                "gn.supervisor",
                PASSWORD,
                "ko");

        // dj.agent070 (5팀) holds VIP: the contact is offered to them at once, so it no longer waits.
        api.post(
                "/api/routing/centers/3/agents/dj.agent070/login",
                "",
                "application/json",
                "dj.agent070",
                PASSWORD,
                "ko");
        api.post(
                "/api/routing/centers/3/agents/dj.agent070/ready",
                "",
                "application/json",
                "dj.agent070",
                PASSWORD,
                "ko");
        api.post(
                "/api/routing/centers/3/contacts",
                "{\"contact\": \"dj-move-2\", \"queue\": \"VIP\"}",
                "application/json",
                "dj.supervisor",
                PASSWORD,
                "ko");
        assertProblem(
                api.post(
                        MOVE.formatted("dj-move-2"),
                        "{\"queue\": \"TECH\"}",
                        "application/json",
                        "dj.supervisor",
                        PASSWORD,
                        "en"),
                409,
                "contact-not-waiting");
        api.post(
                "/api/routing/centers/3/contacts/dj-move-2/end",
                "",
                "application/json",
                "dj.supervisor",
                PASSWORD,
                "ko");
        api.post(
                "/api/routing/centers/3/agents/dj.agent070/logout",
                "",
                "application/json",
                "dj.agent070",
                PASSWORD,
                "ko");
    }

    private static tools.jackson.databind.JsonNode contact(ApiClient api, String id) {
        for (var contact : api.get("/api/routing/centers/3/state", "dj.supervisor", PASSWORD, "ko")
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
