package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.testing.TestCenter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The customer's chat API refuses bad input clearly and never loses what it accepted. The chats go
 * to a center of this class's own, where nobody but this class's agent logs in.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    TestCenter center;

    @BeforeAll
    void createCenter() {
        center = TestCenter.in(context, "chatapi")
                .chatQueue("TECH", "TECH", 3)
                .chatQueue("VIP", "VIP", 3)
                .agent("vip", Map.of("VIP", 6))
                .create();
    }

    @Test
    void badMessagesAreRefusedAndAcceptedOnesAreKept() {
        var api = ApiClient.on(port);
        Response started = api.post(
                "/chat/api/conversations",
                "{\"center\": " + center.id() + ", \"topic\": \"TECH\"}",
                "application/json",
                null,
                null,
                "ko");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().get("conversation").asString();
        String token = started.json().get("token").asString();
        String messages = "/chat/api/conversations/" + id + "/messages?token=" + token;

        assertThat(api.post(messages, "{\"text\": \"인터넷이 안 돼요\"}", "application/json", null, null, "ko")
                        .status())
                .isEqualTo(201);
        assertProblem(
                api.post(messages, "{\"text\": \"   \"}", "application/json", null, null, "ko"), 400, "empty-message");
        assertProblem(
                api.post(messages, "{\"text\": \"" + "가".repeat(3000) + "\"}", "application/json", null, null, "ko"),
                400,
                "message-too-long");
        assertProblem(
                api.post(messages, "{\"text\": \"" + "x".repeat(100_001) + "\"}", "application/json", null, null, "ko"),
                400,
                "text-too-long");
        assertProblem(
                api.post(
                        "/chat/api/conversations/" + id + "/messages?token=wrong",
                        "{\"text\": \"hi\"}",
                        "application/json",
                        null,
                        null,
                        "ko"),
                403,
                "not-your-conversation");

        assertThat(api.post(
                                "/chat/api/conversations/" + id + "/end?token=" + token,
                                "",
                                "application/json",
                                null,
                                null,
                                "ko")
                        .status())
                .isEqualTo(200);
        assertProblem(
                api.post(messages, "{\"text\": \"아직 있나요?\"}", "application/json", null, null, "ko"),
                409,
                "conversation-ended");

        Response view = api.get("/chat/api/conversations/" + id + "?token=" + token, null, null, "ko");
        assertThat(view.json().get("status").asString()).isEqualTo("ENDED");
        assertThat(view.body()).contains("인터넷이 안 돼요").doesNotContain("아직 있나요");
    }

    @Test
    void theWidgetMayCallFromAnySiteWithoutACookieOrASession() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var base = java.net.URI.create("http://localhost:" + port + "/chat/api/conversations");
        var preflight = http.send(
                java.net.http.HttpRequest.newBuilder(base)
                        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://shop.example")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type")
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isPresent();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();

        var started = http.send(
                java.net.http.HttpRequest.newBuilder(base)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"center\": " + center.id() + ", \"topic\": \"TECH\"}"))
                        .header("Origin", "https://shop.example")
                        .header("Content-Type", "application/json")
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(started.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        assertThat(started.headers().allValues("Set-Cookie"))
                .as("no session for a customer")
                .isEmpty();
        assertThat(started.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        var chat = tools.jackson.databind.json.JsonMapper.builder().build().readTree(started.body());
        assertThat(ApiClient.on(port)
                        .post(
                                "/chat/api/conversations/"
                                        + chat.get("conversation").asString() + "/end?token="
                                        + chat.get("token").asString(),
                                "",
                                "application/json",
                                null,
                                null,
                                "ko")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theStreamStartsWithWhereTheChatStandsAndWhatWasSaid() throws Exception {
        var api = ApiClient.on(port);
        var chat = api.post(
                        "/chat/api/conversations",
                        "{\"center\": " + center.id() + ", \"topic\": \"TECH\"}",
                        "application/json",
                        null,
                        null,
                        "ko")
                .json();
        String id = chat.get("conversation").asString();
        String token = chat.get("token").asString();
        assertThat(api.post(
                                "/chat/api/conversations/" + id + "/messages?token=" + token,
                                "{\"text\": \"공유기 불이 깜빡여요\"}",
                                "application/json",
                                null,
                                null,
                                "ko")
                        .status())
                .isEqualTo(201);

        var stream = api.http()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                                        + "/chat/api/conversations/" + id + "/stream?token=" + token))
                                .GET()
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofLines());
        java.util.List<String> first = new java.util.ArrayList<>();
        try (var lines = stream.body()) {
            // The stream stays open: read its first four events only (a blank line ends each): the
            // status, the center's greeting and notice to the customer, the customer's message.
            var reading = lines.iterator();
            int events = 0;
            while (events < 4 && reading.hasNext()) {
                String line = reading.next();
                first.add(line);
                events += line.isEmpty()
                                && first.size() > 1
                                && !first.get(first.size() - 2).startsWith(":")
                        ? 1
                        : 0;
            }
        } finally {
            api.post("/chat/api/conversations/" + id + "/end?token=" + token, "", "application/json", null, null, "ko");
        }
        String events = String.join("\n", first);
        assertThat(events)
                .containsSubsequence(
                        "event:status",
                        "\"status\":\"WAITING\"",
                        "\"ahead\":",
                        "\"refreshSeconds\":",
                        "event:message",
                        "\"sender\":\"SYSTEM\"",
                        "event:message",
                        "공유기 불이 깜빡여요");
    }

    @Test
    void aChatThatFloodsItsAgentIsSlowedWithoutSlowingItsNeighbours() {
        var api = ApiClient.on(port);
        String[] flooding = start(api, center.id(), "TECH");
        String[] neighbour = start(api, center.id(), "TECH");
        String messages = "/chat/api/conversations/" + flooding[0] + "/messages?token=" + flooding[1];
        try {
            long began = System.nanoTime();
            int accepted = 0;
            Response refused = null;
            for (int i = 0; i < 25; i++) {
                Response said =
                        api.post(messages, "{\"text\": \"도배 " + i + "\"}", "application/json", null, null, "ko");
                if (said.status() == 201) {
                    accepted++;
                } else {
                    refused = said;
                }
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            // Ten at once, then one a second: however slow this machine, far fewer than 25.
            assertThat(accepted).isLessThanOrEqualTo(10 + (int) Math.ceil(seconds) + 1);
            assertThat(refused).isNotNull();
            assertProblem(refused, 429, "too-many-requests");
            // The same address, another chat: its own bucket.
            assertThat(api.post(
                                    "/chat/api/conversations/" + neighbour[0] + "/messages?token=" + neighbour[1],
                                    "{\"text\": \"안녕하세요\"}",
                                    "application/json",
                                    null,
                                    null,
                                    "ko")
                            .status())
                    .isEqualTo(201);
            // Knowing a chat's id without its token spends nothing of its bucket.
            assertProblem(
                    api.post(
                            "/chat/api/conversations/" + neighbour[0] + "/messages?token=wrong",
                            "{\"text\": \"x\"}",
                            "application/json",
                            null,
                            null,
                            "ko"),
                    403,
                    "not-your-conversation");
        } finally {
            for (String[] chat : new String[][] {flooding, neighbour}) {
                api.post(
                        "/chat/api/conversations/" + chat[0] + "/end?token=" + chat[1],
                        "",
                        "application/json",
                        null,
                        null,
                        "ko");
            }
        }
    }

    @Test
    void aChatKeepsOnlyItsNewestStreamsOpen() throws Exception {
        var api = ApiClient.on(port);
        String[] chat = start(api, center.id(), "TECH");
        java.net.URI uri = java.net.URI.create(
                "http://localhost:" + port + "/chat/api/conversations/" + chat[0] + "/stream?token=" + chat[1]);
        List<java.util.stream.Stream<String>> bodies = new java.util.ArrayList<>();
        List<java.util.Iterator<String>> lines = new java.util.ArrayList<>();
        try {
            for (int i = 0; i <= ChatApi.CUSTOMER_STREAMS; i++) {
                var body = api.http()
                        .send(
                                java.net.http.HttpRequest.newBuilder(uri).GET().build(),
                                java.net.http.HttpResponse.BodyHandlers.ofLines())
                        .body();
                bodies.add(body);
                lines.add(body.iterator());
                // Its first line is there: the stream is registered before the next one opens.
                assertThat(lines.getLast().hasNext()).isTrue();
            }
            var oldest = lines.getFirst();
            // A guard against hanging, not a measure: the oldest stream's lines come to an end.
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
                while (oldest.hasNext()) {
                    oldest.next();
                }
            });
        } finally {
            bodies.forEach(java.util.stream.Stream::close);
            api.post(
                    "/chat/api/conversations/" + chat[0] + "/end?token=" + chat[1],
                    "",
                    "application/json",
                    null,
                    null,
                    "ko");
        }
    }

    @Test
    void anUnknownTopicIsExplained() {
        assertProblem(
                ApiClient.on(port)
                        .post(
                                "/chat/api/conversations",
                                "{\"center\": " + center.id() + ", \"topic\": \"NOPE\"}",
                                "application/json",
                                null,
                                null,
                                "en"),
                400,
                "unknown-chat-topic");
        assertProblem(
                ApiClient.on(port)
                        .post(
                                "/chat/api/conversations",
                                "{\"center\": 999, \"topic\": \"TECH\"}",
                                "application/json",
                                null,
                                null,
                                "en"),
                404,
                "unknown-center");
    }

    @Test
    void aWaitingCustomerSeesTheirPlace() {
        var api = ApiClient.on(port);
        Response started = api.post(
                "/chat/api/conversations",
                "{\"center\": " + center.id() + ", \"topic\": \"VIP\", \"lane\": \"SENIOR\"}",
                "application/json",
                null,
                null,
                "ko");
        var view = api.get(
                        "/chat/api/conversations/"
                                + started.json().get("conversation").asString() + "?token="
                                + started.json().get("token").asString(),
                        null,
                        null,
                        "ko")
                .json();
        assertThat(view.get("status").asString()).isEqualTo("WAITING");
        assertThat(view.get("ahead").asInt()).isZero();
        assertThat(view.get("estimatedWaitSeconds").isNull())
                .as("nobody is logged in at the center to estimate with")
                .isTrue();
        assertThat(view.get("refreshSeconds").asInt())
                .as("at the front: asked again soon")
                .isEqualTo(10);
    }

    @Test
    void theWaitIsEstimatedOnlyWhileSomeAgentIsLoggedIn() {
        // VIP: the center's VIP agent is logged in, not ready, so the chat waits with an estimate.
        var api = ApiClient.on(port);
        String username = center.username("vip");
        String agent = "/api/routing/centers/" + center.id() + "/agents/" + username + "/";
        assertThat(api.post(agent + "login", "", "application/json", username, TestCenter.PASSWORD, "ko")
                        .status())
                .isEqualTo(200);
        String[] chat = start(api, center.id(), "VIP");
        try {
            var view = api.get("/chat/api/conversations/" + chat[0] + "/status?token=" + chat[1], null, null, "ko")
                    .json();
            assertThat(view.get("status").asString()).isEqualTo("WAITING");
            assertThat(view.get("estimatedWaitSeconds").asInt()).isPositive();
        } finally {
            api.post(
                    "/chat/api/conversations/" + chat[0] + "/end?token=" + chat[1],
                    "",
                    "application/json",
                    null,
                    null,
                    "ko");
            api.post(agent + "logout", "", "application/json", username, TestCenter.PASSWORD, "ko");
        }
    }

    @Test
    void aCustomerWhoCameLaterWaitsBehindTheFirst() {
        var api = ApiClient.on(port);
        String[] first = start(api, center.id(), "VIP");
        String[] second = start(api, center.id(), "VIP");
        var firstView = api.get("/chat/api/conversations/" + first[0] + "?token=" + first[1], null, null, "ko")
                .json();
        var secondView = api.get("/chat/api/conversations/" + second[0] + "?token=" + second[1], null, null, "ko")
                .json();
        assertThat(secondView.get("status").asString()).isEqualTo("WAITING");
        assertThat(secondView.get("ahead").asInt())
                .isEqualTo(firstView.get("ahead").asInt() + 1);
        // What the widget asks again after refreshSeconds while waiting: the same place, without the history.
        var secondStatus =
                api.get("/chat/api/conversations/" + second[0] + "/status?token=" + second[1], null, null, "ko");
        assertThat(secondStatus.status()).isEqualTo(200);
        assertThat(secondStatus.json().get("status").asString()).isEqualTo("WAITING");
        assertThat(secondStatus.json().get("ahead").asInt())
                .isEqualTo(secondView.get("ahead").asInt());
        assertThat(secondStatus.json().has("messages")).isFalse();
        assertProblem(
                api.get("/chat/api/conversations/" + second[0] + "/status?token=" + first[1], null, null, "ko"),
                403,
                "not-your-conversation");
        for (String[] chat : new String[][] {first, second}) {
            api.post(
                    "/chat/api/conversations/" + chat[0] + "/end?token=" + chat[1],
                    "",
                    "application/json",
                    null,
                    null,
                    "ko");
        }
    }

    private static String[] start(ApiClient api, long center, String topic) {
        Response started = api.post(
                "/chat/api/conversations",
                "{\"center\": " + center + ", \"topic\": \"" + topic + "\"}",
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

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }
}
