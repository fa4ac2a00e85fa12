package io.sangdam.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** axe-core finds no serious or critical problem on the pages customers and agents use most. */
class AccessibilityTests extends BrowserJourney {

    @Autowired
    ApplicationContext application;

    @Test
    void theChatWidgetIsAccessible() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/chat?center=3"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("채팅 상담"))
                    .click();
            page.getByLabel("상담 주제").waitFor();
            assertNoSeriousViolations(page);
        }
    }

    /** Keyboard only: the focus is never lost in the page when a form of the widget goes away. */
    @Test
    void aKeyboardUserChatsWithoutLosingTheFocus() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/chat?center=2"));
            page.locator(".sangdam-chat-launcher").waitFor();
            // The two language links, the shop's center choice and its button, then the widget's launcher.
            for (int i = 0; i < 5; i++) {
                page.keyboard().press("Tab");
            }
            assertThat(focused(page)).isEqualTo("BUTTON:채팅 상담");
            page.keyboard().press("Enter");
            assertThat(focused(page)).isEqualTo("SELECT:topic");
            page.locator("select[name=topic]").selectOption("TECH");
            page.keyboard().press("Tab");
            page.keyboard().type("김민수");
            page.keyboard().press("Tab");
            page.keyboard().press("Tab");
            page.keyboard().press("Tab");
            assertThat(focused(page)).isEqualTo("BUTTON:상담 시작");
            page.keyboard().press("Enter");
            // The demo center asks the bot first (issue 18): past 질문하기 to 상담사 연결, and the chat starts.
            page.waitForCondition(() -> focused(page).equals("TEXTAREA:question"));
            page.keyboard().press("Tab");
            page.keyboard().press("Tab");
            assertThat(focused(page)).isEqualTo("BUTTON:상담사 연결");
            page.keyboard().press("Enter");
            page.waitForCondition(() -> focused(page).equals("TEXTAREA:text"));

            page.keyboard().type("인터넷이 안 돼요");
            page.keyboard().press("Enter");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("[data-test=chat-log]"))
                    .containsText("인터넷이 안 돼요");
            page.reload();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("[data-test=chat-log]"))
                    .containsText("인터넷이 안 돼요");
            page.waitForCondition(() -> focused(page).equals("TEXTAREA:text"));

            page.keyboard().press("Tab");
            page.keyboard().press("Tab");
            assertThat(focused(page)).isEqualTo("BUTTON:상담 종료");
            page.keyboard().press("Enter");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".sangdam-chat-status"))
                    .hasText("상담이 끝났습니다. 이용해 주셔서 감사합니다.");
            // The customer may start another chat, and the focus is where they can.
            assertThat(focused(page)).isEqualTo("SELECT:topic");
        }
    }

    /** A browser asks for an icon on every page; without one each page logged a failed request (404). */
    @Test
    void theShopTheSignInPageAndTheBoardLoadWithoutConsoleErrors() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            List<String> errors = new java.util.ArrayList<>();
            page.onConsoleMessage(message -> {
                if (message.type().equals("error")) {
                    errors.add(message.text() + " " + message.location());
                }
            });
            page.navigate(url("/chat?center=3"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("채팅 상담"))
                    .waitFor();
            signIn(page, "dj.supervisor");
            page.navigate(url("/board?center=3"));
            page.locator("[data-test=board-queues] tr[data-queue]").first().waitFor();
            page.waitForTimeout(500);
            assertThat(errors).isEmpty();
        }
    }

    private static String focused(Page page) {
        return (String) page.evaluate("() => { const e = document.activeElement; "
                + "return e.tagName + ':' + (e.tagName === 'BUTTON' ? e.textContent.trim() : e.name); }");
    }

    @Test
    void theSignInPageAndTheDeskAreAccessible() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            assertNoSeriousViolations(page);
            signIn(page, "dj.agent030");
            page.navigate(url("/desk"));
            page.waitForLoadState(LoadState.LOAD);
            assertNoSeriousViolations(page);
        }
    }

    @Test
    void theWidgetOutsideOpeningHoursIsAccessible() {
        var center = io.sangdam.channel.ClosedHoursTestsAccess.centerWithClosedQueue(application, port, "a11ywidget");
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/chat?center=" + center.id()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("채팅 상담"))
                    .click();
            page.getByLabel("상담 주제").selectOption("WEEKEND");
            page.locator("[data-test=leave-message]").waitFor();
            assertNoSeriousViolations(page);
        }
    }

    @Test
    void theRoutingAdministrationPagesAreAccessible() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, "dj.manager");
            for (String path :
                    List.of("/queues", "/agent-skills", "/routing-settings", "/skills/catalog", "/callbacks")) {
                page.navigate(url(path));
                page.waitForLoadState(LoadState.LOAD);
                assertNoSeriousViolations(page);
            }
        }
    }

    /** The board, its colour thresholds, the wall screen and headquarters' view of all centers. */
    @Test
    void theBoardsAndTheirSettingsAreAccessible() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, "gn.manager");
            for (String path : List.of("/board", "/centers/settings", "/board/wall")) {
                page.navigate(url(path));
                page.waitForLoadState(LoadState.LOAD);
                page.waitForTimeout(400);
                assertNoSeriousViolations(page);
            }
        }
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, "executive");
            page.navigate(url("/board/all"));
            page.locator("[data-test=all-centers] td[data-field=waiting]:not(:empty)")
                    .first()
                    .waitFor();
            assertNoSeriousViolations(page);
        }
    }
}
