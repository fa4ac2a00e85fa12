package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import io.sangdam.RunningServer;
import io.sangdam.contact.Masking;
import io.sangdam.testing.TestCenter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A desk for a whole shift (issue 17): four chats on a laptop screen (1366×768) with the
 * conversation list choosing the pane, unread counts and reply timers; message times on the
 * center's clock; the offer card's topic, first message and wait; keyboard shortcuts and their
 * help; a browser notification for an offer while the tab is hidden; and the customer's history
 * refreshed once a record is saved. Each test has a center of its own.
 */
class DeskShiftJourneyTests extends BrowserJourney {

    /**
     * Records every notification the page makes, and lets the test hide the tab: headless Chromium
     * keeps every page visible, so the page's own document.hidden is what the test sets.
     */
    private static final String WATCHED_DESK = """
        window.madeNotifications = [];
        const RealNotification = window.Notification;
        window.Notification = class extends RealNotification {
          constructor(title, options) {
            window.madeNotifications.push({ title: title, body: (options || {}).body });
            super(title, options);
          }
        };
        window.hideTab = (hidden) => {
          Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
          Object.defineProperty(document, "visibilityState", { configurable: true, get: () => hidden ? "hidden" : "visible" });
          document.dispatchEvent(new Event("visibilitychange"));
        };
        """;

    private static final ZoneId CENTER_ZONE = ZoneId.of("Asia/Seoul");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext application;

