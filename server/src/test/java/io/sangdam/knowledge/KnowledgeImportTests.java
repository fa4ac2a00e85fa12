package io.sangdam.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeImportTests {

    private static final String PASSWORD = TestCenter.PASSWORD;
    private static final String NDJSON = "application/x-ndjson";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    ApiClient api;

    @BeforeAll
    void client() {
        api = ApiClient.on(port);
    }

    @Test
    void goodLinesAreImportedAndPublishedAndEveryBadLineIsReportedWithItsReason() {
        var center = center("kbimport");
        String file = String.join(
                "\n",
                "{\"id\": \"T-1\", \"title\": \"해지 위약금\", \"text\": \"## 위약금\\n"
                        + "\\n"
                        + "| 기간 | 비율 |\\n"
                        + "|---|---|\\n"
                        + "| 6개월 | 30% |\", \"category\": \"요금/해지\", \"tags\": [\"해지\", \"위약금\"], \"audience\":"
                        + " \"public\"}",
                "{\"id\": \"T-2\", \"title\": \"연말 프로모션\", \"text\": \"데이터 2배\", \"effectiveFrom\": \"2025-12-01\","
                        + " \"effectiveTo\": \"2025-12-31\", \"category\": \"요금/해지\"}",
                "{\"id\": \"T-3\", \"title\": \"깨진 줄\", \"text\": ",
                "{\"id\": \"T-4\", \"text\": \"제목이 없음\"}",
                "{\"id\": \"T-1\", \"title\": \"같은 id\", \"text\": \"두 번째\"}",
                "{\"id\": \"T-5\", \"title\": \"스크립트\", \"text\": \"<script>alert(1)</script>\"}",
                "{\"id\": \"T-6\", \"title\": \"링크\", \"text\": \"[눌러](javascript:alert(document.cookie))\"}",
                "{\"id\": \"T-7\", \"title\": \"공개 범위\", \"text\": \"본문\", \"audience\": \"customers\"}",
                "{\"id\": \"T-8\", \"title\": \"너무 긴 본문\", \"text\": \"" + "가".repeat(100_001) + "\"}",
                "{\"title\": \"id 없음\", \"text\": \"본문\"}",
                "{\"id\": \"T-9\", \"title\": \"날짜\", \"text\": \"본문\", \"effectiveTo\": \"2025-13-40\"}",
                "",
                "[1, 2]",
                "{\"id\": \"T-10\", \"title\": \"본문 없음\"}");

        Response report = importFile(center, "reviewer", file, "");

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode json = report.json();
        assertThat(json.get("imported").asInt()).isEqualTo(2);
        assertThat(json.get("updated").asInt()).isZero();
        assertThat(rejections(json))
                .containsExactly(
                        "3 null import-invalid-json",
                        "4 T-4 article-title-missing",
                        "5 T-1 import-duplicate-id",
                        "6 T-5 article-unsafe-markup",
                        "7 T-6 article-unsafe-markup",
                        "8 T-7 article-audience-unknown",
                        "9 T-8 article-text-too-long",
                        "10 null import-id-missing",
                        "11 T-9 article-date-invalid",
                        "13 null import-not-an-object",
                        "14 T-10 article-text-missing");
        assertThat(json.at("/rejected/2/message").asString()).contains("T-1");

        Response list = api.get(
                "/api/knowledge/articles?center=" + center.id() + "&text=T-", center.username("agent"), PASSWORD, "ko");
        // the center's own rows: headquarters' shared demo articles may contain "T-" too (LTE-A …)
        List<JsonNode> own = list.json()
                .get("rows")
                .valueStream()
                .filter(row -> row.path("externalId").asString().matches("T-[0-9]+"))
                .toList();
        assertThat(own).extracting(row -> row.get("status").asString()).containsOnly("PUBLISHED");
        assertThat(own).extracting(row -> row.get("externalId").asString()).containsExactlyInAnyOrder("T-1", "T-2");
        JsonNode promotion = row(list.json(), "T-2");
        assertThat(promotion.get("expired").asBoolean()).isTrue();
        assertThat(promotion.at("/published/categoryPath").asString()).isEqualTo("요금/해지");
    }

    @Test
    void theSameIdAgainIsANewVersionAndAnUnchangedLineWritesNothing() {
        var center = center("kbreimport");
        importFile(
                center,
                "reviewer",
                "{\"id\": \"R-1\", \"title\": \"첫 제목\", \"text\": \"첫 본문\"}\n"
                        + "{\"id\": \"R-2\", \"title\": \"그대로\", \"text\": \"그대로\"}",
                "");

        JsonNode again = importFile(
                        center,
                        "reviewer",
                        "{\"id\": \"R-1\", \"title\": \"둘째 제목\", \"text\": \"둘째 본문\"}\n"
                                + "{\"id\": \"R-2\", \"title\": \"그대로\", \"text\": \"그대로\"}",
                        "")
                .json();

        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isEqualTo(1);
        assertThat(again.get("unchanged").asInt()).isEqualTo(1);
        JsonNode article = row(
                api.get(
                                "/api/knowledge/articles?center=" + center.id() + "&text=R-1",
                                center.username("agent"),
                                PASSWORD,
                                "ko")
                        .json(),
                "R-1");
        assertThat(article.at("/published/number").asInt()).isEqualTo(2);
        assertThat(article.at("/published/title").asString()).isEqualTo("둘째 제목");
    }

    @Test
    void withoutPublishTheImportLeavesDraftsAndAnAgentMayNotImport() {
        var center = center("kbdrafts");
        JsonNode report = importFile(
                        center, "reviewer", "{\"id\": \"D-1\", \"title\": \"초안\", \"text\": \"본문\"}", "&publish=false")
                .json();
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        JsonNode article = row(
                api.get(
                                "/api/knowledge/articles?center=" + center.id() + "&text=D-1",
                                center.username("agent"),
                                PASSWORD,
                                "ko")
                        .json(),
                "D-1");
        assertThat(article.get("status").asString()).isEqualTo("DRAFT");
        assertThat(article.get("published").isNull()).isTrue();

        Response agent = importFile(center, "agent", "{\"id\": \"D-2\", \"title\": \"t\", \"text\": \"b\"}", "");
        assertThat(agent.status()).isEqualTo(403);
    }

    @Test
    void aThousandArticlesImportWithinTheRequestAndExportAsTheSameLines() {
        var center = center("kbthousand");
        List<String> lines = new ArrayList<>();
        IntStream.rangeClosed(1, 1000)
                .forEach(i ->
                        lines.add("{\"id\": \"BULK-" + i + "\", \"title\": \"대량 문서 " + i + "\", \"text\": \"## 안내 " + i
                                + "\\n\\n- 요금제 변경은 앱에서\\n- 해지는 114에서\", \"category\": \"대량/분류" + (i % 10)
                                + "\", \"tags\": [\"대량\", \"t" + (i % 7) + "\"], \"audience\": \""
                                + (i % 2 == 0 ? "public" : "agents")
                                + "\"}"));
        long started = System.nanoTime();
        Response report = importFile(center, "reviewer", String.join("\n", lines), "");
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Imported 1,000 knowledge articles in " + millis + " ms");

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("imported").asInt()).isEqualTo(1000);
        assertThat(report.json().get("rejected")).isEmpty();
        assertThat(millis).isLessThan(30_000);

        Response export =
                api.get("/api/knowledge/export?center=" + center.id(), center.username("agent"), PASSWORD, "ko");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.contentType()).startsWith(NDJSON);
        List<String> exported = export.body().lines().toList();
        assertThat(exported).hasSize(1000);
        assertThat(exported)
                .anySatisfy(line -> assertThat(line)
                        .contains("\"id\":\"BULK-1\"", "\"category\":\"대량/분류1\"", "\"audience\":\"agents\""));

        JsonNode back = importFile(center, "reviewer", export.body(), "").json();
        assertThat(back.get("unchanged").asInt()).isEqualTo(1000);
        assertThat(back.get("imported").asInt()).isZero();
    }

    @Test
    void anImportCutOffMidwayLeavesWholeBatchesAndSendingTheFileAgainCompletesIt() throws Exception {
        var center = center("kbcutoff");
        List<String> lines = new ArrayList<>();
        IntStream.rangeClosed(1, 500)
                .forEach(i -> lines.add(
                        "{\"id\": \"CUT-" + i + "\", \"title\": \"중단 문서 " + i + "\", \"text\": \"본문 " + i + "\"}"));
        // The client dies after 450 lines: the connection is reset with the request unfinished.
        try (var socket = new java.net.Socket("localhost", port)) {
            var out = socket.getOutputStream();
            String credentials = java.util.Base64.getEncoder()
                    .encodeToString((center.username("reviewer") + ":" + PASSWORD)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.write(("POST /api/knowledge/import?center=" + center.id() + " HTTP/1.1\r\nHost: localhost:" + port
                            + "\r\nAuthorization: Basic " + credentials + "\r\nContent-Type: " + NDJSON
                            + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (String line : lines.subList(0, 450)) {
                byte[] chunk = (line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write((Integer.toHexString(chunk.length) + "\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            out.flush();
            Thread.sleep(1500);
            socket.setSoLinger(true, 0);
        }
        String list = "/api/knowledge/articles?center=" + center.id() + "&text=CUT-";
        int stored = -1;
        for (int attempt = 0; attempt < 50; attempt++) {
            Thread.sleep(200);
            int now = api.get(list, center.username("agent"), PASSWORD, "ko")
                    .json()
                    .get("total")
                    .asInt();
            if (now == stored) {
                break;
            }
            stored = now;
        }
        assertThat(stored % ArticleImports.BATCH)
                .as("whole batches only: %s", stored)
                .isZero();
        assertThat(stored).isLessThanOrEqualTo(400);

        JsonNode again =
                importFile(center, "reviewer", String.join("\n", lines), "").json();

        assertThat(again.get("imported").asInt()).isEqualTo(500 - stored);
        assertThat(again.get("unchanged").asInt()).isEqualTo(stored);
        JsonNode all = api.get(list, center.username("agent"), PASSWORD, "ko").json();
        assertThat(all.get("total").asInt()).isEqualTo(500);
        assertThat(all.get("rows").findValuesAsString("status")).containsOnly("PUBLISHED");
    }

    @Test
    void theDemoHeadquartersKnowledgeBaseIsLoadedThroughTheImportAndSharedWithPartnerCenters() {
        var center = center("kbdemo");
        JsonNode page = api.get(
                        "/api/knowledge/articles?center=" + center.id() + "&text=KB-000",
                        center.username("agent"),
                        PASSWORD,
                        "ko")
                .json();
        assertThat(page.get("rows").findValuesAsString("externalId"))
                .contains("KB-0001", "KB-0002", "KB-0003", "KB-0004", "KB-0005");
        JsonNode promotion = row(page, "KB-0003");
        assertThat(promotion.get("shared").asBoolean()).isTrue();
        assertThat(promotion.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(promotion.get("expired").asBoolean()).isTrue();
        assertThat(row(page, "KB-0001").at("/published/categoryPath").asString())
                .isEqualTo("요금/해지");
    }

    private TestCenter center(String label) {
        return TestCenter.in(context, label)
                .person("reviewer", Role.CENTER_MANAGER)
                .person("agent", Role.AGENT)
                .create();
    }

    private Response importFile(TestCenter center, String key, String body, String query) {
        return api.post(
                "/api/knowledge/import?center=" + center.id() + query,
                body,
                NDJSON,
                center.username(key),
                PASSWORD,
                "ko");
    }

    private static List<String> rejections(JsonNode report) {
        List<String> found = new ArrayList<>();
        for (JsonNode line : report.get("rejected").values()) {
            found.add(line.get("line").asInt() + " "
                    + (line.get("id").isNull() ? "null" : line.get("id").asString()) + " "
                    + line.get("code").asString());
        }
        return found;
    }

    private static JsonNode row(JsonNode page, String externalId) {
        for (JsonNode row : page.get("rows").values()) {
            if (externalId.equals(row.get("externalId").asString(""))) {
                return row;
            }
        }
        throw new AssertionError("no " + externalId + " in " + page);
    }
}
