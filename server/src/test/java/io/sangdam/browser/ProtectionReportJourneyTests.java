package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sangdam.identity.CenterDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A center manager sees their own center's protection report and exports it; headquarters may choose any center. */
class ProtectionReportJourneyTests extends BrowserJourney {

    @Autowired
    CenterDirectory centers;

    @Test
    void aCenterManagerSeesTheirCenterOnlyAndHeadquartersChooses() throws Exception {
        try (BrowserContext context =
                browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setAcceptDownloads(true))) {
            Page page = context.newPage();
            signIn(page, "gn.manager");
            page.getByRole(AriaRole.NAVIGATION).getByText("보호 현황 보고서").click();
            assertThat(page.locator("h1")).hasText("감정노동 보호 현황");
            assertThat(page.locator("select[name=center]")).hasCount(0);
            // A chart, or where the month has nothing recorded for this center, a line saying so instead of bare axes.
            assertThat(page.locator("#report-month-chart:has(svg), #report-month-chart.chart-empty"))
                    .hasCount(1);
            assertThat(page.locator("#report-team-chart:has(svg), #report-team-chart.chart-empty"))
                    .hasCount(1);
            for (String center : page.locator("[data-test=protection-report] tbody tr[data-center]")
                    .evaluateAll("rows => rows.map(r => r.dataset.center)")
                    .toString()
                    .replaceAll("[\\[\\] ]", "")
                    .split(",")) {
                org.assertj.core.api.Assertions.assertThat(center).isIn("", "2");
            }
            Download download = page.waitForDownload(
                    () -> page.locator("[data-test=report-csv]").click());
            String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThat(csv).startsWith("\uFEFFmonth,center,team,PROFANITY,INSULT");
            org.assertj.core.api.Assertions.assertThat(csv).doesNotContain("부산센터", "대전센터", "광주센터");

            page.navigate(url("/protection/reports?center=5"));
            assertThat(page.locator("body")).containsText("권한");

            page.navigate(url("/protection/reports?from=2026-13"));
            assertThat(page.locator(".error-box")).containsText("월을 읽을 수 없습니다");
        }
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, "protection");
            page.navigate(url("/protection/reports"));
            // "All" and every partner center, the demo's and those other test classes made.
            long partners =
                    centers.all().stream().filter(c -> !c.isHeadquarters()).count();
            assertThat(page.locator("select[name=center] option")).hasCount((int) partners + 1);
            page.locator("select[name=center]").selectOption("5");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("조회"))
                    .click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile("center=5"));
        }
    }
}
