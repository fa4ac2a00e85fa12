package io.sangdam.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** axe-core finds no serious or critical problem on the protection team's and the center manager's pages. */
class ProtectionAccessibilityTests extends BrowserJourney {

    @Test
    void theLexiconNoticeReportAndBoardAlertPagesAreAccessible() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, "protection");
            for (String path : List.of("/protection/lexicon", "/protection/reports", "/incidents")) {
                page.navigate(url(path));
                page.waitForLoadState(LoadState.LOAD);
                assertNoSeriousViolations(page);
            }
        }
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, "bs.manager");
            for (String path : List.of("/protection/notices", "/board?center=5")) {
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
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getNodes().stream().map(n -> n.getTarget().toString()).limit(3).toList())
                .toList();
        assertThat(serious).as(page.url()).isEmpty();
    }
}
