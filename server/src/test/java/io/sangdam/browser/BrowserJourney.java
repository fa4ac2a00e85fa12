package io.sangdam.browser;

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

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
