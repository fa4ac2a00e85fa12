package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.channel.BotAnswers.BotAnswer;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * The widget's bot over HTTP (issue 18): an answer, a choice, the hand-off with the conversation
 * attached to the chat its agent takes, deflection counted, bad input refused. The answers come from
 * a hand-written source ({@link Answers}) so what is tested here is the bot's rules, not the search:
 * the knowledge search's own adapter has its tests.
 */
@RunningServer
@Import(BotApiTests.Answers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class BotApiTests {

    /** A fixed answer source: 해지 one clear answer, 요금제 two close ones, anything else nothing. */
    @TestConfiguration
    public static class Answers {

        @Bean
        @Primary
        BotAnswers fixedAnswers() {
            return (question, center, language, limit) -> {
                if (question.contains("해지")) {
                    return List.of(
                            new BotAnswer("KB-1001", "해지 위약금 안내", "약정 기간 안에 해지하면 위약금이 있습니다.", 12.0),
                            new BotAnswer("KB-1050", "일시정지", "일시정지는 해지가 아닙니다.", 3.0));
                }
                if (question.contains("요금제")) {
                    return List.of(
                            new BotAnswer("KB-1002", "요금제 변경", "요금제는 매월 1회 바꿀 수 있습니다.", 9.0),
                            new BotAnswer("KB-1003", "요금제 할인", "선택약정 할인은 25%입니다.", 8.5));
                }
                return List.of();
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    TestCenter center;
    TestCenter without;

    @BeforeAll
    void createCenters() {
        center = TestCenter.in(context, "bot")
                .chatQueue("BILLING", "BILLING", 3)
                .agent("agent", Map.of("BILLING", 5))
                .person("manager", Role.CENTER_MANAGER)
                .create();
        without = TestCenter.in(context, "nobot")
                .chatQueue("BILLING", "BILLING", 3)
                .create();
        context.getBean(BotSettings.class).set(center.id(), true, "test", Instant.now());
    }

    @Test
    void aCenterWithoutTheBotKeepsTheDirectWay() {
        var api = ApiClient.on(port);
        assertThat(api.get("/chat/api/bot?center=" + center.id(), null, null, "ko")
                        .json()
                        .get("enabled")
                        .asBoolean())
                .isTrue();
        assertThat(api.get("/chat/api/bot?center=" + without.id(), null, null, "ko")
                        .json()
                        .get("enabled")
                        .asBoolean())
                .isFalse();
        assertProblem(first(api, without.id(), "해지 위약금"), 409, "bot-off");
        Response direct = api.post(
                "/chat/api/conversations",
                "{\"center\": " + without.id() + ", \"topic\": \"BILLING\"}",
                "application/json",
                null,
                null,
                "ko");
        assertThat(direct.status()).as(direct.body()).isEqualTo(201);
    }

    @Test
    void twoUnhelpfulAnswersHandOffAndTheAgentSeesTheMaskedBotConversation() {
        var api = ApiClient.on(port);
        Response opened = first(api, center.id(), "해지하면 위약금 얼마예요? 제 번호 010-1234-5678");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String session = opened.json().get("session").asString();
        String token = opened.json().get("token").asString();
        JsonNode answer = opened.json().get("turn");
        assertThat(answer.get("kind").asString()).isEqualTo("ANSWER");
        assertThat(answer.get("answers")).hasSize(1);
        assertThat(answer.get("answers").get(0).get("id").asString()).isEqualTo("KB-1001");

        var unhelpful = post(
                api,
                "/sessions/" + session + "/turns/" + answer.get("turn").asLong() + "/feedback",
                token,
                "{\"helpful\": false}");
        assertThat(unhelpful.status()).as(unhelpful.body()).isEqualTo(200);
        assertThat(unhelpful.json().get("handoff").isNull())
                .as("one unhelpful answer is not two")
                .isTrue();
        assertProblem(
                post(
                        api,
                        "/sessions/" + session + "/turns/" + answer.get("turn").asLong() + "/feedback",
                        token,
                        "{\"helpful\": true}"),
                409,
                "bot-turn-answered");

        var choice = post(api, "/sessions/" + session + "/questions", token, "{\"question\": \"요금제 바꾸고 싶어요\"}");
        assertThat(choice.status()).as(choice.body()).isEqualTo(200);
        JsonNode close = choice.json().get("turn");
        assertThat(close.get("kind").asString()).isEqualTo("CHOICE");
        assertThat(close.get("answers")).extracting(a -> a.get("id").asString()).containsExactly("KB-1002", "KB-1003");
        long turn = close.get("turn").asLong();
        assertProblem(
                post(api, "/sessions/" + session + "/turns/" + turn + "/choice", token, "{\"article\": \"KB-9\"}"),
                400,
                "unknown-bot-answer");
        var chosen =
                post(api, "/sessions/" + session + "/turns/" + turn + "/choice", token, "{\"article\": \"KB-1003\"}");
        assertThat(chosen.json().get("kind").asString()).isEqualTo("ANSWER");
        assertThat(chosen.json().get("answers"))
                .extracting(a -> a.get("id").asString())
                .containsExactly("KB-1003");
        var second = post(api, "/sessions/" + session + "/turns/" + turn + "/feedback", token, "{\"helpful\": false}");
        assertThat(second.json().get("handoff").asString()).isEqualTo("TWO_UNHELPFUL");
        assertProblem(
                post(api, "/sessions/" + session + "/questions", token, "{\"question\": \"해지\"}"),
                409,
                "bot-handed-off");

        // Another's token starts nothing.
        assertProblem(startFrom(api, session, "wrong"), 403, "not-your-conversation");
        Response started = startFrom(api, session, token);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String chat = started.json().get("conversation").asString();

        String agent = center.username("agent");
        assertProblem(
                api.get("/api/conversations/" + chat + "/bot", agent, TestCenter.PASSWORD, "ko"),
                403,
                "not-your-conversation");
        routing(api, agent, "login", "wrap-up-done", "ready");
        Response accepted = api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + agent + "/offers/" + chat + "/accept",
                "",
                "application/json",
                agent,
                TestCenter.PASSWORD,
                "ko");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        Response bot = api.get("/api/conversations/" + chat + "/bot", agent, TestCenter.PASSWORD, "ko");
        assertThat(bot.status()).as(bot.body()).isEqualTo(200);
        assertThat(bot.json().get("reason").asString()).isEqualTo("TWO_UNHELPFUL");
        JsonNode exchanges = bot.json().get("exchanges");
        assertThat(exchanges).hasSize(2);
        assertThat(exchanges.get(0).get("question").asString())
                .contains("010-****-5678")
                .doesNotContain("1234-5678");
        assertThat(exchanges.get(0).get("helpful").asBoolean()).isFalse();
        assertThat(exchanges.get(1).get("chosen").asString()).isEqualTo("KB-1003 요금제 할인");
        // A second chat cannot take the same bot conversation.
        assertProblem(startFrom(api, session, token), 403, "not-your-conversation");

        api.post(
                "/chat/api/conversations/" + chat + "/end?token="
                        + started.json().get("token").asString(),
                "",
                "application/json",
                null,
                null,
                "ko");
        routing(api, agent, "wrap-up-done", "logout");
    }

    @Test
    void frustrationAndAbuseAndAnAskHandOffAtOnce() {
        var api = ApiClient.on(port);
        assertThat(first(api, center.id(), "장난해??")
                        .json()
                        .get("turn")
                        .get("handoff")
                        .asString())
                .isEqualTo("FRUSTRATION");
        assertThat(first(api, center.id(), "시1발 왜 안 돼")
                        .json()
                        .get("turn")
                        .get("handoff")
                        .asString())
                .isEqualTo("ABUSE");
        assertThat(first(api, center.id(), "상담사 연결해 주세요")
                        .json()
                        .get("turn")
                        .get("handoff")
                        .asString())
                .isEqualTo("ASKED");
        Response found = first(api, center.id(), "로밍 요금 알려 주세요");
        assertThat(found.json().get("turn").get("kind").asString()).isEqualTo("NONE");
        assertThat(found.json().get("turn").get("handoff").isNull()).isTrue();
        var asked = post(
                api,
                "/sessions/" + found.json().get("session").asString() + "/handoff",
                found.json().get("token").asString(),
                "");
        assertThat(asked.json().get("handoff").asString()).isEqualTo("ASKED");
    }

    @Test
    void anAnswerThatHelpedAndACustomerWhoLeftIsADeflection() {
        var api = ApiClient.on(port);
        var report = context.getBean(BotReport.class);
        ZoneId zone = context.getBean(io.sangdam.identity.CenterDirectory.class)
                .get(center.id())
                .timeZone();
        int before = today(report, zone).deflected();

        Response opened = first(api, center.id(), "해지 방법");
        String session = opened.json().get("session").asString();
        String token = opened.json().get("token").asString();
        long turn = opened.json().get("turn").get("turn").asLong();
        post(api, "/sessions/" + session + "/turns/" + turn + "/feedback", token, "{\"helpful\": true}");
        assertThat(today(report, zone).deflected())
                .as("not yet: the customer is still there")
                .isEqualTo(before);
        assertThat(post(api, "/sessions/" + session + "/end", token, "").status())
                .isEqualTo(200);
        BotReport.Day day = today(report, zone);
        assertThat(day.deflected()).isEqualTo(before + 1);
        assertThat(day.rate()).isNotNull();

        // The questions it could not answer are there to write articles from, masked.
        first(api, center.id(), "포인트 적립은 어떻게 해요 010-9876-5432");
        assertThat(report.unanswered(center.id(), Instant.now().minusSeconds(600), 50))
                .extracting(BotReport.Unanswered::question)
                .contains("포인트 적립은 어떻게 해요 010-****-5432");
    }

    @Test
    void badQuestionsAreProblemsNeverErrors() {
        var api = ApiClient.on(port);
        assertProblem(first(api, center.id(), "   "), 400, "empty-question");
        assertProblem(
                first(api, center.id(), "가".repeat(ChatBot.MAXIMUM_QUESTION_LENGTH + 1)), 400, "question-too-long");
        // Control characters are refused for every request body in one place (platform's StorableText).
        Response control = first(api, center.id(), "해지\\u0007");
        assertProblem(control, 400, "invalid-text");
        assertThat(control.json().get("detail").asString()).contains("제어 문자");
        Response opened = first(api, center.id(), "해지");
        String session = opened.json().get("session").asString();
        assertProblem(
                post(api, "/sessions/" + session + "/questions", "wrong", "{\"question\": \"해지\"}"),
                403,
                "not-your-conversation");
        assertProblem(
                post(api, "/sessions/00000000-0000-0000-0000-000000000000/questions", "x", "{\"question\": \"해지\"}"),
                404,
                "unknown-bot-session");
        assertProblem(
                post(
                        api,
                        "/sessions/" + session + "/questions",
                        opened.json().get("token").asString(),
                        "{\"question\": \"\"}"),
                400,
                "empty-question");
    }

    private BotReport.Day today(BotReport report, ZoneId zone) {
        return report.days(center.id(), zone, LocalDate.now(zone), 1, Instant.now())
                .get(0);
    }

    private Response first(ApiClient api, long centerId, String question) {
        return api.post(
                "/chat/api/bot/sessions",
                "{\"center\": " + centerId + ", \"question\": \"" + question + "\"}",
                "application/json",
                null,
                null,
                "ko");
    }

    private static Response post(ApiClient api, String path, String token, String body) {
        return api.post("/chat/api/bot" + path + "?token=" + token, body, "application/json", null, null, "ko");
    }

    private Response startFrom(ApiClient api, String session, String token) {
        return api.post(
                "/chat/api/conversations",
                "{\"center\": %d, \"topic\": \"BILLING\", \"botSession\": \"%s\", \"botToken\": \"%s\"}"
                        .formatted(center.id(), session, token),
                "application/json",
                null,
                null,
                "ko");
    }

    private void routing(ApiClient api, String agent, String... actions) {
        for (String action : actions) {
            api.post(
                    "/api/routing/centers/" + center.id() + "/agents/" + agent + "/" + action,
                    "",
                    "application/json",
                    agent,
                    TestCenter.PASSWORD,
                    "ko");
        }
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
    }
}
