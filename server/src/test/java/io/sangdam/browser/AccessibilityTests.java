package io.sangdam.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** axe-core finds no serious or critical problem on the pages customers and agents use most. */
class AccessibilityTests extends BrowserJourney {

    @Test
    void theChatWidgetIsAccessible() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/chat?center=3"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("채팅 상담")).click();
            page.getByLabel("상담 주제").waitFor();
            assertNoSeriousViolations(page);
        }
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
        io.sangdam.channel.ClosedHoursTestsAccess.ensureClosedQueue(port);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/chat?center=3"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("채팅 상담")).click();
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
            for (String path : List.of("/queues", "/agent-skills", "/routing-settings", "/skills/catalog", "/callbacks")) {
                page.navigate(url(path));
                page.waitForLoadState(LoadState.LOAD);
                assertNoSeriousViolations(page);
            }
        }
    }

    private static void assertNoSeriousViolations(Page page) {
        AxeResults results = new AxeBuilder(page).analyze();
        assertThat(results.getPasses()).as("axe ran its rules").isNotEmpty();
        List<String> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(AccessibilityTests::describe).toList();
        assertThat(serious).as(page.url()).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream().map(n -> String.join(" ", n.getTarget().toString()))
                .limit(3).toList();
    }
}
