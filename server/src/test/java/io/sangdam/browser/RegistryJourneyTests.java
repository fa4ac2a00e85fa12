package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The protection team registers the customer of an abusive chat from the incidents page; the
 * customer's next chat goes to the specialist team, whose agent sees the warning with the offer.
 * Center 4 is 광주센터, queue BILLING (minimum level 3): an agent of 1팀 and one of 5팀 (the lane team).
 */
class RegistryJourneyTests extends BrowserJourney {

    private static final String PASSWORD = RunningServer.DEMO_PASSWORD;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theProtectionTeamRegistersACustomerAndTheSpecialistIsWarnedOfTheirNextChat() {
        var demo = jdbc.sql("""
                select name, mobile_phone from contact.customer where mobile_phone is not null and customer_number >= 'C0000600'
                 order by customer_number limit 1""")
                .query((row, n) -> new String[] {row.getString("name"), row.getString("mobile_phone")}).single();
        String first = agentOf("1팀", false);
        String specialist = agentOf("5팀", true);
        var api = ApiClient.on(port);
        String c = "/api/routing/centers/4";
        api.post(c + "/agents/" + first + "/login", "", "application/json", first, PASSWORD, "ko");
        api.post(c + "/agents/" + first + "/ready", "", "application/json", first, PASSWORD, "ko");
        var started = api.post("/chat/api/conversations", "{\"center\": 4, \"topic\": \"BILLING\", \"name\": \"" + demo[0]
                + "\", \"phone\": \"" + demo[1] + "\"}", "application/json", null, null, "ko").json();
        String chat = started.get("conversation").asString();
        var accepted = api.post(c + "/agents/" + first + "/offers/" + chat + "/accept", "", "application/json", first, PASSWORD,
                "ko");
        org.assertj.core.api.Assertions.assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        var said = api.post("/chat/api/conversations/" + chat + "/messages?token=" + started.get("token").asString(),
                "{\"text\": \"요금 또 틀렸네 시1발 제대로 해\"}", "application/json", null, null, "ko");
        org.assertj.core.api.Assertions.assertThat(said.body()).contains("PROFANITY");
        api.post(c + "/contacts/" + chat + "/end", "", "application/json", "gj.supervisor", PASSWORD, "ko");
        api.post(c + "/agents/" + first + "/wrap-up-done", "", "application/json", first, PASSWORD, "ko");
        api.post(c + "/agents/" + first + "/logout", "", "application/json", first, PASSWORD, "ko");

        try (BrowserContext teamContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
                BrowserContext agentContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext customerContext = browser.newContext()) {
            Page team = teamContext.newPage();
            signIn(team, "protection");
            team.navigate(url("/incidents"));
            team.locator("[data-test=incidents] tr").filter(new Locator.FilterOptions().setHasText(first))
                    .getByText("검토·등록").click();
            assertThat(team.locator("[data-test=register-customer]")).containsText("C0000");
            team.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("등록").setExact(true)).click();
            assertThat(team.locator("[data-test=register-error]")).hasText("증거로 남길 메시지를 하나 이상 고르세요.");
            team.locator("[data-test=register-form] input[type=checkbox]").first().check();
            team.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("등록").setExact(true)).click();
            var entry = team.locator("[data-test=registry] tbody tr").first();
            assertThat(entry).containsText("욕설");
            assertThat(entry).containsText("등록 중");
            team.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "registry-ko.png")).setFullPage(true));

            Page agent = agentContext.newPage();
            signIn(agent, specialist);
            agent.navigate(url("/desk"));
            agent.waitForLoadState(LoadState.LOAD);
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("로그인").setExact(true)).click();
            assertThat(agent.locator("[data-test=agent-state]")).hasText("이석");
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 가능")).click();
            assertThat(agent.locator("[data-test=agent-state]")).hasText("대기 중(상담 가능)");

            Page customer = customerContext.newPage();
            customer.navigate(url("/chat?center=4"));
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("채팅 상담")).click();
            customer.getByLabel("상담 주제").selectOption("BILLING");
            customer.getByLabel("이름 (선택)").fill(demo[0]);
            customer.getByLabel("휴대폰 번호 (선택)").fill(demo[1]);
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 시작")).click();

            // The warning comes with the offer, before the agent accepts.
            assertThat(agent.locator("[data-test=offer] [data-test=flagged-warning]")).containsText("특별관리 고객: 욕설");
            agent.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "desk-flagged-offer-ko.png")));
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락")).click();
            assertThat(agent.locator("[data-test=customer-panel] [data-test=flagged-warning]")).containsText("욕설");
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 종료")).click();

            // Lifted early, with a reason.
            entry.getByPlaceholder("해제 사유").fill("고객 사과, 재발 방지 약속");
            entry.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("조기 해제")).click();
            assertThat(team.locator("[data-test=registry] tbody tr").first()).containsText("해제됨");
        }
    }

    /** The first agent of the team at 광주센터 whose BILLING level meets the queue's minimum (levels are random). */
    private String agentOf(String team, boolean flaggedLane) {
        return jdbc.sql("""
                select a.username from identity.account a
                  join routing.agent_skill s on s.agent_id = a.id join routing.skill k on k.id = s.skill_id
                 where a.center_id = 4 and a.team = ? and k.code = 'BILLING' and s.level >= 3
                   and (not ? or exists (select 1 from routing.agent_skill f join routing.skill g on g.id = f.skill_id
                                          where f.agent_id = a.id and g.code = 'FLAGGED_CUSTOMER'))
                 order by a.username limit 1""").params(team, flaggedLane).query(String.class).single();
    }
}
