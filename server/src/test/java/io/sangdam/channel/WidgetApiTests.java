package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * What the widget promises and gives the customer (issue 17): no wait time while nobody logged in
 * can answer the topic, the center's greeting before the protection notice, and the conversation as
 * a file, to the holder of the chat's token only. A center of this class's own: only its agents log in.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    TestCenter center;

    @BeforeAll
    void createCenter() {
        center = TestCenter.in(context, "widget")
                .chatQueue("LOANS", "LOANS", 5)
                .chatQueue("CARDS", "CARDS", 3)
                .agent("cards", Map.of("CARDS", 6))
                .agent("loans", Map.of("LOANS", 7))
                .person("manager", Role.CENTER_MANAGER)
                .create();
    }

    @Test
    void noTimeIsPromisedUntilSomeoneWhoCanAnswerTheTopicLogsInEvenIfNotReady() {
        var api = ApiClient.on(port);
        String[] chat = start(api, "LOANS", null, null);
        try {
            var nobody = status(api, chat);
            assertThat(nobody.get("status").asString()).isEqualTo("WAITING");
            assertThat(nobody.get("nobodyToAnswer").asBoolean())
                    .as("nobody is logged in")
                    .isTrue();
            assertThat(nobody.get("estimatedWaitSeconds").isNull()).isTrue();

            logIn(api, "cards");
            var wrongSkills = status(api, chat);
            assertThat(wrongSkills.get("nobodyToAnswer").asBoolean())
                    .as("the agent logged in has no LOANS skill")
                    .isTrue();
            assertThat(wrongSkills.get("estimatedWaitSeconds").isNull()).isTrue();

            // Logged in but not ready (routing's login leaves an agent not ready): they will be free, the estimate
            // stands.
            logIn(api, "loans");
            var someone = status(api, chat);
            assertThat(someone.get("status").asString()).isEqualTo("WAITING");
            assertThat(someone.get("nobodyToAnswer").asBoolean()).isFalse();
            assertThat(someone.get("estimatedWaitSeconds").asInt()).isPositive();
            var view = api.get("/chat/api/conversations/" + chat[0] + "?token=" + chat[1], null, null, "ko")
                    .json();
            assertThat(view.get("nobodyToAnswer").asBoolean()).isFalse();
        } finally {
            end(api, chat);
            logOut(api, "cards");
            logOut(api, "loans");
        }
    }

    @Test
    void theCentersGreetingComesBeforeTheProtectionNotice() {
        var api = ApiClient.on(port);
        String[] first = start(api, "CARDS", null, null);
        var messages = api.get("/chat/api/conversations/" + first[0] + "?token=" + first[1], null, null, "ko")
                .json()
                .get("messages");
        assertThat(messages.get(0).get("body").asString()).startsWith("안녕하세요, 고객센터입니다");
        assertThat(messages.get(1).get("body").asString()).contains("산업안전보건법 제41조");
        end(api, first);

        String manager = center.username("manager");
        String path = "/api/protection/centers/" + center.id() + "/notices/CHAT_GREETING/en";
        var saved = api.put(path, "{\"text\": \"Welcome to the test center.\"}", manager, TestCenter.PASSWORD, "en");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        try {
            String[] second = start(api, "CARDS", null, null, "en");
            var english = api.get("/chat/api/conversations/" + second[0] + "?token=" + second[1], null, null, "en")
                    .json()
                    .get("messages");
            assertThat(english.get(0).get("body").asString()).isEqualTo("Welcome to the test center.");
            assertThat(english.get(1).get("body").asString()).contains("Occupational Safety and Health Act");
            end(api, second);
        } finally {
            api.delete(path, manager, TestCenter.PASSWORD, "en");
        }
    }

    @Test
    void theTranscriptIsTheCustomersViewMaskedAndOnlyForTheTokenHolder() throws Exception {
        var api = ApiClient.on(port);
        String[] chat = start(api, "CARDS", "홍길동", "010-1234-5678");
        assertThat(api.post(
                                "/chat/api/conversations/" + chat[0] + "/messages?token=" + chat[1],
                                "{\"text\": \"제 번호는 010-1234-5678 입니다\\n카드가 안 돼요\"}",
                                "application/json",
                                null,
                                null,
                                "ko")
                        .status())
                .isEqualTo(201);
        end(api, chat);

        var http = HttpClient.newHttpClient();
        var download = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/chat/api/conversations/" + chat[0]
                                + "/transcript?token=" + chat[1] + "&lang=ko"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("sangdam-chat-")
                .contains(".txt");
        String text = download.body();
        assertThat(text)
                .contains(center.name())
                .contains("Asia/Seoul")
                .containsPattern("\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d] 안내: 안녕하세요, 고객센터입니다")
                .containsPattern("] 나: 제 번호는 010-\\*\\*\\*\\*-5678 입니다\\n    카드가 안 돼요")
                .doesNotContain("1234-5678");
        assertThat(text.indexOf("안녕하세요")).isLessThan(text.indexOf("산업안전보건법"));

        assertProblem(
                api.get("/chat/api/conversations/" + chat[0] + "/transcript?token=wrong", null, null, "ko"),
                403,
                "not-your-conversation");
        String[] someoneElse = start(api, "CARDS", null, null);
        assertProblem(
                api.get("/chat/api/conversations/" + chat[0] + "/transcript?token=" + someoneElse[1], null, null, "ko"),
                403,
                "not-your-conversation");
        end(api, someoneElse);
        assertProblem(
                api.get(
                        "/chat/api/conversations/00000000-0000-0000-0000-000000000000/transcript?token=" + chat[1],
                        null,
                        null,
                        "ko"),
                404,
                "unknown-conversation");
    }

    private String[] start(ApiClient api, String topic, String name, String phone) {
        return start(api, topic, name, phone, "ko");
    }

    private String[] start(ApiClient api, String topic, String name, String phone, String language) {
        String who = name == null ? "" : ", \"name\": \"" + name + "\", \"phone\": \"" + phone + "\"";
        Response started = api.post(
                "/chat/api/conversations",
                "{\"center\": " + center.id() + ", \"topic\": \"" + topic + "\"" + who + "}",
                "application/json",
                null,
                null,
                language);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return new String[] {
            started.json().get("conversation").asString(),
            started.json().get("token").asString()
        };
    }

    private static tools.jackson.databind.JsonNode status(ApiClient api, String[] chat) {
        return api.get("/chat/api/conversations/" + chat[0] + "/status?token=" + chat[1], null, null, "ko")
                .json();
    }

    private static void end(ApiClient api, String[] chat) {
        api.post(
                "/chat/api/conversations/" + chat[0] + "/end?token=" + chat[1],
                "",
                "application/json",
                null,
                null,
                "ko");
    }

    private void logIn(ApiClient api, String key) {
        String username = center.username(key);
        var loggedIn = api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + username + "/login",
                "",
                "application/json",
                username,
                TestCenter.PASSWORD,
                "ko");
        assertThat(loggedIn.status()).as(loggedIn.body()).isEqualTo(200);
    }

    private void logOut(ApiClient api, String key) {
        String username = center.username(key);
        api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + username + "/logout",
                "",
                "application/json",
                username,
                TestCenter.PASSWORD,
                "ko");
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }
}
