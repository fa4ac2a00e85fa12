package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outside opening hours the widget's API says so and takes a message instead. A center of this
 * class's own gets a queue WEEKEND open 09:00-18:00 every day but closed yesterday, today and
 * tomorrow (Seoul time), so it is closed whenever the test runs, beside BILLING, open around the
 * clock.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosedHoursTests {

    static final String QUEUE = "WEEKEND";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    TestCenter center;

    @BeforeAll
    void createCenter() {
        center = centerWithClosedQueue(context, port, "closedhours");
    }

    /**
     * A center with BILLING open around the clock and the always-closed queue {@link #QUEUE}, made
     * by its manager over the API; an agent ("agent", BILLING) and the manager ("manager").
     */
    static TestCenter centerWithClosedQueue(ApplicationContext context, int port, String label) {
        TestCenter center = TestCenter.in(context, label)
                .chatQueue("BILLING", "요금·납부 문의", "BILLING", 3)
                .agent("agent", Map.of("BILLING", 5))
                .person("manager", Role.CENTER_MANAGER)
                .create();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        StringBuilder hours = new StringBuilder();
        for (int day = 1; day <= 7; day++) {
            hours.append(day == 1 ? "" : ", ")
                    .append("{\"dayOfWeek\": ")
                    .append(day)
                    .append(", \"opens\": \"09:00\", \"closes\": \"18:00\"}");
        }
        Response created = ApiClient.on(port)
                .post(
                        "/api/routing/centers/" + center.id() + "/queues",
                        """
                        {"code": "%s", "name": "주말 상담", "channel": "CHAT", "skills": [{"skill": "BILLING", "minimumLevel": 3}],
                         "limitedHours": true, "hours": [%s], "closedDays": ["%s", "%s", "%s"]}\
                        """.formatted(QUEUE, hours, today.minusDays(1), today, today.plusDays(1)),
                        "application/json",
                        center.username("manager"),
                        TestCenter.PASSWORD,
                        "ko");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return center;
    }

    @Test
    void aClosedTopicIsListedWithItsHoursAndRefusesAChat() {
        var api = ApiClient.on(port);
        Response topics = api.get("/chat/api/topics?center=" + center.id(), null, null, "ko");
        var weekend = topics.json().findParents("code").stream()
                .filter(t -> t.get("code").asString().equals(QUEUE))
                .findFirst()
                .orElseThrow();
        assertThat(weekend.get("open").asBoolean()).isFalse();
        assertThat(weekend.get("hours").asString()).contains("월–일 09:00–18:00");
        assertThat(topics.json().findParents("code").stream()
                        .filter(t -> t.get("code").asString().equals("BILLING"))
                        .findFirst()
                        .orElseThrow()
                        .get("open")
                        .asBoolean())
                .isTrue();

        Response refused = api.post(
                "/chat/api/conversations",
                "{\"center\": " + center.id() + ", \"topic\": \"WEEKEND\"}",
                "application/json",
                null,
                null,
                "ko");
        assertProblem(refused, 409, "queue-closed");
        assertThat(refused.json().get("detail").asString()).contains("09:00–18:00");
    }

    @Test
    void aLeftMessageIsStoredMaskedAndBadOnesAreExplained() throws Exception {
        var api = from("127.0.0.5");
        assertProblem(
                api.post("/chat/api/left-messages", left("010-1234-5678", false), "application/json", null, null, "ko"),
                400,
                "consent-required");
        assertProblem(
                api.post("/chat/api/left-messages", left("전화번호", true), "application/json", null, null, "ko"),
                400,
                "validation-failed");
        assertProblem(
                api.post(
                        "/chat/api/left-messages",
                        left("010-1234-5678", true).replace("WEEKEND", "NOPE"),
                        "application/json",
                        null,
                        null,
                        "ko"),
                400,
                "unknown-chat-topic");

        Response left =
                api.post("/chat/api/left-messages", left("010-1234-5678", true), "application/json", null, null, "ko");
        assertThat(left.status()).as(left.body()).isEqualTo(201);
        long reference = left.json().get("reference").asLong();
        assertThat(left.json().get("confirmation").asString()).contains("접수번호 " + reference);
        String body = jdbc.sql("select body from channel.left_message where id = ?")
                .param(reference)
                .query(String.class)
                .single();
        assertThat(body).contains("카드 분실").doesNotContain("9876-5432");
    }

    @Test
    void oneAddressLeavingManyMessagesGetsA429Problem() throws Exception {
        var api = from("127.0.0.7");
        Response last = null;
        for (int i = 0; i < 5 && (last == null || last.status() == 201); i++) {
            last = api.post(
                    "/chat/api/left-messages", left("010-1111-2222", true), "application/json", null, null, "en");
        }
        assertProblem(last, 429, "too-many-requests");
        assertThat(last.json().get("detail").asString()).contains("try again");
        // The 429 says when to try again, as a header a client library understands.
        var again = ApiClient.exchange(
                HttpClient.newBuilder()
                        .localAddress(InetAddress.getByName("127.0.0.7"))
                        .build(),
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/chat/api/left-messages"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(left("010-1111-2222", true)))
                        .build());
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        // Another customer is not affected.
        assertThat(from("127.0.0.8")
                        .post(
                                "/chat/api/left-messages",
                                left("010-1111-3333", true),
                                "application/json",
                                null,
                                null,
                                "en")
                        .status())
                .isEqualTo(201);
    }

    private ApiClient from(String address) throws Exception {
        return new ApiClient(
                port,
                HttpClient.newBuilder()
                        .localAddress(InetAddress.getByName(address))
                        .build(),
                JsonMapper.builder().build());
    }

    private String left(String phone, boolean consent) {
        return """
            {"center": %d, "topic": "WEEKEND", "name": "김민수", "phone": "%s",
             "message": "카드 분실 신고하려고요. 연락처 010-9876-5432", "consent": %s}\
            """.formatted(center.id(), phone, consent);
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }
}
