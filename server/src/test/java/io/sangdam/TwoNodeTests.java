package io.sangdam;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer.ApiClient;
import io.sangdam.TwoNodes.Session;
import io.sangdam.identity.Role;
import io.sangdam.platform.ClusterSecret;
import io.sangdam.platform.ClusterSignals;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.ContactChannel;
import io.sangdam.routing.Routing;
import io.sangdam.testing.TestCenter;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two server nodes on one database (docs/adr/0009): node A is the shared test server and routes
 * every center (it took the leases first), node B is a second application context beside it. What
 * happens on one reaches the browsers of the other, and node B forwards routing to node A. The chats
 * go to a center of this class's own, made before node B starts, so node A routes it too.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeTests {

    private static final String PASSWORD = TestCenter.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    ConfigurableApplicationContext second;
    int secondPort;

    TestCenter center;
    TestCenter unrouted;
    String supervisorName;
    String manager;
    String protection;
    String admin;

    @BeforeAll
    void createCenters() {
        center = TestCenter.in(context, "twonodes")
                .chatQueue("TECH", "TECH", 3)
                .agent("agent", Map.of("TECH", 6))
                .agent("idle", Map.of("TECH", 6))
                .person("supervisor", Role.SUPERVISOR)
                .person("manager", Role.CENTER_MANAGER)
                .headquartersPerson("protection", Role.PROTECTION_TEAM)
                .headquartersPerson("admin", Role.ADMINISTRATOR)
                .create();
        unrouted = TestCenter.in(context, "twonodesnone").create();
        supervisorName = center.username("supervisor");
        manager = center.username("manager");
        protection = center.username("protection");
        admin = center.username("admin");
    }

    @BeforeEach
    void secondNode() {
        second = TwoNodes.secondNodeBeside(context);
        secondPort = TwoNodes.port(second);
    }

    // Before node A's database goes with the shared context at the end of the run.
    @AfterAll
    static void stopSecondNode() {
        TwoNodes.stopSecondNode();
    }

    @Test
    void aChatStartedOnTheNodeThatDoesNotRouteIsRoutedByTheOtherAndHeardOnBoth() {
        var b = ApiClient.on(secondPort);
        assertThat(second.getBean(Routing.class).routes(CenterId.of(center.id())))
                .as("node B routes the center, through node A")
                .isTrue();
        var supervisor = Session.signedIn(secondPort, supervisorName, PASSWORD);
        var board = supervisor.stream("/board/api/stream?center=" + center.id());

        var started = b.post(
                "/chat/api/conversations",
                "{\"center\": " + center.id() + ", \"topic\": \"TECH\"}",
                "application/json",
                null,
                null,
                "ko");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String chat = started.json().get("conversation").asString();
        String token = started.json().get("token").asString();
        assertThat(context.getBean(Routing.class)
                        .snapshot(CenterId.of(center.id()))
                        .contacts())
                .as("routed by node A")
                .anySatisfy(contact -> assertThat(contact.id().value()).isEqualTo(chat));
        assertThat(supervisor.get("/board/api?center=" + center.id()).body())
                .as("node B's board reads node A's engine")
                .contains(chat);
        var customer = new Session(secondPort).stream("/chat/api/conversations/" + chat + "/stream?token=" + token);
        TwoNodes.waitFor(
                "the customer's place in the queue, from node A",
                () -> b.get("/chat/api/conversations/" + chat + "?token=" + token, null, null, "ko")
                        .json()
                        .get("status")
                        .asString()
                        .equals("WAITING"));
        assertThat(b.get("/chat/api/conversations/" + chat + "/status?token=" + token, null, null, "ko")
                        .json()
                        .get("nobodyToAnswer")
                        .asBoolean())
                .as("node A's engine counts who could answer: nobody is logged in, so no time is promised")
                .isTrue();

        var agent = Session.signedIn(port, center.username("agent"), PASSWORD);
        var desk = agent.stream("/desk/api/stream");
        desk.next("state", "");
        assertThat(agent.post("/desk/api/login", "").statusCode()).isEqualTo(200);
        assertThat(agent.post("/desk/api/ready", "").statusCode()).isEqualTo(200);
        desk.next("offer", chat);
        assertThat(agent.post("/desk/api/offers/" + chat + "/accept", "").statusCode())
                .isEqualTo(200);
        customer.next("status", "CONNECTED");
        board.next("changed", "1");
        assertThat(supervisor.get("/board/api?center=" + center.id()).body()).contains(center.username("agent"));

        assertThat(agent.post("/desk/api/conversations/" + chat + "/messages", "{\"text\": \"안녕하세요, 상담사 김입니다.\"}")
                        .statusCode())
                .isEqualTo(201);
        customer.next("message", "상담사 김입니다");
        String longAnswer = "설명 드리겠습니다. " + "인터넷 공유기를 껐다 켜 주세요. ".repeat(100);
        assertThat(agent.post("/desk/api/conversations/" + chat + "/messages", "{\"text\": \"" + longAnswer + "\"}")
                        .statusCode())
                .isEqualTo(201);
        customer.next("message", "공유기를 껐다 켜 주세요. 인터넷 공유기를 껐다 켜 주세요. 인터넷");
        assertThat(b.post(
                                "/chat/api/conversations/" + chat + "/messages?token=" + token,
                                "{\"text\": \"감사합니다\"}",
                                "application/json",
                                null,
                                null,
                                "ko")
                        .status())
                .isEqualTo(201);
        desk.next("message", "감사합니다");

        assertThat(b.post(
                                "/chat/api/conversations/" + chat + "/end?token=" + token,
                                "",
                                "application/json",
                                null,
                                null,
                                "ko")
                        .status())
                .as("ended through node A's engine")
                .isEqualTo(200);
        customer.next("status", "ENDED");
        desk.next("ended", chat);
        agent.post("/desk/api/wrap-up-done", "");
        assertThat(agent.post("/desk/api/logout", "").statusCode()).isEqualTo(200);
        customer.close();
        desk.close();
        board.close();
    }

    @Test
    void aRoutingChangeMadeOnOneNodeReachesTheEngineOnTheOther() {
        var jdbc = context.getBean(JdbcClient.class);
        String checkpoints = "select count(*) from routing.command_log where center_id = " + center.id()
                + " and type = 'Checkpoint'";
        long before = jdbc.sql(checkpoints).query(Long.class).single();

        var changed = ApiClient.on(secondPort)
                .put(
                        "/api/routing/centers/" + center.id() + "/chat-capacity",
                        "{\"chatCapacity\": 3}",
                        manager,
                        PASSWORD,
                        "ko");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        TwoNodes.waitFor(
                "node A to apply the change as a checkpoint",
                () -> jdbc.sql(checkpoints).query(Long.class).single() > before);
    }

    @Test
    void aRefusalOfTheRoutingNodeComesBackAsIs() {
        var refused = ApiClient.on(secondPort)
                .post(
                        "/api/routing/centers/" + center.id() + "/agents/" + center.username("idle")
                                + "/offers/nothing-offered/accept",
                        "",
                        "application/json",
                        supervisorName,
                        PASSWORD,
                        "en");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("routing-rejected");
    }

    @Test
    void aRoutingNodeThatCannotBeReachedIsAnsweredWithServiceUnavailable() {
        // A center with no queues: a made-up holder row for it points at a port nobody listens on.
        var jdbc = context.getBean(JdbcClient.class);
        jdbc.sql("insert into routing.center_holder (center_id, node_id, base_url, updated_at) values (?,"
                        + " 'gone', 'http://127.0.0.1:9', now())")
                .param(unrouted.id())
                .update();
        try {
            var answer = ApiClient.on(secondPort)
                    .get("/api/routing/centers/" + unrouted.id() + "/state", admin, PASSWORD, "en");
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.json().get("code").asString()).isEqualTo("routing-unavailable");
        } finally {
            jdbc.sql("delete from routing.center_holder where center_id = ?")
                    .param(unrouted.id())
                    .update();
        }
    }

    @Test
    void theInternalEndpointTakesTheClusterSecretAndNothingElse() {
        String path = "/internal/routing/centers/" + center.id() + "/snapshot";
        var a = ApiClient.on(port);
        assertThat(a.get(path, null, null, "ko").status()).isEqualTo(401);
        assertThat(a.get(path, admin, PASSWORD, "ko").status())
                .as("an account is not a node")
                .isEqualTo(401);
        assertThat(Session.signedIn(port, admin, PASSWORD).get(path).statusCode())
                .as("nor is a browser session")
                .isEqualTo(401);
        assertThat(internal(path, "not-the-secret").statusCode()).isEqualTo(401);
        var answer = internal(path, context.getBean(ClusterSecret.class).value());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"agents\"");
    }

    private java.net.http.HttpResponse<String> internal(String path, String secret) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                                    .header(ClusterSecret.HEADER, secret)
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSignalTooLargeForANotificationTravelsThroughTheDatabase() throws InterruptedException {
        var received = new java.util.concurrent.LinkedBlockingQueue<String>();
        second.getBean(ClusterSignals.class).receive("test.large", received::add);
        String large = "가나다라마바사".repeat(2000);
        context.getBean(ClusterSignals.class).announce("test.large", large);
        context.getBean(ClusterSignals.class).announce("test.large", "small");
        assertThat(received.poll(15, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(large);
        assertThat(received.poll(15, java.util.concurrent.TimeUnit.SECONDS))
                .as("in the order sent")
                .isEqualTo("small");
    }

    @Test
    void aLexiconChangeOnOneNodeScreensMessagesOnTheOther() {
        var a = ApiClient.on(port);
        var b = ApiClient.on(secondPort);
        String word = "쿼카바보" + System.nanoTime() % 1000;
        var started = b.post(
                "/chat/api/conversations",
                "{\"center\": " + center.id() + ", \"topic\": \"TECH\"}",
                "application/json",
                null,
                null,
                "ko");
        String chat = started.json().get("conversation").asString();
        String token = started.json().get("token").asString();
        String messages = "/chat/api/conversations/" + chat + "/messages?token=" + token;
        assertThat(flags(b.post(messages, "{\"text\": \"" + word + "\"}", "application/json", null, null, "ko")
                        .json()))
                .isZero();

        var added = a.post(
                "/api/protection/lexicon",
                "{\"category\": \"INSULT\", \"severity\": \"MEDIUM\", \"pattern\": \"" + word + "\"}",
                "application/json",
                protection,
                PASSWORD,
                "ko");
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        TwoNodes.waitFor(
                "node B to screen with the new term",
                () -> flags(b.post(messages, "{\"text\": \"" + word + "\"}", "application/json", null, null, "ko")
                                .json())
                        > 0);
        a.post(
                "/api/protection/lexicon/" + added.json().get("id").asLong() + "/deactivate",
                "",
                "application/json",
                protection,
                PASSWORD,
                "ko");
        b.post("/chat/api/conversations/" + chat + "/end?token=" + token, "", "application/json", null, null, "ko");
    }

    @Test
    void aNodeThatListensAgainCatchesUpOnTheLexiconChangeItMissed() {
        var a = ApiClient.on(port);
        var b = ApiClient.on(secondPort);
        var signals = second.getBean(ClusterSignals.class);
        long caughtUp = signals.catchUps();
        String word = "쿼카멍청" + System.nanoTime() % 1000;
        var started = b.post(
                "/chat/api/conversations",
                "{\"center\": " + center.id() + ", \"topic\": \"TECH\"}",
                "application/json",
                null,
                null,
                "ko");
        String chat = started.json().get("conversation").asString();
        String token = started.json().get("token").asString();
        String messages = "/chat/api/conversations/" + chat + "/messages?token=" + token;
        var customer = new Session(secondPort).stream("/chat/api/conversations/" + chat + "/stream?token=" + token);
        TwoNodes.waitFor("the customer's stream on node B to open", customer::opened);

        int backend = signals.listeningBackend();
        assertThat(backend).as("node B's listening connection").isPositive();
        assertThat(context.getBean(JdbcClient.class)
                        .sql("""
                            select pg_terminate_backend(pid) from pg_stat_activity where pid = ? and application_name = ?\
                            """)
                        .params(backend, ClusterSignals.LISTENER_NAME)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        TwoNodes.waitFor("node B to find its listening connection gone", () -> !signals.listening());
        var added = a.post(
                "/api/protection/lexicon",
                "{\"category\": \"INSULT\", \"severity\": \"MEDIUM\", \"pattern\": \"" + word + "\"}",
                "application/json",
                protection,
                PASSWORD,
                "ko");
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        TwoNodes.waitFor(
                "node B to listen again and catch up", () -> signals.listening() && signals.catchUps() > caughtUp);
        assertThat(flags(b.post(messages, "{\"text\": \"" + word + "\"}", "application/json", null, null, "ko")
                        .json()))
                .as("node B screens with the term added while it was not listening")
                .isPositive();
        TwoNodes.waitFor(
                "node B to end the customer's stream, whose browser opens it again and reloads the chat",
                customer::ended);
        a.post(
                "/api/protection/lexicon/" + added.json().get("id").asLong() + "/deactivate",
                "",
                "application/json",
                protection,
                PASSWORD,
                "ko");
        b.post("/chat/api/conversations/" + chat + "/end?token=" + token, "", "application/json", null, null, "ko");
    }

    @Test
    void aNodeWhoseSignalsWereLostTellsTheOthersAtItsNextHeartbeatAndTheyCatchUp() {
        var a = ApiClient.on(port);
        var b = ApiClient.on(secondPort);
        var sending = second.getBean(ClusterSignals.class);
        var receiving = context.getBean(ClusterSignals.class);
        var jdbc = context.getBean(JdbcClient.class);
        sending.announce("test.nothing", "");
        TwoNodes.waitFor("node B's sending connection", () -> sending.sendingBackend() > 0);
        int backend = sending.sendingBackend();
        long caughtUp = receiving.catchUps();
        String word = "쿼카얼간" + System.nanoTime() % 1000;
        var started = a.post(
                "/chat/api/conversations",
                "{\"center\": " + center.id() + ", \"topic\": \"TECH\"}",
                "application/json",
                null,
                null,
                "ko");
        String chat = started.json().get("conversation").asString();
        String token = started.json().get("token").asString();
        String messages = "/chat/api/conversations/" + chat + "/messages?token=" + token;

        assertThat(jdbc.sql("""
            select pg_terminate_backend(pid) from pg_stat_activity where pid = ? and application_name = ?\
            """)
                        .params(backend, ClusterSignals.SENDER_NAME)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        TwoNodes.waitFor(
                "node B's sending connection to be gone",
                () -> jdbc.sql("select count(*) from pg_stat_activity where pid = ?")
                                .param(backend)
                                .query(Long.class)
                                .single()
                        == 0);
        var added = b.post(
                "/api/protection/lexicon",
                "{\"category\": \"INSULT\", \"severity\": \"MEDIUM\", \"pattern\": \"" + word + "\"}",
                "application/json",
                protection,
                PASSWORD,
                "ko");
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        TwoNodes.waitFor(
                "node A to be told that node B lost signals, and to catch up", () -> receiving.catchUps() > caughtUp);
        assertThat(sending.sendingBackend())
                .as("node B sends on a new connection")
                .isNotIn(0, backend);
        assertThat(flags(a.post(messages, "{\"text\": \"" + word + "\"}", "application/json", null, null, "ko")
                        .json()))
                .as("node A screens with the term added on node B, whose signal was lost")
                .isPositive();
        b.post(
                "/api/protection/lexicon/" + added.json().get("id").asLong() + "/deactivate",
                "",
                "application/json",
                protection,
                PASSWORD,
                "ko");
        a.post("/chat/api/conversations/" + chat + "/end?token=" + token, "", "application/json", null, null, "ko");
    }

    @Test
    void aNodeThatListensAgainShowsTheProtectionAlertItMissedOnItsBoardsOnce() {
        var a = ApiClient.on(port);
        var signals = second.getBean(ClusterSignals.class);
        String word = "쿼카무례" + System.nanoTime() % 1000;
        var added = a.post(
                "/api/protection/lexicon",
                "{\"category\": \"INSULT\", \"severity\": \"MEDIUM\", \"pattern\": \"" + word + "\"}",
                "application/json",
                protection,
                PASSWORD,
                "ko");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        var supervisor = Session.signedIn(secondPort, supervisorName, PASSWORD);
        var board = supervisor.stream("/board/api/stream?center=" + center.id());
        String[] heard = start(a);
        String[] missed = start(a);
        try {
            assertThat(flags(a.post(
                                    messages(heard),
                                    "{\"text\": \"" + word + "\"}",
                                    "application/json",
                                    null,
                                    null,
                                    "ko")
                            .json()))
                    .isPositive();
            board.next("alert", heard[0]);

            long caughtUp = signals.catchUps();
            assertThat(context.getBean(JdbcClient.class)
                            .sql("select pg_terminate_backend(?)")
                            .param(signals.listeningBackend())
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            TwoNodes.waitFor("node B to find its listening connection gone", () -> !signals.listening());
            assertThat(flags(a.post(
                                    messages(missed),
                                    "{\"text\": \"" + word + "\"}",
                                    "application/json",
                                    null,
                                    null,
                                    "ko")
                            .json()))
                    .isPositive();
            TwoNodes.waitFor(
                    "node B to listen again and catch up", () -> signals.listening() && signals.catchUps() > caughtUp);

            board.next("alert", missed[0]);
            String alerts =
                    supervisor.get("/board/api/alerts?center=" + center.id()).body();
            assertThat(alerts.split(missed[0], -1))
                    .as("the missed alert, taken from the incident list, on node B's boards")
                    .hasSize(2);
            assertThat(alerts.split(heard[0], -1))
                    .as("the alert node B was told of, not again")
                    .hasSize(2);
        } finally {
            board.close();
            a.post(
                    "/api/protection/lexicon/" + added.json().get("id").asLong() + "/deactivate",
                    "",
                    "application/json",
                    protection,
                    PASSWORD,
                    "ko");
            for (String[] chat : new String[][] {heard, missed}) {
                a.post(
                        "/chat/api/conversations/" + chat[0] + "/end?token=" + chat[1],
                        "",
                        "application/json",
                        null,
                        null,
                        "ko");
            }
        }
    }

    /** A customer's chat in the center's TECH queue: its id and token. */
    private String[] start(ApiClient node) {
        var started = node.post(
                "/chat/api/conversations",
                "{\"center\": " + center.id() + ", \"topic\": \"TECH\"}",
                "application/json",
                null,
                null,
                "ko");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return new String[] {
            started.json().get("conversation").asString(),
            started.json().get("token").asString()
        };
    }

    private static String messages(String[] chat) {
        return "/chat/api/conversations/" + chat[0] + "/messages?token=" + chat[1];
    }

    @Test
    void aRoutingNodeThatListensAgainAppliesTheChangeItMissedAndLeavesUnchangedCentersAlone() {
        var jdbc = context.getBean(JdbcClient.class);
        var signals = context.getBean(ClusterSignals.class);
        var routing = context.getBean(Routing.class);
        var a = ApiClient.on(port);
        assertThat(a.post(
                                "/api/routing/centers/" + center.id() + "/agents/" + center.username("idle") + "/login",
                                "",
                                "application/json",
                                supervisorName,
                                PASSWORD,
                                "ko")
                        .status())
                .isEqualTo(200);
        int capacity = chatCapacity(routing, center.username("idle"));
        String otherCheckpoints = "select count(*) from routing.command_log where center_id <> " + center.id()
                + " and type = 'Checkpoint'";
        long otherBefore = jdbc.sql(otherCheckpoints).query(Long.class).single();
        long caughtUp = signals.catchUps();
        try {
            int backend = signals.listeningBackend();
            assertThat(jdbc.sql("select pg_terminate_backend(?)")
                            .param(backend)
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            TwoNodes.waitFor("node A to find its listening connection gone", () -> !signals.listening());
            var changed = ApiClient.on(secondPort)
                    .put(
                            "/api/routing/centers/" + center.id() + "/chat-capacity",
                            "{\"chatCapacity\": " + (capacity + 1) + "}",
                            manager,
                            PASSWORD,
                            "ko");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);

            TwoNodes.waitFor(
                    "node A to listen again and catch up", () -> signals.listening() && signals.catchUps() > caughtUp);
            assertThat(chatCapacity(routing, center.username("idle")))
                    .as("node A's engine has the capacity changed meanwhile")
                    .isEqualTo(capacity + 1);
            assertThat(jdbc.sql(otherCheckpoints).query(Long.class).single())
                    .as("centers whose configuration did not change")
                    .isEqualTo(otherBefore);
        } finally {
            ApiClient.on(port)
                    .put(
                            "/api/routing/centers/" + center.id() + "/chat-capacity",
                            "{\"chatCapacity\": " + capacity + "}",
                            manager,
                            PASSWORD,
                            "ko");
            a.post(
                    "/api/routing/centers/" + center.id() + "/agents/" + center.username("idle") + "/logout",
                    "",
                    "application/json",
                    supervisorName,
                    PASSWORD,
                    "ko");
        }
    }

    private int chatCapacity(Routing routing, String agent) {
        return routing.snapshot(CenterId.of(center.id())).agents().stream()
                .filter(view -> view.id().value().equals(agent))
                .findFirst()
                .orElseThrow()
                .capacity()
                .get(ContactChannel.CHAT);
    }

    private static int flags(JsonNode message) {
        return message.get("flags").size();
    }
}
