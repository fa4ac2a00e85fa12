package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The protection team registers the customer of an abusive chat from the incidents page; the
 * customer's next chat goes to the specialist team, whose agent sees the warning with the offer.
 * In a center of this class's own, queue BILLING, whose specialist holds billing and the
 * flagged-customer lane; the customer is a demo customer, registered here and lifted again.
 */
class RegistryJourneyTests extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void theProtectionTeamRegistersACustomerAndTheSpecialistIsWarnedOfTheirNextChat() {
        var demo = jdbc.sql("""
            select name, mobile_phone from contact.customer where mobile_phone is not null and customer_number >= 'C0000600'
             order by customer_number limit 1\
            """)
                .query((row, n) -> new String[] {row.getString("name"), row.getString("mobile_phone")})
                .single();
        TestCenter center = TestCenter.in(context, "registry")
                .chatQueue("BILLING", "요금·납부 문의", "BILLING", 3)
                .agent("specialist", "5팀", Map.of("BILLING", 6, "FLAGGED_CUSTOMER", 6))
                .headquartersPerson("protection", Role.PROTECTION_TEAM)
                .create();
        String specialist = center.username("specialist");
        String maskedPhone = io.sangdam.contact.Masking.phone(demo[1]);
        // The abusive chat: flagged as the customer writes, whether or not an agent has it yet.
        var api = ApiClient.on(port);
        var started = api.post(
                        "/chat/api/conversations",
                        "{\"center\": " + center.id() + ", \"topic\": \"BILLING\", \"name\": \"" + demo[0]
                                + "\", \"phone\": \"" + demo[1] + "\"}",
                        "application/json",
                        null,
                        null,
                        "ko")
                .json();
        String chat = "/chat/api/conversations/" + started.get("conversation").asString();
        String token = "?token=" + started.get("token").asString();
        var said = api.post(
                chat + "/messages" + token, "{\"text\": \"요금 또 틀렸네 시1발 제대로 해\"}", "application/json", null, null, "ko");
        org.assertj.core.api.Assertions.assertThat(said.body()).contains("PROFANITY");
        api.post(chat + "/end" + token, "", "application/json", null, null, "ko");

        try (BrowserContext teamContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
                BrowserContext agentContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext customerContext = browser.newContext()) {
            Page team = teamContext.newPage();
            signIn(team, center.username("protection"), TestCenter.PASSWORD);
            team.navigate(url("/incidents"));
            team.locator("[data-test=incidents] tr")
                    .filter(new Locator.FilterOptions().setHasText(maskedPhone))
                    .getByText("검토·등록")
                    .click();
            assertThat(team.locator("[data-test=register-customer]")).containsText("C0000");
            // The chat's typed number was never verified: the page refuses to register its owner.
            assertThat(team.locator("[data-test=register-claimed]")).containsText("미확인");
            team.locator("[data-test=register-form] input[type=checkbox]")
                    .first()
                    .check();
            team.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("등록").setExact(true))
                    .click();
            assertThat(team.locator("[data-test=register-error]"))
                    .hasText("본인 확인되지 않은 고객입니다. 상담사가 본인 확인을 마친 상담에서만 할 수 있습니다.");
            // Here an agent verified the customer during the chat (CustomerPanelApiTests shows how; this
            // chat was never answered, so the journey stores what that verification leaves).
            jdbc.sql("""
                update channel.conversation set customer_link = 'VERIFIED', customer_verified_by = 'gn.agent001',
                    customer_verified_method = 'BIRTH_DATE', customer_verified_at = now() where id = ?\
                """).param(started.get("conversation").asString()).update();
            // Opened again (a reload would send the refused form once more).
            team.navigate(url("/incidents/" + started.get("conversation").asString() + "/register"));
            assertThat(team.locator("[data-test=register-claimed]")).hasCount(0);
            team.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("등록").setExact(true))
                    .click();
            assertThat(team.locator("[data-test=register-error]")).hasText("증거로 남길 메시지를 하나 이상 고르세요.");
            team.locator("[data-test=register-form] input[type=checkbox]")
                    .first()
                    .check();
            team.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("등록").setExact(true))
                    .click();
            var entry = team.locator("[data-test=registry] tbody tr").first();
            assertThat(entry).containsText("욕설");
            assertThat(entry).containsText("등록 중");
            team.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "registry-ko.png"))
                    .setFullPage(true));

            Page agent = agentContext.newPage();
            signIn(agent, specialist, TestCenter.PASSWORD);
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

            Page customer = customerContext.newPage();
            customer.navigate(url("/chat?center=" + center.id()));
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("채팅 상담"))
                    .click();
            customer.getByLabel("상담 주제").selectOption("BILLING");
            customer.getByLabel("이름 (선택)").fill(demo[0]);
            customer.getByLabel("휴대폰 번호 (선택)").fill(demo[1]);
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 시작"))
                    .click();

            // The warning comes with the offer, before the agent accepts.
            // The new chat's number is again only a claim: the warning says the number is registered, not what for.
            assertThat(agent.locator("[data-test=offer] [data-test=flagged-warning]"))
                    .containsText("특별관리 고객으로 등록된 번호");
            assertThat(agent.locator("[data-test=offer] [data-test=flagged-warning]"))
                    .not()
                    .containsText("욕설");
            agent.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "desk-flagged-offer-ko.png")));
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                    .click();
            assertThat(agent.locator("[data-test=customer-panel] [data-test=flagged-warning]"))
                    .containsText("미확인");
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 종료"))
                    .click();
            assertThat(agent.locator("[data-test=agent-state]")).hasText("후처리");
            for (String action : new String[] {"wrap-up-done", "logout"}) {
                api.post(
                        "/api/routing/centers/" + center.id() + "/agents/" + specialist + "/" + action,
                        "",
                        "application/json",
                        specialist,
                        TestCenter.PASSWORD,
                        "ko");
            }
            assertThat(agent.locator("[data-test=agent-state]")).hasText("업무 외");

            // Lifted early, with a reason.
            entry.getByPlaceholder("해제 사유").fill("고객 사과, 재발 방지 약속");
            entry.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("조기 해제"))
                    .click();
            assertThat(team.locator("[data-test=registry] tbody tr").first()).containsText("해제됨");
        }
    }
}
