package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A planner's week: forecast from the demo history, import more, plan staff, take it to Excel. */
class PlanningJourneyTests extends BrowserJourney {

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    BrowserContext context;
    Page page;

    @BeforeEach
    void signIn() {
        context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1366, 768).setAcceptDownloads(true));
        page = context.newPage();
        signIn(page, "dj.wfm");
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void forecastShowsHistoryAgainstForecastAndHowEachMethodScored() {
        page.getByRole(AriaRole.NAVIGATION).getByText("수요 예측").click();
        page.waitForLoadState(LoadState.LOAD);
        assertThat(page.locator("#forecast-chart svg")).hasCount(1);
        assertThat(page.locator("[data-test=backtest] tbody tr")).hasCount(2);
        assertThat(page.locator("[data-test=backtest] tr.chosen")).hasCount(1);
        assertThat(page.locator("[data-test=holidays]")).containsText("성탄절");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", "forecast-ko.png"))
                .setFullPage(true));
    }

    @Test
    void aBadCsvLineIsReportedByNumberAndNothingIsImported() {
        page.navigate(url("/workforce/forecast"));
        page.locator("input[type=file]")
                .setInputFiles(new FilePayload("history.csv", "text/csv", """
                    queue,interval_start,contacts,aht_seconds
                    NEWQUEUE,2026-11-23 09:30,10,200
                    NEWQUEUE,2026-11-23 09:45,10,200
                    """.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("가져오기"))
                .click();
        assertThat(page.locator("[data-test=import-problems]")).containsText("3번째 줄");
        assertThat(page.locator("[data-test=import-problems]")).containsText("30분 구간의 경계가 아닙니다");
        assertThat(page.locator("select[name=queue] option")).not().containsText(new String[] {"NEWQUEUE"});
    }

    @Test
    void aGoodCsvIsImportedAndShortHistoryIsExplained() {
        page.navigate(url("/workforce/forecast"));
        var csv = new StringBuilder("queue,interval_start,contacts,aht_seconds\n");
        for (int day = 1; day <= 7; day++) {
            for (int hour = 9; hour < 18; hour++) {
                csv.append("SHORTQ,2026-11-%02d %02d:00,%d,300\n".formatted(day, hour, 20 + hour));
                csv.append("SHORTQ,2026-11-%02d %02d:30,%d,300\n".formatted(day, hour, 25 + hour));
            }
        }
        page.locator("input[type=file]")
                .setInputFiles(
                        new FilePayload("short.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("가져오기"))
                .click();
        assertThat(page.locator(".notice").first()).containsText("126개 구간을 가져왔습니다");
        assertThat(page.locator(".error-box")).containsText("이력이 최소 28일 필요합니다");
    }

    @Test
    void aWeeklyPlanIsMadeAndDownloadsAsCsvAndExcel() throws Exception {
        page.navigate(url("/workforce/plan"));
        page.locator("select[name=days]").selectOption("7");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("계획 만들기"))
                .click();
        page.waitForLoadState(LoadState.LOAD);
        assertThat(page.locator("#plan-chart svg")).hasCount(1);
        assertThat(page.locator("[data-test=plan] tbody tr").first()).isVisible();
        int peak =
                Integer.parseInt(page.locator("[data-test=peak]").textContent().strip());
        assertThat(peak).isPositive();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", "plan-ko.png"))
                .setFullPage(true));

        Download csv =
                page.waitForDownload(() -> page.locator("[data-test=csv]").click());
        String content = Files.readString(csv.path(), StandardCharsets.UTF_8);
        assertThat(content).startsWith("\uFEFF날짜 date,시작 start");
        assertThat(content.lines().count()).isEqualTo(1 + 7 * 48);

        Download excel =
                page.waitForDownload(() -> page.locator("[data-test=excel]").click());
        try (var workbook = new XSSFWorkbook(Files.newInputStream(excel.path()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(7 * 48);
            int excelPeak = 0;
            for (int row = 1; row <= sheet.getLastRowNum(); row++) {
                excelPeak =
                        Math.max(excelPeak, (int) sheet.getRow(row).getCell(5).getNumericCellValue());
            }
            assertThat(excelPeak).isEqualTo(peak);
        }
    }

    @Test
    void tryingAPlanSimulatesItOnTheRoutingEngineBesideTheErlangFigures() {
        page.navigate(url("/workforce/plan"));
        page.waitForLoadState(LoadState.LOAD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("이 계획 시뮬레이션"))
                .click();
        assertThat(page.locator("[data-test=comparison]"))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(90_000));
        assertThat(page.locator("#simulation-chart svg")).hasCount(1);
        double erlang = percent(page.locator("[data-test=erlang-overall]").textContent());
        double simulated = percent(page.locator("[data-test=simulated-overall]").textContent());
        // The plan meets 80 % in every interval by Erlang; the simulation plays the same staff.
        assertThat(erlang).isGreaterThanOrEqualTo(80);
        // Agents change at interval edges and queues carry over; the simulation stays near, not at, Erlang.
        assertThat(simulated).isBetween(erlang - 15, 100.0);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", "plan-simulation-ko.png"))
                .setFullPage(true));
    }

    private static double percent(String text) {
        return Double.parseDouble(text.replace("%", "").strip());
    }
}
