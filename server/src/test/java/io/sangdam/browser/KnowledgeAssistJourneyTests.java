package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sangdam.identity.Role;
import io.sangdam.knowledge.KnowledgeSearch;
import io.sangdam.testing.DemoKnowledge;
import io.sangdam.testing.TestCenter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Agent assist at the desk (issue 18): the customer asks about cancelling; beside the chat the agent
 * sees the article suggested for it, opens it, puts a passage into the reply, edits and sends it; the
 * customer reads it, and the use is recorded for the knowledge base's owner. With a second chat open
 * on a laptop's screen, the panel still fits; Alt+K goes to its search. In a center of this class's own.
 */
class KnowledgeAssistJourneyTests extends BrowserJourney {

    @Autowired
    ApplicationContext context;

    @Autowired
    KnowledgeSearch knowledge;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSuggestedArticlesPassageGoesIntoTheReplyAndItsUseIsRecorded() {
        TestCenter center = TestCenter.in(context, "assistdesk")
                .chatQueue("MOBILE", "휴대폰", "Mobile", "MOBILE", 3)
                .agent("agent", Map.of("MOBILE", 6))
                .person("supervisor", Role.SUPERVISOR)
                .chatCapacity(3)
                .create();
        // From the demo knowledge base, for this center: 휴대폰 해지 방법과 준비물, 5G 요금제 종류와 월정액 안내.
        knowledge.putAll(java.util.List.of(
                DemoKnowledge.article("KB-1071", center.id()), DemoKnowledge.article("KB-1001", center.id())));
        String cancelling = DemoKnowledge.title("KB-1071");
        try (BrowserContext agentContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext customerContext = browser.newContext();
                BrowserContext otherCustomerContext = browser.newContext()) {
            Page agent = agentContext.newPage();
            signIn(agent, center.username("agent"), TestCenter.PASSWORD);
            agent.navigate(url("/desk"));
            becomeReady(agent);

            Page customer = customerContext.newPage();
            startChat(customer, center.id(), "MOBILE");
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                    .click();
            var firstPane = agent.locator("[data-test=chat-pane]").first();
            var panel = agent.locator("[data-test=chat-context]:visible [data-test=knowledge-panel]");
            assertThat(panel.locator("[data-test=knowledge-status]")).hasText("고객이 메시지를 보내면 관련 문서를 추천합니다.");
            customer.getByLabel("메시지").fill("휴대폰 해지하려면 신분증 말고 뭘 가져가야 하나요?");
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("보내기"))
                    .click();

            // A moment after the customer wrote, the article comes up beside the chat, its best passage first.
            var card = panel.locator("[data-test=knowledge-card]").first();
            assertThat(card).hasAttribute("data-article", "KB-1071");
            assertThat(card).containsText(cancelling);
            assertThat(card.locator("[data-test=knowledge-passage] mark").first())
                    .isVisible();
            assertThat(panel.locator("[data-test=knowledge-status]")).containsText("고객의 최근 메시지로 찾은 문서");

            // A second customer: two chats side by side, the panel beside them.
            Page otherCustomer = otherCustomerContext.newPage();
            startChat(otherCustomer, center.id(), "MOBILE");
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                    .click();
            assertThat(agent.locator("[data-test=chat-pane]")).hasCount(2);
            otherCustomer.getByLabel("메시지").fill("5G 요금제 종류가 궁금해요");
            otherCustomer
                    .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("보내기"))
                    .click();
            firstPane.locator("textarea").click();
            assertThat(card).isVisible();
            agent.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "knowledge-assist-desk-ko.png")));
            assertNoSeriousViolations(agent);

            // The agent opens the article: its passages, each one insertable.
            card.locator("[data-test=knowledge-article]").click();
            var reading = panel.locator("[data-test=knowledge-reading]");
            assertThat(reading.locator("h4")).hasText(cancelling);
            assertThat(reading.locator("h4")).isFocused();
            var passage =
                    reading.locator("[data-test=knowledge-article-passage]").first();
            String passageText = passage.locator("p").textContent();
            agent.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "knowledge-assist-article-ko.png")));
            assertNoSeriousViolations(agent);
            passage.getByRole(AriaRole.BUTTON).click();
            // Into the reply box as plain text, where the agent edits it before sending.
            var box = firstPane.locator("form.composer textarea");
            assertThat(box).hasValue(passageText);
            assertThat(box).isFocused();
            box.press("Control+End");
            box.pressSequentially(" 더 궁금하신 점이 있으신가요?");
            box.press("Enter");
            assertThat(customer.locator("[data-test=chat-log]")).containsText(passageText + " 더 궁금하신 점이 있으신가요?");

            // Alt+K: the selected chat's knowledge search; the agent searches and gets back.
            agent.keyboard().press("Alt+KeyK");
            var search = panel.locator("[data-test=knowledge-search]");
            assertThat(search).isFocused();
            search.fill("5G 요금제");
            search.press("Enter");
            assertThat(panel.locator("[data-test=knowledge-status]")).containsText("검색 결과");
            assertThat(panel.locator("[data-test=knowledge-card]").first()).containsText("5G 요금제 종류와 월정액 안내");
            panel.locator("[data-test=knowledge-back]").click();
            assertThat(panel.locator("[data-test=knowledge-card]").first()).containsText(cancelling);
            // The panel folds away, and unfolds again with Alt+K.
            panel.locator("[data-test=knowledge-toggle]").click();
            assertThat(panel.locator("[data-test=knowledge-toggle]")).hasAttribute("aria-expanded", "false");
            assertThat(search).isHidden();
            box.click();
            agent.keyboard().press("Alt+KeyK");
            assertThat(search).isFocused();
            // The help lists the shortcut.
            agent.locator("[data-test=shortcuts-open]").click();
            assertThat(agent.locator("[data-test=shortcuts]")).containsText("선택한 채팅의 지식 검색으로 이동");
            agent.keyboard().press("Escape");

            String conversation = firstPane.getAttribute("data-conversation");
            org.assertj.core.api.Assertions.assertThat(
                            jdbc.sql("select article_id || ' ' || action from channel.knowledge_use where"
                                            + " conversation_id = ? order by id")
                                    .param(conversation)
                                    .query(String.class)
                                    .list())
                    .contains("KB-1071 SHOWN")
                    .filteredOn(use -> !use.endsWith(" SHOWN"))
                    .containsExactly("KB-1071 OPENED", "KB-1071 INSERTED");

            // The knowledge base's owner reads it in the report.
            try (BrowserContext supervisorContext =
                    browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
                Page supervisor = supervisorContext.newPage();
                signIn(supervisor, center.username("supervisor"), TestCenter.PASSWORD);
                supervisor.locator("[data-section=knowledge-use] a").first().click();
                assertThat(supervisor.locator("[data-test=knowledge-most-used] tr[data-article=KB-1071]"))
                        .containsText(cancelling);
                assertThat(supervisor.locator("[data-test=suggested-inserted]")).hasText("1");
                supervisor.screenshot(new Page.ScreenshotOptions()
                        .setPath(Path.of("target", "screenshots", "knowledge-use-report-ko.png")));
                assertNoSeriousViolations(supervisor);
            }
        }
    }

    @Test
    void theDeskInEnglishNamesThePanelInEnglish() {
        TestCenter center = TestCenter.in(context, "assistdesken")
                .chatQueue("MOBILE", "휴대폰", "Mobile", "MOBILE", 3)
                .agent("agent", Map.of("MOBILE", 6))
                .create();
        try (BrowserContext agentContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext customerContext = browser.newContext()) {
            Page agent = agentContext.newPage();
            signIn(agent, center.username("agent"), TestCenter.PASSWORD);
            agent.navigate(url("/desk?lang=en"));
            agent.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
            agent.locator("[data-action=login]").click();
            assertThat(agent.locator("[data-test=agent-state]")).hasText("Not ready");
            agent.locator("[data-action=ready]").click();
            assertThat(agent.locator("[data-test=agent-state]")).hasText("Available");
            Page customer = customerContext.newPage();
            startChat(customer, center.id(), "MOBILE");
            agent.locator("[data-test=offer] button.primary").click();
            var panel = agent.locator("[data-test=knowledge-panel]");
            assertThat(panel.locator("[data-test=knowledge-toggle]")).hasText("Knowledge");
            assertThat(panel.locator("[data-test=knowledge-status]"))
                    .hasText("Articles are suggested once the customer writes.");
            assertThat(panel.getByRole(
                            AriaRole.SEARCHBOX, new Locator.GetByRoleOptions().setName("Search the knowledge base")))
                    .isVisible();
        }
    }
}
