package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A supervisor watches the board while contacts arrive; it changes without a reload. Each journey
 * has a center of its own, so the board counts only its contacts.
 */
class BoardJourneyTests extends BrowserJourney {

    @Autowired
    ApplicationContext application;

    @Test
    void theBoardShowsArrivalsAndAgentsAsTheyHappen() {
        TestCenter center = TestCenter.in(application, "board")
                .chatQueue("BILLING", "요금·납부 문의", "BILLING", 3)
                .chatQueue("DELIVERY", "배송·반품", "DELIVERY", 3)
                .agent("billing", "1팀", Map.of("BILLING", 6))
                .agent("delivery", "1팀", Map.of("DELIVERY", 6))
                .teamPerson("supervisor", "1팀", Role.SUPERVISOR)
                .create();
        String supervisor = center.username("supervisor");
        String billing = center.username("billing");
        String delivery = center.username("delivery");
        String routing = "/api/routing/centers/" + center.id();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            Page page = context.newPage();
            signIn(page, supervisor, TestCenter.PASSWORD);
            page.getByRole(AriaRole.NAVIGATION).getByText("실시간 현황").click();
            page.waitForLoadState(LoadState.LOAD);
            var billingWaiting = page.locator("[data-test=board-queues] tr[data-queue=BILLING] [data-test=waiting]");
            assertThat(billingWaiting).hasText("0");

            var api = ApiClient.on(port);
            for (int i = 0; i < 3; i++) {
                api.post(
                        routing + "/contacts",
                        "{\"queue\": \"BILLING\"}",
                        "application/json",
                        supervisor,
                        TestCenter.PASSWORD,
                        "ko");
            }
            assertThat(billingWaiting).hasText("3");

            api.post(
                    routing + "/agents/" + billing + "/login",
                    "",
                    "application/json",
                    billing,
                    TestCenter.PASSWORD,
                    "ko");
            api.post(
                    routing + "/agents/" + billing + "/ready",
                    "",
                    "application/json",
                    billing,
                    TestCenter.PASSWORD,
                    "ko");
            assertThat(page.locator("[data-test=board-agents]")).containsText(billing);
            assertThat(page.locator("[data-test=board-agents]")).containsText("상담 제안 중");
            assertThat(billingWaiting).hasText("2");
            assertThat(page.locator("#board-state-chart svg")).hasCount(1);
            // The pie says which colour is which state, with its count, in the page's language (legend and accessible
            // name).
            assertThat(page.locator("#board-state-chart svg"))
                    .containsText(java.util.regex.Pattern.compile("(상담 제안 중|상담 중|이석|후처리) \\d+"));
            assertThat(page.locator("#board-state-chart"))
                    .hasAttribute(
                            "aria-label", java.util.regex.Pattern.compile("^상태별 상담사: .*(상담 제안 중|상담 중|이석|후처리) \\d+"));
            // The queues' names under the service-level chart lie flat, one line each (they were tilted though they
            // fit).
            org.assertj.core.api.Assertions.assertThat(page.evaluate("""
                (() => {
                  const names = [...document.querySelectorAll("[data-test=board-queues] tbody tr td:first-child")].map(td => td.textContent);
                  const labels = [...document.querySelectorAll("#board-sl-chart svg text")].filter(t => names.includes(t.textContent))
                      .map(t => t.getBoundingClientRect());
                  return labels.length === names.length && labels.every(r => r.height < 22 && r.width > r.height && Math.abs(r.top - labels[0].top) < 2);
                })()\
                """)).isEqualTo(true);
            // On a laptop (1366 px) nothing needs scrolling sideways, and the two charts share the whole row
            // (they used to take two of three columns and leave the third empty).
            org.assertj.core.api.Assertions.assertThat(
                            page.evaluate("document.documentElement.scrollWidth <= innerWidth"))
                    .isEqualTo(true);
            org.assertj.core.api.Assertions.assertThat(page.evaluate("""
                (() => {
                  const box = id => document.getElementById(id).closest("article").getBoundingClientRect();
                  const row = document.querySelector("[data-test=board-queues]").closest("article").getBoundingClientRect();
                  const state = box("board-state-chart"), sl = box("board-sl-chart");
                  return state.top === sl.top && Math.abs(sl.right - row.right) < 2;
                })()\
                """)).isEqualTo(true);

            // The supervisor takes the agent out of routing from the board.
            // The delivery agent (no BILLING skill) stays available while BILLING contacts wait.
            api.post(
                    routing + "/agents/" + delivery + "/login",
                    "",
                    "application/json",
                    delivery,
                    TestCenter.PASSWORD,
                    "ko");
            api.post(
                    routing + "/agents/" + delivery + "/ready",
                    "",
                    "application/json",
                    delivery,
                    TestCenter.PASSWORD,
                    "ko");
            var agentRow = page.locator("[data-test=board-agents] tr")
                    .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(delivery));
            assertThat(agentRow.locator("td[data-state]")).hasAttribute("data-state", "AVAILABLE");
            agentRow.getByText("이석 처리").click();
            assertThat(agentRow.locator("td[data-state]")).hasAttribute("data-state", "NOT_READY");

