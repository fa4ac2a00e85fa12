package io.sangdam.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.identity.Role;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.NotReadyReasonLabels;
import io.sangdam.testing.TestCenter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The board and the wallboard (both read {@code /board/api}) show a not-ready reason in words, in
 * the reader's language: routing's own codes ("logged in" after 업무 시작, a supervisor's 팀장 지정)
 * never reach the screen as stored, and a center's reason chosen in English reads in Korean to a
 * Korean reader. The reason itself stays as stored.
 */
@RunningServer
class NotReadyLabelsTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void theBoardNamesEveryNotReadyReasonInTheReadersLanguage() {
        TestCenter center = TestCenter.in(context, "reasonlabels")
                .chatQueue("BILLING", "요금 문의", "BILLING", 3)
                .agent("fresh", Map.of("BILLING", 5))
                .agent("eating", Map.of("BILLING", 5))
                .agent("called", Map.of("BILLING", 5))
                .person("supervisor", Role.SUPERVISOR)
                .create();
        var api = ApiClient.on(port);
        String routing = "/api/routing/centers/" + center.id() + "/agents/";
        for (String agent : new String[] {"fresh", "eating", "called"}) {
            String name = center.username(agent);
            assertThat(api.post(routing + name + "/login", "", "application/json", name, TestCenter.PASSWORD, "ko")
                            .status())
                    .isEqualTo(200);
        }
        String eating = center.username("eating");
        assertThat(api.post(
                                routing + eating + "/not-ready",
                                "{\"reason\": \"Meal\"}",
                                "application/json",
                                eating,
                                TestCenter.PASSWORD,
                                "en")
                        .status())
                .isEqualTo(200);
        var supervisor = new BoardSession(port, center.username("supervisor"));
        assertThat(supervisor
                        .post(
                                "/board/api/agents/" + center.username("called") + "/not-ready?center=" + center.id(),
                                "",
                                "ko")
                        .status())
                .isEqualTo(200);

        JsonNode korean =
                supervisor.get("/board/api?center=" + center.id(), "ko").json();
        assertThat(label(korean, center.username("fresh"))).isEqualTo("업무 시작 (상담 가능 전)");
        assertThat(reason(korean, center.username("fresh"))).isEqualTo("logged in");
        assertThat(label(korean, eating)).isEqualTo("식사");
        assertThat(label(korean, center.username("called"))).isEqualTo("팀장 지정 (" + center.username("supervisor") + ")");
        assertThat(korean.get("notReadyByReason").propertyNames())
                .containsExactlyInAnyOrder("업무 시작 (상담 가능 전)", "식사", "팀장 지정 (" + center.username("supervisor") + ")");

        // The reader's language is the one they chose (kept in a cookie), as for every page.
        assertThat(supervisor.postForm("/account/language", "language=en", "en").status())
                .isEqualTo(302);
        JsonNode english =
                supervisor.get("/board/api?center=" + center.id(), "en").json();
        assertThat(label(english, center.username("fresh"))).isEqualTo("Shift started, not yet available");
        assertThat(label(english, eating)).isEqualTo("Meal");
        assertThat(label(english, center.username("called")))
                .isEqualTo("Set by supervisor (" + center.username("supervisor") + ")");
        assertThat(english.get("notReadyByReason").propertyNames()).doesNotContain("logged in");
        // The other codes routing keeps, and a reason an integration sent, which is shown as it came.
        var labels = context.getBean(NotReadyReasonLabels.class).of(CenterId.of(center.id()), java.util.Locale.ENGLISH);
        assertThat(labels.apply("후처리")).isEqualTo("Wrap-up (records to save)");
        assertThat(labels.apply("sent by an integration")).isEqualTo("sent by an integration");

        for (String agent : new String[] {"fresh", "eating", "called"}) {
            String name = center.username(agent);
            api.post(routing + name + "/logout", "", "application/json", name, TestCenter.PASSWORD, "ko");
        }
    }

    private static String label(JsonNode board, String agent) {
        return agent(board, agent).get("notReadyLabel").asString();
    }

    private static String reason(JsonNode board, String agent) {
        return agent(board, agent).get("notReadyReason").asString();
    }

    private static JsonNode agent(JsonNode board, String agent) {
        for (JsonNode row : board.get("agents")) {
            if (row.get("username").asString().equals(agent)) {
                return row;
            }
        }
        throw new AssertionError(agent + " is not on the board: " + board);
    }
}
