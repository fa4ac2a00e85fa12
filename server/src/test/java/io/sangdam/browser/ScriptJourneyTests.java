package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A consultation script from the editor to the record (issue 18): the center manager writes a script
 * with a question and two branches in the editor's form and publishes it; an agent takes a chat,
 * opens the script beside it, follows one branch, goes back, follows the other, types the product,
 * finishes, and saves the record: the path is shown with the record and stored with it. In a center
 * of this class's own, at 1366x768.
 */
class ScriptJourneyTests extends BrowserJourney {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAgentFollowsTwoBranchesBesideAChatAndThePathIsKeptWithTheRecord() {
        TestCenter center = TestCenter.in(context, "scriptjourney")
                .chatQueue("PLAN", "요금제 문의", "Plans", "PLAN", 3)
                .agent("agent", Map.of("PLAN", 6))
                .person("manager", Role.CENTER_MANAGER)
                .create();
        try (BrowserContext managerContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext agentContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext customerContext = browser.newContext()) {
            // The manager finds the editor on the home page and writes a script in its form.
            Page manager = managerContext.newPage();
            signIn(manager, center.username("manager"), TestCenter.PASSWORD);
            manager.locator("[data-section=scripts] a").first().click();
            manager.locator("[data-test=script-new]").click();
            var form = manager.locator("[data-test=script-form]");
            form.getByLabel("스크립트 이름").fill("요금제 변경 안내");
            var steps = form.locator("[data-test=script-step]");
            steps.nth(0).getByLabel("종류").selectOption("ASK");
            steps.nth(0).getByLabel("단계 이름").fill("변경 여부");
            steps.nth(0).locator("[data-test=step-text]").fill("{{고객명}}님, 요금제를 바꾸시겠어요?");
            // Two more steps: the form comes back with the draft as written.
            form.locator("[data-test=script-add-step]").click();
            form.locator("[data-test=script-add-step]").click();
            assertThat(steps).hasCount(4);
            assertThat(steps.nth(0).locator("[data-test=step-text]")).hasValue("{{고객명}}님, 요금제를 바꾸시겠어요?");
            steps.nth(0).getByLabel("선택지 1 문구").fill("네");
            steps.nth(0).getByLabel("선택지 1 다음 단계 (키)").fill("yes");
            steps.nth(0).getByLabel("선택지 2 문구").fill("아니요");
            steps.nth(0).getByLabel("선택지 2 다음 단계 (키)").fill("no");
            steps.nth(1).locator("[data-test=step-text]").fill("상담 이력에 결과를 적으세요.");
            steps.nth(2).locator("[data-test=step-key]").fill("yes");
            steps.nth(2).getByLabel("단계 이름").fill("변경 안내");
            steps.nth(2).locator("[data-test=step-text]").fill("{{상품}} 요금제로 바꿔 드리겠습니다.");
            steps.nth(2).getByLabel("선택지 1 다음 단계 (키)").fill("end");
            steps.nth(3).locator("[data-test=step-key]").fill("no");
            steps.nth(3).getByLabel("단계 이름").fill("유지 안내");
            steps.nth(3).locator("[data-test=step-text]").fill("지금 요금제를 그대로 쓰시면 됩니다.");
            // A step left pointing nowhere is refused with what to fix; the form keeps what was written.
            steps.nth(3).getByLabel("선택지 1 다음 단계 (키)").fill("fin");
            form.locator("[data-test=script-save]").click();
            assertThat(manager.locator("[data-test=script-error]")).hasText("단계 'no'의 선택지가 없는 단계 'fin'(으)로 갑니다.");
            steps.nth(3).getByLabel("선택지 1 다음 단계 (키)").fill("end");
            form.locator("[data-test=script-save]").click();
            assertThat(manager.locator("p.notice")).containsText("스크립트를 만들었습니다");
            var flow = manager.locator("[data-test=script-flow]");
            assertThat(flow.locator("li[data-step=start]")).containsText("네 → 변경 안내");
            manager.locator("[data-test=script-publish]").click();
            assertThat(manager.locator("[data-test=script-state]")).hasText("게시됨 v1");
            shoot(manager, "editor");
            assertNoSeriousViolations(manager);
            // The "→ step" link moves to the step it names.
            flow.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("변경 안내(으)로"))
                    .click();
            org.assertj.core.api.Assertions.assertThat(manager.url()).endsWith("#step-yes");

