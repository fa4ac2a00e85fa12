package io.sangdam.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.sangdam.RunningServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A journey through the running server in Debian's Chromium, one browser per test class. Every page
 * a journey opens is watched for what the browser refused under the Content-Security-Policy (an
 * inline script or handler, a style attribute, eval, a file from elsewhere): the journey fails on
 * any, so a page that works only without the policy cannot slip in.
 */
@RunningServer
abstract class BrowserJourney {

    static Playwright playwright;
    static Browser browser;

    /** What the browser reported refusing under the policy since the last test ended, with the page's address. */
    static final List<String> POLICY_VIOLATIONS = new CopyOnWriteArrayList<>();

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        playwright = Playwright.create();
        browser = watchingEveryPage(Chromium.launch(playwright));
    }

    @AfterEach
    void nothingWasRefusedByTheContentSecurityPolicy() {
        List<String> seen = List.copyOf(POLICY_VIOLATIONS);
        POLICY_VIOLATIONS.clear();
        org.assertj.core.api.Assertions.assertThat(seen)
                .as("Content-Security-Policy violations the browser reported")
                .isEmpty();
    }

    /**
     * The browser, with every page it opens watched: pages of the contexts journeys make (and their
     * pop-ups) and pages opened on the browser directly.
     */
    private static Browser watchingEveryPage(Browser real) {
        return (Browser) Proxy.newProxyInstance(
                Browser.class.getClassLoader(), new Class<?>[] {Browser.class}, (proxy, method, arguments) -> {
                    Object result;
                    try {
                        result = method.invoke(real, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof BrowserContext context) {
                        context.onPage(BrowserJourney::watch);
                    } else if (result instanceof Page page) {
                        watch(page);
                    }
                    return result;
                });
    }

    /** Chromium logs each refusal as a console error naming the policy. */
    static void watch(Page page) {
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                // The first words say what was refused; the rest is the browser's advice.
                String text = message.text();
                POLICY_VIOLATIONS.add(page.url() + ": " + text.substring(0, Math.min(text.length(), 160)));
            }
        });
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
        playwright.close();
    }

    /** Signs in on the form as a person would and waits for the home page. */
    void signIn(Page page, String username) {
        signIn(page, username, RunningServer.DEMO_PASSWORD);
    }

    void signIn(Page page, String username, String password) {
        page.navigate(url("/login"));
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("button[type=submit].primary").click();
        page.waitForURL(url("/"));
    }

    /** axe-core finds no serious or critical problem on the page as it stands. */
    static void assertNoSeriousViolations(Page page) {
        AxeResults results = new AxeBuilder(page).analyze();
        org.assertj.core.api.Assertions.assertThat(results.getPasses())
                .as("axe ran its rules")
                .isNotEmpty();
        var serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + " (" + v.getImpact() + "): "
                        + v.getNodes().stream()
                                .map(n -> n.getTarget().toString())
                                .limit(3)
                                .toList())
                .toList();
        org.assertj.core.api.Assertions.assertThat(serious).as(page.url()).isEmpty();
    }

    /** As a customer on the demo shop of this center: opens the widget and starts a chat on the topic. */
    void startChat(Page customer, long center, String topic) {
        customer.navigate(url("/chat?center=" + center));
        customer.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("채팅 상담"))
                .click();
        customer.getByLabel("상담 주제").selectOption(topic);
        customer.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 시작"))
                .click();
    }

    /** On the desk: starts the shift in routing (업무 시작), not ready yet. */
    static void startShift(Page agent) {
        agent.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        agent.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("업무 시작").setExact(true))
                .click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(agent.locator("[data-test=agent-state]"))
                .hasText("이석");
    }

    /** On the desk: starts the shift and becomes available for chats. */
    static void becomeReady(Page agent) {
        startShift(agent);
        agent.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 가능"))
                .click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(agent.locator("[data-test=agent-state]"))
                .hasText("대기 중(상담 가능)");
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
