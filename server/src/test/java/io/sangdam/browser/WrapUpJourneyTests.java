package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wrap-up discipline and the state bar at 1366x768 (issue 17): the bar offers only what the state
 * allows; an agent with an unsaved record sees how many are left and cannot become available (the
 * server refuses too); the outcome must be chosen; saving the record makes the agent available.
 * The center manager chooses the rule on the routing settings page.
 */
class WrapUpJourneyTests extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext application;

    private static final List<String> ACTIONS = List.of("login", "ready", "wrap-up-done", "not-ready", "logout");

    @Test
    void anAgentWithAnUnsavedRecordSeesTheCountCannotBecomeAvailableSavesAndIsAvailable() {
        TestCenter center = TestCenter.in(application, "wrapjourney")
                .chatQueue("CARDS", "카드 문의", "Card questions", "CARDS", 3)
                .agent("agent", Map.of("CARDS", 6))
                .person("manager", Role.CENTER_MANAGER)
                .create();
        String agentName = center.username("agent");
        try (BrowserContext agentContext =
                browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
            Page agent = agentContext.newPage();
            signIn(agent, agentName, TestCenter.PASSWORD);
            agent.navigate(url("/desk"));
            agent.waitForLoadState(LoadState.LOAD);
            var state = agent.locator("[data-test=agent-state]");

            // Off shift: only starting the shift; "로그아웃" is left to signing out of Sangdam.
            assertThat(state).hasText("업무 외");
            assertOffered(agent, "login");
            assertThat(agent.locator(".desk-bar")).not().containsText("로그아웃");
            shoot(agent, "offline");
            assertNoSeriousViolations(agent);

            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("업무 시작"))
                    .click();
            assertThat(state).hasText("이석");
            assertOffered(agent, "ready", "not-ready", "logout");
            // Keyboard: the button that started the shift is gone; focus stays in the bar, on the next action.
            assertThat(agent.locator("[data-action=ready]")).isFocused();
            shoot(agent, "not-ready");

            agent.keyboard().press("Enter");
            assertThat(state).hasText("대기 중(상담 가능)");
            assertOffered(agent, "not-ready", "logout");
            shoot(agent, "available");

            String chat = customerStartsChat(center);
            assertThat(state).hasText("상담 제안 중");
            assertOffered(agent, "not-ready");
            shoot(agent, "reserved");
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                    .click();
            assertThat(state).hasText("상담 중");
            assertOffered(agent, "not-ready");
            shoot(agent, "busy");

            agent.locator("[data-test=chat-pane]")
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("상담 종료"))
                    .click();
            assertThat(state).hasText("후처리");
            var count = agent.locator("[data-test=records-to-write]");
            assertThat(count).hasText("작성할 상담 이력 1건");
            assertThat(agent.locator("[data-test=records-hint]")).isVisible();
            // Neither 상담 가능 nor 후처리 완료 while the record is unsaved; a break may still be asked for.
            assertOffered(agent, "not-ready", "logout");
            shoot(agent, "wrap-up");
            // The whole desk with the ended chat beside its record: an ended chat must stay readable.
            assertNoSeriousViolations(agent);
            // Not only hidden: the server refuses, in words.
            Object refused = agent.evaluate("""
                () => fetch("/desk/api/ready", { method: "POST", headers: {
                    [document.querySelector("meta[name='_csrf_header']").content]:
                        document.querySelector("meta[name='_csrf']").content } })
                  .then((response) => response.json().then((body) => response.status + " " + body.code))
                """);
            org.assertj.core.api.Assertions.assertThat(refused).isEqualTo("409 records-unwritten");

            // A reload keeps the count: the server names the chat still to record again.
            agent.reload();
            assertThat(state).hasText("후처리");
            assertThat(count).hasText("작성할 상담 이력 1건");

            var record = agent.locator("[data-test=record]");
            record.getByLabel("대분류").selectOption(new SelectOption().setIndex(1));
            record.getByLabel("중분류").selectOption(new SelectOption().setIndex(1));
            record.getByLabel("소분류").selectOption(new SelectOption().setIndex(1));
            // No outcome chosen for the agent: saving is held back until one is.
            var outcome = record.getByLabel("처리 결과");
            assertThat(outcome).hasValue("");
            record.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("상담 이력 저장"))
                    .click();
            org.assertj.core.api.Assertions.assertThat(
                            (Boolean) outcome.evaluate("select => select.matches(':invalid')"))
                    .isTrue();
            org.assertj.core.api.Assertions.assertThat(recordsOf(agentName)).isZero();
            assertThat(state).hasText("후처리");

            outcome.selectOption("RESOLVED");
            record.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("상담 이력 저장"))
                    .click();
            assertThat(state).hasText("대기 중(상담 가능)");
            assertThat(count).isHidden();
            assertOffered(agent, "not-ready", "logout");
            org.assertj.core.api.Assertions.assertThat(recordsOf(agentName)).isOne();
            shoot(agent, "available-after-record");
            org.assertj.core.api.Assertions.assertThat(chat).isNotBlank();

            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("업무 종료"))
                    .click();
            assertThat(state).hasText("업무 외");
        }
    }

    @Test
    void theCenterManagerChoosesHowWrapUpEndsOnTheCenterSettingsPage() {
        TestCenter center = TestCenter.in(application, "wrapsettings")
                .chatQueue("CARDS", "카드 문의", "Card questions", "CARDS", 3)
                .person("manager", Role.CENTER_MANAGER)
                .create();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
            Page manager = context.newPage();
            signIn(manager, center.username("manager"), TestCenter.PASSWORD);
            manager.navigate(url("/centers/settings?center=" + center.id()));
            var form = manager.locator("[data-test=wrap-up]");
            assertThat(form.getByLabel("상담 이력을 저장할 때까지 (모두 저장하면 상담 가능으로 돌아감)")).isChecked();
            assertNoSeriousViolations(manager);
            form.getByLabel("큐의 후처리 시간이 지나면 (상담 이력 저장과 관계없이)").check();
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("저장"))
                    .click();
            assertThat(manager.locator("[data-test=wrap-up]").getByLabel("큐의 후처리 시간이 지나면 (상담 이력 저장과 관계없이)"))
                    .isChecked();
            manager.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "center-settings-wrap-up-ko.png"))
                    .setFullPage(true));
            org.assertj.core.api.Assertions.assertThat(
                            jdbc.sql("select wrap_up_rule from routing.center_routing where center_id = ?")
                                    .param(center.id())
                                    .query(String.class)
                                    .single())
                    .isEqualTo("TIMED");
        }
    }

    /** Exactly these actions are offered in the state bar; the others are hidden. */
    private static void assertOffered(Page page, String... actions) {
        List<String> offered = List.of(actions);
        for (String action : ACTIONS) {
            var button = page.locator(".desk-bar [data-action=" + action + "]");
            if (offered.contains(action)) {
                assertThat(button).isVisible();
            } else {
                assertThat(button).isHidden();
            }
        }
        var reason = page.locator("#not-ready-reason");
        if (offered.contains("not-ready")) {
            assertThat(reason).isVisible();
        } else {
            assertThat(reason).isHidden();
        }
    }

    private static void shoot(Page page, String state) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", "desk-state-bar-" + state + "-ko.png")));
    }

    private String customerStartsChat(TestCenter center) {
        var started = ApiClient.on(port)
                .post(
                        "/chat/api/conversations",
                        "{\"center\": " + center.id() + ", \"topic\": \"CARDS\"}",
                        "application/json",
                        null,
                        null,
                        "ko");
        org.assertj.core.api.Assertions.assertThat(started.status())
                .as(started.body())
                .isEqualTo(201);
        return started.json().get("conversation").asString();
    }

    private long recordsOf(String agent) {
        return jdbc.sql("select count(*) from contact.consultation where agent = ?")
                .param(agent)
                .query(Long.class)
                .single();
    }
}
