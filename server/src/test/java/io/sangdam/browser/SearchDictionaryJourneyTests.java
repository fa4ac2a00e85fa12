package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * An administrator teaches search a word: the preview shows how Nori splits a sentence, then how it
 * would with the word before it is saved; the word and a synonym group are added and the preview
 * changes. The dictionary is one for the whole deployment, so the journey removes both at the end.
 */
class SearchDictionaryJourneyTests extends BrowserJourney {

    private static final String SENTENCE = "공시지원금 얼마나 받나요";

    @Test
    void anAdministratorAddsAUserWordAndASynonymGroupAndSeesThePreviewChange() {
        try (BrowserContext context = browser.newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1366, 768))) {
            Page page = context.newPage();
            signIn(page, "admin");
            page.getByRole(AriaRole.NAVIGATION).getByText("검색 사전").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("검색 사전 (사용자 단어와 동의어)")))
                    .isVisible();
            assertThat(page.locator("[data-test=dictionary-synonyms] tr[data-group='해지, 해약']"))
                    .isVisible();
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);

            // Before: Nori splits the word into three, and nothing in the dictionary knows it.
            Locator preview = page.locator("[data-test=dictionary-preview-form]");
            preview.getByLabel("문장").fill(SENTENCE);
            preview.getByLabel("시험할 사용자 단어 (선택)").fill("공시지원금");
            preview.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("분석하기"))
                    .click();
            Locator current = page.locator("[data-test=dictionary-analysis-current]");
            assertThat(current.locator("tr[data-token='공시']")).isVisible();
            assertThat(current.locator("tr[data-token='공시지원금']")).hasCount(0);
            Locator withWord = page.locator("[data-test=dictionary-analysis-with-word]");
            assertThat(withWord).containsText("'공시지원금'을(를) 더하면");
            assertThat(withWord.locator("tr[data-token='공시지원금']")).containsText("사용자 단어");
            assertNoSeriousViolations(page);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/search-dictionary-preview.png"))
                    .setFullPage(true));

            // A word whose parts do not add up is refused with the reason, the typed text kept.
            Locator wordForm = page.locator("[data-test=dictionary-word-form]");
            wordForm.getByLabel("단어", new Locator.GetByLabelOptions().setExact(true))
                    .fill("공시지원금");
            wordForm.getByLabel("분해 (띄어쓰기로 구분, 선택)").fill("공시 지원");
            wordForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("단어 추가"))
                    .click();
            assertThat(page.locator("[data-test=dictionary-error]")).containsText("이어도 단어 '공시지원금'이(가) 되지 않습니다");
            wordForm = page.locator("[data-test=dictionary-word-form]");
            assertThat(wordForm.getByLabel("단어", new Locator.GetByLabelOptions().setExact(true)))
                    .hasValue("공시지원금");
            wordForm.getByLabel("분해 (띄어쓰기로 구분, 선택)").fill("");
            wordForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("단어 추가"))
                    .click();
            assertThat(page.locator(".notice")).containsText("사용자 단어를 추가했습니다");

            Locator synonymForm = page.locator("[data-test=dictionary-synonym-form]");
            synonymForm.getByLabel("동의어").fill("공시지원금, 보조금");
            synonymForm
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("묶음 추가"))
                    .click();
            assertThat(page.locator(".notice")).containsText("동의어 묶음을 추가했습니다");
            assertThat(page.locator("[data-test=dictionary-words] tr[data-word='공시지원금']"))
                    .containsText("admin");

            // After: the word stays whole and its synonym is searched beside it.
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
            preview = page.locator("[data-test=dictionary-preview-form]");
            preview.getByLabel("문장").fill(SENTENCE);
            preview.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("분석하기"))
                    .click();
            current = page.locator("[data-test=dictionary-analysis-current]");
            assertThat(current.locator("tr[data-token='공시지원금']")).containsText("사용자 단어");
            assertThat(current.locator("tr[data-token='공시']")).hasCount(0);
            assertThat(page.locator("[data-test=dictionary-terms-current]")).containsText("동의어 보조");
            assertThat(page.locator("[data-test=dictionary-analysis-with-word]"))
                    .hasCount(0);
            assertNoSeriousViolations(page);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/search-dictionary-after.png"))
                    .setFullPage(true));

            // The group is edited in its row; the history keeps what it was.
            Locator row = page.locator("[data-test=dictionary-synonyms] tr[data-group='공시지원금, 보조금']");
            row.getByRole(AriaRole.TEXTBOX).fill("공시지원금, 보조금, 지원금");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("동의어 묶음 공시지원금, 보조금 저장"))
                    .click();
            assertThat(page.locator(".notice")).containsText("동의어 묶음을 저장했습니다");
            assertThat(page.locator("[data-test=dictionary-history] tbody tr").first())
                    .containsText("(이전: 공시지원금, 보조금)");

            // Keyboard only: the group's remove button is reached and pressed without a mouse.
            Locator remove =
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("동의어 묶음 공시지원금, 보조금, 지원금 삭제"));
            remove.focus();
            page.keyboard().press("Enter");
            assertThat(page.locator(".notice")).containsText("동의어 묶음을 삭제했습니다");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("사용자 단어 공시지원금 삭제"))
                    .click();
            assertThat(page.locator(".notice")).containsText("사용자 단어를 삭제했습니다");
            Locator history = page.locator("[data-test=dictionary-history] tbody tr");
            assertThat(history.nth(0)).containsText("단어 삭제");
            assertThat(history.nth(1)).containsText("동의어 삭제");
            assertThat(history.nth(2)).containsText("동의어 변경");
            assertThat(history.nth(3)).containsText("공시지원금, 보조금");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/search-dictionary-history.png"))
                    .setFullPage(true));
        }
    }
}
