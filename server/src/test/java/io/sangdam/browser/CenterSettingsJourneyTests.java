package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A center manager keeps the center's settings on one page (docs/adr/0026): a section per module
 * (chat, monitoring, board colours, wrap-up), each saving on its own through its module's form, a
 * refusal shown in its section, and the old addresses leading to their sections.
 */
class CenterSettingsJourneyTests extends BrowserJourney {

    @Autowired
    ApplicationContext application;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theManagerChangesEverySectionOfOnePageAndFindsItSavedAfterAReload() {
        TestCenter center = TestCenter.in(application, "settingsj")
                .chatQueue("CARDS", "카드 문의", "Card questions", "CARDS", 3)
                .person("manager", Role.CENTER_MANAGER)
                .create();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
            Page manager = context.newPage();
            signIn(manager, center.username("manager"), TestCenter.PASSWORD);
            Locator navigation = manager.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("주 메뉴"));
            assertThat(navigation.getByText("채팅 설정")).hasCount(0);
            navigation.getByText("센터 설정").click();
            assertThat(manager.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("센터 설정")))
                    .isVisible();
            assertThat(manager.locator("[data-test=settings-center]")).hasText(center.name());
            assertNoSeriousViolations(manager);

            // Chat: how long a customer may be gone.
            Locator chat = section(manager, "chat");
            chat.getByLabel("기다리는 시간(초, 15~1800)").fill("90");
            save(chat, "저장");
            assertThat(section(manager, "chat").locator("[data-test=settings-saved]"))
                    .hasText("채팅 설정을 저장했습니다.");
            assertThat(manager)
                    .hasURL(java.util.regex.Pattern.compile("/centers/settings\\?center=" + center.id() + "#chat$"));

            // Monitoring: a refusal is said in its section and changes nothing; then a sensible pair.
            Locator monitor = section(manager, "monitor");
            monitor.getByLabel("주의 (초)").fill("100");
            monitor.getByLabel("경고 (초)").fill("50");
            save(monitor, "기준 저장");
            assertThat(section(manager, "monitor").locator("[data-test=settings-problem]"))
                    .isVisible();
            assertThat(section(manager, "chat").locator("[data-test=settings-saved]"))
                    .hasCount(0);
            monitor = section(manager, "monitor");
            assertThat(monitor.getByLabel("주의 (초)")).hasValue("60");
            monitor.getByLabel("주의 (초)").fill("30");
            monitor.getByLabel("경고 (초)").fill("90");
            save(monitor, "기준 저장");
            assertThat(section(manager, "monitor").locator("[data-test=settings-saved]"))
                    .hasText("답변 대기 표시 기준을 저장했습니다.");

            // Board colours.
            Locator board = section(manager, "board");
            board.locator("input[name=waitingWarn]").fill("3");
            board.locator("input[name=waitingAlert]").fill("9");
            save(board, "저장");
            assertThat(section(manager, "board").locator("[data-test=settings-saved]"))
                    .hasText("색상 기준을 저장했습니다.");

            // Wrap-up.
            Locator wrapUp = section(manager, "wrap-up");
            wrapUp.getByLabel("큐의 후처리 시간이 지나면 (상담 이력 저장과 관계없이)").check();
            save(wrapUp, "저장");
            assertThat(section(manager, "wrap-up").locator("[data-test=settings-saved]"))
                    .hasText("저장했습니다.");
            assertNoSeriousViolations(manager);
            manager.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "center-settings-saved-ko.png")));

            manager.reload();
            assertThat(manager.locator("[data-test=settings-saved]")).hasCount(0);
            assertThat(section(manager, "chat").getByLabel("기다리는 시간(초, 15~1800)"))
                    .hasValue("90");
            assertThat(section(manager, "monitor").getByLabel("주의 (초)")).hasValue("30");
            assertThat(section(manager, "monitor").getByLabel("경고 (초)")).hasValue("90");
            assertThat(section(manager, "board").locator("input[name=waitingWarn]"))
                    .hasValue("3");
            assertThat(section(manager, "wrap-up").getByLabel("큐의 후처리 시간이 지나면 (상담 이력 저장과 관계없이)"))
                    .isChecked();
            manager.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "center-settings-ko.png"))
                    .setFullPage(true));
            org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                select (select customer_gone_seconds from channel.chat_setting where center_id = :c) || '/'
                    || (select answer_warn_seconds from channel.monitor_setting where center_id = :c) || '/'
                    || (select waiting_warn from reporting.board_threshold where center_id = :c) || '/'
                    || (select wrap_up_rule from routing.center_routing where center_id = :c)\
                """)
                            .param("c", center.id())
                            .query(String.class)
                            .single())
                    .isEqualTo("90/30/3/TIMED");

            // The old addresses lead to their sections.
            manager.navigate(url("/chat-settings?center=" + center.id()));
            assertThat(manager)
                    .hasURL(java.util.regex.Pattern.compile("/centers/settings\\?center=" + center.id() + "#chat$"));
            manager.navigate(url("/board/settings?center=" + center.id()));
            assertThat(manager).hasURL(java.util.regex.Pattern.compile("#board$"));
            manager.navigate(url("/monitor?center=" + center.id()));
            manager.locator("[data-test=monitor-thresholds]")
                    .getByRole(AriaRole.LINK)
                    .click();
            assertThat(manager).hasURL(java.util.regex.Pattern.compile("#monitor$"));
            assertThat(section(manager, "monitor")).isVisible();
        }
    }

    private static Locator section(Page page, String id) {
        return page.locator("[data-test=settings-" + id + "]");
    }

    private static void save(Locator section, String button) {
        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(button))
                .click();
    }
}
