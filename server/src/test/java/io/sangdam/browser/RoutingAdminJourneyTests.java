package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A center manager changes a queue on the page, sees it kept, and gets a readable answer to a
 * mistake. In a center of this class's own, so no other test's chats meet the changed queue.
 */
class RoutingAdminJourneyTests extends BrowserJourney {

    @Autowired
    ApplicationContext application;

    @Test
    void aManagerChangesAQueueAndIsToldPlainlyWhatIsWrongWithABadOverflow() {
        TestCenter center = TestCenter.in(application, "routingjourney")
                .chatQueue("BILLING", "요금·납부 문의", "Billing and payment", "BILLING", 3)
                .chatQueue("TECH", "기술지원", "Tech", "TECH", 3)
                .person("manager", Role.CENTER_MANAGER)
                .create();
        // A laptop's browser window: 1366 x 768 less the browser's own bars.
        try (var context = browser.newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1366, 660))) {
            Page page = context.newPage();
            signIn(page, center.username("manager"), TestCenter.PASSWORD);
            page.getByRole(AriaRole.NAVIGATION).getByText("큐 설정").click();
            // The first queue's form is far longer than the window; its save button is in sight all the same.
            Object saveBottom = page.locator("[data-test=queue] button[type=submit]")
                    .first()
                    .evaluate("b => b.getBoundingClientRect().bottom");
            org.assertj.core.api.Assertions.assertThat(((Number) saveBottom).doubleValue())
                    .isLessThanOrEqualTo(660);
            org.assertj.core.api.Assertions.assertThat(
                            page.evaluate("document.documentElement.scrollWidth <= innerWidth"))
                    .isEqualTo(true);

            Locator tech = page.locator("[data-test=queue][data-code=TECH]");
            tech.getByLabel("후처리 시간 (초)").fill("75");
            tech.getByLabel("영문 이름").fill("Technical support");
            tech.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("저장"))
                    .click();

            assertThat(page.locator("p.notice")).hasText("저장했습니다. 라우팅에 바로 적용됩니다.");
            tech = page.locator("[data-test=queue][data-code=TECH]");
            assertThat(tech.getByLabel("후처리 시간 (초)")).hasValue("75");
            assertThat(tech.getByLabel("영문 이름")).hasValue("Technical support");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "queues-ko.png"))
                    .setFullPage(true));

            tech.locator("input[name=overflowAfter]").first().fill("60");
            tech.locator("select[name=overflowKind]").first().selectOption("MOVE_TO_QUEUE");
            tech.locator("input[name=overflowTarget]").first().fill("NOWHERE");
            tech.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("저장"))
                    .click();
            assertThat(page.locator("[data-test=problem]")).containsText("오버플로 대상 큐 NOWHERE");
            assertThat(page.locator("[data-test=queue][data-code=TECH] input[name=overflowTarget]")
                            .first())
                    .hasValue("");
        }
    }
}
