package io.sangdam.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.sangdam.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A journey through the running server in Debian's Chromium, one browser per test class. */
@RunningServer
abstract class BrowserJourney {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
        playwright.close();
    }

    /** Signs in on the form as a person would and waits for the home page. */
    void signIn(Page page, String username) {
        page.navigate(url("/login"));
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(RunningServer.DEMO_PASSWORD);
        page.locator("button[type=submit].primary").click();
        page.waitForURL(url("/"));
    }

    /** axe-core finds no serious or critical problem on the page as it stands. */
    static void assertNoSeriousViolations(Page page) {
        AxeResults results = new AxeBuilder(page).analyze();
        org.assertj.core.api.Assertions.assertThat(results.getPasses()).as("axe ran its rules").isNotEmpty();
        var serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getNodes().stream().map(n -> n.getTarget().toString()).limit(3).toList())
                .toList();
        org.assertj.core.api.Assertions.assertThat(serious).as(page.url()).isEmpty();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
