package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A supervisor makes an API token for a script, copies it (shown once), then revokes it. */
class TokenJourneyTests extends BrowserJourney {

    @Test
    void aSupervisorMakesATokenSeesItOnceAndRevokesIt() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
            Page page = context.newPage();
            signIn(page, "gn.supervisor2");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API 토큰"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("API 토큰")))
                    .isVisible();

            page.getByLabel("이름").fill("리포트 스크립트");
            page.getByLabel("팀장").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("토큰 만들기"))
                    .click();

            Locator secret = page.locator("[data-token-secret]");
            assertThat(secret).hasValue(java.util.regex.Pattern.compile("^sdm_[A-Za-z0-9_-]{43}$"));
            assertThat(page.locator(".token-secret")).containsText("다시 볼 수 없습니다");
            Locator row = page.locator("tr[data-token='리포트 스크립트']");
            assertThat(row).containsText("사용 중");
            assertNoSeriousViolations(page);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "tokens-ko.png"))
                    .setFullPage(true));

            // Once: the list page never shows it again.
            page.navigate(url("/account/tokens"));
            assertThat(page.locator("[data-token-secret]")).hasCount(0);

            page.locator("tr[data-token='리포트 스크립트']").getByRole(AriaRole.BUTTON).click();
            assertThat(page.locator(".notice")).containsText("토큰을 폐기했습니다");
            assertThat(page.locator("tr[data-token='리포트 스크립트']")).containsText("폐기됨");
            assertThat(page.locator("tr[data-token='리포트 스크립트']").getByRole(AriaRole.BUTTON))
                    .hasCount(0);
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "tokens-revoked-ko.png")));
        }
    }
}
