package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.channel.CallbackSetup.Session;
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
 * The desk's own calls refuse what cannot be done with a problem code the desk shows as it is. The
 * chats go to a center of this class's own, so they go where the test says.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskApiTests {

    private static final String PASSWORD = TestCenter.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    TestCenter center;

    @BeforeAll
    void createCenter() {
        center = TestCenter.in(context, "desk")
                .chatQueue("VIP", "VIP", 3)
                .agent("idle", Map.of("BILLING", 5))
                .agent("from", Map.of("VIP", 6))
                .agent("to", Map.of("VIP", 6))
                .agent("stranger", Map.of("VIP", 6))
                .create();
    }

    @Test
    void anOfferThatIsGoneIsExplainedAndOtherBadCallsAreRefusedClearly() {
        var agent = new Session(port, center.username("idle"), PASSWORD);
        // The desk shows the detail as it is, in the agent's language (the session's; Korean here).
        Response accepted = agent.post("/desk/api/offers/no-such-chat/accept", "", "ko");
        assertProblem(accepted, 409, "offer-expired");
        assertThat(accepted.json().get("detail").asString()).isEqualTo("이 상담 제안은 만료되었거나 다른 상담사에게 갔습니다.");
        assertProblem(agent.post("/desk/api/offers/no-such-chat/decline", "", "ko"), 409, "offer-expired");
        assertProblem(agent.post("/desk/api/conversations/no-such-chat/typing", "", "en"), 404, "unknown-conversation");
        assertProblem(
                agent.post("/desk/api/conversations/no-such-chat/transfer", "{\"queue\": ", "en"),
                400,
                "malformed-request");
        assertProblem(
                agent.post("/desk/api/conversations/no-such-chat/transfer", "{\"queue\": \"\"}", "en"),
                400,
                "validation-failed");
        assertProblem(agent.post("/desk/api/not-ready", "{}", "en"), 400, "validation-failed");
    }

    /**
     * 이관: the transferring agent records what they did at once, with the transcript up to the
     * transfer; the colleague records the rest when the chat ends; an agent who never handled the
     * chat cannot record it.
     */
    @Test
    void theTransferringAgentRecordsTheTransferAndTheColleagueTheRestButNobodyElse() {
        var api = ApiClient.on(port);
        String from = center.username("from");
        String to = center.username("to");
        routing(api, from, "login", "wrap-up-done", "ready");
        routing(api, to, "login", "wrap-up-done");
        Response started = api.post(
                "/chat/api/conversations",
                "{\"center\": " + center.id() + ", \"topic\": \"VIP\"}",
                "application/json",
                null,
                null,
                "ko");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String chat = started.json().get("conversation").asString();
        String token = started.json().get("token").asString();
        accept(api, from, chat);
        var fromDesk = new Session(port, from, PASSWORD);
        customerSays(api, chat, token, "요금이 두 번 나갔어요");
        assertThat(fromDesk.post(
                                "/desk/api/conversations/" + chat + "/messages",
                                "{\"text\": \"담당 부서로 이관해 드릴게요\"}",
                                "ko")
                        .status())
                .isEqualTo(201);
        Response transferred = fromDesk.post(
                "/desk/api/conversations/" + chat + "/transfer",
                "{\"queue\": \"VIP\", \"agent\": \"%s\", \"note\": \"이중 청구, 본인 확인 완료\"}".formatted(to),
                "ko");
        assertThat(transferred.status()).as(transferred.body()).isEqualTo(200);
        routing(api, to, "ready");
        accept(api, to, chat);
        customerSays(api, chat, token, "환불은 언제 되나요?");
        long category = jdbc.sql("select id from contact.category where code = 'BILL-Q-ERROR'")
                .query(Long.class)
                .single();
        String record = "{\"categoryId\": %d, \"disposition\": \"%s\", \"notes\": \"%s\"}";

        // The transferring agent, while the colleague goes on; once only.
        Response fromRecord = fromDesk.post(
                "/desk/api/conversations/" + chat + "/record",
                record.formatted(category, "TRANSFERRED", "VIP 전담으로 이관"),
                "ko");
        assertThat(fromRecord.status()).as(fromRecord.body()).isEqualTo(201);
        assertProblem(
                fromDesk.post(
                        "/desk/api/conversations/" + chat + "/record",
                        record.formatted(category, "TRANSFERRED", ""),
                        "en"),
                409,
                "consultation-already-recorded");
        // Someone who never had the chat, in words.
        Response stranger = new Session(port, center.username("stranger"), PASSWORD)
                .post("/desk/api/conversations/" + chat + "/record", record.formatted(category, "RESOLVED", ""), "ko");
        assertProblem(stranger, 403, "conversation-not-handled");
        assertThat(stranger.json().get("detail").asString()).isEqualTo("맡은 적이 없는 상담이어서 상담 이력을 남길 수 없습니다.");
        // The colleague, once the chat has ended.
        var toDesk = new Session(port, to, PASSWORD);
        assertProblem(
                toDesk.post(
                        "/desk/api/conversations/" + chat + "/record",
                        record.formatted(category, "RESOLVED", ""),
                        "en"),
                409,
                "conversation-still-open");
        assertThat(toDesk.post("/desk/api/conversations/" + chat + "/end", "", "ko")
                        .status())
                .isEqualTo(200);
        Response toRecord = toDesk.post(
                "/desk/api/conversations/" + chat + "/record", record.formatted(category, "RESOLVED", "환불 접수"), "ko");
        assertThat(toRecord.status()).as(toRecord.body()).isEqualTo(201);

        var records = jdbc.sql(
                        "select agent, disposition, transcript::text from contact.consultation where contact_id = ?"
                                + " order by id")
                .param(chat)
                .query((row, n) -> new String[] {row.getString(1), row.getString(2), row.getString(3)})
                .list();
        assertThat(records).extracting(r -> r[0] + " " + r[1]).containsExactly(from + " TRANSFERRED", to + " RESOLVED");
        // Up to the transfer: the question, the answer, the note and the notice; not what the colleague was told.
        assertThat(records.get(0)[2])
                .contains("요금이 두 번 나갔어요", "이관해 드릴게요", "이중 청구, 본인 확인 완료", "연결됩니다")
                .doesNotContain("환불은 언제");
        assertThat(records.get(1)[2]).contains("요금이 두 번 나갔어요", "환불은 언제");
        for (String agent : new String[] {from, to}) {
            routing(api, agent, "wrap-up-done", "logout");
        }
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

    private void accept(ApiClient api, String agent, String chat) {
        Response accepted = api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + agent + "/offers/" + chat + "/accept",
                "",
                "application/json",
                agent,
                PASSWORD,
                "ko");
        assertThat(accepted.status()).as(agent + " accepts: " + accepted.body()).isEqualTo(200);
    }

    private static void customerSays(ApiClient api, String chat, String token, String text) {
        Response said = api.post(
                "/chat/api/conversations/" + chat + "/messages?token=" + token,
                "{\"text\": \"" + text + "\"}",
                "application/json",
                null,
                null,
                "ko");
        assertThat(said.status()).as(said.body()).isIn(200, 201);
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
    }
}
