package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** An agent asks for counselling; the supervisor learns only that they asked; the protection team schedules it. */
class CareJourneyTests extends BrowserJourney {

    @Autowired
    ApplicationContext application;

    @Test
    void counsellingIsConfidentialAndFollowedUp() {
        TestCenter center = TestCenter.in(application, "care")
                .teamPerson("agent", "2팀", Role.AGENT)
                .teamPerson("supervisor", "2팀", Role.SUPERVISOR)
                .headquartersPerson("protection", Role.PROTECTION_TEAM)
                .create();
        String agent = center.username("agent");
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, agent, TestCenter.PASSWORD);
            page.getByRole(AriaRole.NAVIGATION).getByText("마음 돌봄").click();
            page.getByLabel("하고 싶은 말 (선택)").fill("어제 폭언 상담 뒤로 잠을 못 잤어요");
            page.getByLabel("팀장에게 요청 사실만 알려도 됩니다").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("요청하기"))
                    .click();
            assertThat(page.locator(".notice")).containsText("요청했습니다");
            assertThat(page.locator("[data-test=my-requests]")).containsText("요청됨");
        }
        try (BrowserContext context = browser.newContext()) {
            Page supervisor = context.newPage();
            signIn(supervisor, center.username("supervisor"), TestCenter.PASSWORD);
            assertThat(supervisor.locator("[data-section=shared-counselling]")).containsText(agent);
            assertThat(supervisor.locator("body")).not().containsText("잠을 못 잤어요");
        }
        try (BrowserContext context = browser.newContext()) {
            Page team = context.newPage();
            signIn(team, center.username("protection"), TestCenter.PASSWORD);
            team.getByRole(AriaRole.NAVIGATION).getByText("상담 지원 요청").click();
            var row = team.locator("[data-test=counselling] tr[data-agent='" + agent + "']");
            assertThat(row).containsText("잠을 못 잤어요");
            row.locator("input[name=sessionAt]").fill("2026-12-01T14:00");
            row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("일정 잡기"))
                    .click();
            assertThat(team.locator("[data-test=counselling] tr[data-agent='" + agent + "']"))
                    .containsText("2026-12-01 14:00");
            team.locator("[data-test=counselling] tr[data-agent='" + agent + "']")
                    .getByRole(
                            AriaRole.BUTTON,
                            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("상담 완료 기록"))
                    .click();
            assertThat(team.locator("[data-test=counselling] tr[data-agent='" + agent + "']"))
                    .containsText("상담 완료");
        }
    }
}
