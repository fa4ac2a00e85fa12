package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.testing.TestCenter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A chat whose customer left (closed the tab: no stream, no request) for the center's set time:
 * waiting, it is abandoned through routing and counted so on the live board; connected, its agent
 * is told the customer left, and told again when they come back. A customer who comes back in
 * time keeps the place. The sweep and the stamps are called with the instant the test chooses, so
 * the set time passes without waiting for it; chats go to a center of this class's own.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbandonedChatsTests {

    private static final String PASSWORD = TestCenter.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    AbandonedChats abandonedChats;

    @Autowired
    CustomerPresence presence;

    @Autowired
    LiveStreams streams;

    TestCenter center;

    @BeforeAll
    void createCenter() {
        center = TestCenter.in(context, "abandon")
                .chatQueue("GONE", "GONE", 3)
                .chatQueue("BACK", "BACK", 3)
                .agent("agent", Map.of("BACK", 5))
                .person("manager", io.sangdam.identity.Role.CENTER_MANAGER)
                .create();
    }

    @Test
    void aWaitingChatWhoseCustomerClosedTheStreamIsAbandonedAfterTheSetTimeAndCountedOnTheBoard() throws Exception {
        var api = ApiClient.on(port);
        String[] chat = start(api, "GONE");
        Instant started = Instant.now();
        var stream = open(api, customerStream(chat));
        assertThat(stream.next()).as("the stream's first line").isNotNull();
        presence.streamsOpen(Instant.now());
        assertThat(seenAt(chat[0]))
                .as("an open stream is a customer who is there")
                .isAfter(started.minusSeconds(1));

        stream.close();
        // The server learns of a closed tab only when a write to its stream fails: within two pings.
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            while (streams.liveKeys(Chats.customer("")).contains(chat[0])) {
                Thread.sleep(200);
            }
        });
        // Routing times the abandonment; longer than the board's 5 s short-abandon rule, as any real one is.
        Thread.sleep(Math.max(
                0,
                Duration.ofMillis(5_500)
                        .minus(Duration.between(started, Instant.now()))
                        .toMillis()));
        int[] before = board("GONE");
        // The last sign of the customer: the stream's last stamp before it was found closed.
        Instant seen = seenAt(chat[0]);

        abandonedChats.sweep(seen.plusSeconds(ChatSettings.DEFAULT_CUSTOMER_GONE_SECONDS - 1));
        assertThat(status(chat[0])).as("gone for less than the set time").isEqualTo("WAITING");

        abandonedChats.sweep(seen.plusSeconds(ChatSettings.DEFAULT_CUSTOMER_GONE_SECONDS + 1));
        assertThat(status(chat[0])).isEqualTo("ENDED");
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            while (board("GONE")[0] == before[0]) {
                Thread.sleep(100);
            }
        });
        int[] after = board("GONE");
        assertThat(after[0] - before[0]).as("abandoned on the board").isEqualTo(1);
        assertThat(after[1] - before[1]).as("not a short abandon").isZero();
        assertThat(abandonedChats.sweep(seen.plusSeconds(ChatSettings.DEFAULT_CUSTOMER_GONE_SECONDS + 2)))
                .as("taken once")
                .noneMatch(g -> g.id().equals(chat[0]));
    }

    @Test
    void aCustomerWhoComesBackInTimeKeepsThePlaceAndTheCentersSettingDecidesHowLong() {
        var api = ApiClient.on(port);
        Response set = api.put(
                "/api/centers/" + center.id() + "/chat-settings",
                "{\"customerGoneSeconds\": 30}",
                center.username("manager"),
                PASSWORD,
                "ko");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        try {
            String[] chat = start(api, "GONE");
            // Asking where the chat stands is a sign of the customer.
            Response asked =
                    api.get("/chat/api/conversations/" + chat[0] + "/status?token=" + chat[1], null, null, "ko");
            assertThat(asked.status()).isEqualTo(200);
            Instant seen = seenAt(chat[0]);
            assertThat(seen).isAfter(Instant.now().minusSeconds(10));

            // Gone 25 s, then back (a poll or a new stream): the 30 s count again from there.
            presence.seen(chat[0], seen.plusSeconds(25));
            assertThat(abandonedChats.sweep(seen.plusSeconds(40))).noneMatch(g -> g.id().equals(chat[0]));
            assertThat(status(chat[0])).isEqualTo("WAITING");

            assertThat(abandonedChats.sweep(seen.plusSeconds(56)))
                    .as("30 s after the customer was last seen")
                    .anyMatch(g -> g.id().equals(chat[0]));
            assertThat(status(chat[0])).isEqualTo("ENDED");
        } finally {
            api.put(
                    "/api/centers/" + center.id() + "/chat-settings",
                    "{\"customerGoneSeconds\": 60}",
                    center.username("manager"),
                    PASSWORD,
                    "ko");
        }
    }

    @Test
    void aChatsStartCountsAsTheCustomerSeenSoTheRequestsRightAfterItWriteNoStamp() {
        var api = ApiClient.on(port);
        String[] chat = start(api, "GONE");
        Response asked = api.get("/chat/api/conversations/" + chat[0] + "/status?token=" + chat[1], null, null, "ko");
        assertThat(asked.status()).isEqualTo(200);
        presence.streamsOpen(Instant.now());
        assertThat(stamp(chat[0]))
                .as("nothing written within the first seconds")
                .isNull();

        Instant later = Instant.now().plus(CustomerPresence.REQUEST_STAMP_EVERY);
        presence.seen(chat[0], later);
        assertThat(stamp(chat[0]))
                .as("a request after the interval is written")
                .isBetween(later.minusMillis(1), later.plusMillis(1));
    }

    private @org.jspecify.annotations.Nullable Instant stamp(String id) {
        return jdbc.sql("select customer_seen_at from channel.conversation where id = ?")
                .param(id)
                .query((row, n) -> {
                    var seen = row.getTimestamp(1);
                    return seen == null ? null : seen.toInstant();
                })
                .optional()
                .orElse(null);
    }

    /** Two nodes sweep at the same moment: each chat is taken by one of them, and routing is asked once. */
    @Test
    void sweepsAtTheSameTimeTakeEachChatOnce() throws Exception {
        var api = ApiClient.on(port);
        String[] first = start(api, "GONE");
        String[] second = start(api, "GONE");
        Instant late = Instant.now().plusSeconds(ChatSettings.DEFAULT_CUSTOMER_GONE_SECONDS + 1);
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var nodes = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var a = nodes.submit(() -> {
                start.await();
                return abandonedChats.sweep(late);
            });
            var b = nodes.submit(() -> {
                start.await();
                return abandonedChats.sweep(late);
            });
            start.countDown();
            var taken = new java.util.ArrayList<String>();
            a.get().forEach(g -> taken.add(g.id()));
            b.get().forEach(g -> taken.add(g.id()));
            assertThat(taken.stream().filter(id -> id.equals(first[0]) || id.equals(second[0])))
                    .containsExactlyInAnyOrder(first[0], second[0]);
        }
        assertThat(status(first[0])).isEqualTo("ENDED");
        assertThat(status(second[0])).isEqualTo("ENDED");
    }

    @Test
    void theSettingIsKeptWithinItsRangeAndOnlyTheCentersManagerChangesIt() {
        var api = ApiClient.on(port);
        Response low = api.put(
                "/api/centers/" + center.id() + "/chat-settings",
                "{\"customerGoneSeconds\": 5}",
                center.username("manager"),
                PASSWORD,
                "en");
        assertThat(low.status()).isEqualTo(400);
        assertThat(low.json().get("code").asString()).isEqualTo("customer-gone-out-of-range");
        assertThat(low.json().get("detail").asString()).contains("15", "1800");
        Response missing = api.put(
                "/api/centers/" + center.id() + "/chat-settings", "{}", center.username("manager"), PASSWORD, "ko");
        assertThat(missing.status()).isEqualTo(400);
        Response agent = api.put(
                "/api/centers/" + center.id() + "/chat-settings",
                "{\"customerGoneSeconds\": 120}",
                center.username("agent"),
                PASSWORD,
                "ko");
        assertThat(agent.status()).isEqualTo(403);
        Response read =
                api.get("/api/centers/" + center.id() + "/chat-settings", center.username("agent"), PASSWORD, "ko");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("customerGoneSeconds").asInt()).isEqualTo(60);
    }

    @Test
    void theAgentOfAConnectedChatSeesTheCustomerLeaveAndComeBack() throws Exception {
        var api = ApiClient.on(port);
        String agent = center.username("agent");
        routing(api, agent, "login", "wrap-up-done", "ready");
        Stream<String> desk = null;
        try {
            String[] chat = start(api, "BACK");
            Response accepted = api.post(
                    "/api/routing/centers/" + center.id() + "/agents/" + agent + "/offers/" + chat[0] + "/accept",
                    "",
                    "application/json",
                    agent,
                    PASSWORD,
                    "ko");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            Instant created = jdbc.sql("select created_at from channel.conversation where id = ?")
                    .param(chat[0])
                    .query(java.sql.Timestamp.class)
                    .single()
                    .toInstant();
            desk = deskStream(api, agent);
            Iterator<String> lines = desk.iterator();
            awaitEvent(lines, "connected", chat[0]);

            // The customer never asked since the start: gone once the set time has passed.
            assertThat(abandonedChats.sweep(created.plusSeconds(ChatSettings.DEFAULT_CUSTOMER_GONE_SECONDS + 1)))
                    .anyMatch(g -> g.id().equals(chat[0]));
            assertThat(awaitEvent(lines, CustomerPresence.EVENT, chat[0])).contains("\"present\":false");
            assertThat(status(chat[0])).as("the agent decides to end it").isEqualTo("CONNECTED");

            // A desk opened now learns it after the chat itself.
            try (Stream<String> reopened = deskStream(api, agent)) {
                Iterator<String> again = reopened.iterator();
                awaitEvent(again, "connected", chat[0]);
                assertThat(awaitEvent(again, CustomerPresence.EVENT, chat[0])).contains("\"present\":false");
            }

            Response back =
                    api.get("/chat/api/conversations/" + chat[0] + "/status?token=" + chat[1], null, null, "ko");
            assertThat(back.status()).isEqualTo(200);
            assertThat(awaitEvent(lines, CustomerPresence.EVENT, chat[0])).contains("\"present\":true");

            api.post(
                    "/chat/api/conversations/" + chat[0] + "/end?token=" + chat[1],
                    "",
                    "application/json",
                    null,
                    null,
                    "ko");
        } finally {
            if (desk != null) {
                desk.close();
            }
            routing(api, agent, "wrap-up-done", "logout");
        }
    }

    /** The data line of the next event of this name about this chat. */
    private static String awaitEvent(Iterator<String> lines, String event, String conversation) {
        return Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            String name = null;
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:") && event.equals(name) && line.contains(conversation)) {
                    return line;
                } else if (line.isEmpty()) {
                    name = null;
                }
            }
            throw new AssertionError("the stream ended before " + event);
        });
    }

    /** The desk's stream, as the agent's browser opens it: signed in with the form, by its session cookie. */
    private Stream<String> deskStream(ApiClient api, String agent) throws Exception {
        var http = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        String login = http.send(
                        HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(login);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + encode(agent) + "&password=" + encode(PASSWORD) + "&_csrf=" + encode(csrf.group(1));
        var signedIn = http.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        var response = http.send(
                HttpRequest.newBuilder(uri("/desk/api/stream")).GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI customerStream(String[] chat) {
        return URI.create(
                "http://localhost:" + port + "/chat/api/conversations/" + chat[0] + "/stream?token=" + chat[1]);
    }

    /** A stream's lines; {@link OpenStream#close} closes it as a closed tab would. */
    private static OpenStream open(ApiClient api, URI uri) throws Exception {
        var body = api.http()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofLines())
                .body();
        return new OpenStream(body, body.iterator());
    }

    private record OpenStream(Stream<String> body, Iterator<String> lines) {
        String next() {
            return lines.next();
        }

        void close() {
            body.close();
        }
    }

    private String[] start(ApiClient api, String topic) {
        Response started = api.post(
                "/chat/api/conversations",
                "{\"center\": " + center.id() + ", \"topic\": \"" + topic + "\"}",
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

    private void routing(ApiClient api, String agent, String... actions) {
        for (String action : actions) {
            api.post(
                    "/api/routing/centers/" + center.id() + "/agents/" + agent + "/" + action,
                    "",
                    "application/json",
                    agent,
                    PASSWORD,
                    "ko");
        }
    }

    private String status(String id) {
        return jdbc.sql("select status from channel.conversation where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    /** When the customer was last seen; the epoch when never. */
    private Instant seenAt(String id) {
        // what the sweep reads: a chat's start is the customer's first sign
        return jdbc.sql("select coalesce(customer_seen_at, created_at) from channel.conversation where id = ?")
                .param(id)
                .query((row, n) -> {
                    var seen = row.getTimestamp(1);
                    return seen == null ? Instant.EPOCH : seen.toInstant();
                })
                .single();
    }

    /** Abandoned and short-abandoned today in this center's queue, from the live board's figures. */
    private int[] board(String queue) {
        return jdbc.sql("""
            select coalesce(sum(abandoned), 0), coalesce(sum(short_abandoned), 0) from reporting.queue_interval
             where center_id = ? and queue_code = ?\
            """)
                .params(center.id(), queue)
                .query((row, n) -> new int[] {row.getInt(1), row.getInt(2)})
                .single();
    }
}
