package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** The protection team keeps the allow-list: a covered phrase is refused, a new one added, searched and deactivated. */
class LexiconJourneyTests extends BrowserJourney {

    @Test
    void theProtectionTeamAddsSearchesAndDeactivatesAnAllowedPhrase() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, "protection");
            page.getByRole(AriaRole.NAVIGATION).getByText("욕설 사전").click();
            Locator form = page.locator("[data-test=lexicon-add]");
            form.getByLabel("유형").selectOption("ALLOW");
            form.getByLabel("표현").fill("시발점");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("추가"))
                    .click();
            assertThat(page.locator(".error-box")).containsText("이미 같은 유형");

            form = page.locator("[data-test=lexicon-add]");
            form.getByLabel("유형").selectOption("ALLOW");
            form.getByLabel("표현").fill("뽀삐롱점");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("추가"))
                    .click();
            assertThat(page.locator(".notice")).containsText("허용어를 추가했습니다");

            // The filter updates the table through htmx, which starts once the page has loaded.
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
            page.getByLabel("표현 검색").fill("뽀삐롱");
            Locator row = page.locator("[data-test=lexicon] tr[data-pattern='뽀삐롱점']");
            assertThat(row).containsText("사용 중");
            assertThat(page.locator("[data-test=lexicon] tbody tr")).hasCount(1);
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("사용 중지"))
                    .click();
            assertThat(page.locator(".notice")).containsText("사용 중지했습니다");
            assertThat(page.locator("[data-test=lexicon] tr[data-pattern='뽀삐롱점'] .chip"))
                    .hasText("사용 중지");
        }
    }
}
