package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A center manager words the first warning of their center (one of this class's own), then goes back to the default. */
class NoticeJourneyTests extends BrowserJourney {

    @Autowired
    ApplicationContext application;

    @Test
    void aCenterManagerEditsTheFirstWarningAndRestoresTheDefault() {
        TestCenter center = TestCenter.in(application, "noticejourney")
                .person("manager", Role.CENTER_MANAGER)
                .create();
        String manager = center.username("manager");
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, manager, TestCenter.PASSWORD);
            page.getByRole(AriaRole.NAVIGATION).getByText("보호 안내 문구").click();
            Locator first = page.locator("[data-notice=FIRST_WARNING-ko]");
            assertThat(first).containsText("기본 문구 사용 중");
            assertThat(first.locator("textarea")).hasValue(java.util.regex.Pattern.compile("^\\[1차 안내\\].*제41조.*"));

            first.locator("textarea").fill("");
            first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("저장"))
                    .click();
            assertThat(page.locator(".error-box")).containsText("문구를 입력하세요");

            first = page.locator("[data-notice=FIRST_WARNING-ko]");
            first.locator("textarea").fill("[광주센터 1차 안내] 폭언을 멈춰 주세요.");
            first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("저장"))
                    .click();
            assertThat(page.locator(".notice")).containsText("문구를 저장했습니다");
            first = page.locator("[data-notice=FIRST_WARNING-ko]");
            assertThat(first.locator("textarea")).hasValue("[광주센터 1차 안내] 폭언을 멈춰 주세요.");
            assertThat(first).containsText(manager);

            first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("기본 문구로 되돌리기"))
                    .click();
            assertThat(page.locator(".notice")).containsText("기본 문구로 되돌렸습니다");
            assertThat(page.locator("[data-notice=FIRST_WARNING-ko]")).containsText("기본 문구 사용 중");
        }
    }
}
