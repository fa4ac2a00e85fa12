package io.sangdam.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every page, as the role that uses it, under the Content-Security-Policy: the browser refuses
 * nothing on any of them, charts and their tooltips included (the journey's check after each test).
 * Other journeys cover what the pages do; this one only opens each, so a page no journey reaches
 * is still held to the policy. It only reads: nothing is changed.
 */
class PolicyWalkJourneyTests extends BrowserJourney {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "admin|/ /admin/users /admin/users/new /account/password /account/tokens /customer-verification"
                        + " /centers/settings",
                "protection|/ /access-log /incidents /registry /counselling /protection/reports /protection/lexicon"
                        + " /protection/notices /board /monitor /customers",
                "executive|/ /board /board/all /board/wall /protection/reports /incidents /monitor",
                "gn.manager|/ /skills /skills/catalog /agent-skills /routing-settings /queues /callbacks /board"
                        + " /centers/settings /board/settings /chat-settings /protection/notices /protection/reports"
                        + " /customer-verification /account/tokens",
                "gn.supervisor|/ /monitor /board /board/wall",
                "gn.wfm|/ /workforce/staffing /workforce/forecast /workforce/plan",
                "gn.agent|/ /desk /care /customers",
                "|/login /chat?center=2 /swagger-ui.html"
            })
    void nothingIsRefusedOnAnyPage(String username, String paths) {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            if (username != null) {
                signIn(page, username);
            }
            for (String path : paths.split(" ")) {
                page.navigate(url(path));
                page.waitForLoadState(LoadState.LOAD);
                // htmx read its settings: no eval, and no style element of its own (which the policy would refuse).
                org.assertj.core.api.Assertions.assertThat(
                                page.evaluate("typeof htmx === 'undefined' || (htmx.config.allowEval === false &&"
                                        + " htmx.config.includeIndicatorStyles === false)"))
                        .as(path)
                        .isEqualTo(true);
                if (path.equals("/admin/users")) {
                    // One user's page as well, reached as an administrator reaches it.
                    page.locator("a[href^='/admin/users/']:not([href$='/new'])")
                            .first()
                            .click();
                    page.waitForLoadState(LoadState.LOAD);
                }
                if (showEveryTooltip(page)) {
                    // For a person to look at: the charts as drawn under the policy.
                    page.screenshot(new Page.ScreenshotOptions()
                            .setFullPage(true)
                            .setPath(java.nio.file.Path.of(
                                    "target/policy-walk/" + username + path.replaceAll("[^a-z0-9]+", "-") + ".png")));
                }
            }
        }
    }

    /**
     * Charts draw once the page's scripts ran; hovering each shows its tooltip, drawn under the
     * policy too. Says whether the page has a chart (or the skill levels' bars).
     */
    private static boolean showEveryTooltip(Page page) {
        page.waitForTimeout(400);
        Locator charts = page.locator(".chart:has(svg)");
        for (int i = 0; i < charts.count(); i++) {
            charts.nth(i).hover();
        }
        page.waitForTimeout(200);
        return charts.count() > 0 || page.locator("svg.levels").count() > 0;
    }
}
