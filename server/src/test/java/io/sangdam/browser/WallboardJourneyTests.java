package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The wallboard on a 1920x1080 wall screen, headquarters' view of all centers, the board's team
 * filter, and a protection alert opened and acknowledged from the board. Centers of this class's own.
 */
class WallboardJourneyTests extends BrowserJourney {

    @Autowired
    ApplicationContext application;

    private void arrive(TestCenter center, String queue, int contacts) {
        var api = ApiClient.on(port);
        for (int i = 0; i < contacts; i++) {
            api.post(
                    "/api/routing/centers/" + center.id() + "/contacts",
                    "{\"queue\": \"" + queue + "\"}",
                    "application/json",
                    center.username("supervisor"),
                    TestCenter.PASSWORD,
                    "ko");
        }
    }

    private void loggedIn(TestCenter center, String key) {
        String agent = center.username(key);
        ApiClient.on(port)
                .post(
                        "/api/routing/centers/" + center.id() + "/agents/" + agent + "/login",
                        "",
                        "application/json",
                        agent,
                        TestCenter.PASSWORD,
                        "ko");
    }

    @Test
    void theWallboardIsReadableOnA1920By1080ScreenAndTheTeamFilterNarrowsTheAgents() {
        TestCenter center = TestCenter.in(application, "wall")
                .chatQueue("BILLING", "요금·납부 문의", "BILLING", 3)
                .chatQueue("DELIVERY", "배송·반품", "DELIVERY", 3)
                .chatQueue("TECH", "기술지원", "TECH", 3)
                .agent("kim", "1팀", Map.of("VIP", 6))
                .agent("lee", "1팀", Map.of("VIP", 6))
                .agent("park", "2팀", Map.of("VIP", 6))
                .person("supervisor", Role.SUPERVISOR)
                .person("manager", Role.CENTER_MANAGER)
                .create();
        for (String agent : new String[] {"kim", "lee", "park"}) {
            loggedIn(center, agent);
        }
        arrive(center, "BILLING", 3);
        arrive(center, "TECH", 1);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            Page page = context.newPage();
            // The manager sets the center's thresholds: three waiting is an alert here, one a warning.
            signIn(page, center.username("manager"), TestCenter.PASSWORD);
            page.navigate(url("/board?center=" + center.id()));
            page.getByText("색상 기준 설정").click();
            // the board's colours are a section of the center-settings page
            Locator board = page.locator("[data-test=settings-board]");
            board.locator("input[name=waitingWarn]").fill("1");
            board.locator("input[name=waitingAlert]").fill("3");
            board.locator("input[name=serviceLevelAlert]").fill("95");
            board.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("저장"))
                    .click();
            board = page.locator("[data-test=settings-board]");
            assertThat(board.locator("[data-test=settings-problem]"))
                    .containsText("서비스 레벨 경고 기준 95은(는) 0에서 79 사이여야 합니다");
            board.locator("input[name=waitingWarn]").fill("1");
            board.locator("input[name=waitingAlert]").fill("3");
            board.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("저장"))
                    .click();
            assertThat(page.locator("[data-test=settings-board] [data-test=settings-saved]"))
                    .hasText("색상 기준을 저장했습니다.");
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "board-settings-ko.png")));

            // The board: levels in words as well as colours; the team filter narrows the agents.
            page.navigate(url("/board?center=" + center.id()));
            Locator billing = page.locator("[data-test=board-queues] tr[data-queue=BILLING] [data-test=waiting]");
            assertThat(billing).containsText("3");
            assertThat(billing).containsText("경고");
            assertThat(page.locator("[data-test=board-queues] tr[data-queue=TECH] [data-test=waiting]"))
                    .containsText("주의");
            assertThat(page.locator("[data-test=board-agents] tr[data-agent]")).hasCount(3);
            page.locator("[data-test=board-team]").selectOption("1팀");
            assertThat(page.locator("[data-test=board-agents] tr[data-agent]")).hasCount(2);
            assertThat(page.locator("[data-test=board-agents]")).not().containsText(center.username("park"));
            assertThat(page.locator("#board-interval-chart svg")).hasCount(1);
            // The time the board shows is the center's (Asia/Seoul), whatever the browser's zone.
            assertThat(page.locator(".lead")).containsText("Asia/Seoul");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "board-team-ko.png"))
                    .setFullPage(true));
            String wall = page.locator("[data-test=open-wall]").getAttribute("href");
            org.assertj.core.api.Assertions.assertThat(wall).contains("team=");
        }
        try (BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1920, 1080).setTimezoneId("America/New_York"))) {
            Page page = context.newPage();
            signIn(page, center.username("supervisor"), TestCenter.PASSWORD);
            page.navigate(url("/board/wall?center=" + center.id() + "&team=" + "1%ED%8C%80"));
            page.waitForLoadState(LoadState.LOAD);
            assertThat(page.locator("[data-test=wall-team]")).hasText("1팀");
            Locator billing = page.locator("[data-test=wall-queues] tr[data-queue=BILLING] [data-test=wall-waiting]");
            assertThat(billing).containsText("3");
            assertThat(billing).containsText("경고");
            assertThat(page.locator("#wall-states div[data-state=NOT_READY] dd"))
                    .hasText("2");
            assertThat(page.locator("#wall-interval-chart svg")).hasCount(1);
            // No navigation on the wall, and the clock ticks in the center's time, not the browser's (New York).
            assertThat(page.locator("nav")).hasCount(0);
            String seoul = "%02d"
                    .formatted(java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Seoul"))
                            .getHour());
            assertThat(page.locator("[data-test=wall-clock]"))
                    .hasText(Pattern.compile("^" + seoul + ":\\d\\d:\\d\\d$"));
            String before = page.locator("[data-test=wall-clock]").textContent();
            page.waitForTimeout(1100);
            org.assertj.core.api.Assertions.assertThat(
                            page.locator("[data-test=wall-clock]").textContent())
                    .isNotEqualTo(before);
            // Longest waits tick between refreshes.
            // Everything on one screen: nothing scrolls, nothing is cut at an edge.
            org.assertj.core.api.Assertions.assertThat(page.evaluate("""
                (() => {
                  const d = document.documentElement;
                  if (d.scrollHeight > innerHeight || d.scrollWidth > innerWidth) return "scrolls " + d.scrollWidth + "x" + d.scrollHeight;
                  for (const n of document.querySelectorAll("#wall h1, #wall h2, #wall td, #wall th, #wall dt, #wall dd, #wall li, #wall time")) {
                    const r = n.getBoundingClientRect();
                    if (r.width && (r.right > innerWidth + 1 || r.bottom > innerHeight + 1 || r.left < -1)) return "cut: " + n.textContent;
                    if (n.scrollWidth > n.clientWidth + 1 && getComputedStyle(n).overflow === "hidden") return "clipped: " + n.textContent;
                  }
                  return "fits";
                })()\
                """)).isEqualTo("fits");
            // Large type: queue figures at least 40 px high on a 1080 px screen.
            org.assertj.core.api.Assertions.assertThat(
                            (Number)
                                    page.evaluate(
                                            "parseFloat(getComputedStyle(document.querySelector('[data-test=wall-waiting]')).fontSize)"))
                    .satisfies(size -> org.assertj.core.api.Assertions.assertThat(size.doubleValue())
                            .isGreaterThanOrEqualTo(40));
            assertNoSeriousViolations(page);
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "wallboard-1920.png")));
        }
    }

    @Test
    void headquartersSeesEveryCenterInOneTableAndOpensAnyCentersWall() {
        TestCenter first = TestCenter.in(application, "hqone")
                .chatQueue("BILLING", "요금 문의", "BILLING", 3)
                .person("supervisor", Role.SUPERVISOR)
                .headquartersPerson("executive", Role.EXECUTIVE)
                .create();
        TestCenter second = TestCenter.in(application, "hqtwo")
                .chatQueue("TECH", "기술지원", "TECH", 3)
                .person("supervisor", Role.SUPERVISOR)
                .create();
        arrive(second, "TECH", 2);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
            Page page = context.newPage();
            signIn(page, first.username("executive"), TestCenter.PASSWORD);
            page.getByRole(AriaRole.NAVIGATION).getByText("실시간 현황").click();
            page.waitForLoadState(LoadState.LOAD);
            org.assertj.core.api.Assertions.assertThat(page.url()).endsWith("/board/all");
            Locator rows = page.locator("[data-test=all-centers] tbody tr[data-center]");
            assertThat(rows.filter(new Locator.FilterOptions().setHasText(first.name())))
                    .hasCount(1);
            Locator secondRow = page.locator("[data-test=all-centers] tr[data-center='" + second.id() + "']");
            assertThat(secondRow.locator("[data-field=waiting]")).hasText("2");
            assertThat(secondRow.locator("[data-field=time]")).hasText(Pattern.compile("^\\d\\d:\\d\\d$"));
            assertNoSeriousViolations(page);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "all-centers-ko.png"))
                    .setFullPage(true));
            secondRow.locator("[data-test=open-wall]").click();
            page.waitForLoadState(LoadState.LOAD);
            assertThat(page.locator("h1")).containsText(second.name());
            assertThat(page.locator("[data-test=wall-queues] tr[data-queue=TECH] [data-test=wall-waiting]"))
                    .containsText("2");
        }
    }

    @Test
    void aProtectionAlertOpensItsChatAndIsAcknowledgedOnEveryBoardOfTheCenter() {
        TestCenter center = TestCenter.in(application, "wallalert")
                .chatQueue("TECH", "기술지원", "TECH", 3)
                .agent("agent", "3팀", Map.of("TECH", 6))
                .person("supervisor", Role.SUPERVISOR)
                .person("manager", Role.CENTER_MANAGER)
                .create();
        String agentName = center.username("agent");
        try (BrowserContext agentContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext boardContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
                BrowserContext managerContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
                BrowserContext customerContext = browser.newContext()) {
            Page agent = agentContext.newPage();
            signIn(agent, agentName, TestCenter.PASSWORD);
            agent.navigate(url("/desk"));
            becomeReady(agent);

            Page board = boardContext.newPage();
            signIn(board, center.username("supervisor"), TestCenter.PASSWORD);
            board.navigate(url("/board?center=" + center.id()));
            Page other = managerContext.newPage();
            signIn(other, center.username("manager"), TestCenter.PASSWORD);
            other.navigate(url("/board?center=" + center.id()));

            Page customer = customerContext.newPage();
            startChat(customer, center.id(), "TECH");
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                    .click();
            assertThat(customer.locator(".sangdam-chat-status")).hasText("상담사와 연결되었습니다.");
            customer.getByLabel("메시지").fill("말하는데 시1발 왜 안 돼");
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("보내기"))
                    .click();

            Locator alert = board.locator("#board-alerts li[data-reason=MESSAGE_FLAGGED]");
            assertThat(alert).hasCount(1);
            assertThat(other.locator("#board-alerts li[data-reason=MESSAGE_FLAGGED]"))
                    .hasCount(1);
            String conversation = alert.getAttribute("data-conversation");
            // The alert's time is the center's clock (hh:mm:ss), and it opens the chat to sit in.
            assertThat(alert.locator("time")).hasText(Pattern.compile("^\\d\\d:\\d\\d:\\d\\d$"));
            board.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "board-alert-ko.png"))
                    .setFullPage(true));
            alert.locator("[data-test=alert-open-chat]").click();
            board.waitForLoadState(LoadState.LOAD);
            org.assertj.core.api.Assertions.assertThat(board.url()).endsWith("/monitor/" + conversation);
            assertThat(board.locator("main")).containsText("시1발");
            board.goBack();
            board.waitForLoadState(LoadState.LOAD);

            board.locator("#board-alerts li[data-reason=MESSAGE_FLAGGED] [data-test=alert-acknowledge]")
                    .click();
            assertThat(board.locator("#board-alerts li[data-conversation]")).hasCount(0);
            // Gone from the other board of the center too, without a reload; and after one.
            assertThat(other.locator("#board-alerts li[data-conversation]")).hasCount(0);
            assertThat(other.locator("#board-alerts-none")).hasCount(1);
            other.reload();
            other.waitForLoadState(LoadState.LOAD);
            other.waitForTimeout(500);
            assertThat(other.locator("#board-alerts li[data-conversation]")).hasCount(0);
        }
    }
}
