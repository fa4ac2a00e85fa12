package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.sangdam.RunningServer;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A customer chats from the demo shop page, the ACD offers the chat to a ready agent, they talk,
 * the customer reloads and keeps the conversation, the agent ends it. Each journey has a center of
 * its own, so the board and the lists show only its chats; the customers are demo customers, only
 * read.
 */
class ChatJourneyTests extends BrowserJourney {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext application;

    @Test
    void aCustomerAndAnAgentChatThroughTheRoutingEngine() {
        TestCenter center = TestCenter.in(application, "chat")
                .chatQueue("RETENTION", "해지·해지방어", "Cancellation", "RETENTION", 3)
                .agent("agent", "2팀", Map.of("RETENTION", 6))
                .teamPerson("supervisor", "2팀", Role.SUPERVISOR)
                .headquartersPerson("executive", Role.EXECUTIVE)
                .create();
        String agentName = center.username("agent");
        String executiveName = center.username("executive");
        var demo = jdbc.sql("select id, name, mobile_phone, birth_date from contact.customer where customer_number ="
                        + " 'C0000200'")
                .query((row, n) -> new String[] {
                    row.getString("id"),
                    row.getString("name"),
                    row.getString("mobile_phone"),
                    row.getString("birth_date")
                })
                .single();
        String maskedName = io.sangdam.contact.Masking.name(demo[1]);
        try (BrowserContext agentContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext customerContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
                BrowserContext supervisorContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            Page agent = agentContext.newPage();
            signIn(agent, agentName, TestCenter.PASSWORD);
            agent.getByRole(AriaRole.NAVIGATION).getByText("상담 데스크").click();
            assertThat(agent.locator("[data-test=agent-state]")).hasText("업무 외");
            agent.waitForLoadState(LoadState.LOAD);
            agent.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("업무 시작").setExact(true))
                    .click();
            assertThat(agent.locator("[data-test=agent-state]")).hasText("이석");

            // The supervisor's live board, in a third browser.
            Page supervisor = supervisorContext.newPage();
            signIn(supervisor, center.username("supervisor"), TestCenter.PASSWORD);
            supervisor.navigate(url("/board?center=" + center.id()));
            var retention = supervisor.locator("[data-test=board-queues] tr[data-queue=RETENTION]");
            assertThat(retention.locator("[data-test=waiting]")).hasText("0");

            // The customer asks on the shop page, giving the phone of a demo customer.
            Page customer = customerContext.newPage();
            customer.navigate(url("/chat?center=" + center.id()));
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("채팅 상담"))
                    .click();
            customer.getByLabel("상담 주제").selectOption("RETENTION");
            customer.getByLabel("이름 (선택)").fill(demo[1]);
            customer.getByLabel("휴대폰 번호 (선택)").fill(demo[2]);
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 시작"))
                    .click();
            assertThat(customer.locator("[data-test=chat-log]")).containsText("산업안전보건법");
            assertThat(retention.locator("[data-test=waiting]")).hasText("1");
            assertThat(supervisor.locator("[data-test=board-waiting-contacts]")).containsText("해지·해지방어");
            // First in line: told they are next, not "0 ahead of you".
            assertThat(customer.locator(".sangdam-chat-status")).containsText("다음 순서입니다");
            assertThat(customer.locator(".sangdam-chat-status")).not().containsText("앞에 0명");

            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 가능"))
                    .click();
            assertThat(agent.locator("[data-test=offer]"))
                    .containsText(maskedName + " " + io.sangdam.contact.Masking.phone(demo[2]));
            // Offered is not yet connected: the agent may let the offer pass.
            customer.reload();
            assertThat(customer.locator(".sangdam-chat-status")).hasText("상담사를 연결하고 있습니다. 잠시만 기다려 주세요.");
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                    .click();
            assertThat(agent.locator("[data-test=chat-pane]")).containsText("산업안전보건법");
            assertThat(customer.locator(".sangdam-chat-status")).hasText("상담사와 연결되었습니다.");
            assertThat(retention.locator("[data-test=waiting]")).hasText("0");
            assertThat(retention.locator("[data-test=answered]")).hasText("1");

