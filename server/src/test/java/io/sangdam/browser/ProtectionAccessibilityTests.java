package io.sangdam.browser;

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
}
