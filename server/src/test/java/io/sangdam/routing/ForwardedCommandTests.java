package io.sangdam.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.sangdam.RunningServer;
import io.sangdam.platform.ClusterSecret;
import io.sangdam.routing.runtime.RoutingRequest;
import io.sangdam.testing.TestCenter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A forwarded command is safe to send again (docs/adr/0009): the forwarding node repeats a call
 * that got no answer with the same command id, and the holder applies a command once however often
 * that id comes. The contacts arrive in a center of this class's own; another center of its own
 * has no queues, so nobody routes it and a made-up holder row for it is the only holder there is.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardedCommandTests {

    @LocalServerPort
    int port;

    @Autowired
    RoutingForwarding forwarding;

    @Autowired
    ClusterSecret secret;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    TestCenter center;
    TestCenter unrouted;

    @BeforeAll
    void createCenters() {
        center =
                TestCenter.in(context, "forwarded").chatQueue("TECH", "TECH", 3).create();
        unrouted = TestCenter.in(context, "unrouted").create();
    }

    @Test
    void theSameCommandSentTwiceWithOneIdIsAppliedOnceAndAnsweredAlikeBothTimes() {
        String contact = "forwarded-" + System.nanoTime();
        String arrive = "{\"contact\": \"" + contact
                + "\", \"queue\": \"TECH\", \"channel\": \"CHAT\", \"priority\": 0, \"attributes\": []}";
        String id = "command-" + contact;

        var first = internal("Arrive", arrive, id);
        var again = internal("Arrive", arrive, id);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("ContactQueued");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body())
                .as("the first answer, not a refusal of a second arrival")
                .isEqualTo(first.body());
        assertThat(jdbc.sql("select count(*) from routing.command_log where center_id = ? and type = 'Arrive' and"
                                + " command ->> 'contact' = ?")
                        .params(center.id(), contact)
                        .query(Long.class)
                        .single())
                .as("applied once")
                .isEqualTo(1);
        var another = internal("Arrive", arrive, id + "-other");
        assertThat(another.body())
                .as("another id is another command, refused as a second arrival")
                .contains("routing-rejected");

        assertThat(internal("End", "{\"contact\": \"" + contact + "\", \"forAbuse\": false}", id + "-end")
                        .body())
                .contains("ContactAbandoned");
    }

    @Test
    void aCallThatGetsNoAnswerIsSentOnceMoreWithTheSameId() throws IOException {
        List<String> ids = new CopyOnWriteArrayList<>();
        HttpServer holder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        holder.createContext("/", exchange -> {
            ids.add(String.valueOf(exchange.getRequestHeaders().getFirst(RoutingForwarding.COMMAND_ID)));
            exchange.getRequestBody().readAllBytes();
            if (ids.size() == 1) {
                // The connection drops before an answer, as when the holder's node went away mid-call.
                exchange.close();
                return;
            }
            byte[] answer = "{\"events\": []}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        holder.start();
        jdbc.sql("insert into routing.center_holder (center_id, node_id, base_url, updated_at) values (?,"
                        + " 'flaky', ?, now())")
                .params(unrouted.id(), "http://127.0.0.1:" + holder.getAddress().getPort())
                .update();
        try {
            assertThat(forwarding.handle(unrouted.id(), new RoutingRequest.BecomeReady("hq.nobody")))
                    .isEmpty();

            assertThat(ids).hasSize(2);
            assertThat(ids.get(0)).isNotBlank().isNotEqualTo("null").isEqualTo(ids.get(1));
        } finally {
            jdbc.sql("delete from routing.center_holder where center_id = ?")
                    .param(unrouted.id())
                    .update();
            holder.stop(0);
        }
    }

    private HttpResponse<String> internal(String type, String command, String id) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + RoutingForwarding.PATH
                                            + center.id() + "/commands/" + type))
                                    .header(ClusterSecret.HEADER, secret.value())
                                    .header(RoutingForwarding.COMMAND_ID, id)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(command, StandardCharsets.UTF_8))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