            // The customer panel: the typed phone matches a customer, but only as a claim (미확인): masked,
            // no history, until the agent asks the date of birth and the server finds it matches.
            var panel = agent.locator("[data-test=customer-panel]");
            assertThat(panel.locator("[data-test=panel-claimed]")).containsText("미확인");
            assertThat(panel.locator("[data-test=panel-claim]")).containsText(maskedName);
            assertThat(panel).not().containsText("C0000200");
            assertThat(panel.locator("[data-test=panel-consultations]")).hasCount(0);
            var birthDate = panel.getByLabel("고객이 말한 생년월일");
            birthDate.fill(java.time.LocalDate.parse(demo[3]).plusDays(1).toString());
            panel.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("본인 확인"))
                    .click();
            assertThat(panel.locator("[data-test=panel-verify-error]")).containsText("고객 기록과 일치하지 않습니다");
            assertThat(panel.locator("[data-test=panel-verify-left]")).hasText("남은 시도: 2회");
            agent.screenshot(
                    new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "desk-claimed-ko.png")));
            panel.getByLabel("고객이 말한 생년월일").fill(demo[3]);
            panel.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("본인 확인"))
                    .click();
            assertThat(panel.locator("[data-test=panel-verified]")).containsText("본인 확인됨");
            assertThat(panel.locator("[data-test=panel-verified]")).containsText(agentName);
            // Verified: the customer as before; unmasking asks for a reason.
            assertThat(panel.locator("[data-test=panel-customer]")).containsText(maskedName);
            assertThat(panel.locator("[data-test=panel-customer]")).containsText("C0000200");
            panel.getByLabel("조회 사유").fill("본인 확인");
            panel.getByRole(
                            AriaRole.BUTTON,
                            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("사유를 기록하고 보기"))
                    .click();
            assertThat(panel.locator("[data-test=panel-unmasked]")).containsText(demo[1]);

            customer.getByLabel("메시지").fill("해지하려고요. 제 번호는 010-9876-5432 입니다");
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("보내기"))
                    .click();
            // Masked before it was stored, so the agent never sees the number.
            assertThat(agent.locator("[data-test=chat-pane]")).containsText("010-****-5432");

            // The customer sees the agent typing, until the message arrives.
            agent.locator("[data-test=chat-pane] textarea").pressSequentially("네, 해지");
            assertThat(customer.locator("[data-test=typing]")).hasText("상담사가 답변을 입력하고 있습니다…");
            agent.locator("[data-test=chat-pane] textarea").fill("네, 해지 방어 혜택부터 안내해 드릴게요.");
            agent.locator("[data-test=chat-pane] button.primary").click();
            assertThat(customer.locator("[data-test=chat-log]")).containsText("해지 방어 혜택");
            assertThat(customer.locator("[data-test=typing]")).isHidden();
            // The customer's own words are labelled as theirs, the agent's as the agent's.
            assertThat(customer.locator("[data-test=chat-log] li.from-customer .who")
                            .first())
                    .hasText("나");
            assertThat(customer.locator("[data-test=chat-log] li.from-agent .who")
                            .first())
                    .hasText("상담사");
            customer.screenshot(
                    new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "chat-customer-ko.png")));
            agent.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "desk-ko.png")));

            // An executive sits in (동석), read-only; the view is logged with its purpose.
            try (BrowserContext executiveContext = browser.newContext()) {
                Page executive = executiveContext.newPage();
                signIn(executive, executiveName, TestCenter.PASSWORD);
                executive.navigate(url("/monitor?center=" + center.id()));
                // Queues by name, not by code.
                assertThat(executive.locator("[data-test=live-conversations]")).containsText("해지·해지방어");
                assertThat(executive.locator("[data-test=live-conversations]"))
                        .not()
                        .containsText("RETENTION");
                executive
                        .locator("[data-test=live-conversations]")
                        .getByText("보기")
                        .first()
                        .click();
                assertThat(executive.locator("[data-test=monitor-log]")).containsText("해지 방어 혜택");
                customer.getByLabel("메시지").fill("혜택이 뭔데요?");
                customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("보내기"))
                        .click();
                assertThat(executive.locator("[data-test=monitor-log]")).containsText("혜택이 뭔데요?");
                assertThat(executive.locator("textarea")).hasCount(0);
                org.assertj.core.api.Assertions.assertThat(
                                jdbc.sql("select reason from identity.personal_data_access where username = ?"
                                                + " and subject_type = 'conversation'")
                                        .param(executiveName)
                                        .query(String.class)
                                        .list())
                        .contains("동석 (sitting in)");
            }

            // A reload (or a dropped connection) brings the whole conversation back.
            customer.reload();
            assertThat(customer.locator("[data-test=chat-log]")).containsText("해지 방어 혜택");
            assertThat(customer.locator("[data-test=chat-log]")).containsText("010-****-5432");

            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("상담 종료"))
                    .click();
            assertThat(customer.locator(".sangdam-chat-status")).hasText("상담이 끝났습니다. 이용해 주셔서 감사합니다.");
            assertThat(agent.locator("[data-test=agent-state]")).hasText("후처리");

            // The consultation record, with the transcript, while in wrap-up.
            var record = agent.locator("[data-test=record]");
            saveRecord(record, "가입·해지", "해지", "해지 방어 성공", "010-2222-3333 으로 혜택 문자 발송 약속");
            assertThat(agent.locator("[data-test=chat-context] .notice")).hasText("상담 이력을 저장했습니다.");
            org.assertj.core.api.Assertions.assertThat(
                            jdbc.sql("select notes || ' | ' || jsonb_array_length(transcript) from contact.consultation"
                                            + " where agent = ?")
                                    .param(agentName)
                                    .query(String.class)
                                    .single())
                    // The greeting, the notice, the customer's message, the agent's reply, the customer's question.
                    .isEqualTo("010-****-3333 으로 혜택 문자 발송 약속 | 5");
            // Saving the last record ended the wrap-up: back to available without another click.
            assertThat(agent.locator("[data-test=agent-state]")).hasText("대기 중(상담 가능)");

            // The customer's history shows the consultation.
            supervisor.navigate(url("/customers/" + demo[0]));
            var history = supervisor.locator("[data-test=customer-history]");
            assertThat(history).containsText("해지 방어 성공");
            assertThat(history).containsText("010-****-3333 으로 혜택 문자 발송 약속");
            assertThat(history).containsText(agentName);
            supervisor.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "customer-history-ko.png"))
                    .setFullPage(true));
        }
    }

    @Test
    void anAbusiveCustomerIsFlaggedWarnedAndCutOffAndTheAgentGetsARecoveryBreak() {
        TestCenter center = TestCenter.in(application, "chatabuse")
                .chatQueue("TECH", "기술지원", "Technical support", "TECH", 3)
                .agent("agent", Map.of("TECH", 6))
                .headquartersPerson("protection", Role.PROTECTION_TEAM)
                .create();
        String agentName = center.username("agent");
        try (BrowserContext agentContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext customerContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page agent = agentContext.newPage();
            signIn(agent, agentName, TestCenter.PASSWORD);
            agent.navigate(url("/desk"));
            becomeReady(agent);

            Page customer = customerContext.newPage();
            startChat(customer, center.id(), "TECH");
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                    .click();
            assertThat(customer.locator(".sangdam-chat-status")).hasText("상담사와 연결되었습니다.");

            customer.getByLabel("메시지").fill("인터넷이 또 끊겼네 시1발 뭐하는 거야");
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("보내기"))
                    .click();
            assertThat(agent.locator("[data-test=flagged-message] mark")).hasText("시1발");

            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("보호 종료"))
                    .click();
            assertThat(agent.locator("#desk-error")).containsText("경고를 2회 보내야 합니다");

            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("경고 보내기"))
                    .click();
            assertThat(customer.locator("[data-test=chat-log]")).containsText("[1차 안내]");
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("경고 보내기"))
                    .click();
            assertThat(customer.locator("[data-test=chat-log]")).containsText("[최종 안내]");
            assertThat(agent.locator("[data-test=warnings]")).hasText("경고 2/2회");

            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("보호 종료"))
                    .click();
            assertThat(customer.locator("[data-test=chat-log]")).containsText("상담사 보호를 위해 상담을 종료합니다");
            assertThat(customer.locator(".sangdam-chat-status")).hasText("상담이 끝났습니다. 이용해 주셔서 감사합니다.");
            // Routing offers nothing during the recovery break (산업안전보건법 제41조).
            assertThat(agent.locator("[data-test=agent-state]")).hasText("보호 휴식");
            agent.screenshot(
                    new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "desk-protection-ko.png")));

            // The protection team sees the incident: what was said, the warnings, that the agent ended it.
            try (BrowserContext teamContext = browser.newContext()) {
                Page team = teamContext.newPage();
                signIn(team, center.username("protection"), TestCenter.PASSWORD);
                team.navigate(url("/incidents"));
                var incident = team.locator("[data-test=incidents] tr")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(agentName));
                assertThat(incident).containsText("PROFANITY");
                assertThat(incident).containsText("종료함");
                assertThat(team.locator("#incident-chart svg")).hasCount(1);
            }
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

    @Test
    void anAgentAnswersWithAQuickReplyAndTransfersTheChatToAColleagueWithANote() {
        TestCenter center = TestCenter.in(application, "chattransfer")
                .chatQueue("TECH", "기술지원", "Technical support", "TECH", 3)
                .chatQueue("RETENTION", "해지·해지방어", "Cancellation", "RETENTION", 3)
                .agent("agent", Map.of("TECH", 6))
                .agent("colleague", Map.of("TECH", 6))
                .person("supervisor", Role.SUPERVISOR)
                .create();
        String agentName = center.username("agent");
        String colleagueName = center.username("colleague");
        try (BrowserContext agentContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext colleagueContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                BrowserContext customerContext = browser.newContext();
                BrowserContext supervisorContext = browser.newContext()) {
            Page agent = agentContext.newPage();
            signIn(agent, agentName, TestCenter.PASSWORD);
            agent.navigate(url("/desk"));
            becomeReady(agent);

            Page customer = customerContext.newPage();
            startChat(customer, center.id(), "TECH");
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                    .click();

            // A quick reply of the agent's own, typed with "/" and picked with Enter (issue 17).
            Object added = agent.evaluate("""
                () => fetch('/desk/api/quick-replies', {method: 'POST', headers: {'Content-Type': 'application/json',
                        [document.querySelector("meta[name='_csrf_header']").content]:
                        document.querySelector("meta[name='_csrf']").content},
                        body: JSON.stringify({title: '마무리', body: '더 궁금하신 점이 있으신가요?'})}).then(r => r.status)\
                """);
            org.assertj.core.api.Assertions.assertThat(added).isEqualTo(201);
            agent.locator("[data-test=chat-pane] textarea").pressSequentially("/마무");
            assertThat(agent.locator("[data-test=quick-reply-option]")).hasCount(1);
            agent.keyboard().press("Enter");
            assertThat(agent.locator("[data-test=chat-pane] textarea")).hasValue("더 궁금하신 점이 있으신가요?");
            agent.locator("[data-test=chat-pane] button.primary").click();
            assertThat(customer.locator("[data-test=chat-log]")).containsText("더 궁금하신 점이 있으신가요?");

            // The supervisor watches the chat (silent monitor) while it is transferred.
            String conversation = agent.locator("[data-test=chat-pane]").getAttribute("data-conversation");
            Page supervisor = supervisorContext.newPage();
            signIn(supervisor, center.username("supervisor"), TestCenter.PASSWORD);
            supervisor.navigate(url("/monitor/" + conversation));
            assertThat(supervisor.locator("[data-test=monitor-log]")).containsText("더 궁금하신 점이 있으신가요?");

            // A colleague without the retention skill: named in the transfer, they get it first anyway.
            Page colleague = colleagueContext.newPage();
            signIn(colleague, colleagueName, TestCenter.PASSWORD);
            colleague.navigate(url("/desk"));
            becomeReady(colleague);

            // Another center's agent is not a colleague: refused with a clear problem, nothing moved.
            Object refused = agent.evaluate("""
                () => fetch('/desk/api/conversations/' + document.querySelector('[data-conversation]').dataset.conversation
                        + '/transfer', {method: 'POST', headers: {'Content-Type': 'application/json',
                        [document.querySelector("meta[name='_csrf_header']").content]:
                        document.querySelector("meta[name='_csrf']").content},
                        body: JSON.stringify({queue: 'RETENTION', agent: 'gn.agent002'})})
                    .then(r => r.json()).then(problem => problem.code)\
                """);
            org.assertj.core.api.Assertions.assertThat(refused).isEqualTo("unknown-colleague");

            agent.getByLabel("이관할 큐").selectOption("RETENTION");
            var colleagues = agent.locator("[data-test=transfer-agent]");
            colleagues.focus();
            assertThat(colleagues.locator("option[value='" + colleagueName + "']"))
                    .hasCount(1);
            colleagues.selectOption(colleagueName);
            agent.locator("[data-test=transfer] input").fill("요금 감면 요청, 본인 확인 완료");
            agent.locator("[data-test=transfer] button").click();
            assertThat(agent.locator("[data-test=chat-pane]")).containsText("이관했습니다");
            assertThat(customer.locator("[data-test=chat-log]")).containsText("'해지·해지방어'(으)로 연결됩니다");
            // The note is for the colleague, never for the customer.
            assertThat(customer.locator("[data-test=chat-log]")).not().containsText("요금 감면 요청");
            // The open monitor shows the note as it is written, marked as a note as the desk marks it, without a
            // reload.
            var note = supervisor.locator("[data-test=monitor-log] li.from-note");
            assertThat(note).containsText("요금 감면 요청, 본인 확인 완료");
            assertThat(note.locator(".who")).hasText("메모 (상담사만 봄)");

            colleague
                    .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                    .click();
            assertThat(colleague.locator("[data-test=chat-pane]")).containsText("요금 감면 요청, 본인 확인 완료");

            // The transferring agent records what they did (이관): the form stays, preset to TRANSFERRED,
            // also after a reload, with the conversation up to the transfer.
            var record = agent.locator("[data-test=record]");
            assertThat(record.getByLabel("처리 결과")).hasValue("TRANSFERRED");
            assertThat(agent.locator("[data-test=transfer]")).hasCount(0);
            colleague.locator("[data-test=chat-pane] textarea").fill("감면 요청 건 이어서 도와드릴게요.");
            colleague.locator("[data-test=chat-pane] textarea").press("Enter");
            assertThat(customer.locator("[data-test=chat-log]")).containsText("이어서 도와드릴게요");
            agent.reload();
            assertThat(record.getByLabel("처리 결과")).hasValue("TRANSFERRED");
            assertThat(agent.locator("[data-test=chat-pane]")).containsText("이관했습니다");
            assertThat(agent.locator("[data-test=chat-pane]")).containsText("요금 감면 요청, 본인 확인 완료");
            assertThat(agent.locator("[data-test=chat-pane]")).not().containsText("이어서 도와드릴게요");
            saveRecord(record, "요금", "요금 문의", "과다 청구 이의", "요금 감면 건 해지방어팀 이관");
            assertThat(agent.locator("[data-test=chat-context] .notice")).hasText("상담 이력을 저장했습니다.");
            org.assertj.core.api.Assertions.assertThat(
                            jdbc.sql("select disposition || ' | ' || notes from contact.consultation where agent ="
                                            + " ? and contact_id = ?")
                                    .params(agentName, conversation)
                                    .query(String.class)
                                    .single())
                    .isEqualTo("TRANSFERRED | 요금 감면 건 해지방어팀 이관");
        }
    }

    /**
     * The desk on a laptop (a 1366×768 window leaves about 1366×657 for the page): two chats side by
     * side, the selected one's customer beside them, and the record of the one that ended, all
     * without scrolling the page.
     */
    @Test
    void twoChatsTheirCustomerAndTheRecordFitALaptopScreen() {
        TestCenter center = TestCenter.in(application, "chatlaptop")
                .chatQueue("TECH", "기술지원", "Technical support", "TECH", 3)
                .agent("agent", Map.of("TECH", 6))
                .person("supervisor", Role.SUPERVISOR)
                .chatCapacity(3)
                .create();
        String agentName = center.username("agent");
        var customers = jdbc.sql("select name, mobile_phone from contact.customer where customer_number in ('C0000301',"
                        + " 'C0000302') order by customer_number")
                .query((row, n) -> new String[] {row.getString(1), row.getString(2)})
                .list();
        var api = RunningServer.ApiClient.on(port);
        var tokens = new java.util.ArrayList<String[]>();
        try (BrowserContext agentContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 657));
                BrowserContext supervisorContext = browser.newContext()) {
            // The supervisor's list of chats in progress, open before the chats begin: it follows them by push.
            Page supervisor = supervisorContext.newPage();
            signIn(supervisor, center.username("supervisor"), TestCenter.PASSWORD);
            supervisor.navigate(url("/monitor?center=" + center.id()));
            var inProgress = supervisor.locator("[data-test=live-conversations]");
            Page agent = agentContext.newPage();
            signIn(agent, agentName, TestCenter.PASSWORD);
            agent.navigate(url("/desk"));
            becomeReady(agent);
            for (String[] customer : customers) {
                var started = api.post(
                                "/chat/api/conversations",
                                "{\"center\": " + center.id() + ", \"topic\": \"TECH\", \"name\": \"" + customer[0]
                                        + "\", \"phone\": \"" + customer[1] + "\"}",
                                "application/json",
                                null,
                                null,
                                "ko")
                        .json();
                tokens.add(new String[] {
                    started.get("conversation").asString(), started.get("token").asString()
                });
                agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수락"))
                        .click();
            }
            var panes = agent.locator("[data-test=chat-pane]");
            assertThat(panes).hasCount(2);
            var first = agent.locator("[data-test=chat-pane][data-conversation='" + tokens.get(0)[0] + "']");
            var second = agent.locator("[data-test=chat-pane][data-conversation='" + tokens.get(1)[0] + "']");
            var shown = agent.locator("[data-test=chat-context]:visible");
            for (String[] customer : customers) {
                assertThat(inProgress).containsText(io.sangdam.contact.Masking.name(customer[0]));
            }
            // Each chat's typed number is a claim: its panel (미확인, with the verify form) must fit too.
            assertThat(shown.locator("[data-test=panel-claim]"))
                    .containsText(io.sangdam.contact.Masking.name(customers.get(0)[0]));

            org.assertj.core.api.Assertions.assertThat(
                            agent.evaluate("() => document.documentElement.scrollHeight - innerHeight"))
                    .as("the page itself does not scroll")
                    .isEqualTo(0);
            for (var pane : java.util.List.of(first, second)) {
                assertThat(pane.locator("textarea")).isInViewport();
                assertThat(pane.getByRole(
                                AriaRole.BUTTON,
                                new com.microsoft.playwright.Locator.GetByRoleOptions()
                                        .setName("보내기")
                                        .setExact(true)))
                        .isInViewport();
                assertThat(pane.getByRole(
                                AriaRole.BUTTON,
                                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("보호 종료")))
                        .isInViewport();
            }
            assertThat(shown.locator("[data-test=panel-claim]")).isInViewport();
            assertNoSeriousViolations(agent);

            // The record may be drafted during the chat; it is saved once the chat has ended.
            first.locator("textarea").focus();
            var draft = shown.locator("[data-test=record]");
            draft.getByLabel("상담 메모 (개인정보는 저장할 때 가려집니다)").fill("공유기 재시작 안내");
            assertThat(draft.getByRole(
                            AriaRole.BUTTON,
                            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("상담 이력 저장")))
                    .isDisabled();

            // Whom to answer first: the second customer waits for a reply until the agent answers.
            api.post(
                    "/chat/api/conversations/" + tokens.get(1)[0] + "/messages?token=" + tokens.get(1)[1],
                    "{\"text\": \"인터넷이 너무 느려요\"}",
                    "application/json",
                    null,
                    null,
                    "ko");
            assertThat(second.locator("[data-test=reply-wait]")).containsText("답변 대기 0:");
            assertThat(first.locator("[data-test=reply-wait]")).isHidden();
            assertThat(agent).hasTitle("(1) 상담 데스크 · 상담");

            // Typing in the second chat shows its customer; the transfer fields say what they are.
            second.locator("textarea").fill("확인해 드릴게요.");
            second.locator("textarea").press("Enter");
            assertThat(second.locator("[data-test=reply-wait]")).isHidden();
            assertThat(agent).hasTitle("상담 데스크 · 상담");
            assertThat(shown.locator("[data-test=panel-claim]"))
                    .containsText(io.sangdam.contact.Masking.name(customers.get(1)[0]));
            assertThat(shown.getByText("이관할 큐")).isVisible();
            assertThat(shown.getByLabel("이관할 큐")).hasCount(1);
            assertThat(shown.getByLabel("이관할 상담사 (선택)")).hasCount(1);
            assertThat(shown.getByLabel("다음 상담사에게 남길 메모")).hasCount(1);

            // The first customer leaves while the agent types in the second: the selection stays, the
            // ended chat offers its record, and the record form is in view when opened.
            api.post(
                    "/chat/api/conversations/" + tokens.get(0)[0] + "/end?token=" + tokens.get(0)[1],
                    "",
                    "application/json",
                    null,
                    null,
                    "ko");
            assertThat(inProgress)
                    .not()
                    .containsText(io.sangdam.contact.Masking.name(customers.get(0)[0]));
            assertThat(inProgress)
                    .containsText(io.sangdam.contact.Masking.name(customers.get(1)[0]));
            var write = first.getByRole(
                    AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("상담 이력 작성"));
            assertThat(write).isVisible();
            assertThat(shown.locator("[data-test=panel-claim]"))
                    .containsText(io.sangdam.contact.Masking.name(customers.get(1)[0]));
            // A reload during wrap-up brings back the ended chat whose record is not written yet.
            agent.reload();
            assertThat(panes).hasCount(2);
            assertThat(panes.first()).hasAttribute("data-conversation", tokens.get(0)[0]);
            assertThat(write).isVisible();
            assertThat(second.locator("textarea")).isVisible();
            write.click();
            var record = shown.locator("[data-test=record]");
            assertThat(record.getByLabel("대분류")).isFocused();
            assertThat(record.getByLabel("상담 메모 (개인정보는 저장할 때 가려집니다)")).hasValue("공유기 재시작 안내");
            assertThat(record.getByRole(
                            AriaRole.BUTTON,
                            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("상담 이력 저장")))
                    .isInViewport();
            agent.screenshot(
                    new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "desk-two-chats-ko.png")));
            record.getByLabel("대분류").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
            record.getByLabel("중분류").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
            record.getByLabel("소분류").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
            record.getByLabel("처리 결과").selectOption("NO_RESPONSE");
            record.getByRole(
                            AriaRole.BUTTON,
                            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("상담 이력 저장"))
                    .click();
            assertThat(panes).hasCount(1);
            assertThat(shown.locator("[data-test=panel-claim]"))
                    .containsText(io.sangdam.contact.Masking.name(customers.get(1)[0]));
        } finally {
            for (String[] chat : tokens) {
                api.post(
                        "/chat/api/conversations/" + chat[0] + "/end?token=" + chat[1],
                        "",
                        "application/json",
                        null,
                        null,
                        "ko");
            }
            api.post(
                    "/api/routing/centers/" + center.id() + "/agents/" + agentName + "/logout",
                    "",
                    "application/json",
                    agentName,
                    TestCenter.PASSWORD,
                    "ko");
        }
    }

    /** Fills the consultation record's categories (대/중/소분류, by name), outcome and notes, and saves it. */
    private static void saveRecord(
            com.microsoft.playwright.Locator record, String major, String middle, String minor, String notes) {
        record.getByLabel("대분류").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(major));
        record.getByLabel("중분류").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(middle));
        record.getByLabel("소분류").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(minor));
        record.getByLabel("상담 메모 (개인정보는 저장할 때 가려집니다)").fill(notes);
        // The outcome has no default; one the desk set from what happened (이관) stays.
        var outcome = record.getByLabel("처리 결과");
        if (outcome.inputValue().isEmpty()) {
            outcome.selectOption("RESOLVED");
        }
        record.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("상담 이력 저장"))
                .click();
    }
}