            // An agent who left without logging out is logged out by the supervisor; forcing a state on
            // an agent no longer logged in is refused in words.
            agentRow.getByText("로그아웃 처리").click();
            assertThat(page.locator("[data-test=board-agents] tr")
                            .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(delivery))
                            .locator("td[data-state=NOT_READY]"))
                    .hasCount(0);
            Object refused =
                    page.evaluate("""
                        async () => {
                          const headers = { "Accept": "application/json" };
                          headers[document.querySelector("meta[name='_csrf_header']").content] = document.querySelector("meta[name='_csrf']").content;
                          const response = await fetch("/board/api/agents/AGENT/not-ready?center=CENTER", { method: "POST", headers });
                          return response.status + " " + (await response.json()).code;
                        }\
                        """.replace("AGENT", delivery).replace("CENTER", Long.toString(center.id())));
            org.assertj.core.api.Assertions.assertThat(refused).isEqualTo("409 agent-logged-out");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "board-ko.png"))
                    .setFullPage(true));
        }
    }

    @Test
    void aSupervisorMovesAWaitingChatToAnotherQueueAndTheCustomerIsTold() {
        TestCenter center = TestCenter.in(application, "boardmove")
                .chatQueue("TECH", "기술지원", "TECH", 3)
                .chatQueue("RETENTION", "해지·해지방어", "RETENTION", 3)
                .person("supervisor", Role.SUPERVISOR)
                .create();
        String supervisor = center.username("supervisor");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
                BrowserContext customerContext = browser.newContext()) {
            Page customer = customerContext.newPage();
            startChat(customer, center.id(), "TECH");
            assertThat(customer.locator("[data-test=chat-log]")).containsText("산업안전보건법");

            Page page = context.newPage();
            signIn(page, supervisor, TestCenter.PASSWORD);
            page.navigate(url("/board?center=" + center.id()));
            var waiting = page.locator("[data-test=board-waiting-contacts] tr")
                    .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("기술지원"));
            assertThat(waiting).hasCount(1);
            String contact = waiting.getAttribute("data-contact");
            waiting.getByLabel("이동할 큐").selectOption("RETENTION");
            waiting.getByText("큐 이동").click();

            assertThat(customer.locator("[data-test=chat-log]")).containsText("상담 대기열이 '해지·해지방어'(으)로 변경되었습니다");
            assertThat(page.locator("[data-test=board-queues] tr[data-queue=RETENTION] [data-test=waiting]"))
                    .hasText("1");
            assertThat(page.locator("[data-test=board-queues] tr[data-queue=TECH] [data-test=waiting]"))
                    .hasText("0");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "board-move-ko.png"))
                    .setFullPage(true));
            ApiClient.on(port)
                    .post(
                            "/api/routing/centers/" + center.id() + "/contacts/" + contact + "/end",
                            "",
                            "application/json",
                            supervisor,
                            TestCenter.PASSWORD,
                            "ko");
        }
    }
}
