package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.sangdam.RunningServer;
import io.sangdam.contact.LoggingSmsGatewayFake;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A center manager chooses one-time codes on the settings page; the agent sees the typed number's
 * customer as 미확인, sends a code to the phone on record (the tests' fake gateway keeps it), types what the
 * customer reads back and sees the customer. In a center of this class's own, queue RETENTION; the
 * customer is a demo customer, only read.
 */
class CustomerVerificationJourneyTests extends BrowserJourney {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LoggingSmsGatewayFake sms;

    @Test
    void theAgentVerifiesAClaimedCustomerByACodeSentToThePhoneOnRecord() {
        var demo = jdbc.sql("select name, mobile_phone from contact.customer where customer_number = 'C0000250'")
                .query((row, n) -> new String[] {row.getString("name"), row.getString("mobile_phone")})
                .single();
        TestCenter center = TestCenter.in(context, "verification")
                .chatQueue("RETENTION", "해지·해지방어", "RETENTION", 3)
                .agent("agent", Map.of("RETENTION", 6))
                .person("manager", Role.CENTER_MANAGER)
                .create();
        String agentName = center.username("agent");
        String managerName = center.username("manager");
        var api = RunningServer.ApiClient.on(port);
        String[] chat = null;
        try (BrowserContext agentContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext managerContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
            // The center manager lets agents verify by one-time code too.
            Page manager = managerContext.newPage();
            signIn(manager, managerName, TestCenter.PASSWORD);
            manager.getByRole(AriaRole.NAVIGATION).getByText("본인 확인 방법").click();
            var form = manager.locator("[data-test=verification-form]");
            assertThat(form.getByLabel("생년월일")).isChecked();
            form.getByLabel("생년월일").uncheck();
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("저장"))
                    .click();
            assertThat(manager.locator("[data-test=verification-error]")).hasText("본인 확인 방법을 하나 이상 고르세요.");
            // The page shows what is stored again: date of birth, until the manager changes it.
            form.getByLabel("생년월일").uncheck();
            form.getByLabel("일회용 코드 (문자)").check();
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("저장"))
                    .click();
            assertThat(manager.locator("p.notice")).hasText("본인 확인 방법을 저장했습니다.");
            assertThat(form).containsText(managerName);
            assertThat(form.getByLabel("일회용 코드 (문자)")).isChecked();
            assertThat(form.getByLabel("생년월일")).not().isChecked();
            manager.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "customer-verification-ko.png")));
            assertNoSeriousViolations(manager);

            Page agent = agentContext.newPage();
            signIn(agent, agentName, TestCenter.PASSWORD);
            agent.navigate(url("/desk"));
            agent.waitForLoadState(LoadState.LOAD);
            agent.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("업무 시작").setExact(true))
                    .click();
            assertThat(agent.locator("[data-test=agent-state]")).hasText("이석");
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 가능"))
                    .click();
            assertThat(agent.locator("[data-test=agent-state]")).hasText("대기 중(상담 가능)");

            var started = api.post(
                            "/chat/api/conversations",
                            "{\"center\": " + center.id() + ", \"topic\": \"RETENTION\", \"phone\": \"" + demo[1]
                                    + "\"}",
                            "application/json",
                            null,
                            null,
                            "ko")
                    .json();
            chat = new String[] {
                started.get("conversation").asString(), started.get("token").asString()
            };
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                    .click();

            var panel = agent.locator("[data-test=customer-panel]");
            assertThat(panel.locator("[data-test=panel-claimed]")).containsText("미확인");
            assertThat(panel.locator("[data-test=panel-claim]"))
                    .containsText(io.sangdam.contact.Masking.phone(demo[1]));
            // The only method now: no choice to make, and no date field.
            assertThat(panel.getByLabel("확인 방법")).hasCount(0);
            assertThat(panel.getByLabel("고객이 말한 생년월일")).isHidden();
            panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("코드 보내기"))
                    .click();
            assertThat(panel.locator("[data-test=panel-code-sent]")).containsText("코드를 보냈습니다");
            var text = sms.lastTo(demo[1]).orElseThrow().text();
            var digits = java.util.regex.Pattern.compile("\\b([0-9]{6})\\b").matcher(text);
            org.assertj.core.api.Assertions.assertThat(digits.find()).as(text).isTrue();
            panel.getByLabel("고객이 불러 준 코드").fill(digits.group(1));
            agent.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "desk-one-time-code-ko.png")));
            assertNoSeriousViolations(agent);
            panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("본인 확인"))
                    .click();
            assertThat(panel.locator("[data-test=panel-verified]")).containsText("일회용 코드");
            assertThat(panel.locator("[data-test=panel-customer]")).containsText("C0000250");
        } finally {
            api.put(
                    "/api/centers/" + center.id() + "/customer-verification",
                    "{\"methods\": [\"BIRTH_DATE\"]}",
                    managerName,
                    TestCenter.PASSWORD,
                    "ko");
            if (chat != null) {
                api.post(
                        "/chat/api/conversations/" + chat[0] + "/end?token=" + chat[1],
                        "",
                        "application/json",
                        null,
                        null,
                        "ko");
            }
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
