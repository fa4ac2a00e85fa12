package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sangdam.identity.CenterDirectory;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What an agent and an administrator see after signing in, in Korean and in English. */
class SignInJourneyTests extends BrowserJourney {

    @Autowired
    CenterDirectory centers;

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    BrowserContext context;
    Page page;

    @BeforeEach
    void openPage() {
        context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale("ko-KR"));
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void agentSeesTheirCenterRoleAndSkillsInKoreanThenEnglish() {
        signIn("gn.agent002");

        assertThat(page.locator("h1")).containsText("님, 안녕하세요");
        assertThat(page.locator("[data-test=center-name]")).containsText("강남센터");
        assertThat(page.locator("[data-test=role]")).hasText("상담사");
        assertThat(page.locator("[data-section=my-skills]")).containsText("채팅 상담");
        assertThat(page.locator("[data-section=customer-lookup]")).isVisible();
        assertThat(page.getByRole(AriaRole.NAVIGATION).getByText("고객 조회")).isVisible();
        assertThat(page.getByRole(AriaRole.NAVIGATION).getByText("사용자 관리")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("agent-home-ko.png"))
                .setFullPage(true));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English"))
                .click();
        assertThat(page.locator("h1")).containsText("Hello");
        assertThat(page.locator("[data-test=role]")).hasText("Agent");
        assertThat(page.locator("[data-section=my-skills]")).containsText("Chat");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("agent-home-en.png"))
                .setFullPage(true));

        // The choice is kept with the account: signing in again speaks English.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(page.locator(".notice")).containsText("signed out");
        signIn("gn.agent002");
        assertThat(page.locator("h1")).containsText("Hello");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("한국어"))
                .click();
        assertThat(page.locator("h1")).containsText("님, 안녕하세요");
    }

    @Test
    void agentCannotOpenAdministration() {
        signIn("gn.agent003");
        page.navigate(url("/admin/users"));
        assertThat(page.locator(".error-page")).containsText("권한이 없습니다");
    }

    @Test
    void administratorSeesAllCentersAndManagesUsers() {
        signIn("admin");

        assertThat(page.locator("[data-test=role]")).hasText("시스템 관리자");
        // Every center, the demo's and those other test classes made in this database.
        assertThat(page.locator("[data-section=centers] tbody tr"))
                .hasCount(centers.all().size());
        assertThat(page.locator("[data-section=administration]")).containsText("사용자 관리");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("admin-home-ko.png"))
                .setFullPage(true));

        page.getByRole(AriaRole.NAVIGATION).getByText("사용자 관리").click();
        page.waitForURL(url("/admin/users"));
        // The filter updates the table through htmx, which starts once the page has loaded.
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        page.getByLabel("검색", EXACT).fill("bs.supervisor");
        assertThat(page.locator("#users-table tbody tr")).hasCount(5);

        page.getByText("사용자 추가").first().click();
        page.getByLabel("아이디", EXACT).fill("browser.new");
        page.getByLabel("이름", EXACT).fill("신입상담");
        page.locator("select[name=centerId]")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("대전센터 (㈜미래콜)"));
        page.getByLabel("상담사", EXACT).check();
        page.getByLabel("초기 비밀번호", EXACT).fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("추가"))
                .click();
        assertThat(page.locator(".error-box")).containsText("비밀번호가 너무 단순합니다");

        page.getByLabel("초기 비밀번호", EXACT).fill("Welcome-2026!");
        page.getByLabel("상담사", EXACT).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("추가"))
                .click();
        assertThat(page.locator(".notice")).containsText("사용자를 추가했습니다");
        assertThat(page.locator("h1")).containsText("신입상담");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English"))
                .click();
        assertThat(page.getByRole(AriaRole.NAVIGATION).getByText("Users")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deactivate")))
                .isVisible();
        page.getByRole(AriaRole.NAVIGATION).getByText("Home").click();
        assertThat(page.locator("[data-test=role]")).hasText("Administrator");
        assertThat(page.locator("[data-section=centers]")).containsText("Partner center");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("한국어"))
                .click();
    }

    @Test
    void plannerSeesTheStaffingCurveChangeWithTheWorkload() {
        signIn("gn.wfm");
        page.getByRole(AriaRole.NAVIGATION).getByText("적정인원 산정").click();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        String before = page.locator("[data-test=agents]").textContent();
        assertThat(page.locator("#staffing-chart svg")).hasCount(1);
        // The target fields are as wide as the workload's (two of them were half as wide, side by side).
        org.assertj.core.api.Assertions.assertThat(page.evaluate("""
            ["contacts", "targetServiceLevelPercent", "targetSeconds", "maxAsaSeconds", "maxOccupancyPercent", "patienceSeconds"]
                .map(name => Math.round(document.querySelector(".staffing-form [name=" + name + "]").getBoundingClientRect().width))
                .every((width, i, all) => width === all[0])\
            """)).isEqualTo(true);

        page.getByLabel("구간 인입 건수", EXACT).fill("2400");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("계산"))
                .click();
        assertThat(page.locator("[data-test=agents]")).not().hasText(before);
        assertThat(page.locator("#staffing-chart svg")).hasCount(1);
        assertThat(page.locator("[data-test=curve] tr.chosen")).hasCount(1);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("staffing-ko.png"))
                .setFullPage(true));

        page.getByLabel("고객 평균 인내 시간 (초, 선택)", EXACT).fill("90");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("계산"))
                .click();
        assertThat(page.locator(".staffing-result")).containsText("Erlang A");
        assertThat(page.locator(".staffing-result")).containsText("포기율");
    }

    @Test
    void aCenterManagerChangesHowAQueueChoosesAgents() {
        signIn("dj.manager");
        page.getByRole(AriaRole.NAVIGATION).getByText("큐 설정").click();
        var tech = page.locator("[data-test=queue]")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("TECH"));
        tech.locator("select[name=strategy]").selectOption("BEST_SKILL_LEVEL");
        tech.locator("input[name=wrapUpSeconds]").fill("45");
        tech.getByRole(AriaRole.BUTTON).click();
        assertThat(page.locator(".notice")).containsText("라우팅에 바로 적용됩니다");
        var saved = page.locator("[data-test=queue]")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("TECH"));
        assertThat(saved.locator("select[name=strategy]")).hasValue("BEST_SKILL_LEVEL");
        assertThat(saved.locator("input[name=wrapUpSeconds]")).hasValue("45");
    }

    private void signIn(String username) {
        signIn(page, username);
    }
}
