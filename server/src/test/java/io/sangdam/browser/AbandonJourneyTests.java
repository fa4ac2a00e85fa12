package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Customers who close the tab: the manager sets the center's time to 15 s on the chat settings
 * page; a waiting customer closes the tab and the supervisor's board shows the chat abandoned; a
 * connected customer closes the tab and the agent's chat pane says the customer left.
 */
class AbandonJourneyTests extends BrowserJourney {

    /** The set 15 s, plus a closed stream noticed within 10 s and a sweep every 5 s, plus slack for a busy machine. */
    private static final double WITHIN_MILLIS = 45_000;

    @Autowired
    ApplicationContext application;

    @Test
    void aCustomerWhoClosesTheTabIsAbandonedOnTheBoardOrShownToTheAgentAsGone() {
        TestCenter center = TestCenter.in(application, "abandonj")
                .chatQueue("WAIT", "대기 문의", "WAITSKILL", 3)
                .chatQueue("TALK", "상담 문의", "TALKSKILL", 3)
                .agent("agent", Map.of("TALKSKILL", 5))
                .person("manager", Role.CENTER_MANAGER)
                .create();
        String agentName = center.username("agent");
        String routing = "/api/routing/centers/" + center.id();
        var api = ApiClient.on(port);
        try (BrowserContext managerContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext agentContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext customerContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
                // Another customer: the widget keeps its chat for the site, in a browser's storage.
                BrowserContext otherCustomerContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page manager = managerContext.newPage();
            signIn(manager, center.username("manager"), TestCenter.PASSWORD);
            manager.getByRole(AriaRole.NAVIGATION).getByText("센터 설정").click();
            var seconds = manager.getByLabel("기다리는 시간(초, 15~1800)");
            assertThat(seconds).hasValue("60");
            seconds.fill("15");
            manager.locator("[data-test=settings-chat]")
                    .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("저장"))
                    .click();
            assertThat(manager.locator("body")).containsText("채팅 설정을 저장했습니다.");
            assertThat(manager.getByLabel("기다리는 시간(초, 15~1800)")).hasValue("15");
            assertNoSeriousViolations(manager);
            manager.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "chat-settings-ko.png"))
                    .setFullPage(true));

            // The agent is ready for TALK only; the WAIT customer waits with nobody to take them.
            for (String action : new String[] {"login", "wrap-up-done", "ready"}) {
                api.post(
                        routing + "/agents/" + agentName + "/" + action,
                        "",
                        "application/json",
                        agentName,
                        TestCenter.PASSWORD,
                        "ko");
            }
            Page agent = agentContext.newPage();
            signIn(agent, agentName, TestCenter.PASSWORD);
            agent.navigate(url("/desk"));

            Page talking = customerContext.newPage();
            startChat(talking, center, "TALK");
            var offer = agent.locator("[data-test=offer]");
            assertThat(offer).hasCount(1);
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                    .click();
            var pane = agent.locator("[data-test=chat-pane]");
            assertThat(pane).hasCount(1);
            assertThat(talking.locator(".sangdam-chat-status")).containsText("상담사와 연결되었습니다");

            Page waiting = otherCustomerContext.newPage();
            startChat(waiting, center, "WAIT");
            // The live board, in the manager's browser.
            Page board = managerContext.newPage();
            board.navigate(url("/board?center=" + center.id()));
            var row = board.locator("[data-test=board-queues] tr[data-queue=WAIT]");
            assertThat(row.locator("[data-test=waiting]")).hasText("1");
            assertThat(pane.locator("[data-test=customer-gone]")).hasCount(0);

            // Both customers close their tabs.
            long closed = System.currentTimeMillis();
            waiting.close();
            talking.close();

            var within = new LocatorAssertions.HasTextOptions().setTimeout(WITHIN_MILLIS);
            assertThat(row.locator("[data-test=waiting]")).hasText("0", within);
            // The sixth column: abandoned.
            assertThat(row.locator("td").nth(5)).hasText("1", within);
            assertThat(pane.locator("[data-test=customer-gone]"))
                    .hasText("고객이 나갔습니다", new LocatorAssertions.HasTextOptions().setTimeout(WITHIN_MILLIS));
            System.out.printf(
                    "abandoned and shown as gone %.1f s after the tabs closed (set: 15 s)%n",
                    (System.currentTimeMillis() - closed) / 1000.0);
            assertThat(pane.locator("textarea")).isVisible();
            agent.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "desk-customer-gone-ko.png"))
                    .setFullPage(true));
            board.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "board-abandoned-ko.png"))
                    .setFullPage(true));
            assertNoSeriousViolations(agent);
        } finally {
            api.put(
                    "/api/centers/" + center.id() + "/chat-settings",
                    "{\"customerGoneSeconds\": 60}",
                    center.username("manager"),
                    TestCenter.PASSWORD,
                    "ko");
            for (String action : new String[] {"wrap-up-done", "logout"}) {
                api.post(
                        routing + "/agents/" + agentName + "/" + action,
                        "",
                        "application/json",
                        agentName,
                        TestCenter.PASSWORD,
                        "ko");
            }
        }
    }

    private void startChat(Page customer, TestCenter center, String topic) {
        startChat(customer, center.id(), topic);
        assertThat(customer.locator("[data-test=chat-log]")).containsText("산업안전보건법");
    }
}
