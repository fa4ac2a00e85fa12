package io.sangdam;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer.ApiClient;
import io.sangdam.platform.ClusterSecret;
import io.sangdam.platform.ClusterSignals;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.Routing;
import io.sangdam.routing.RoutingState;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The node that routes a center stops, and another takes the center over (docs/adr/0009,
 * crash-recovery.md). The shared test server routes the demo centers for the whole run, so the
 * center here is 본사 (center 1), which has no queues: it gets one for this test through node X,
 * which routes it from then on (the node a center's first queue is created on routes it at once);
 * node Y, started beside it, waits for the lease until node X stops. Everything added to center 1 is
 * removed again at the end.
 */
@RunningServer
class LeaseTakeoverTests {

    private static final String PASSWORD = RunningServer.DEMO_PASSWORD;
    private static final String QUEUE = """
        {"code": "TAKEOVER", "name": "인계 시험", "nameEnglish": "Takeover test", "channel": "CHAT",
         "skills": [{"skill": "TECH", "minimumLevel": 5}], "priority": 0, "serviceLevelPercent": 80,
         "serviceLevelSeconds": 20, "strategy": "LONGEST_IDLE", "overflow": [], "wrapUpSeconds": 30,
         "limitedHours": false, "hours": [], "closedDays": []}\
        """;

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    record Chat(String id, String token) {}

    @Test
    void
            whenTheNodeRoutingACenterStopsAnotherTakesItOverWithItsWaitingContactsRoutesNewOnesAndDoesNotApplyARepeatAgain() {
        // A second node started before the queue existed would not try to route center 1.
        TwoNodes.stopSecondNode();
        @Nullable ConfigurableApplicationContext x = null;
        List<Chat> chats = new ArrayList<>();
        String repeated = "takeover-repeat-" + System.nanoTime();
        int yPort = 0;
        try {
            x = TwoNodes.nodeBeside(context, "node-x");
            var created = ApiClient.on(TwoNodes.port(x))
                    .post("/api/routing/centers/1/queues", QUEUE, "application/json", "admin", PASSWORD, "ko");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(x.getBean(Routing.class).routes(CenterId.of(1)))
                    .as("routed by node X from its first queue on, without a restart")
                    .isTrue();
            String xNode = x.getBean(ClusterSignals.class).node();
            TwoNodes.waitFor("node X to route center 1", () -> holderOfCenter1().equals(xNode));
            var y = TwoNodes.secondNodeBeside(context);
            yPort = TwoNodes.port(y);
            String yNode = y.getBean(ClusterSignals.class).node();

            // Started on node Y, routed by node X, waiting: nobody in 본사 takes TECH chats.
            chats.add(start(yPort));
            chats.add(start(yPort));
            assertThat(waiting(x.getBean(Routing.class).snapshot(CenterId.of(1))))
                    .as("routed by node X")
                    .containsExactly(chats.get(0).id(), chats.get(1).id());

            // Forwarded to node X with their ids, as node Y would: a contact that arrives and is ended.
            int xPort = TwoNodes.port(x);
            assertThat(internal(xPort, "Arrive", arrive(repeated), repeated + "-arrive")
                            .body())
                    .contains("ContactQueued");
            assertThat(internal(xPort, "End", end(repeated), repeated + "-end").body())
                    .contains("ContactAbandoned");

            x.close();
            x = null;
            TwoNodes.waitFor(
                    "node Y to take center 1 over", () -> holderOfCenter1().equals(yNode));

            var yRouting = y.getBean(Routing.class);
            assertThat(waiting(yRouting.snapshot(CenterId.of(1))))
                    .as("rebuilt on node Y from the routing log, in their order")
                    .containsExactly(chats.get(0).id(), chats.get(1).id());
            for (Chat chat : chats) {
                assertThat(ApiClient.on(yPort)
                                .get(
                                        "/chat/api/conversations/" + chat.id() + "?token=" + chat.token(),
                                        null,
                                        null,
                                        "ko")
                                .json()
                                .get("status")
                                .asString())
                        .isEqualTo("WAITING");
            }
            chats.add(start(yPort));
            assertThat(waiting(yRouting.snapshot(CenterId.of(1))))
                    .as("a new chat is routed by node Y, behind the others")
                    .containsExactly(
                            chats.get(0).id(), chats.get(1).id(), chats.get(2).id());
            assertThat(waiting(context.getBean(Routing.class).snapshot(CenterId.of(1))))
                    .as("node A asks node Y now")
                    .containsExactly(
                            chats.get(0).id(), chats.get(1).id(), chats.get(2).id());
            // Sent once more, to the new holder: node X's answers are gone with it, the routing log knows the ids.
            for (String type : List.of("Arrive", "End")) {
                var again = internal(
                        yPort,
                        type,
                        type.equals("Arrive") ? arrive(repeated) : end(repeated),
                        repeated + "-" + type.toLowerCase(java.util.Locale.ROOT));
                assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
                assertThat(again.body()).as("answered as done, not refused").doesNotContain("routing-rejected");
                assertThat(jdbc.sql("select count(*) from routing.command_log where center_id = 1 and type = ? and"
                                        + " command ->> 'contact' = ?")
                                .params(type, repeated)
                                .query(Long.class)
                                .single())
                        .as(type + " applied once, by node X")
                        .isEqualTo(1);
            }
            assertThat(yRouting.snapshot(CenterId.of(1)).contacts())
                    .as("not arrived again on node Y")
                    .noneMatch(contact -> contact.id().value().equals(repeated));
            for (Chat chat : chats) {
                assertThat(jdbc.sql("select count(*) from routing.command_log where center_id = 1 and type ="
                                        + " 'Arrive' and command ->> 'contact' = ?")
                                .param(chat.id())
                                .query(Long.class)
                                .single())
                        .as("arrived once")
                        .isEqualTo(1);
                assertThat(jdbc.sql("select count(*) from routing.event_log where center_id = 1 and type ="
                                        + " 'ContactQueued' and contact_id = ?")
                                .param(chat.id())
                                .query(Long.class)
                                .single())
                        .as("queued once, not again by the rebuild")
                        .isEqualTo(1);
            }
        } finally {
            for (Chat chat : yPort == 0 ? List.<Chat>of() : chats) {
                ApiClient.on(yPort)
                        .post(
                                "/chat/api/conversations/" + chat.id() + "/end?token=" + chat.token(),
                                "",
                                "application/json",
                                null,
                                null,
                                "ko");
            }
            if (x != null) {
                x.close();
            }
            // The next test that needs node B starts one that does not route center 1.
            TwoNodes.stopSecondNode();
            jdbc.sql("delete from routing.queue where center_id = 1").update();
            jdbc.sql("delete from routing.center_holder where center_id = 1").update();
        }
    }

    private static String arrive(String contact) {
        return "{\"contact\": \"" + contact
                + "\", \"queue\": \"TAKEOVER\", \"channel\": \"CHAT\", \"priority\": 0, \"attributes\": []}";
    }

    private static String end(String contact) {
        return "{\"contact\": \"" + contact + "\", \"forAbuse\": false}";
    }

    /** A routing command as a forwarding node sends it to the holder of center 1, with its id. */
    private java.net.http.HttpResponse<String> internal(int port, String type, String command, String id) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                                            + "/internal/routing/centers/1/commands/" + type))
                                    .header(
                                            ClusterSecret.HEADER,
                                            context.getBean(ClusterSecret.class).value())
                                    .header("X-Sangdam-Command-Id", id)
                                    .header("Content-Type", "application/json")
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                            command, java.nio.charset.StandardCharsets.UTF_8))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String holderOfCenter1() {
        return jdbc.sql("select node_id from routing.center_holder where center_id = 1")
                .query(String.class)
                .optional()
                .orElse("");
    }

    private static Chat start(int port) {
        var started = ApiClient.on(port)
                .post(
                        "/chat/api/conversations",
                        "{\"center\": 1, \"topic\": \"TAKEOVER\"}",
                        "application/json",
                        null,
                        null,
                        "ko");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return new Chat(
                started.json().get("conversation").asString(),
                started.json().get("token").asString());
    }

    private static List<String> waiting(RoutingState snapshot) {
        return snapshot.contacts().stream()
                .filter(c -> c.status() == RoutingState.ContactStatus.WAITING)
                .sorted(java.util.Comparator.comparing(RoutingState.Contact::originalArrival))
                .map(c -> c.id().value())
                .toList();
    }
}
