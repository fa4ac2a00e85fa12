package io.sangdam;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer.ApiClient;
import io.sangdam.TwoNodes.Session;
import io.sangdam.platform.ClusterSignals;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two server nodes on one database (docs/adr/0007): node A is the shared test server and routes
 * every center (it took the leases first), node B is a second application context beside it. What
 * happens on one reaches the browsers of the other. Center 4 is 광주센터; gj.agent040 (3팀) takes
 * TECH chats there, which no other test leaves waiting.
 */
@RunningServer
class TwoNodeTests {

    private static final String PASSWORD = RunningServer.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    ConfigurableApplicationContext context;

    ConfigurableApplicationContext second;
    int secondPort;

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
    void aCustomerStreamOnOneNodeHearsTheAgentOnTheOther() {
        var a = ApiClient.on(port);
        var b = ApiClient.on(secondPort);
        var started = a.post("/chat/api/conversations", "{\"center\": 4, \"topic\": \"TECH\"}", "application/json", null, null, "ko");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String chat = started.json().get("conversation").asString();
        String token = started.json().get("token").asString();
        var customer = new Session(secondPort).stream("/chat/api/conversations/" + chat + "/stream?token=" + token);

        var agent = Session.signedIn(port, "gj.agent040");
        var desk = agent.stream("/desk/api/stream");
        desk.next("state", "");
        assertThat(agent.post("/desk/api/login", "").statusCode()).isEqualTo(200);
        assertThat(agent.post("/desk/api/ready", "").statusCode()).isEqualTo(200);
        desk.next("offer", chat);
        assertThat(agent.post("/desk/api/offers/" + chat + "/accept", "").statusCode()).isEqualTo(200);
        customer.next("status", "CONNECTED");

        assertThat(agent.post("/desk/api/conversations/" + chat + "/messages", "{\"text\": \"안녕하세요, 상담사 김입니다.\"}")
                .statusCode()).isEqualTo(201);
        customer.next("message", "상담사 김입니다");
        String longAnswer = "설명 드리겠습니다. " + "인터넷 공유기를 껐다 켜 주세요. ".repeat(100);
        assertThat(agent.post("/desk/api/conversations/" + chat + "/messages", "{\"text\": \"" + longAnswer + "\"}")
                .statusCode()).isEqualTo(201);
        customer.next("message", "공유기를 껐다 켜 주세요. 인터넷 공유기를 껐다 켜 주세요. 인터넷");

        assertThat(a.post("/chat/api/conversations/" + chat + "/end?token=" + token, "", "application/json", null, null, "ko")
                .status()).isEqualTo(200);
        customer.next("status", "ENDED");
        agent.post("/desk/api/wrap-up-done", "");
        assertThat(agent.post("/desk/api/logout", "").statusCode()).isEqualTo(200);
        customer.close();
        desk.close();
    }

    @Test
    void aSignalTooLargeForANotificationTravelsThroughTheDatabase() throws InterruptedException {
        var received = new java.util.concurrent.LinkedBlockingQueue<String>();
        second.getBean(ClusterSignals.class).receive("test.large", received::add);
        String large = "가나다라마바사".repeat(2000);
        context.getBean(ClusterSignals.class).announce("test.large", large);
        context.getBean(ClusterSignals.class).announce("test.large", "small");
        assertThat(received.poll(15, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(large);
        assertThat(received.poll(15, java.util.concurrent.TimeUnit.SECONDS)).as("in the order sent").isEqualTo("small");
    }

    @Test
    void aLexiconChangeOnOneNodeScreensMessagesOnTheOther() {
        var a = ApiClient.on(port);
        var b = ApiClient.on(secondPort);
        String word = "쿼카바보" + System.nanoTime() % 1000;
        var started = a.post("/chat/api/conversations", "{\"center\": 4, \"topic\": \"TECH\"}", "application/json", null, null, "ko");
        String chat = started.json().get("conversation").asString();
        String token = started.json().get("token").asString();
        String messages = "/chat/api/conversations/" + chat + "/messages?token=" + token;
        assertThat(flags(b.post(messages, "{\"text\": \"" + word + "\"}", "application/json", null, null, "ko").json())).isZero();

        var added = a.post("/api/protection/lexicon", "{\"category\": \"INSULT\", \"severity\": \"MEDIUM\", \"pattern\": \"" + word + "\"}",
                "application/json", "protection", PASSWORD, "ko");
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        TwoNodes.waitFor("node B to screen with the new term", () ->
                flags(b.post(messages, "{\"text\": \"" + word + "\"}", "application/json", null, null, "ko").json()) > 0);
        a.post("/api/protection/lexicon/" + added.json().get("id").asLong() + "/deactivate", "", "application/json", "protection",
                PASSWORD, "ko");
        a.post("/chat/api/conversations/" + chat + "/end?token=" + token, "", "application/json", null, null, "ko");
    }

    private static int flags(JsonNode message) {
        return message.get("flags").size();
    }
}
