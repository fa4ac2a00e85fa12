package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.sangdam.testing.TestCenter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The customer's widget as issue 17 found it wanting: the shop names the center it reaches and
 * lets the visitor choose; the greeting comes before the protection notice; with nobody logged in
 * who can answer, no time is promised and a message can be left instead; at the end the
 * conversation can be downloaded and the start form is blank again. Centers of this class's own.
 */
class WidgetJourneyTests extends BrowserJourney {

    @Autowired
    ApplicationContext application;

    @Test
    void withNobodyToAnswerTheCustomerIsToldSoAndLeavesAMessageInstead() {
        TestCenter center = TestCenter.in(application, "widgetnobody")
                .chatQueue("LOANS", "대출 상담", "Loans", "LOANS", 5)
                .chatQueue("CARDS", "카드 상담", "Cards", "CARDS", 3)
                .agent("cards", Map.of("CARDS", 6))
                .create();
        try (BrowserContext customerContext =
                browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
            Page customer = customerContext.newPage();
            // The shop names the center it reaches, and the visitor chooses among those taking chats.
            customer.navigate(url("/chat"));
            // Without a choice, the demo's oldest partner center, where the README's gn.agent works.
            assertThat(customer.locator("[data-test=shop-center]")).containsText("강남센터");
            var choice = customer.locator("[data-test=shop-center-choice]");
            assertThat(choice.locator("option[value='" + center.id() + "']")).hasText(center.name());
            choice.selectOption(String.valueOf(center.id()));
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("센터 바꾸기"))
                    .click();
            customer.waitForLoadState(LoadState.LOAD);
            assertThat(customer.locator("[data-test=shop-center]"))
                    .hasText("이 페이지의 채팅 상담은 " + center.name() + "(으)로 연결됩니다.");
            assertThat(choice).hasValue(String.valueOf(center.id()));
            assertNoSeriousViolations(customer);

            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("채팅 상담"))
                    .click();
            customer.getByLabel("상담 주제").selectOption("LOANS");
            customer.getByLabel("이름 (선택)").fill("김하늘");
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 시작"))
                    .click();
            // The center's greeting first, then the protection notice.
            var log = customer.locator("[data-test=chat-log] li");
            assertThat(log.nth(0)).containsText("안녕하세요, 고객센터입니다");
            assertThat(log.nth(1)).containsText("산업안전보건법");

