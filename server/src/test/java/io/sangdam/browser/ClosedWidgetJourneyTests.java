package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sangdam.channel.ClosedHoursTestsAccess;
import io.sangdam.testing.TestCenter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A customer finds a topic closed, reads its hours and leaves a message; an agent of the center
 * finds it on the callback list, masked, and reveals the number with a reason. In a center of this
 * class's own, so the callback list holds only this journey's message.
 */
class ClosedWidgetJourneyTests extends BrowserJourney {

    @Autowired
    ApplicationContext context;

    @Test
    void aCustomerLeavesAMessageWhileClosedAndAnAgentCallsBack() {
        TestCenter center = ClosedHoursTestsAccess.centerWithClosedQueue(context, port, "closedwidget");
        try (var customerContext = browser.newContext();
                var agentContext = browser.newContext()) {
            Page customer = customerContext.newPage();
            customer.navigate(url("/chat?center=" + center.id()));
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("채팅 상담"))
                    .click();
            customer.getByLabel("상담 주제").selectOption("WEEKEND");
            assertThat(customer.locator("[data-test=closed]")).containsText("지금은 상담 시간이 아닙니다. 운영 시간: 월–일 09:00–18:00");
            assertThat(customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 시작")))
                    .isHidden();

            Locator form = customer.locator("[data-test=leave-message]");
            form.getByLabel("이름", new Locator.GetByLabelOptions().setExact(true))
                    .fill("박서연");
            form.getByLabel("연락받을 휴대폰 번호").fill("010-2222-3333");
            form.getByLabel("문의 내용").fill("주말에 카드 한도 변경 문의드립니다.");
            form.getByLabel("상담을 위해 이름과 연락처를 수집·이용하고 연락하는 데 동의합니다.").check();
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("메시지 남기기"))
                    .click();
            assertThat(customer.locator(".sangdam-chat-status")).containsText("메시지를 남겼습니다 (접수번호");
            // The form went away; a keyboard user is not sent back to the top of the page.
            assertThat(customer.locator(".sangdam-chat-close")).isFocused();
            customer.screenshot(
                    new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "chat-left-message-ko.png")));

            Page agent = agentContext.newPage();
            signIn(agent, center.username("agent"), TestCenter.PASSWORD);
            agent.getByRole(AriaRole.NAVIGATION).getByText("남긴 메시지").click();
            Locator row = agent.locator("[data-test=callbacks] tr", new Page.LocatorOptions().setHasText("카드 한도 변경"));
            assertThat(row).containsText("박*연");
            assertThat(row).containsText("010-****-3333");
            row.getByLabel("확인 사유").fill("콜백 전화");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("연락처 확인"))
                    .click();
            assertThat(agent.locator("[data-test=unmasked]")).hasText("박서연 010-2222-3333");
            agent.locator("[data-test=callbacks] tr", new Page.LocatorOptions().setHasText("카드 한도 변경"))
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("처리 완료"))
                    .click();
            assertThat(agent.locator("p.notice")).hasText("처리 완료로 표시했습니다.");
        }
    }
}
