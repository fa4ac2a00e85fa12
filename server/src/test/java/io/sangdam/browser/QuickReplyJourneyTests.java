package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Quick replies (상용구) from the supervisor's page to the customer's screen: the supervisor adds a
 * team reply with variables, the agent a personal one; in a chat the agent types "/" and part of the
 * title, picks the reply with the keyboard, and the customer reads it with their (masked) name, the
 * center's and the agent's filled in. In a center of this class's own.
 */
class QuickReplyJourneyTests extends BrowserJourney {

    @Autowired
    ApplicationContext context;

    @Test
    void aTeamReplyWithVariablesIsTypedWithASlashPickedByKeyboardAndSent() {
        TestCenter center = TestCenter.in(context, "quickreply")
                .chatQueue("TECH", "기술지원", "Technical support", "TECH", 3)
                .agent("agent", "1팀", Map.of("TECH", 6))
                .teamPerson("supervisor", "1팀", Role.SUPERVISOR)
                .create();
        String agentDisplayName = center.person("agent").displayName();
        try (BrowserContext supervisorContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext agentContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext customerContext = browser.newContext()) {
            // The supervisor finds the page on the home page and adds the team's greeting.
            Page supervisor = supervisorContext.newPage();
            signIn(supervisor, center.username("supervisor"), TestCenter.PASSWORD);
            supervisor.locator("[data-section=quick-replies] a").first().click();
            var form = supervisor.locator("[data-test=quick-reply-form]");
            assertThat(form.getByLabel("구분")).hasValue("PERSONAL");
            form.getByLabel("구분").selectOption("TEAM");
            form.getByLabel("제목").fill("첫인사");
            // A variable misspelt is refused with what to write instead; the form keeps the text.
            form.getByLabel("내용").fill("안녕하세요 {고객}님");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("추가"))
                    .click();
            assertThat(supervisor.locator("[data-test=quick-reply-error]")).containsText("알 수 없는 변수 {고객}");
            assertThat(form.getByLabel("내용")).hasValue("안녕하세요 {고객}님");
            form.getByLabel("구분").selectOption("TEAM");
            form.getByLabel("내용").fill("안녕하세요 {고객명}님.");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("추가"))
                    .click();
            assertThat(supervisor.locator("p.notice")).hasText("상용구를 추가했습니다.");
            var table = supervisor.locator("[data-test=quick-replies]");
            assertThat(table.locator("tr[data-title='첫인사']")).containsText("팀 상용구 (1팀)");
            // And changes it: the form comes back filled in.
            table.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("첫인사 수정"))
                    .click();
            assertThat(form.getByLabel("내용")).hasValue("안녕하세요 {고객명}님.");
            form.getByLabel("내용").fill("안녕하세요 {고객명}님, {센터} {상담사}입니다. 무엇을 도와드릴까요?");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("저장"))
                    .click();
            assertThat(supervisor.locator("p.notice")).hasText("상용구를 저장했습니다.");
            assertThat(table.locator("tr[data-title='첫인사']")).containsText("{센터} {상담사}입니다");
            supervisor.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "quick-replies-page-ko.png")));
            table.screenshot(new Locator.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "quick-replies-table-ko.png")));
            assertNoSeriousViolations(supervisor);

            // The agent adds one of their own: only their personal set is theirs to write.
            Page agent = agentContext.newPage();
            signIn(agent, center.username("agent"), TestCenter.PASSWORD);
            agent.getByRole(AriaRole.NAVIGATION)
                    .getByText("상용구", new Locator.GetByTextOptions().setExact(true))
                    .click();
            var agentForm = agent.locator("[data-test=quick-reply-form]");
            assertThat(agentForm.locator("select[name=scope] option")).hasCount(1);
            agentForm.getByLabel("제목").fill("마무리");
            agentForm.getByLabel("내용").fill("더 궁금하신 점이 있으신가요, {customer}님?");
            agentForm
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("추가"))
                    .click();
            assertThat(agent.locator("p.notice")).hasText("상용구를 추가했습니다.");
            // The team's reply is there to read, not to change.
            assertThat(agent.locator("tr[data-title='첫인사']")).isVisible();
            assertThat(agent.locator("tr[data-title='첫인사'] button")).hasCount(0);
            assertThat(agent.locator("tr[data-title='마무리'] button")).hasCount(1);

            agent.navigate(url("/desk"));
            agent.waitForLoadState(LoadState.LOAD);
            agent.locator("[data-action=login]").click();
            assertThat(agent.locator("[data-test=agent-state][data-state=NOT_READY]"))
                    .hasCount(1);
            agent.locator("[data-action=ready]").click();
            assertThat(agent.locator("[data-test=agent-state][data-state=AVAILABLE]"))
                    .hasCount(1);

            Page customer = customerContext.newPage();
            customer.navigate(url("/chat?center=" + center.id()));
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("채팅 상담"))
                    .click();
            customer.getByLabel("상담 주제").selectOption("TECH");
            customer.getByLabel("이름 (선택)").fill("홍길동");
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 시작"))
                    .click();
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                    .click();

            // "/" opens the list: the agent's own first, then the team's.
            var box = agent.locator("[data-test=chat-pane] textarea");
            box.pressSequentially("/");
            var options = agent.locator("[data-test=quick-reply-option]");
            assertThat(options).hasCount(2);
            assertThat(options.nth(0)).containsText("/마무리");
            assertThat(options.nth(0)).containsText("내 상용구");
            assertThat(options.nth(1)).containsText("팀");
            assertThat(options.nth(0)).hasAttribute("aria-selected", "true");
            assertThat(box).hasAttribute("aria-activedescendant", options.nth(0).getAttribute("id"));
            agent.keyboard().press("ArrowDown");
            assertThat(options.nth(1)).hasAttribute("aria-selected", "true");
            agent.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "quick-replies-desk-ko.png")));
            assertNoSeriousViolations(agent);
            // Part of the title filters; Esc closes and the box keeps what was typed.
            box.pressSequentially("인사");
            assertThat(options).hasCount(1);
            agent.keyboard().press("Escape");
            assertThat(agent.locator("[data-test=quick-reply-listbox]")).isHidden();
            assertThat(box).hasValue("/인사");
            box.fill("");
            box.pressSequentially("/첫");
            assertThat(options).hasCount(1);
            agent.keyboard().press("Enter");
            String greeting = "안녕하세요 홍*동님, " + center.name() + " " + agentDisplayName + "입니다. 무엇을 도와드릴까요?";
            assertThat(box).hasValue(greeting);
            assertThat(agent.locator("[data-test=quick-reply-listbox]")).isHidden();
            agent.keyboard().press("Enter");
            assertThat(customer.locator("[data-test=chat-log]")).containsText(greeting);

            // The list beside Send searches the same replies; a click inserts with the name filled in.
            agent.locator("[data-test=quick-reply-picker] summary").click();
            agent.locator("[data-test=quick-reply-search]").fill("궁금");
            agent.locator(".quick-reply-choice").first().click();
            assertThat(box).hasValue("더 궁금하신 점이 있으신가요, 홍*동님?");
        }
    }
}