    @Test
    void fourChatsOnALaptopWithTheConversationListShortcutsTimesAndANotification() {
        TestCenter center = TestCenter.in(application, "deskshift")
                .chatQueue("BILLING", "요금 문의", "Billing", "BILLING", 3)
                .agent("agent", Map.of("BILLING", 6))
                .chatCapacity(4)
                .create();
        String agentName = center.username("agent");
        List<BrowserContext> customerContexts = new ArrayList<>();
        // The agent's computer is set to another zone than the center's: times must read as the center's.
        try (BrowserContext agentContext = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1366, 768)
                .setTimezoneId("America/Los_Angeles")
                .setPermissions(List.of("notifications")))) {
            agentContext.addInitScript(WATCHED_DESK);
            Page agent = agentContext.newPage();
            signIn(agent, agentName, TestCenter.PASSWORD);
            agent.navigate(url("/desk"));
            agent.waitForLoadState(LoadState.LOAD);
            // Allowed already (granted to this browser): the desk says so instead of offering the button.
            assertThat(agent.locator("[data-test=notify-state]")).hasText("새 상담 알림 켜짐");
            assertThat(agent.locator("[data-test=notify]")).isHidden();
            startShift(agent);

            // The first customer writes while the agent is away: the offer brings their first words.
            List<Page> customers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1000, 760));
                customerContexts.add(context);
                customers.add(startChat(context.newPage(), center, "손님" + (i + 1)));
            }
            say(customers.get(0), "요금이 두 번 나갔어요. 연락처는 010-2345-6789 입니다", "요금이 두 번 나갔어요. 연락처는 010-****-6789 입니다");

            agent.evaluate("() => window.hideTab(true)");
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 가능"))
                    .click();
            var offer = agent.locator("[data-test=offer]");
            assertThat(offer).hasCount(1);
            assertThat(offer.locator("[data-test=offer-topic]")).hasText("요금 문의");
            assertThat(offer.locator("strong")).hasText("새 상담 · 요금 문의 · " + Masking.name("손님1"));
            assertThat(offer.locator("[data-test=offer-first-message]"))
                    .hasText("요금이 두 번 나갔어요. 연락처는 010-****-6789 입니다");
            assertThat(offer).containsText(Masking.name("손님1"));
            // The wait ticks on while the card shows.
            assertThat(offer.locator("[data-test=offer-waited]")).containsText("대기 0:");
            String waitedBefore = offer.locator("[data-test=offer-waited]").textContent();
            assertThat(offer.locator("[data-test=offer-waited]")).not().hasText(waitedBefore);
            // The tab is hidden: a notification, and the title blinks.
            agent.waitForFunction("() => window.madeNotifications.length === 1");
            @SuppressWarnings("unchecked")
            var notification = (Map<String, Object>) agent.evaluate("() => window.madeNotifications[0]");
            org.assertj.core.api.Assertions.assertThat(notification.get("title"))
                    .isEqualTo("새 상담 제안 · 요금 문의");
            org.assertj.core.api.Assertions.assertThat(notification.get("body"))
                    .isEqualTo("요금이 두 번 나갔어요. 연락처는 010-****-6789 입니다");
            assertThat(agent).hasTitle(Pattern.compile("^▶ 새 상담 제안 · 상담 데스크"));
            agent.evaluate("() => window.hideTab(false)");
            assertThat(agent).hasTitle("(1) 상담 데스크 · 상담");
            agent.keyboard().press("Alt+KeyA");
            var panes = agent.locator("[data-test=chat-pane]");
            assertThat(panes).hasCount(1);

            // The next three arrive while the agent works: their cards first have no words, then the customer's.
            for (int i = 1; i < 4; i++) {
                assertThat(offer).hasCount(1);
                assertThat(offer.locator("[data-test=offer-first-message]")).hasText("아직 보낸 메시지가 없습니다");
                say(customers.get(i), "문의드립니다 " + (i + 1));
                assertThat(offer.locator("[data-test=offer-first-message]")).hasText("문의드립니다 " + (i + 1));
                if (i == 3) {
                    // Three chats still side by side, with the fourth on offer above them.
                    assertThat(agent.locator("[data-test=conversation-list]")).isHidden();
                    assertThat(agent.locator("[data-test=chat-pane]:visible")).hasCount(3);
                    agent.screenshot(new Page.ScreenshotOptions()
                            .setPath(Path.of("target", "screenshots", "desk-three-chats-offer-ko.png")));
                }
                // Accepted from the keyboard while typing in the first chat's box: Alt is never typed text.
                panes.first().locator("textarea").focus();
                agent.keyboard().press("Alt+KeyA");
                assertThat(panes).hasCount(i + 1);
                assertThat(panes.first().locator("textarea")).hasValue("");
            }
            org.assertj.core.api.Assertions.assertThat((List<?>) agent.evaluate("() => window.madeNotifications"))
                    .as("no notification while the desk is in view")
                    .hasSize(1);

            // Four chats do not fit side by side: the list chooses the one pane shown.
            var list = agent.locator("[data-test=conversation-list]");
            assertThat(list).isVisible();
            var items = list.locator("[data-test=conversation]");
            assertThat(items).hasCount(4);
            assertThat(agent.locator("[data-test=chat-pane]:visible")).hasCount(1);
            var first = pane(agent, panes, 0);
            assertThat(first).isVisible();
            assertThat(items.nth(0)).hasAttribute("aria-current", "true");
            assertThat(items.nth(0)).containsText(Masking.name("손님1"));

            // A message in a chat out of view counts as unread, with the customer's reply timer.
            say(customers.get(2), "여보세요?");
            say(customers.get(2), "계신가요?");
            assertThat(items.nth(2).locator("[data-test=unread]")).containsText("2");
            assertThat(items.nth(2).locator("[data-test=list-wait]")).containsText("답변 대기 0:");
            assertThat(items.nth(0).locator("[data-test=unread]")).isHidden();

            // Next chat from the message box: Alt+N twice reaches the third chat, whose unread count clears.
            first.locator("textarea").focus();
            agent.keyboard().press("Alt+KeyN");
            assertThat(pane(agent, panes, 1).locator("textarea")).isFocused();
            agent.keyboard().press("Alt+KeyN");
            var third = pane(agent, panes, 2);
            assertThat(third.locator("textarea")).isFocused();
            assertThat(third).isVisible();
            assertThat(first).isHidden();
            assertThat(items.nth(2)).hasAttribute("aria-current", "true");
            assertThat(items.nth(2).locator("[data-test=unread]")).isHidden();
            assertThat(third.locator(".chat-log")).containsText("계신가요?");
            // The customer's words are the customer's on the desk (the widget calls them 나, "me").
            assertThat(third.locator("li.from-customer .who").first()).hasText("고객");

            // Each message shows its time on the center's clock, the full date and time on hover.
            var time = third.locator("li.from-customer time").last();
            ZonedDateTime now = ZonedDateTime.now(CENTER_ZONE);
            DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm");
            org.assertj.core.api.Assertions.assertThat(time.textContent())
                    .isIn(now.format(clock), now.minusMinutes(1).format(clock));
            org.assertj.core.api.Assertions.assertThat(time.getAttribute("title"))
                    .contains(String.valueOf(now.getYear()))
                    .contains(now.format(DateTimeFormatter.ofPattern("MM. dd.")))
                    .contains("GMT+9");

            // The whole desk fits the laptop's window; screenshot before the help covers it.
            org.assertj.core.api.Assertions.assertThat(
                            agent.evaluate("() => document.documentElement.scrollHeight - innerHeight"))
                    .as("the page itself does not scroll")
                    .isEqualTo(0);
            org.assertj.core.api.Assertions.assertThat(
                            agent.evaluate("() => document.documentElement.scrollWidth - innerWidth"))
                    .as("nor sideways")
                    .isEqualTo(0);
            for (var inView : List.of(
                    third.locator("textarea"),
                    third.locator("button[type=submit]"),
                    third.locator("[data-test=end-chat]"),
                    items.nth(3),
                    agent.locator("[data-test=chat-context]:visible [data-test=customer-panel]"))) {
                assertThat(inView).isInViewport();
            }
            assertNoSeriousViolations(agent);
            agent.screenshot(
                    new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "desk-four-chats-ko.png")));

            // `?` is typed text in the message box, and opens the help anywhere else.
            third.locator("textarea").press("Shift+Slash");
            assertThat(third.locator("textarea")).hasValue("?");
            var help = agent.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("키보드 단축키"));
            assertThat(help).isHidden();
            items.nth(1).focus();
            agent.keyboard().press("Shift+Slash");
            assertThat(help).isVisible();
            assertThat(help).containsText("Alt+A");
            assertThat(help).containsText("상담 제안 수락");
            org.assertj.core.api.Assertions.assertThat(agent.evaluate(
                            "() => document.getElementById('desk-shortcuts').contains(document.activeElement)"))
                    .as("the focus is in the help")
                    .isEqualTo(true);
            assertNoSeriousViolations(agent);
            agent.screenshot(
                    new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "desk-shortcuts-ko.png")));
            agent.keyboard().press("Escape");
            assertThat(help).isHidden();
            assertThat(items.nth(1)).isFocused();
            // Choosing in the list shows that chat; the help's button opens it too, and its close button returns.
            items.nth(1).click();
            assertThat(pane(agent, panes, 1)).isVisible();
            assertThat(third).isHidden();
            items.nth(2).click();
            var opener = agent.locator("[data-test=shortcuts-open]");
            opener.click();
            assertThat(help).isVisible();
            help.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("닫기"))
                    .click();
            assertThat(help).isHidden();
            assertThat(opener).isFocused();

            // Enter sends; Alt+R goes to the record; Alt+X ends the chat.
            third.locator("textarea").fill("네, 확인해 드릴게요.");
            third.locator("textarea").press("Enter");
            assertThat(customers.get(2).locator("[data-test=chat-log]")).containsText("네, 확인해 드릴게요.");
            assertThat(third.locator("[data-test=reply-wait]")).isHidden();
            assertThat(items.nth(2).locator("[data-test=list-wait]")).hasText("");
            agent.keyboard().press("Alt+KeyR");
            assertThat(agent.locator("[data-test=chat-context]:visible [data-test=record]")
                            .getByLabel("대분류"))
                    .isFocused();
            third.locator("textarea").focus();
            agent.keyboard().press("Alt+KeyX");
            assertThat(customers.get(2).locator(".sangdam-chat-status")).hasText("상담이 끝났습니다. 이용해 주셔서 감사합니다.");
            assertThat(items.nth(2).locator("[data-test=list-wait]")).hasText("종료됨 · 이력 작성");
            assertThat(third.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("상담 이력 작성")))
                    .isVisible();
        } finally {
            customerContexts.forEach(BrowserContext::close);
            logOut(center, agentName);
        }
    }

    /**
     * One customer in two chats (a second window, say): once the record of the first is saved, the
     * second chat's customer panel lists it without a reload.
     */
    @Test
    void theCustomersHistoryShowsARecordOnceItIsSaved() {
        TestCenter center = TestCenter.in(application, "deskhistory")
                .chatQueue("BILLING", "요금 문의", "Billing", "BILLING", 3)
                .agent("agent", Map.of("BILLING", 6))
                .chatCapacity(2)
                .create();
        String agentName = center.username("agent");
        var demo = jdbc.sql("select name, mobile_phone, birth_date from contact.customer where customer_number ="
                        + " 'C0000777'")
                .query((row, n) -> new String[] {row.getString(1), row.getString(2), row.getString(3)})
                .single();
        var api = RunningServer.ApiClient.on(port);
        List<String[]> chats = new ArrayList<>();
        try (BrowserContext agentContext =
                browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
            Page agent = agentContext.newPage();
            signIn(agent, agentName, TestCenter.PASSWORD);
            agent.navigate(url("/desk"));
            agent.waitForLoadState(LoadState.LOAD);
            startShift(agent);
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 가능"))
                    .click();
            for (int i = 0; i < 2; i++) {
                var started = api.post(
                                "/chat/api/conversations",
                                "{\"center\": " + center.id() + ", \"topic\": \"BILLING\", \"name\": \"" + demo[0]
                                        + "\", \"phone\": \"" + demo[1] + "\"}",
                                "application/json",
                                null,
                                null,
                                "ko")
                        .json();
                chats.add(new String[] {
                    started.get("conversation").asString(), started.get("token").asString()
                });
                agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                        .click();
                assertThat(agent.locator("[data-test=chat-pane]")).hasCount(i + 1);
            }
            var panels = new ArrayList<Locator>();
            for (String[] chat : chats) {
                // Each chat's customer is verified by the agent (date of birth), so each panel shows the history.
                agent.locator("[data-test=chat-pane][data-conversation='" + chat[0] + "'] textarea")
                        .focus();
                var panel = agent.locator(
                        "[data-test=chat-context][data-conversation='" + chat[0] + "'] [data-test=customer-panel]");
                panel.getByLabel("고객이 말한 생년월일").fill(demo[2]);
                panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("본인 확인"))
                        .click();
                assertThat(panel.locator("[data-test=panel-verified]")).containsText("본인 확인됨");
                panels.add(panel);
            }
            var second = panels.get(1).locator("[data-test=panel-consultations]");
            assertThat(second).not().containsText("두 번 청구 환불 안내");

            var firstPane = agent.locator("[data-test=chat-pane][data-conversation='" + chats.get(0)[0] + "']");
            firstPane.locator("[data-test=end-chat]").click();
            firstPane
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("상담 이력 작성"))
                    .click();
            var record = agent.locator(
                    "[data-test=chat-context][data-conversation='" + chats.get(0)[0] + "'] [data-test=record]");
            record.getByLabel("대분류").selectOption(new SelectOption().setIndex(1));
            record.getByLabel("중분류").selectOption(new SelectOption().setIndex(1));
            record.getByLabel("소분류").selectOption(new SelectOption().setIndex(1));
            record.locator("[data-test=disposition]").selectOption("RESOLVED");
            record.getByLabel("상담 메모 (개인정보는 저장할 때 가려집니다)").fill("두 번 청구 환불 안내");
            record.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("상담 이력 저장"))
                    .click();
            assertThat(second).containsText("두 번 청구 환불 안내");
        } finally {
            for (String[] chat : chats) {
                api.post(
                        "/chat/api/conversations/" + chat[0] + "/end?token=" + chat[1],
                        "",
                        "application/json",
                        null,
                        null,
                        "ko");
            }
            logOut(center, agentName);
        }
    }

    /** The chat pane of the customer who started n-th (the panes keep the order the chats began in). */
    private static Locator pane(Page agent, Locator panes, int n) {
        String conversation = panes.nth(n).getAttribute("data-conversation");
        return agent.locator("[data-test=chat-pane][data-conversation='" + conversation + "']");
    }

    /** A customer opens the chat on the shop page and starts it (the agent is told the name masked). */
    private Page startChat(Page customer, TestCenter center, String name) {
        customer.navigate(url("/chat?center=" + center.id()));
        customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("채팅 상담"))
                .click();
        customer.getByLabel("상담 주제").selectOption("BILLING");
        customer.getByLabel("이름 (선택)").fill(name);
        customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 시작"))
                .click();
        assertThat(customer.getByLabel("메시지")).isVisible();
        return customer;
    }

    private static void say(Page customer, String words) {
        say(customer, words, words);
    }

    /** Sends the words and waits until the customer's log shows them as stored (masked). */
    private static void say(Page customer, String words, String stored) {
        customer.getByLabel("메시지").fill(words);
        customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("보내기"))
                .click();
        assertThat(customer.locator("[data-test=chat-log]")).containsText(stored);
    }

    private void logOut(TestCenter center, String agentName) {
        RunningServer.ApiClient.on(port)
                .post(
                        "/api/routing/centers/" + center.id() + "/agents/" + agentName + "/logout",
                        "",
                        "application/json",
                        agentName,
                        TestCenter.PASSWORD,
                        "ko");
    }
}
