package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sangdam.channel.BotJourneySetup;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The widget's bot before the queue (issue 18): the customer asks, gets an answer, says it did not
 * help, asks for 상담사 연결, and the agent who takes the chat sees the bot conversation above it.
 * Keyboard only, axe-clean, at a phone's and a laptop's size. Then the knowledge owner's page.
 * Centers of this class's own, with the bot turned on.
 */
class BotJourneyTests extends BrowserJourney {

    @Autowired
    ApplicationContext application;

    @Test
    void theBotAnswersThenHandsTheCustomerToAnAgentWhoSeesTheBotConversation() {
        TestCenter center = TestCenter.in(application, "botjourney")
                .chatQueue("BILLING", "요금·납부 문의", "Billing", "BILLING", 3)
                .agent("agent", Map.of("BILLING", 6))
                .person("manager", Role.CENTER_MANAGER)
                .create();
        BotJourneySetup.turnOn(application, center.id());
        try (BrowserContext agentContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext customerContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page agent = agentContext.newPage();
            signIn(agent, center.username("agent"), TestCenter.PASSWORD);
            agent.navigate(url("/desk"));
            becomeReady(agent);

            Page customer = customerContext.newPage();
            startChat(customer, center.id(), "BILLING");
            // The bot first: nothing is offered to the agent until the customer asks for one.
            assertThat(customer.locator("[data-test=chat-log]")).containsText("공개 도움말에서 답을 찾아 드립니다");
            customer.waitForCondition(() -> focused(customer).equals("TEXTAREA:question"));
            customer.keyboard().type(BotJourneySetup.ANSWERED_QUESTION);
            customer.keyboard().press("Enter");
            var answer = customer.locator("[data-test=bot-bot]").last();
            assertThat(answer).containsText(BotJourneySetup.ANSWER_TITLE);
            assertThat(answer).containsText("도움이 되었나요?");
            customer.waitForCondition(() -> focused(customer).equals("BUTTON:예"));
            assertNoSeriousViolations(customer);
            customer.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "widget-bot-answer-390.png")));
            assertThat(agent.locator("[data-test=offer]")).hasCount(0);

            // Keyboard only: 아니요 is the next button.
            customer.keyboard().press("Tab");
            customer.keyboard().press("Enter");
            assertThat(customer.locator("[data-test=chat-log]")).containsText("도움이 되지 못해 죄송합니다");
            customer.waitForCondition(() -> focused(customer).equals("TEXTAREA:question"));
            customer.keyboard().press("Tab");
            customer.keyboard().press("Tab");
            customer.waitForCondition(() -> focused(customer).equals("BUTTON:상담사 연결"));
            customer.keyboard().press("Enter");
            assertThat(customer.locator("[data-test=chat-log]")).containsText("상담사에게 연결해 드릴게요");
            customer.waitForCondition(() -> focused(customer).equals("TEXTAREA:text"));

            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                    .click();
            assertThat(customer.locator(".sangdam-chat-status")).hasText("상담사와 연결되었습니다.");
            var bot = agent.locator("[data-test=bot-conversation]");
            assertThat(bot).containsText("챗봇 대화");
            assertThat(bot.locator("[data-test=bot-reason]")).hasText("연결 사유: 고객이 상담사를 요청함");
            assertThat(bot).containsText(BotJourneySetup.ANSWERED_QUESTION);
            assertThat(bot).containsText(BotJourneySetup.ANSWER_TITLE);
            assertThat(bot).containsText("고객: 도움이 되지 않음");
            assertNoSeriousViolations(agent);
            agent.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "desk-bot-conversation.png")));
            customer.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "widget-bot-handed-off-390.png")));

            // The chat goes on as any other, and the bot's words stay above it on the customer's screen.
            customer.getByLabel("메시지").fill("위약금 면제 조건이 궁금해요");
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("보내기"))
                    .click();
            assertThat(agent.locator("[data-test=chat-pane] ol.chat-log")).containsText("위약금 면제 조건이 궁금해요");
            agent.locator("[data-test=end-chat]").click();
            assertThat(customer.locator(".sangdam-chat-status")).hasText("상담이 끝났습니다. 이용해 주셔서 감사합니다.");
        }
    }

    @Test
    void aCustomerTheBotHelpedLeavesAndTheKnowledgeOwnerSeesItCounted() {
        TestCenter center = TestCenter.in(application, "botreport")
                .chatQueue("BILLING", "요금·납부 문의", "Billing", "BILLING", 3)
                .person("manager", Role.CENTER_MANAGER)
                .create();
        BotJourneySetup.turnOn(application, center.id());
        try (BrowserContext customerContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext managerContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
            Page customer = customerContext.newPage();
            startChat(customer, center.id(), "BILLING");
            customer.getByLabel("질문").fill(BotJourneySetup.ANSWERED_QUESTION);
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("질문하기"))
                    .click();
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("예"))
                    .click();
            assertThat(customer.locator("[data-test=chat-log]")).containsText("도움이 되어 다행입니다");
            customer.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "widget-bot-helped-1366.png")));
            customer.getByLabel("질문").fill(BotJourneySetup.UNANSWERED_QUESTION);
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("질문하기"))
                    .click();
            assertThat(customer.locator("[data-test=chat-log]")).containsText("알맞은 답을 찾지 못했습니다");
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("대화 끝내기"))
                    .click();
            assertThat(customer.locator("[data-test=chat-log]")).containsText("이용해 주셔서 감사합니다.");
            assertThat(customer.getByLabel("상담 주제")).isVisible();

            Page manager = managerContext.newPage();
            signIn(manager, center.username("manager"), TestCenter.PASSWORD);
            manager.navigate(url("/knowledge/bot"));
            var today = manager.locator("[data-test=bot-days] tbody tr").last();
            assertThat(today.locator("[data-test=sessions]")).hasText("1");
            assertThat(today.locator("[data-test=deflected]")).hasText("1");
            assertThat(today.locator("[data-test=rate]")).hasText("100");
            assertThat(today.locator("[data-test=unanswered]")).hasText("1");
            assertThat(manager.locator("[data-test=unanswered-question]").first())
                    .hasText(BotJourneySetup.UNANSWERED_QUESTION);
            assertNoSeriousViolations(manager);
            manager.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "knowledge-bot-report.png"))
                    .setFullPage(true));

            // Its manager turns the bot off: the widget goes straight to the queue again.
            manager.getByLabel("이 센터의 위젯에서 챗봇이 먼저 답함").uncheck();
            manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("저장"))
                    .click();
            assertThat(manager.locator("body")).containsText("챗봇을 껐습니다.");
            Page later = customerContext.newPage();
            startChat(later, center.id(), "BILLING");
            assertThat(later.locator(".sangdam-chat-status")).containsText("대기");
            assertThat(later.locator("[data-test=bot]")).isHidden();
        }
    }

    private static String focused(Page page) {
        return (String) page.evaluate("() => { const e = document.activeElement; "
                + "return e.tagName + ':' + (e.tagName === 'BUTTON' ? e.textContent.trim() : e.name); }");
    }
}