            // The only agent logged in... is nobody: no time promised, two ways on.
            var nobody = customer.locator("[data-test=nobody-to-answer]");
            assertThat(nobody).containsText("상담사가 근무하고 있지 않아");
            assertThat(customer.locator(".sangdam-chat-status")).not().containsText("예상 대기");
            assertNoSeriousViolations(customer);
            customer.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "widget-nobody-to-answer-ko.png")));

            // Keyboard: 계속 기다리기 by Enter puts the box away and the customer goes on typing.
            nobody.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("계속 기다리기"))
                    .focus();
            customer.keyboard().press("Enter");
            assertThat(nobody).isHidden();
            assertThat(customer.getByLabel("메시지")).isFocused();
            // Kept across a reload: the customer chose to wait.
            customer.reload();
            assertThat(customer.locator(".sangdam-chat-status")).containsText("다음 순서입니다");
            assertThat(nobody).isHidden();
        }

        try (BrowserContext customerContext =
                browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page customer = customerContext.newPage();
            startChat(customer, center.id(), "LOANS");
            var nobody = customer.locator("[data-test=nobody-to-answer]");
            assertThat(nobody).isVisible();
            customer.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "widget-nobody-to-answer-phone-ko.png")));
            nobody.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("메시지 남기기"))
                    .click();
            // The chat ended; the message form for the same topic takes its place.
            Locator form = customer.locator("[data-test=leave-message]");
            assertThat(form).isVisible();
            assertThat(customer.getByLabel("상담 주제")).hasValue("LOANS");
            assertThat(form.getByLabel("이름", new Locator.GetByLabelOptions().setExact(true)))
                    .isFocused();
            form.getByLabel("이름", new Locator.GetByLabelOptions().setExact(true))
                    .fill("김하늘");
            form.getByLabel("연락받을 휴대폰 번호").fill("010-4444-5555");
            form.getByLabel("문의 내용").fill("대출 한도 문의입니다. 내일 연락 주세요.");
            form.getByLabel("상담을 위해 이름과 연락처를 수집·이용하고 연락하는 데 동의합니다.").check();
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("메시지 남기기"))
                    .click();
            assertThat(customer.locator(".sangdam-chat-status")).containsText("메시지를 남겼습니다 (접수번호");
            assertNoSeriousViolations(customer);
        }
    }

    @Test
    void afterTheEndTheCustomerDownloadsTheConversationAndStartsAgainOnABlankForm() throws Exception {
        TestCenter center = TestCenter.in(application, "widgetend")
                .chatQueue("BILLING", "요금", "Billing", "BILLING", 3)
                .chatQueue("RETENTION", "해지·해지방어", "Cancellation", "RETENTION", 3)
                .agent("agent", Map.of("RETENTION", 6))
                .create();
        try (BrowserContext agentContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext customerContext = browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setAcceptDownloads(true))) {
            Page agent = agentContext.newPage();
            signIn(agent, center.username("agent"), TestCenter.PASSWORD);
            agent.getByRole(AriaRole.NAVIGATION).getByText("상담 데스크").click();
            becomeReady(agent);

            Page customer = customerContext.newPage();
            customer.navigate(url("/chat?center=" + center.id()));
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("채팅 상담"))
                    .click();
            customer.getByLabel("상담 주제").selectOption("RETENTION");
            customer.getByLabel("이름 (선택)").fill("이도윤");
            customer.getByLabel("휴대폰 번호 (선택)").fill("010-7777-8888");
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 시작"))
                    .click();
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                    .click();
            assertThat(customer.locator(".sangdam-chat-status")).hasText("상담사와 연결되었습니다.");
            customer.getByLabel("메시지").fill("해지하려고요. 제 번호는 010-7777-8888 입니다");
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("보내기"))
                    .click();
            assertThat(agent.locator("[data-test=chat-pane]")).containsText("010-****-8888");
            agent.locator("[data-test=chat-pane] textarea").fill("네, 해지 방어 혜택부터 안내해 드릴게요.");
            agent.locator("[data-test=chat-pane] button.primary").click();
            assertThat(customer.locator("[data-test=chat-log]")).containsText("해지 방어 혜택");
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 종료"))
                    .click();
            assertThat(customer.locator(".sangdam-chat-status")).hasText("상담이 끝났습니다. 이용해 주셔서 감사합니다.");

            // The conversation as a file, as the customer saw it.
            var transcript = customer.locator("[data-test=transcript]");
            assertThat(transcript).containsText("이메일로 받기는 아직 지원하지 않습니다");
            assertNoSeriousViolations(customer);
            customer.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "widget-ended-phone-ko.png")));
            Download download = customer.waitForDownload(() -> transcript
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("대화 내용 내려받기 (텍스트 파일)"))
                    .click());
            org.assertj.core.api.Assertions.assertThat(download.suggestedFilename())
                    .startsWith("sangdam-chat-")
                    .endsWith(".txt");
            String text = Files.readString(download.path(), StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThat(text)
                    .contains(center.name())
                    .containsPattern("] 안내: 안녕하세요, 고객센터입니다")
                    .containsPattern("] 나: 해지하려고요. 제 번호는 010-\\*\\*\\*\\*-8888 입니다")
                    .containsPattern("] 상담사: 네, 해지 방어 혜택부터 안내해 드릴게요.")
                    .doesNotContain("7777");

            // A new chat starts on a blank form: nothing of the last customer waits there.
            assertThat(customer.getByLabel("이름 (선택)")).hasValue("");
            assertThat(customer.getByLabel("휴대폰 번호 (선택)")).hasValue("");
            assertThat(customer.getByLabel("상담 주제")).not().hasValue("RETENTION");
            // The fields still say what they hold (WCAG 1.3.5), so a browser offers its own values only when asked.
            assertThat(customer.getByLabel("이름 (선택)")).hasAttribute("autocomplete", "name");
            customer.reload();
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("채팅 상담"))
                    .click();
            assertThat(customer.getByLabel("이름 (선택)")).hasValue("");
            assertThat(customer.getByLabel("휴대폰 번호 (선택)")).hasValue("");
        }
    }
}
