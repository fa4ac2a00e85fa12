package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.channel.CallbackSetup;
import io.sangdam.testing.TestCenter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A customer leaves a message while the queue is closed; the queue opens and the message arrives
 * as a contact; an agent accepts it on the desk, reveals the number with a reason, calls back (by
 * phone, outside the system) and saves the record; the callback list shows it done. In a center of
 * this class's own, whose agent alone holds the queue's skill ({@link CallbackSetup#center}).
 */
class CallbackJourneyTests extends BrowserJourney {

    static final String QUEUE = "LATE_JOURNEY";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMessageLeftWhileClosedIsRoutedToAnAgentWhoCallsBackAndRecordsIt() {
        TestCenter center = CallbackSetup.center(context, "callbackjourney");
        String agentName = center.username("agent");
        long queue = CallbackSetup.closedQueue(port, center, QUEUE);
        try (BrowserContext customerContext = browser.newContext();
                BrowserContext agentContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            Page customer = customerContext.newPage();
            customer.navigate(url("/chat?center=" + center.id()));
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("채팅 상담"))
                    .click();
            customer.getByLabel("상담 주제").selectOption(QUEUE);
            assertThat(customer.locator("[data-test=closed]")).containsText("지금은 상담 시간이 아닙니다.");
            Locator form = customer.locator("[data-test=leave-message]");
            form.getByLabel("이름", new Locator.GetByLabelOptions().setExact(true))
                    .fill("한가람");
            form.getByLabel("연락받을 휴대폰 번호").fill("010-3131-4242");
            form.getByLabel("문의 내용").fill("저녁에 해외 결제가 막혔어요. 연락 부탁드립니다.");
            form.getByLabel("상담을 위해 이름과 연락처를 수집·이용하고 연락하는 데 동의합니다.").check();
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("메시지 남기기"))
                    .click();
            assertThat(customer.locator(".sangdam-chat-status")).containsText("메시지를 남겼습니다 (접수번호");

            Page agent = agentContext.newPage();
            signIn(agent, agentName, TestCenter.PASSWORD);
            agent.navigate(url("/callbacks?center=" + center.id()));
            Locator row =
                    agent.locator("[data-test=callbacks] tr", new Page.LocatorOptions().setHasText("해외 결제가 막혔어요"));
            assertThat(row.locator("[data-test=routing]")).hasText("운영 시간이 되면 배정");
            // The topic by the queue's name, not its code.
            assertThat(row).containsText("저녁 콜백 " + QUEUE);
            assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("처리 완료")))
                    .isVisible();
            // The reason and both buttons on one line, so a row reads at a glance on a laptop (they stacked 120 px
            // tall).
            org.assertj.core.api.Assertions.assertThat(row.evaluate("""
                row => {
                  const boxes = [row.querySelector("input[name=reason]"), ...row.querySelectorAll("button")].map(e => e.getBoundingClientRect());
                  const middle = r => r.top + r.height / 2;
                  return boxes.length === 3 && boxes.every(r => Math.abs(middle(r) - middle(boxes[0])) < 3);
                }\
                """)).isEqualTo(true);

            // The center opens: the sweep routes the message as a contact of its queue.
            CallbackSetup.open(port, center, queue, QUEUE);
            CallbackSetup.sweep(context);

            agent.getByRole(AriaRole.NAVIGATION).getByText("상담 데스크").click();
            agent.waitForLoadState(LoadState.LOAD);
            assertThat(agent.locator("[data-test=agent-state]")).hasText("업무 외");
            agent.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("업무 시작").setExact(true))
                    .click();
            assertThat(agent.locator("[data-test=agent-state]")).hasText("이석");
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 가능"))
                    .click();
            Locator offer = agent.locator("[data-test=offer]");
            // The queue by its name (저녁 콜백 …), as the agent knows it, not its code alone.
            assertThat(offer).containsText("콜백 요청 · 저녁 콜백 " + QUEUE + " · 한*람");
            assertThat(offer.locator(".countdown")).containsText("초 남음");
            offer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("수락"))
                    .click();

            Locator pane = agent.locator("[data-test=callback-pane]");
            assertThat(pane).containsText("저녁에 해외 결제가 막혔어요");
            assertThat(pane.locator("[data-test=callback-facts]")).containsText("010-****-4242");
            assertThat(pane.locator("[data-test=callback-facts]")).not().containsText("010-3131-4242");
            pane.getByLabel("연락처 확인 사유").fill("콜백 전화");
            pane.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("사유를 기록하고 연락처 보기"))
                    .click();
            assertThat(pane.locator("[data-test=callback-unmasked]")).containsText("010-3131-4242");
            assertThat(pane.locator("[data-test=callback-unmasked]")).containsText("한가람");
            agent.screenshot(
                    new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "desk-callback-ko.png")));

            // Taken: the list says by whom, and only that agent finishes it (with a record), so no button there.
            Page list = agentContext.newPage();
            list.navigate(url("/callbacks?center=" + center.id()));
            Locator taken =
                    list.locator("[data-test=callbacks] tr", new Page.LocatorOptions().setHasText("해외 결제가 막혔어요"));
            assertThat(taken.locator("[data-test=routing]")).containsText(agentName);
            assertThat(taken.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("처리 완료")))
                    .hasCount(0);
            list.close();

            // Called back by phone; the record closes it.
            Locator record = agent.locator("[data-test=chat-context] [data-test=record]");
            record.getByLabel("대분류").selectOption(new SelectOption().setIndex(1));
            record.getByLabel("중분류").selectOption(new SelectOption().setIndex(1));
            record.getByLabel("소분류").selectOption(new SelectOption().setIndex(1));
            record.getByLabel("상담 메모 (개인정보는 저장할 때 가려집니다)").fill("해외 결제 차단 해제 안내, 통화 완료");
            record.getByLabel("처리 결과").selectOption("RESOLVED");
            record.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("상담 이력 저장"))
                    .click();
            assertThat(agent.locator("[data-test=chat-context] .notice")).hasText("콜백을 완료했습니다.");
            // Its record came with its end: nothing left to write, so no wrap-up waits for one.
            assertThat(agent.locator("[data-test=agent-state]")).hasText("대기 중(상담 가능)");
            org.assertj.core.api.Assertions.assertThat(
                            jdbc.sql("select count(*) from identity.personal_data_access where username = ? and"
                                            + " subject_type = 'left-message'")
                                    .param(agentName)
                                    .query(Long.class)
                                    .single())
                    .isEqualTo(1);

            agent.navigate(url("/callbacks?center=" + center.id() + "&status=DONE"));
            Locator done =
                    agent.locator("[data-test=callbacks] tr", new Page.LocatorOptions().setHasText("해외 결제가 막혔어요"));
            assertThat(done.locator("[data-test=routing]")).hasText("완료: " + agentName);
        } finally {
            var api = ApiClient.on(port);
            for (String action : new String[] {"wrap-up-done", "logout"}) {
                api.post(
                        "/api/routing/centers/" + center.id() + "/agents/" + agentName + "/" + action,
                        "",
                        "application/json",
                        agentName,
                        TestCenter.PASSWORD,
                        "ko");
            }
        }
    }
}
