package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sangdam.RunningServer;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A supervisor steps into a chat from the monitor, seen from three browsers: the whisper reaches
 * the agent only; barging in is seen by the customer and the agent; taking over frees the agent
 * (their pane ends, they record their part and take the next chat) and the supervisor ends it.
 */
class InterventionJourneyTests extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext application;

    @Test
    void aSupervisorWhispersBargesInAndTakesTheChatOver() {
        TestCenter center = TestCenter.in(application, "supervise")
                .chatQueue("TECH", "기술지원", "Technical support", "TECH", 3)
                .agent("agent", Map.of("TECH", 6))
                .person("supervisor", Role.SUPERVISOR)
                .create();
        try (BrowserContext agentContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext customerContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
                BrowserContext supervisorContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
            Page agent = agentContext.newPage();
            signIn(agent, center.username("agent"), TestCenter.PASSWORD);
            agent.navigate(url("/desk"));
            becomeReady(agent);

            Page customer = customerContext.newPage();
            startChat(customer, center.id(), "TECH");
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                    .click();
            var pane = agent.locator("[data-test=chat-pane]");
            assertThat(pane).hasCount(1);
            customerSays(customer, "인터넷이 자꾸 끊겨요");
            assertThat(pane).containsText("인터넷이 자꾸 끊겨요");
            var customerLog = customer.locator("[data-test=chat-log]");

            // The monitor list: the agent by name, the queue, how long, and the unanswered customer.
            Page supervisor = supervisorContext.newPage();
            signIn(supervisor, center.username("supervisor"), TestCenter.PASSWORD);
            supervisor.navigate(url("/monitor?center=" + center.id()));
            var row = supervisor.locator("[data-test=live-conversation]");
            assertThat(row).hasCount(1);
            assertThat(row.locator("[data-test=agent-name]")).hasText("supervise agent");
            assertThat(row).containsText("기술지원");
            assertThat(row.locator("[data-test=flag-waiting]")).containsText("답변 대기");
            assertThat(row.locator("[data-test=duration]")).containsText(":");
            supervisor.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/intervene-monitor-list.png"))
                    .setFullPage(true));
            assertNoSeriousViolations(supervisor);

            row.getByText("보기").click();
            var monitorLog = supervisor.locator("[data-test=monitor-log]");
            assertThat(monitorLog).containsText("인터넷이 자꾸 끊겨요");

            // A whisper: the agent reads it, marked as such; the customer never does.
            supervisor.locator("[data-test=whisper] textarea").fill("공유기 재부팅부터 안내하세요");
            supervisor
                    .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담사에게 귓속말"))
                    .click();
            var whisper = pane.locator("[data-test=whisper]");
            assertThat(whisper).containsText("공유기 재부팅부터 안내하세요");
            assertThat(whisper.locator(".who")).hasText("관리자 귓속말 (고객에게 보이지 않음)");
            assertThat(supervisor.locator("[data-test=intervention-log]")).containsText("귓속말");

            // Barging in: the customer is told, and reads the supervisor as the agent does.
            supervisor
                    .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("대화에 참여"))
                    .click();
            assertThat(customerLog).containsText("관리자가 대화에 참여했습니다");
            assertThat(pane).containsText("관리자가 대화에 참여했습니다");
            var say = supervisor.locator("[data-test=supervisor-say] textarea");
            say.fill("관리자입니다. 함께 확인하겠습니다.");
            say.press("Enter");
            assertThat(customerLog).containsText("관리자입니다. 함께 확인하겠습니다.");
            assertThat(pane.locator("[data-test=supervisor-message]")).containsText("관리자입니다");
            customer.reload();
            assertThat(customer.locator("[data-test=chat-log]")).containsText("관리자입니다. 함께 확인하겠습니다.");
            assertThat(customer.locator("[data-test=chat-log]")).not().containsText("공유기 재부팅");

            // Taking over: the agent's pane ends with their record to write; the supervisor goes on.
            supervisor.onDialog(dialog -> dialog.accept());
            supervisor
                    .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 인수"))
                    .click();
            assertThat(supervisor.locator("[data-test=intervene-state]")).containsText("상담을 인수했습니다");
            assertThat(customer.locator("[data-test=chat-log]")).containsText("관리자가 상담을 이어받았습니다");
            assertThat(pane.locator("form.composer")).hasCount(0);
            var record = agent.locator("[data-test=record]");
            assertThat(record.getByLabel("처리 결과")).hasValue("TRANSFERRED");
            say.fill("제가 마무리해 드리겠습니다.");
            say.press("Enter");
            assertThat(customer.locator("[data-test=chat-log]")).containsText("제가 마무리해 드리겠습니다.");
            assertThat(pane).not().containsText("제가 마무리해 드리겠습니다.");
            supervisor.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/intervene-supervisor-chat.png"))
                    .setFullPage(true));
            assertNoSeriousViolations(supervisor);

            // Freed: the agent records their part and takes the next customer.
            // Under the center's default rule the wrap-up lasts until this record: saving it ends it.
            saveRecord(record);
            assertThat(agent.locator("[data-test=agent-state]")).hasText("대기 중(상담 가능)");
            var next = RunningServer.ApiClient.on(port)
                    .post(
                            "/chat/api/conversations",
                            "{\"center\": " + center.id() + ", \"topic\": \"TECH\"}",
                            "application/json",
                            null,
                            null,
                            "ko");
            org.assertj.core.api.Assertions.assertThat(next.status()).isEqualTo(201);
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                    .click();
            assertThat(agent.locator("[data-test=chat-pane][data-conversation='"
                            + next.json().get("conversation").asString() + "']"))
                    .hasCount(1);

            // The supervisor ends the chat they took over; the customer is told.
            supervisor
                    .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 종료"))
                    .click();
            assertThat(customer.locator("[data-test=chat-log]").locator("xpath=.."))
                    .containsText("상담이 끝났습니다");
            assertThat(supervisor.locator("[data-test=intervention-log]")).containsText("상담 종료");
            org.assertj.core.api.Assertions.assertThat(
                            jdbc.sql("select string_agg(i.kind, ' ' order by i.id) from channel.intervention i"
                                            + " join channel.conversation c on c.id = i.conversation_id"
                                            + " where c.center_id = ?")
                                    .param(center.id())
                                    .query(String.class)
                                    .single())
                    .isEqualTo("WHISPER BARGE_IN TAKE_OVER END");
        }
    }

    private static void customerSays(Page customer, String text) {
        customer.getByLabel("메시지").fill(text);
        customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("보내기"))
                .click();
    }

    private static void saveRecord(Locator record) {
        record.getByLabel("대분류").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("요금"));
        record.getByLabel("중분류").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("요금 문의"));
        record.getByLabel("소분류").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("과다 청구 이의"));
        record.getByLabel("상담 메모 (개인정보는 저장할 때 가려집니다)").fill("관리자 인수");
        record.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("상담 이력 저장"))
                .click();
        assertThat(record.page().locator("[data-test=chat-context] .notice")).hasText("상담 이력을 저장했습니다.");
    }
}
