package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, finding 2: an administrator named a team {@code </script><script>alert(1)</script>}, and
 * the script ran in the browsers of everyone who opened the protection report, because the chart's
 * JSON was written into the page unescaped. Here the same name goes the same way (an agent of that
 * team asks for counselling, which the report counts per team) and stays text.
 */
class StoredScriptJourneyTests extends BrowserJourney {

    private static final String TEAM = "</script><script>alert(1)</script>";
    private static final String PASSWORD = "Stored-script-1";

    @Test
    void aTeamNameMadeOfScriptStaysTextOnTheProtectionReport() {
        String agent = "script.team." + Long.toString(System.nanoTime(), 36);
        createAgentOfTeam(agent, TEAM);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, agent, PASSWORD);
            page.navigate(url("/care"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("요청하기"))
                    .click();
            assertThat(page.locator(".notice")).containsText("요청했습니다");
        }
        for (String reader : List.of("protection", "executive")) {
            try (BrowserContext context = browser.newContext()) {
                Page page = context.newPage();
                List<String> dialogs = new CopyOnWriteArrayList<>();
                page.onDialog(dialog -> {
                    dialogs.add(dialog.message());
                    dialog.dismiss();
                });
                signIn(page, reader);
                page.navigate(url("/protection/reports"));
                // The name is shown as the administrator typed it, in the table.
                assertThat(page.locator("[data-test=protection-report] tbody")).containsText(TEAM);
                // Nothing the page did not bring itself ran: no dialog, no script element without a file.
                org.assertj.core.api.Assertions.assertThat(dialogs).as(reader).isEmpty();
                org.assertj.core.api.Assertions.assertThat(
                                page.locator("script:not([src])").count())
                        .as(reader)
                        .isZero();
                // The chart read its data whole: the name is on the team chart's axis.
                assertThat(page.locator("#report-team-chart svg")).hasCount(1);
                assertThat(page.locator("#report-team-chart svg")).containsText("alert(1)");
                // A tooltip too is drawn within the policy (the journey fails on anything the browser refused).
                page.locator("#report-team-chart").hover();
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(java.nio.file.Path.of("target/stored-script-" + reader + ".png"))
                        .setFullPage(true));
            }
        }
    }

    private void createAgentOfTeam(String username, String team) {
        var api = ApiClient.on(port);
        var centers = api.get("/api/centers", "admin", RunningServer.DEMO_PASSWORD, "ko")
                .json();
        long headquarters = -1;
        for (var center : centers) {
            if ("HQ".equals(center.get("kind").asString())) {
                headquarters = center.get("id").asLong();
            }
        }
        org.assertj.core.api.Assertions.assertThat(headquarters)
                .as(centers.toString())
                .isPositive();
        var created = api.post(
                "/api/users",
                api.json()
                        .writeValueAsString(java.util.Map.of(
                                "username",
                                username,
                                "displayName",
                                "스크립트 팀 상담사",
                                "centerId",
                                headquarters,
                                "team",
                                team,
                                "roles",
                                List.of("AGENT"),
                                "password",
                                PASSWORD)),
                "application/json",
                "admin",
                RunningServer.DEMO_PASSWORD,
                "ko");
        org.assertj.core.api.Assertions.assertThat(created.status())
                .as(created.body())
                .isEqualTo(201);
    }
}