            // The agent takes a chat and opens the script beside it.
            Page agent = agentContext.newPage();
            signIn(agent, center.username("agent"), TestCenter.PASSWORD);
            agent.navigate(url("/desk"));
            becomeReady(agent);
            Page customer = customerContext.newPage();
            customer.navigate(url("/chat?center=" + center.id()));
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("채팅 상담"))
                    .click();
            customer.getByLabel("상담 주제").selectOption("PLAN");
            customer.getByLabel("이름 (선택)").fill("홍길동");
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 시작"))
                    .click();
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                    .click();
            var open = agent.locator("[data-test=script-open]");
            open.click();
            assertThat(open).hasAttribute("aria-expanded", "true");
            var panel = agent.locator("[data-test=script-panel]");
            panel.getByLabel("따를 스크립트").selectOption(new SelectOption().setLabel("요금제 변경 안내"));
            panel.locator("[data-test=script-start]").click();
            var text = panel.locator("[data-test=script-step-text]");
            // The customer's name as the desk shows it: masked.
            assertThat(text).hasText("홍*동님, 요금제를 바꾸시겠어요?");
            assertThat(panel.locator("[data-test=script-step]")).isFocused();

            // One branch, then back, then the other: the way back is kept, struck through.
            panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("아니요"))
                    .click();
            assertThat(text).hasText("지금 요금제를 그대로 쓰시면 됩니다.");
            panel.locator("[data-test=script-back]").click();
            assertThat(text).hasText("홍*동님, 요금제를 바꾸시겠어요?");
            panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("네"))
                    .click();
            assertThat(text).hasText("[상품] 요금제로 바꿔 드리겠습니다.");
            panel.getByLabel("상품").fill("5G 슬림");
            panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("상품 적용"))
                    .click();
            assertThat(text).hasText("5G 슬림 요금제로 바꿔 드리겠습니다.");
            var path = panel.locator("[data-test=script-path] li");
            assertThat(path).hasCount(3);
            assertThat(path.nth(1)).hasClass("withdrawn");
            assertThat(path.nth(2)).hasText("네 → 변경 안내");
            shoot(agent, "desk-panel");
            assertNoSeriousViolations(agent);

            // A reload resumes where the agent was.
            agent.reload();
            assertThat(panel.locator("[data-test=script-step-text]")).hasText("5G 슬림 요금제로 바꿔 드리겠습니다.");
            panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("다음"))
                    .click();
            assertThat(panel).containsText("스크립트를 끝까지 마쳤습니다.");

            // The chat ends; the record shows the path it will be saved with.
            agent.locator("[data-test=chat-pane]")
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("상담 종료"))
                    .click();
            var record = agent.locator("[data-test=record]");
            assertThat(record.locator("[data-test=script-record]")).containsText("요금제 변경 안내 (v1) · 마침");
            assertThat(record.locator("[data-test=script-record-path] li")).hasCount(4);
            record.getByLabel("대분류").selectOption(new SelectOption().setIndex(1));
            record.getByLabel("중분류").selectOption(new SelectOption().setIndex(1));
            record.getByLabel("소분류").selectOption(new SelectOption().setIndex(1));
            record.getByLabel("처리 결과").selectOption("RESOLVED");
            shoot(agent, "desk-record");
            record.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("상담 이력 저장"))
                    .click();
            // Saved: the form gives way to the notice, and the path stays under it until the chat closes.
            assertThat(agent.locator("[data-test=chat-context] p.notice ~ [data-test=script-record]"))
                    .containsText("요금제 변경 안내 (v1)");
            shoot(agent, "desk-saved");

            // Stored: the run belongs to the record, with its path.
            String agentName = center.username("agent");
            long deadline = System.currentTimeMillis() + 10_000;
            Long consultation = null;
            while (consultation == null && System.currentTimeMillis() < deadline) {
                consultation = jdbc.sql("select consultation_id from knowledge.script_run where agent = ?")
                        .param(agentName)
                        .query(Long.class)
                        .optional()
                        .orElse(null);
                if (consultation == null) {
                    agent.waitForTimeout(100);
                }
            }
            org.assertj.core.api.Assertions.assertThat(consultation)
                    .isEqualTo(jdbc.sql("select id from contact.consultation where agent = ?")
                            .param(agentName)
                            .query(Long.class)
                            .single());
            org.assertj.core.api.Assertions.assertThat(
                            jdbc.sql("""
                                select string_agg(step_key || case when withdrawn_at is null then '' else '×' end, ' ' order by position)
                                from knowledge.script_run_step s join knowledge.script_run r on r.id = s.run_id
                                where r.agent = ?\
                                """).param(agentName).query(String.class).single())
                    .isEqualTo("start no× yes end");
            agent.waitForLoadState(LoadState.LOAD);
        }
    }

    private static void shoot(Page page, String name) {
        page.screenshot(
                new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "scripts-" + name + "-ko.png")));
    }
}
