package io.sangdam.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.identity.Role;
import io.sangdam.protection.Incidents;
import io.sangdam.testing.TestCenter;
import java.nio.file.Files;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The protection team exports the evidence pack of an abusive chat as PDF, giving a reason; the PDF
 * opens and holds the masked transcript with times, the flagged words and the warnings. In a center
 * of this class's own.
 */
class EvidencePackJourneyTests extends BrowserJourney {

    @Autowired
    ApplicationContext context;

    @Autowired
    Incidents incidents;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theEvidencePackOfAnAbusiveChatIsAPdfWithTheMaskedTranscriptAndTheExportIsLogged() throws Exception {
        TestCenter center = TestCenter.in(context, "evidence")
                .chatQueue("BILLING", "BILLING", 3)
                .agent("agent", Map.of("BILLING", 5))
                .headquartersPerson("protection", Role.PROTECTION_TEAM)
                .create();
        String agent = center.username("agent");
        String protection = center.username("protection");
        var api = ApiClient.on(port);
        var started = api.post(
                "/chat/api/conversations",
                "{\"center\": " + center.id() + ", \"topic\": \"BILLING\", \"name\": \"김민수\"}",
                "application/json",
                null,
                null,
                "ko");
        String id = started.json().get("conversation").asString();
        String messages = "/chat/api/conversations/" + id + "/messages?token="
                + started.json().get("token").asString();
        api.post(
                messages, "{\"text\": \"요금이 왜 이래 시1발 내 번호 010-2345-6789로 전화해\"}", "application/json", null, null, "ko");
        api.post(messages, "{\"text\": \"찾아가서 가만 안 둔다 😡\"}", "application/json", null, null, "ko");
        incidents.warningSent(id, center.id(), agent, null);
        incidents.warningSent(id, center.id(), agent, null);
        api.post(
                "/chat/api/conversations/" + id + "/end?token="
                        + started.json().get("token").asString(),
                "",
                "application/json",
                null,
                null,
                "ko");

        try (BrowserContext context =
                browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setAcceptDownloads(true))) {
            Page page = context.newPage();
            signIn(page, protection, TestCenter.PASSWORD);
            page.navigate(url("/incidents"));
            Locator form = page.locator("form[data-test=evidence][action$='" + id + "/evidence']");
            form.locator("input[name=reason]").fill("고소 준비 (legal complaint)");
            Download download =
                    page.waitForDownload(() -> form.locator("button").click());
            assertThat(download.suggestedFilename()).isEqualTo("evidence-" + id + ".pdf");
            byte[] pdf = Files.readAllBytes(download.path());

            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains("폭언 사건 증거 자료", id, center.name());
                assertThat(text)
                        .contains("요금이 왜 이래 시1발 내 번호 010-****-6789로 전화해")
                        .doesNotContain("2345-6789");
                assertThat(text).contains("찾아가서 가만 안 둔다");
                assertThat(text).contains("감지된 표현: \"시1발\"", "욕설 (PROFANITY)", "협박 (THREAT)");
                assertThat(text).contains("1차 경고  " + agent, "2차 경고  " + agent);
                assertThat(text).containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}  \\[고객\\]  요금이 왜 이래");
                assertThat(text).contains("상담사도 누군가의 소중한 가족입니다");
                assertThat(document.getDocumentInformation().getAuthor()).isEqualTo(protection);
            }
        }
        assertThat(jdbc.sql("""
            select task || ' ' || reason from identity.personal_data_access
             where username = ? and subject_type = 'conversation' and subject_id = ?\
            """).params(protection, id).query(String.class).list())
                .containsExactly("EXPORT 고소 준비 (legal complaint)");
    }
}
