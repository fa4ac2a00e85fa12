package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The chat path in English: the customer's topics, the agent's offer, transfer list and record form
 * and the live board show English names, not the Korean ones. In a center of this class's own; the
 * queue made here takes its agent of 5팀 once the manager gives them TECH at level 10.
 */
class EnglishJourneyTests extends BrowserJourney {

    @Autowired
    ApplicationContext context;

    @Test
    void customersAgentsAndSupervisorsReadEnglishNames() {
        TestCenter center = TestCenter.in(context, "english")
                .chatQueue("BILLING", "요금·납부 문의", "Billing and payment", "BILLING", 3)
                .chatQueue("TECH", "기술지원", "Technical support", "TECH", 3)
                .teamPerson("agent", "5팀", Role.AGENT)
                .teamPerson("supervisor", "5팀", Role.SUPERVISOR)
                .person("manager", Role.CENTER_MANAGER)
                .create();
        String manager = center.username("manager");
        var api = ApiClient.on(port);
        var created = api.post(
                "/api/routing/centers/" + center.id() + "/queues",
                """
                {"code": "EN_DESK", "name": "영어 상담", "nameEnglish": "English desk", "channel": "CHAT",
                 "skills": [{"skill": "TECH", "minimumLevel": 10}], "agentGroup": "5팀", "priority": 0,
                 "serviceLevelPercent": 80, "serviceLevelSeconds": 30, "strategy": "LONGEST_IDLE", "overflow": [],
                 "wrapUpSeconds": 30, "limitedHours": false, "hours": [], "closedDays": []}\
                """,
                "application/json",
                manager,
                TestCenter.PASSWORD,
                "en");
        org.assertj.core.api.Assertions.assertThat(created.status())
                .as(created.body())
                .isEqualTo(201);
        var skilled = api.put(
                "/api/routing/agents/" + center.accountId("agent"),
                "{\"skills\": {\"TECH\": 10, \"CHAT\": 5}}",
                manager,
                TestCenter.PASSWORD,
                "ko");
        org.assertj.core.api.Assertions.assertThat(skilled.status())
                .as(skilled.body())
                .isEqualTo(200);

        try (BrowserContext agentContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext customerContext = browser.newContext();
                BrowserContext supervisorContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
            Page supervisor = supervisorContext.newPage();
            signIn(supervisor, center.username("supervisor"), TestCenter.PASSWORD);
            supervisor.navigate(url("/board?center=" + center.id() + "&lang=en"));
            assertThat(supervisor.locator("[data-test=board-queues]")).containsText("Technical support");
            assertThat(supervisor.locator("[data-test=board-queues]")).containsText("English desk");

            Page agent = agentContext.newPage();
            signIn(agent, center.username("agent"), TestCenter.PASSWORD);
            agent.navigate(url("/desk?lang=en"));
            agent.waitForLoadState(LoadState.LOAD);
            agent.locator("[data-action=login]").click();
            assertThat(agent.locator("[data-test=agent-state]")).hasText("Not ready");
            agent.locator("[data-action=ready]").click();

            Page customer = customerContext.newPage();
            customer.navigate(url("/chat?center=" + center.id() + "&lang=en"));
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat with us"))
                    .click();
            assertThat(customer.getByLabel("Topic").locator("option[value=BILLING]"))
                    .hasText("Billing and payment");
            customer.getByLabel("Topic").selectOption("EN_DESK");
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start chat"))
                    .click();

            assertThat(agent.locator("[data-test=offer]")).containsText("English desk");
            agent.locator("[data-test=offer] button.primary").click();
            var pane = agent.locator("[data-test=chat-pane]");
            assertThat(pane.locator("h2")).hasText("English desk");
            assertThat(agent.locator("[data-test=transfer] select").first().locator("option[value=TECH]"))
                    .hasText("Technical support");

            pane.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("End chat"))
                    .click();
            var record = agent.locator("[data-test=record]");
            record.locator("select")
                    .first()
                    .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Billing"));
            assertThat(record.locator("select").nth(1)).containsText("Billing questions");
            agent.screenshot(new Page.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of("target", "screenshots", "desk-en.png")));
            // The record is unsaved, so wrap-up cannot be finished; ending the shift still can.
            assertThat(agent.locator("[data-action=wrap-up-done]")).isHidden();
            agent.locator("[data-action=logout]").click();
            assertThat(agent.locator("[data-test=agent-state]")).hasText("Off shift");
        }
    }
}
