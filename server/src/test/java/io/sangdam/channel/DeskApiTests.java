package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.Response;
import io.sangdam.channel.CallbackSetup.Session;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The desk's own calls refuse what cannot be done with a problem code the desk shows as it is. */
@RunningServer
class DeskApiTests {

    @LocalServerPort
    int port;

    @Test
    void anOfferThatIsGoneIsExplainedAndOtherBadCallsAreRefusedClearly() {
        var agent = new Session(port, "dj.agent029");
        // The desk shows the detail as it is, in the agent's language (the session's; Korean here).
        Response accepted = agent.post("/desk/api/offers/no-such-chat/accept", "", "ko");
        assertProblem(accepted, 409, "offer-expired");
        assertThat(accepted.json().get("detail").asString()).isEqualTo("이 상담 제안은 만료되었거나 다른 상담사에게 갔습니다.");
        assertProblem(agent.post("/desk/api/offers/no-such-chat/decline", "", "ko"), 409, "offer-expired");
        assertProblem(agent.post("/desk/api/conversations/no-such-chat/typing", "", "en"), 404, "unknown-conversation");
        assertProblem(agent.post("/desk/api/conversations/no-such-chat/transfer", "{\"queue\": ", "en"), 400, "malformed-request");
        assertProblem(agent.post("/desk/api/conversations/no-such-chat/transfer", "{\"queue\": \"\"}", "en"), 400,
                "validation-failed");
        assertProblem(agent.post("/desk/api/not-ready", "{}", "en"), 400, "validation-failed");
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
    }
}
