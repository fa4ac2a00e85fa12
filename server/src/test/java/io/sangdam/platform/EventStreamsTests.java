package io.sangdam.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.testing.TestCenter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Stopping a node ends its event streams with a reconnect delay, instead of the web server's
 * graceful shutdown waiting for each open stream until its time-out.
 */
@RunningServer
class EventStreamsTests {

    @LocalServerPort
    int port;

    @Autowired
    EventStreams streams;

    @Autowired
    ApplicationContext context;

    @Test
    void stoppingEndsEveryOpenStreamWithAReconnectDelayAndClosesStreamsOpenedWhileStopping() throws Exception {
        TestCenter center = TestCenter.in(context, "streams")
                .chatQueue("BILLING", "BILLING", 3)
                .create();
        ApiClient api = ApiClient.on(port);
        JsonNode chat = api.post(
                        "/chat/api/conversations",
                        "{\"center\": " + center.id() + ", \"topic\": \"BILLING\"}",
                        "application/json",
                        null,
                        null,
                        "ko")
                .json();
        String path = "/chat/api/conversations/" + chat.get("conversation").asString() + "/stream?token="
                + chat.get("token").asString();
        try {
            CompletableFuture<List<String>> open = lines(api, path);
            awaitStreams(streams.count() + 1);
            streams.stop();
            List<String> received = open.get(10, TimeUnit.SECONDS);
            assertThat(received).anyMatch(line -> line.startsWith("retry:"));
            assertThat(received).contains(":closing");

            // The web server may still take a request while it stops: that stream ends at once too.
            List<String> late = lines(api, path).get(10, TimeUnit.SECONDS);
            assertThat(late).anyMatch(line -> line.startsWith("retry:"));
        } finally {
            streams.start();
            api.post(
                    "/chat/api/conversations/" + chat.get("conversation").asString() + "/end?token="
                            + chat.get("token").asString(),
                    "{}",
                    "application/json",
                    null,
                    null,
                    "ko");
        }
    }

    /** The stream's lines until the server ends it. */
    private static CompletableFuture<List<String>> lines(ApiClient api, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        return api.http()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApplyAsync(response -> {
                    try (Stream<String> body = response.body()) {
                        return body.toList();
                    }
                });
    }

    private void awaitStreams(int atLeast) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (streams.count() < atLeast && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(streams.count()).isGreaterThanOrEqualTo(atLeast);
    }
}
