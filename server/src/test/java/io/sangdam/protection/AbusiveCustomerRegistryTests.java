package io.sangdam.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
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
import tools.jackson.databind.JsonNode;

/**
 * The protection team registers the customer of a flagged chat with evidence and an expiry, once an
 * agent verified the customer the chat's typed number claimed; bad registrations are refused plainly; the customer's next chat carries FLAGGED_ABUSIVE and waits for
 * the specialist team (an available 1팀 agent is not offered it), whose agent is warned; lifting and
 * expiry end it. In a center of this class's own, queue BILLING: the generalist takes billing, the
 * specialist billing and the flagged-customer lane. The customer is a demo customer, registered here
 * and lifted again.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbusiveCustomerRegistryTests {

    private static final String PASSWORD = TestCenter.PASSWORD;

    TestCenter center;
    String c;
    String generalist;
    String specialist;
    String supervisor;
    String protection;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AbusiveCustomers registry;

    @Autowired
    ApplicationContext context;

    @BeforeAll
    void createCenter() {
        center = TestCenter.in(context, "registry")
                .chatQueue("BILLING", "BILLING", 3)
                .agent("generalist", "1팀", Map.of("BILLING", 6))
                .agent("specialist", "5팀", Map.of("BILLING", 6, "FLAGGED_CUSTOMER", 6))
                .person("supervisor", Role.SUPERVISOR)
                .headquartersPerson("protection", Role.PROTECTION_TEAM)
                .create();
        c = "/api/routing/centers/" + center.id();
        generalist = center.username("generalist");
        specialist = center.username("specialist");
        supervisor = center.username("supervisor");
        protection = center.username("protection");
    }

    @Test
    void aRegisteredCustomersNextChatGoesToTheDedicatedLaneWithAWarningUntilLifted() {
        var api = ApiClient.on(port);
        var customer = jdbc.sql("""
            select id, name, mobile_phone, birth_date from contact.customer where mobile_phone is not null
               and customer_number >= 'C0000400' order by customer_number limit 1\
            """)
                .query((row, n) -> new String[] {
                    row.getString("id"),
                    row.getString("name"),
                    row.getString("mobile_phone"),
                    row.getString("birth_date")
                })
                .single();
        long customerId = Long.parseLong(customer[0]);
        agent(api, generalist, "login", "ready");

        String[] first = start(
                api,
                "{\"center\": " + center.id() + ", \"topic\": \"BILLING\", \"name\": \"" + customer[1]
                        + "\", \"phone\": \"" + customer[2] + "\"}");
        accept(api, generalist, first[0]);
        say(api, first, "요금이 왜 이래 시1발 뭐하는 거야");
        String[] anonymous = start(api, "{\"center\": " + center.id() + ", \"topic\": \"BILLING\"}");
        accept(api, generalist, anonymous[0]);
        say(api, anonymous, "시1발 장난하냐");

        Response review = api.get("/api/protection/incidents/" + first[0] + "/review", protection, PASSWORD, "ko");
        assertThat(review.status()).as(review.body()).isEqualTo(200);
        assertThat(review.json().get("customer").get("id").asLong()).isEqualTo(customerId);
        long evidence = review.json().get("flagged").get(0).get("messageId").asLong();
        long otherEvidence = api.get(
                        "/api/protection/incidents/" + anonymous[0] + "/review", protection, PASSWORD, "ko")
                .json()
                .get("flagged")
                .get(0)
                .get("messageId")
                .asLong();
        String expiry = registry.today().plusDays(30).toString();

        // The typed number is only a claim: the registry refuses it, API and page, until the agent verifies.
        assertThat(review.json().get("customer").get("verified").asBoolean()).isFalse();
        Response claimed = register(api, first[0], "[" + evidence + "]", expiry, protection);
        assertProblem(claimed, 409, "customer-not-verified");
        assertThat(claimed.json().get("detail").asString()).contains("not verified");
        assertThat(registry.active(customerId)).isEmpty();
        verify(api, generalist, first[0], customer[3]);
        assertThat(api.get("/api/protection/incidents/" + first[0] + "/review", protection, PASSWORD, "ko")
                        .json()
                        .get("customer")
                        .get("verified")
                        .asBoolean())
                .isTrue();

        assertProblem(register(api, first[0], "[]", expiry, protection), 400, "evidence-required");
        assertProblem(register(api, first[0], null, expiry, protection), 400, "evidence-required");
        assertProblem(
                register(api, anonymous[0], "[" + otherEvidence + "]", expiry, protection),
                409,
                "incident-without-customer");
        assertProblem(register(api, "no-such-chat", "[1]", expiry, protection), 404, "unknown-incident");
        assertProblem(register(api, first[0], "[" + otherEvidence + "]", expiry, protection), 400, "unknown-evidence");
        assertProblem(
                register(
                        api,
                        first[0],
                        "[" + evidence + "]",
                        registry.today().minusDays(1).toString(),
                        protection),
                400,
                "invalid-expiry");
        assertProblem(register(api, first[0], "[" + evidence + "]", expiry, supervisor), 403, "access-denied");

        Response registered = register(api, first[0], "[" + evidence + "]", expiry, protection);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long id = registered.json().get("id").asLong();
        assertThat(registered.json().get("evidence").asString()).contains("시1발").startsWith("[20");
        assertThat(registered.json().get("expiresOn").asString()).isEqualTo(expiry);
        assertProblem(
                register(api, first[0], "[" + evidence + "]", expiry, protection), 409, "customer-already-registered");
        assertThat(jdbc.sql("select reason from identity.personal_data_access where subject_type ="
                                + " 'abusive-customer' and subject_id = ?")
                        .param(String.valueOf(id))
                        .query(String.class)
                        .single())
                .contains("악성 고객 등록");
        assertThat(api.get("/api/protection/registry?q=" + customerId, protection, PASSWORD, "ko")
                        .json()
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(id);

        end(api, first[0]);
        end(api, anonymous[0]);
        agent(api, generalist, "wrap-up-done");

        // The next chat: flagged, and it waits although the generalist (BILLING) is available.
        String[] next = start(
                api,
                "{\"center\": " + center.id() + ", \"topic\": \"BILLING\", \"name\": \"" + customer[1]
                        + "\", \"phone\": \"" + customer[2] + "\"}");
        JsonNode contact = contact(api, next[0]);
        assertThat(contact.get("attributes").toString()).contains("FLAGGED_ABUSIVE");
        assertThat(contact.get("status").asString()).isEqualTo("WAITING");
        agent(api, specialist, "login", "ready");
        assertThat(contact(api, next[0]).get("status").asString()).isEqualTo("OFFERED");
        accept(api, specialist, next[0]);
        // The specialist is warned that the number given is registered, but what for only once they verify.
        Response panel = api.get("/api/conversations/" + next[0] + "/customer", specialist, PASSWORD, "ko");
        assertThat(panel.json().get("flagged").get("verified").asBoolean()).isFalse();
        assertThat(panel.json().get("flagged").get("category").isNull()).isTrue();
        panel = verify(api, specialist, next[0], customer[3]);
        assertThat(panel.json().get("flagged").get("category").asString()).isEqualTo("PROFANITY");
        assertThat(panel.json().get("flagged").get("until").asString()).isEqualTo(expiry);
        end(api, next[0]);
        agent(api, specialist, "wrap-up-done", "logout");

        assertProblem(
                api.post(
                        "/api/protection/registry/" + id + "/lift",
                        "{}",
                        "application/json",
                        protection,
                        PASSWORD,
                        "en"),
                400,
                "reason-required");
        Response lifted = api.post(
                "/api/protection/registry/" + id + "/lift",
                "{\"reason\": \"고객 사과, 재발 방지 약속\"}",
                "application/json",
                protection,
                PASSWORD,
                "ko");
        assertThat(lifted.json().get("liftedBy").asString()).isEqualTo(protection);
        assertProblem(
                api.post(
                        "/api/protection/registry/" + id + "/lift",
                        "{\"reason\": \"다시\"}",
                        "application/json",
                        protection,
                        PASSWORD,
                        "en"),
                409,
                "registration-not-active");
        assertThat(registry.active(customerId)).isEmpty();
        String[] afterLift = start(
                api, "{\"center\": " + center.id() + ", \"topic\": \"BILLING\", \"phone\": \"" + customer[2] + "\"}");
        assertThat(contact(api, afterLift[0]).get("attributes").toString()).doesNotContain("FLAGGED_ABUSIVE");
        end(api, afterLift[0]);
        agent(api, generalist, "wrap-up-done", "logout");
    }

    @Test
    void anEntryIsActiveThroughItsExpiryDayAndNotAfter() {
        long customer = 2999;
        jdbc.sql("""
            insert into protection.abusive_customer (customer_id, conversation_id, center_id, category, evidence, registered_by,
                registered_at, expires_on) values (?, 'expiry-test', ?, 'THREAT', '[2026-01-01 10:00:00] …', 'protection', now(), ?)\
            """)
                .params(
                        customer,
                        center.id(),
                        java.sql.Date.valueOf(registry.today().minusDays(1)))
                .update();
        assertThat(registry.active(customer)).isEmpty();
        jdbc.sql("update protection.abusive_customer set expires_on = ? where conversation_id = 'expiry-test'")
                .param(java.sql.Date.valueOf(registry.today()))
                .update();
        assertThat(registry.active(customer))
                .hasValueSatisfying(r -> assertThat(r.category()).isEqualTo("THREAT"));
    }

    private static Response register(ApiClient api, String conversation, String evidence, String expiry, String user) {
        String body = "{\"conversation\": \"" + conversation + "\", \"category\": \"PROFANITY\", "
                + (evidence == null ? "" : "\"evidence\": " + evidence + ", ") + "\"expiresOn\": \"" + expiry + "\"}";
        return api.post("/api/protection/registry", body, "application/json", user, PASSWORD, "en");
    }

    /** The agent who holds the chat verifies its claimed customer with the right date of birth. */
    private static Response verify(ApiClient api, String agent, String conversation, String birthDate) {
        Response verified = api.post(
                "/api/conversations/" + conversation + "/customer/verification",
                "{\"method\": \"BIRTH_DATE\", \"answer\": \"" + birthDate + "\"}",
                "application/json",
                agent,
                PASSWORD,
                "ko");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        return verified;
    }

    private static String[] start(ApiClient api, String chat) {
        Response started = api.post("/chat/api/conversations", chat, "application/json", null, null, "ko");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return new String[] {
            started.json().get("conversation").asString(),
            started.json().get("token").asString()
        };
    }

    private static void say(ApiClient api, String[] chat, String text) {
        Response said = api.post(
                "/chat/api/conversations/" + chat[0] + "/messages?token=" + chat[1],
                "{\"text\": \"" + text + "\"}",
                "application/json",
                null,
                null,
                "ko");
        assertThat(said.status()).as(said.body()).isEqualTo(201);
    }

    private void accept(ApiClient api, String agent, String contact) {
        Response accepted = api.post(
                c + "/agents/" + agent + "/offers/" + contact + "/accept",
                "",
                "application/json",
                agent,
                PASSWORD,
                "ko");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    private void end(ApiClient api, String contact) {
        api.post(c + "/contacts/" + contact + "/end", "", "application/json", supervisor, PASSWORD, "ko");
    }

    private void agent(ApiClient api, String agent, String... actions) {
        for (String action : actions) {
            api.post(c + "/agents/" + agent + "/" + action, "", "application/json", agent, PASSWORD, "ko");
        }
    }

    private JsonNode contact(ApiClient api, String id) {
        for (var contact :
                api.get(c + "/state", supervisor, PASSWORD, "ko").json().get("contacts")) {
            if (contact.get("id").get("value").asString().equals(id)) {
                return contact;
            }
        }
        throw new AssertionError("contact " + id + " is not in the engine");
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }
}
