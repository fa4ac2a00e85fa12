package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.contact.Disposition;
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
 * A chat that starts with a demo customer's phone is linked to that customer as a claim; the agent
 * who holds it verifies the date of birth, then sees them masked with their history, unmasks with a
 * reason, and searches and links when no phone matched; every look and attempt is logged. The chats
 * go to a center of this class's own, whose one agent takes RETENTION; the customers are demo
 * customers, only read, and the access log is read for this agent alone.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerPanelApiTests {

    private static final String PASSWORD = TestCenter.PASSWORD;

    TestCenter center;
    TestCenter otherCenter;
    String agent;
    String colleague;
    String supervisor;
    String manager;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Chats chats;

    @Autowired
    io.sangdam.contact.LoggingSmsGatewayFake sms;

    @Autowired
    ApplicationContext context;

    @BeforeAll
    void createCenters() {
        center = TestCenter.in(context, "panel")
                .chatQueue("RETENTION", "RETENTION", 3)
                .agent("agent", Map.of("RETENTION", 6))
                .agent("colleague", Map.of("RETENTION", 6))
                .person("supervisor", Role.SUPERVISOR)
                .person("manager", Role.CENTER_MANAGER)
                .create();
        otherCenter = TestCenter.in(context, "panelother")
                .chatQueue("RETENTION", "RETENTION", 3)
                .agent("agent", Map.of("RETENTION", 6))
                .person("manager", Role.CENTER_MANAGER)
                .create();
        agent = center.username("agent");
        colleague = center.username("colleague");
        supervisor = center.username("supervisor");
        manager = center.username("manager");
    }

    @Test
    void aTypedNumberIsOnlyAClaimUntilTheAgentVerifiesTheBirthDateThenTheHistoryShows() {
        var api = ApiClient.on(port);
        var customer = jdbc.sql("""
            select id, name, mobile_phone, customer_number, birth_date from contact.customer where customer_number = 'C0000100'\
            """)
                .query((row, n) -> new String[] {
                    row.getString("id"),
                    row.getString("name"),
                    row.getString("mobile_phone"),
                    row.getString("customer_number"),
                    row.getString("birth_date")
                })
                .single();
        java.time.LocalDate born = java.time.LocalDate.parse(customer[4]);
        readyAgent(api);

        // Anyone may type anyone's number: the chat is linked, as a claim, and the panel shows only that.
        String first = startAndAccept(
                api,
                "{\"center\": " + center.id() + ", \"topic\": \"RETENTION\", \"name\": \"" + customer[1]
                        + "\", \"phone\": \"" + customer[2].replace("-", " ") + "\"}");
        Response claimed = api.get("/api/conversations/" + first + "/customer", agent, PASSWORD, "ko");
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(claimed.json().get("link").asString()).isEqualTo("CLAIMED");
        assertThat(claimed.json().get("customer").isNull()).isTrue();
        assertThat(claimed.json().get("claim").get("customer").get("name").asString())
                .contains("*")
                .isNotEqualTo(customer[1]);
        assertThat(claimed.json()
                        .get("claim")
                        .get("customer")
                        .get("mobilePhone")
                        .asString())
                .contains("****");
        assertThat(claimed.json().get("claim").get("attemptsLeft").asInt()).isEqualTo(CustomerPanel.MAXIMUM_FAILURES);
        assertThat(claimed.json().get("contacts").isEmpty()).isTrue();
        assertThat(claimed.json().get("consultations").isEmpty()).isTrue();
        assertThat(claimed.body())
                .doesNotContain(customer[3])
                .doesNotContain(customer[4])
                .doesNotContain(customer[1]);
        assertProblem(
                api.post(
                        "/api/conversations/" + first + "/customer/unmask",
                        "{\"reason\": \"본인 확인\"}",
                        "application/json",
                        agent,
                        PASSWORD,
                        "en"),
                409,
                "customer-not-verified");

        // A wrong date of birth fails, counts and is logged; a malformed one is refused before any comparison.
        Response wrong = verify(api, first, born.plusDays(1).toString(), "ko");
        assertProblem(wrong, 422, "verification-failed");
        assertThat(wrong.json().get("detail").asString()).contains("2회");
        assertThat(verifications(customer[3]))
                .containsExactly("생년월일 (birth date): 불일치 (did not match), contact " + first);
        assertProblem(verify(api, first, "1985/03/14", "en"), 400, "invalid-birth-date");
        assertThat(verifications(customer[3])).hasSize(1);
        assertThat(api.get("/api/conversations/" + first + "/customer", agent, PASSWORD, "ko")
                        .json()
                        .get("claim")
                        .get("attemptsLeft")
                        .asInt())
                .isEqualTo(CustomerPanel.MAXIMUM_FAILURES - 1);

        // The right one verifies: who, how and when are kept, and the customer is shown as before.
        Response verified = verify(api, first, born.toString(), "ko");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("link").asString()).isEqualTo("VERIFIED");
        assertThat(verified.json().get("verified").get("by").asString()).isEqualTo(agent);
        assertThat(verified.json().get("verified").get("method").asString()).isEqualTo("BIRTH_DATE");
        assertThat(verified.json().get("customer").get("id").asLong()).isEqualTo(Long.parseLong(customer[0]));
        assertThat(verified.json().get("customer").get("name").asString())
                .contains("*")
                .isNotEqualTo(customer[1]);
        assertThat(verifications(customer[3])).hasSize(2).last().asString().contains("일치 (matched)");
        assertThat(views(customer[3], "VIEW")).isPositive();

        Response noReason = api.post(
                "/api/conversations/" + first + "/customer/unmask", "{}", "application/json", agent, PASSWORD, "en");
        assertProblem(noReason, 400, "reason-required");
        Response unmasked = api.post(
                "/api/conversations/" + first + "/customer/unmask",
                "{\"reason\": \"본인 확인\"}",
                "application/json",
                agent,
                PASSWORD,
                "ko");
        assertThat(unmasked.json().get("name").asString()).isEqualTo(customer[1]);
        assertThat(views(customer[3], "UNMASK")).isEqualTo(1);

        // The second chat gave no phone: nobody is linked until the agent searches and links.
        String second = startAndAccept(api, "{\"center\": " + center.id() + ", \"topic\": \"RETENTION\"}");
        Response unlinked = api.get("/api/conversations/" + second + "/customer", agent, PASSWORD, "ko");
        assertThat(unlinked.json().get("customer").isNull()).isTrue();
        assertThat(unlinked.json().get("link").isNull()).isTrue();
        assertProblem(
                api.post(
                        "/api/conversations/" + second + "/customer/unmask",
                        "{\"reason\": \"확인\"}",
                        "application/json",
                        agent,
                        PASSWORD,
                        "en"),
                409,
                "no-linked-customer");
        Response found =
                api.get("/api/conversations/" + second + "/customer/search?q=" + customer[3], agent, PASSWORD, "ko");
        assertThat(found.json().get(0).get("customerNumber").asString()).isEqualTo(customer[3]);
        assertThat(jdbc.sql("select subject_label from identity.personal_data_access where subject_type ="
                                + " 'customer-search' and subject_id = ?")
                        .param(second)
                        .query(String.class)
                        .list())
                .containsExactly(customer[3]);

        // The first chat ends and is recorded with its verified customer; the second chat, once linked
        // (a claim too) and verified, shows it.
        api.post(
                "/api/routing/centers/" + center.id() + "/contacts/" + first + "/end",
                "",
                "application/json",
                supervisor,
                PASSWORD,
                "ko");
        long category = jdbc.sql("select id from contact.category where level = 3 order by id limit 1")
                .query(Long.class)
                .single();
        recordAs(first, category);
        Response linked = api.post(
                "/api/conversations/" + second + "/customer",
                "{\"customerId\": " + customer[0] + "}",
                "application/json",
                agent,
                PASSWORD,
                "ko");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("link").asString()).isEqualTo("CLAIMED");
        assertThat(linked.json().get("consultations").isEmpty()).isTrue();
        Response shown = verify(api, second, born.toString(), "ko");
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().get("consultations").get(0).get("contactId").asString())
                .isEqualTo(first);
        assertThat(shown.json().get("consultations").get(0).get("notes").asString())
                .isEqualTo("010-****-2222 로 안내");
        assertThat(shown.json().get("contacts").get(0).get("conversation").asString())
                .isEqualTo(first);
        assertThat(jdbc.sql("select customer_id from contact.consultation where contact_id = ?")
                        .param(first)
                        .query(Long.class)
                        .single())
                .isEqualTo(Long.parseLong(customer[0]));
        api.post(
                "/api/routing/centers/" + center.id() + "/contacts/" + second + "/end",
                "",
                "application/json",
                supervisor,
                PASSWORD,
                "ko");
    }

    /**
     * Someone typed another person's number and cannot tell their birth date: three failures use up
     * the chat's attempts (even the right date is then refused), the panel never shows that
     * person's history, and the chat's record is not filed under them.
     */
    @Test
    void anImpostorGetsThreeAttemptsAndNeverTheHistoryOrTheRecord() {
        var api = ApiClient.on(port);
        var customer = jdbc.sql("select id, mobile_phone, customer_number, birth_date from contact.customer where"
                        + " customer_number = 'C0000101'")
                .query((row, n) -> new String[] {
                    row.getString("id"),
                    row.getString("mobile_phone"),
                    row.getString("customer_number"),
                    row.getString("birth_date")
                })
                .single();
        java.time.LocalDate born = java.time.LocalDate.parse(customer[3]);
        readyAgent(api);
        String chat = startAndAccept(
                api, "{\"center\": " + center.id() + ", \"topic\": \"RETENTION\", \"phone\": \"" + customer[1] + "\"}");

        for (int attempt = 1; attempt <= CustomerPanel.MAXIMUM_FAILURES; attempt++) {
            assertProblem(verify(api, chat, born.minusYears(attempt).toString(), "en"), 422, "verification-failed");
        }
        Response exhausted = verify(api, chat, born.toString(), "en");
        assertProblem(exhausted, 409, "verification-attempts-exhausted");
        assertThat(exhausted.json().get("detail").asString()).contains("3");
        assertThat(verifications(customer[2]))
                .hasSize(CustomerPanel.MAXIMUM_FAILURES)
                .allSatisfy(reason -> assertThat(reason).contains("불일치"));
        Response panel = api.get("/api/conversations/" + chat + "/customer", agent, PASSWORD, "en");
        assertThat(panel.json().get("link").asString()).isEqualTo("CLAIMED");
        assertThat(panel.json().get("claim").get("attemptsLeft").asInt()).isZero();
        assertThat(panel.json().get("customer").isNull()).isTrue();

        api.post(
                "/api/routing/centers/" + center.id() + "/contacts/" + chat + "/end",
                "",
                "application/json",
                supervisor,
                PASSWORD,
                "ko");
        assertProblem(verify(api, chat, born.toString(), "en"), 409, "conversation-ended");
        long category = jdbc.sql("select id from contact.category where level = 3 order by id limit 1")
                .query(Long.class)
                .single();
        recordAs(chat, category);
        assertThat(jdbc.sql("select customer_id is null from contact.consultation where contact_id = ?")
                        .param(chat)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    /**
     * A center that chooses one-time codes: the code goes to the phone on record (through the fake
     * gateway the tests switch on), the customer reads it back, and each step is logged. The center goes
     * back to date of birth only at the end.
     */
    @Test
    void aCenterThatChoosesOneTimeCodesVerifiesByTheCodeSentToThePhoneOnRecord() {
        var api = ApiClient.on(port);
        String settings = "/api/centers/" + center.id() + "/customer-verification";
        var customer = jdbc.sql(
                        "select mobile_phone, customer_number from contact.customer where customer_number = 'C0000102'")
                .query((row, n) -> new String[] {row.getString("mobile_phone"), row.getString("customer_number")})
                .single();
        assertThat(api.get(settings, agent, PASSWORD, "en")
                        .json()
                        .get("methods")
                        .toString())
                .isEqualTo("[\"BIRTH_DATE\"]");
        readyAgent(api);
        String chat = startAndAccept(
                api, "{\"center\": " + center.id() + ", \"topic\": \"RETENTION\", \"phone\": \"" + customer[0] + "\"}");
        assertProblem(
                api.post(
                        "/api/conversations/" + chat + "/customer/verification/code",
                        "",
                        "application/json",
                        agent,
                        PASSWORD,
                        "en"),
                400,
                "verification-method-not-allowed");

        assertProblem(
                api.put(settings, "{\"methods\": [\"BIRTH_DATE\", \"ONE_TIME_CODE\"]}", agent, PASSWORD, "en"),
                403,
                "access-denied");
        assertProblem(
                api.put(
                        settings,
                        "{\"methods\": [\"BIRTH_DATE\", \"ONE_TIME_CODE\"]}",
                        otherCenter.username("manager"),
                        PASSWORD,
                        "en"),
                403,
                "access-denied");
        assertProblem(
                api.put(settings, "{\"methods\": []}", manager, PASSWORD, "en"), 400, "verification-methods-required");
        try {
            Response chosen =
                    api.put(settings, "{\"methods\": [\"BIRTH_DATE\", \"ONE_TIME_CODE\"]}", manager, PASSWORD, "en");
            assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
            assertThat(chosen.json().get("changedBy").asString()).isEqualTo(manager);
            assertThat(api.get("/api/conversations/" + chat + "/customer", agent, PASSWORD, "en")
                            .json()
                            .get("claim")
                            .get("methods")
                            .toString())
                    .isEqualTo("[\"BIRTH_DATE\",\"ONE_TIME_CODE\"]");

            assertProblem(verifyBy(api, chat, "ONE_TIME_CODE", "123456"), 409, "no-code-sent");
            Response sent = api.post(
                    "/api/conversations/" + chat + "/customer/verification/code",
                    "",
                    "application/json",
                    agent,
                    PASSWORD,
                    "en");
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            String text = sms.lastTo(customer[0]).orElseThrow().text();
            var digits = java.util.regex.Pattern.compile("\\b([0-9]{6})\\b").matcher(text);
            assertThat(digits.find()).as(text).isTrue();
            String code = digits.group(1);
            String wrong = "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
            assertProblem(verifyBy(api, chat, "ONE_TIME_CODE", "12ab"), 400, "invalid-one-time-code");
            assertProblem(verifyBy(api, chat, "ONE_TIME_CODE", wrong), 422, "verification-failed");
            Response verified = verifyBy(api, chat, "ONE_TIME_CODE", code);
            assertThat(verified.status()).as(verified.body()).isEqualTo(200);
            assertThat(verified.json().get("verified").get("method").asString()).isEqualTo("ONE_TIME_CODE");
            assertThat(verifications(customer[1])).hasSize(4);
            assertThat(verifications(customer[1]).get(1)).contains("발송 (sent)");
            assertThat(verifications(customer[1]).get(2)).contains("불일치");
            assertThat(verifications(customer[1]).get(3)).contains("일치 (matched)");
        } finally {
            api.put(settings, "{\"methods\": [\"BIRTH_DATE\"]}", manager, PASSWORD, "en");
            api.post(
                    "/api/routing/centers/" + center.id() + "/contacts/" + chat + "/end",
                    "",
                    "application/json",
                    supervisor,
                    PASSWORD,
                    "ko");
        }
    }

    @Test
    void otherPeoplesAndUnknownConversationsAreRefusedClearly() {
        var api = ApiClient.on(port);
        readyAgent(api);
        String chat = startAndAccept(api, "{\"center\": " + center.id() + ", \"topic\": \"RETENTION\"}");

        assertProblem(
                api.get("/api/conversations/no-such-chat/customer", agent, PASSWORD, "en"),
                404,
                "unknown-conversation");
        assertProblem(
                api.get("/api/conversations/" + chat + "/customer", otherCenter.username("agent"), PASSWORD, "en"),
                403,
                "conversation-of-another-center");
        assertProblem(
                api.get("/api/conversations/" + chat + "/customer", colleague, PASSWORD, "en"),
                403,
                "not-your-conversation");
        assertProblem(
                api.get("/api/conversations/" + chat + "/customer", supervisor, PASSWORD, "en"), 403, "access-denied");
        assertProblem(
                api.get("/api/conversations/" + chat + "/customer/search?q=", agent, PASSWORD, "en"),
                400,
                "customer-query-length");
        assertProblem(
                api.post(
                        "/api/conversations/" + chat + "/customer",
                        "{\"customerId\": 99999999}",
                        "application/json",
                        agent,
                        PASSWORD,
                        "en"),
                404,
                "unknown-customer");
        assertProblem(
                api.post("/api/conversations/" + chat + "/customer", "{}", "application/json", agent, PASSWORD, "en"),
                400,
                "validation-failed");
        api.post(
                "/api/routing/centers/" + center.id() + "/contacts/" + chat + "/end",
                "",
                "application/json",
                supervisor,
                PASSWORD,
                "ko");
    }

    @Test
    void aTransferNoteIsForTheNextAgentAndNeverReachesTheCustomer() {
        var api = ApiClient.on(port);
        readyAgent(api);
        Response started = api.post(
                "/chat/api/conversations",
                "{\"center\": " + center.id() + ", \"topic\": \"RETENTION\"}",
                "application/json",
                null,
                null,
                "ko");
        String chat = started.json().get("conversation").asString();
        String token = started.json().get("token").asString();
        Response accepted = api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + agent + "/offers/" + chat + "/accept",
                "",
                "application/json",
                agent,
                PASSWORD,
                "ko");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        chats.transfer(agent, chat, "RETENTION", null, "매우 화가 난 고객, 010-1234-5678 로 재연락 요청");

        Response seen = api.get("/chat/api/conversations/" + chat + "?token=" + token, null, null, "ko");
        assertThat(seen.body()).contains("연결됩니다").doesNotContain("화가 난").doesNotContain("NOTE");
        // The stream, which opens with the history, leaves it out too (the note is stored before the notice).
        assertThat(streamUntil(chat, token, "연결됩니다"))
                .contains("연결됩니다")
                .doesNotContain("화가 난")
                .doesNotContain("NOTE");
        assertThat(chats.history(chat))
                .filteredOn(m -> m.sender() == Conversations.Sender.NOTE)
                .extracting(Conversations.Message::body)
                .containsExactly("매우 화가 난 고객, 010-****-5678 로 재연락 요청");
        api.post(
                "/api/routing/centers/" + center.id() + "/contacts/" + chat + "/end",
                "",
                "application/json",
                supervisor,
                PASSWORD,
                "ko");
    }

    /** The customer's event stream, read up to the first line that holds {@code last}. */
    private String streamUntil(String chat, String token, String last) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/chat/api/conversations/" + chat + "/stream?token=" + token))
                .GET()
                .build();
        try (var lines = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofLines())
                .body()) {
            var read = new StringBuilder();
            var iterator = lines.iterator();
            while (iterator.hasNext()) {
                String line = iterator.next();
                read.append(line).append('\n');
                if (line.contains(last)) {
                    return read.toString();
                }
            }
            return read.toString();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void recordAs(String conversation, long category) {
        chats.record(agent, conversation, category, Disposition.RESOLVED, false, "010-1111-2222 로 안내");
    }

    private void readyAgent(ApiClient api) {
        // Whatever the other test left: logged in already, or in wrap-up after its last chat.
        api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + agent + "/login",
                "",
                "application/json",
                agent,
                PASSWORD,
                "ko");
        api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + agent + "/wrap-up-done",
                "",
                "application/json",
                agent,
                PASSWORD,
                "ko");
        api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + agent + "/ready",
                "",
                "application/json",
                agent,
                PASSWORD,
                "ko");
    }

    private String startAndAccept(ApiClient api, String chat) {
        Response started = api.post("/chat/api/conversations", chat, "application/json", null, null, "ko");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().get("conversation").asString();
        Response accepted = api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + agent + "/offers/" + id + "/accept",
                "",
                "application/json",
                agent,
                PASSWORD,
                "ko");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return id;
    }

    private Response verify(ApiClient api, String conversation, String birthDate, String language) {
        return api.post(
                "/api/conversations/" + conversation + "/customer/verification",
                "{\"method\": \"BIRTH_DATE\", \"answer\": \"" + birthDate + "\"}",
                "application/json",
                agent,
                PASSWORD,
                language);
    }

    private Response verifyBy(ApiClient api, String conversation, String method, String answer) {
        return api.post(
                "/api/conversations/" + conversation + "/customer/verification",
                "{\"method\": \"" + method + "\", \"answer\": \"" + answer + "\"}",
                "application/json",
                agent,
                PASSWORD,
                "en");
    }

    /** The agent's verification attempts on the customer, oldest first, as the access log keeps them. */
    private java.util.List<String> verifications(String customerNumber) {
        return jdbc.sql("""
            select reason from identity.personal_data_access where subject_id = ? and task = 'VERIFY' and username = ? order by id\
            """).params(customerNumber, agent).query(String.class).list();
    }

    private long views(String customerNumber, String task) {
        return jdbc.sql("select count(*) from identity.personal_data_access where subject_id = ? and task = ? and"
                        + " username = ?")
                .params(customerNumber, task, agent)
                .query(Long.class)
                .single();
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }
}
