package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.channel.CallbackSetup.Session;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Consultation scripts over HTTP: owners write their center's scripts as versions, headquarters'
 * are shared read-only, another center's are unknown (404); the agent of a chat, and no one else,
 * follows one beside it, and the run keeps its version and is tied to the record when it is saved.
 * Two centers of this class's own and one headquarters administrator.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScriptRunApiTests {

    private static final String PASSWORD = TestCenter.PASSWORD;

    private static final String SCRIPT = """
        {"title": "%s", "description": "테스트", "start": "greet", "steps": [
          {"key": "greet", "kind": "SAY", "title": "인사", "text": "안녕하세요 {{고객명}}님, {{상담사}}입니다.",
           "choices": [{"label": "", "next": "usage"}]},
          {"key": "usage", "kind": "ASK", "title": "사용량", "text": "{{상품}} 사용량은 어떠세요?",
           "choices": [{"label": "많음", "next": "up"}, {"label": "모름", "next": "check"}]},
          {"key": "check", "kind": "SAY", "title": "조회", "text": "확인해 드릴게요.", "choices": [{"label": "", "next": "usage"}]},
          {"key": "up", "kind": "SAY", "title": "%s", "text": "상위 요금제입니다.", "choices": [{"label": "", "next": "end"}]},
          {"key": "end", "kind": "END", "title": "끝", "text": "이력을 쓰세요.", "choices": []}]}\
        """;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    TestCenter center;
    TestCenter elsewhere;
    ApiClient api;

    @BeforeAll
    void createCenters() {
        center = TestCenter.in(context, "scripts")
                .chatQueue("PLAN", "PLAN", 3)
                .agent("agent", Map.of("PLAN", 5))
                .agent("stranger", Map.of("PLAN", 5))
                .agent("verifier", Map.of("PLAN", 5))
                .person("manager", Role.CENTER_MANAGER)
                .headquartersPerson("hqadmin", Role.ADMINISTRATOR)
                .create();
        elsewhere = TestCenter.in(context, "scriptsother")
                .chatQueue("PLAN", "PLAN", 3)
                .person("manager", Role.CENTER_MANAGER)
                .create();
        api = ApiClient.on(port);
    }

    @Test
    void ownersWriteVersionsHeadquartersSharesReadOnlyAndOtherCentersDoNotSeeThem() {
        Response created = create(center, "manager", null, "요금제 변경", "상위");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("script").get("id").asLong();
        assertThat(created.json().get("version").asInt()).isEqualTo(1);
        assertThat(created.json().get("script").get("publishedVersion").isNull())
                .isTrue();

        // A draft is the owners' until it is published; the agent sees nothing yet.
        assertProblem(
                api.get("/api/knowledge/scripts/" + id, center.username("agent"), PASSWORD, "ko"),
                404,
                "unknown-script");
        assertThat(titles(api.get("/api/knowledge/scripts", center.username("agent"), PASSWORD, "ko")))
                .doesNotContain("요금제 변경");
        assertThat(api.post(
                                "/api/knowledge/scripts/" + id + "/publish",
                                "",
                                "application/json",
                                center.username("manager"),
                                PASSWORD,
                                "ko")
                        .status())
                .isEqualTo(200);
        // A change is a new version, a draft: agents keep following version 1 until it is published.
        Response changed = api.put(
                "/api/knowledge/scripts/" + id,
                SCRIPT.formatted("요금제 변경", "상위 v2"),
                center.username("manager"),
                PASSWORD,
                "ko");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("version").asInt()).isEqualTo(2);
        Response seen = api.get("/api/knowledge/scripts/" + id, center.username("agent"), PASSWORD, "ko");
        assertThat(seen.json().get("version").asInt()).isEqualTo(1);
        assertProblem(
                api.get("/api/knowledge/scripts/" + id + "?version=2", center.username("agent"), PASSWORD, "ko"),
                404,
                "unknown-script-version");

        // Another center's manager neither reads nor writes it: unknown, not forbidden.
        assertProblem(
                api.get("/api/knowledge/scripts/" + id, elsewhere.username("manager"), PASSWORD, "ko"),
                404,
                "unknown-script");
        assertProblem(
                api.put(
                        "/api/knowledge/scripts/" + id,
                        SCRIPT.formatted("몰래", "상위"),
                        elsewhere.username("manager"),
                        PASSWORD,
                        "ko"),
                404,
                "unknown-script");
        // An agent may not write scripts at all.
        assertThat(create(center, "agent", null, "상담사 스크립트", "상위").status()).isEqualTo(403);

        // Headquarters' script: every center reads it once published, none but headquarters writes it.
        Response shared = create(center, "hqadmin", headquarters(), "본사 공통 인사", "상위");
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        long sharedId = shared.json().get("script").get("id").asLong();
        api.post(
                "/api/knowledge/scripts/" + sharedId + "/publish",
                "",
                "application/json",
                center.username("hqadmin"),
                PASSWORD,
                "ko");
        Response read = api.get("/api/knowledge/scripts/" + sharedId, elsewhere.username("manager"), PASSWORD, "ko");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("script").get("headquarters").asBoolean()).isTrue();
        assertThat(read.json().get("script").get("editable").asBoolean()).isFalse();
        Response refused = api.put(
                "/api/knowledge/scripts/" + sharedId,
                SCRIPT.formatted("바꿈", "상위"),
                elsewhere.username("manager"),
                PASSWORD,
                "en");
        assertProblem(refused, 403, "script-read-only");
        assertThat(titles(api.get("/api/knowledge/scripts", elsewhere.username("manager"), PASSWORD, "ko")))
                .contains("본사 공통 인사")
                .doesNotContain("요금제 변경");

        // Archived: agents no longer see it; the owner still reads it, and cannot change it.
        api.post(
                "/api/knowledge/scripts/" + sharedId + "/archive",
                "",
                "application/json",
                center.username("hqadmin"),
                PASSWORD,
                "ko");
        assertProblem(
                api.get("/api/knowledge/scripts/" + sharedId, center.username("agent"), PASSWORD, "ko"),
                404,
                "unknown-script");
        assertProblem(
                api.post(
                        "/api/knowledge/scripts/" + sharedId + "/publish",
                        "",
                        "application/json",
                        center.username("hqadmin"),
                        PASSWORD,
                        "ko"),
                409,
                "script-archived");
    }

    @Test
    void aBrokenGraphIsRefusedWithItsCodeInTheCallersLanguage() {
        String dangling = SCRIPT.formatted("끊긴 스크립트", "상위").replace("\"next\": \"end\"", "\"next\": \"nowhere\"");
        Response korean = api.post(
                "/api/knowledge/scripts", dangling, "application/json", center.username("manager"), PASSWORD, "ko");
        assertProblem(korean, 400, "script-choice-unknown-step");
        assertThat(korean.json().get("detail").asString()).isEqualTo("단계 'up'의 선택지가 없는 단계 'nowhere'(으)로 갑니다.");
        Response english = api.post(
                "/api/knowledge/scripts", dangling, "application/json", center.username("manager"), PASSWORD, "en");
        assertThat(english.json().get("detail").asString())
                .isEqualTo("A choice of step 'up' leads to 'nowhere', which is no step of the script.");
        String stuck = SCRIPT.formatted("고리", "상위").replace("{\"label\": \"많음\", \"next\": \"up\"}, ", "");
        assertProblem(
                api.post(
                        "/api/knowledge/scripts",
                        stuck,
                        "application/json",
                        center.username("manager"),
                        PASSWORD,
                        "ko"),
                400,
                "script-step-unreachable");
        assertProblem(
                api.post(
                        "/api/knowledge/scripts",
                        "{\"title\": ",
                        "application/json",
                        center.username("manager"),
                        PASSWORD,
                        "ko"),
                400,
                "malformed-request");
    }

    @Test
    void onlyTheAgentOfTheChatFollowsAScriptAndTheRunKeepsItsVersionAndJoinsTheRecord() {
        Response created = create(center, "manager", null, "해지 방어", "상위");
        long id = created.json().get("script").get("id").asLong();
        api.post(
                "/api/knowledge/scripts/" + id + "/publish",
                "",
                "application/json",
                center.username("manager"),
                PASSWORD,
                "ko");
        Response foreign = create(elsewhere, "manager", null, "다른 센터 스크립트", "상위");
        long foreignId = foreign.json().get("script").get("id").asLong();
        api.post(
                "/api/knowledge/scripts/" + foreignId + "/publish",
                "",
                "application/json",
                elsewhere.username("manager"),
                PASSWORD,
                "ko");

        String agent = center.username("agent");
        routing(agent, "login", "wrap-up-done", "ready");
        Response started = api.post(
                "/chat/api/conversations",
                "{\"center\": " + center.id() + ", \"topic\": \"PLAN\"}",
                "application/json",
                null,
                null,
                "ko");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String chat = started.json().get("conversation").asString();
        accept(agent, chat);
        var desk = new Session(port, agent, PASSWORD);
        String run = "/desk/api/conversations/" + chat + "/script-run";

        // The desk lists the center's published scripts, not another center's.
        Response followable = desk.get("/desk/api/scripts", "ko");
        assertThat(followable.body()).contains("해지 방어").doesNotContain("다른 센터 스크립트");
        assertThat(desk.get(run, "ko").status()).as("no run yet").isEqualTo(204);
        assertProblem(desk.post(run, "{\"script\": " + foreignId + "}", "ko"), 404, "unknown-script");

        Response first = desk.post(run, "{\"script\": " + id + "}", "ko");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("current").asString()).isEqualTo("greet");
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        // A new version published meanwhile: the run keeps the one it started on.
        api.put(
                "/api/knowledge/scripts/" + id,
                SCRIPT.formatted("해지 방어", "상위 v2"),
                center.username("manager"),
                PASSWORD,
                "ko");
        api.post(
                "/api/knowledge/scripts/" + id + "/publish",
                "",
                "application/json",
                center.username("manager"),
                PASSWORD,
                "ko");

        assertThat(desk.post(run + "/choices", "{\"choice\": 0}", "ko")
                        .json()
                        .get("current")
                        .asString())
                .isEqualTo("usage");
        assertThat(desk.post(run + "/choices", "{\"choice\": 1}", "ko")
                        .json()
                        .get("current")
                        .asString())
                .isEqualTo("check");
        Response back = desk.post(run + "/back", "", "ko");
        assertThat(back.json().get("current").asString()).isEqualTo("usage");
        assertProblem(desk.post(run + "/choices", "{\"choice\": 7}", "ko"), 400, "script-choice-unknown");
        assertProblem(
                desk.post(run + "/variables", "{\"values\": {\"고객명\": \"남의 이름\"}}", "ko"),
                400,
                "script-variable-not-typed");
        assertThat(desk.post(run + "/variables", "{\"values\": {\"상품\": \"5G 프리미엄\"}}", "ko")
                        .status())
                .isEqualTo(200);
        Response done = desk.post(run + "/choices", "{\"choice\": 0}", "ko");
        assertThat(done.json().get("current").asString()).isEqualTo("up");
        assertThat(done.json().get("graph").get("steps").get(3).get("title").asString())
                .as("version 1's steps, not version 2's")
                .isEqualTo("상위");

        // Another agent of the same center, not on this chat, can neither write nor read its run.
        var stranger = new Session(port, center.username("stranger"), PASSWORD);
        assertProblem(stranger.post(run + "/choices", "{\"choice\": 0}", "ko"), 403, "not-your-conversation");
        assertProblem(stranger.post(run, "{\"script\": " + id + "}", "ko"), 403, "not-your-conversation");
        assertProblem(stranger.get(run, "ko"), 403, "not-your-conversation");

        // A reload resumes: the path as stored, the step gone back from kept and marked.
        JsonNode resumed = desk.get(run, "ko").json();
        assertThat(resumed.get("current").asString()).isEqualTo("up");
        assertThat(resumed.get("variables").get("상품").asString()).isEqualTo("5G 프리미엄");
        assertThat(StreamSupport.stream(resumed.get("path").spliterator(), false)
                        .map(step -> step.get("step").asString()
                                + (step.get("withdrawn").isNull() ? "" : "×") + "<"
                                + (step.get("via").isNull()
                                        ? ""
                                        : step.get("via").asString()))
                        .toList())
                .containsExactly("greet<", "usage<", "check×<모름", "up<많음");

        // The record is saved: the run belongs to it, still unfinished, so abandoned.
        desk.post(run + "/choices", "{\"choice\": 0}", "ko");
        assertThat(desk.post("/desk/api/conversations/" + chat + "/end", "", "ko")
                        .status())
                .isEqualTo(200);
        long category = jdbc.sql("select id from contact.category where code = 'BILL-Q-ERROR'")
                .query(Long.class)
                .single();
        Response record = desk.post(
                "/desk/api/conversations/" + chat + "/record",
                "{\"categoryId\": %d, \"disposition\": \"RESOLVED\"}".formatted(category),
                "ko");
        assertThat(record.status()).as(record.body()).isEqualTo(201);
        long consultation = record.json().get("id").asLong();
        eventually(Duration.ofSeconds(10), () -> {
            JsonNode runs = api.get(
                            "/api/conversations/" + chat + "/script-runs", center.username("manager"), PASSWORD, "ko")
                    .json();
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).get("consultationId").asLong()).isEqualTo(consultation);
            assertThat(runs.get(0).get("status").asString()).isEqualTo("FINISHED");
        });
        assertProblem(
                api.get("/api/conversations/" + chat + "/script-runs", elsewhere.username("manager"), PASSWORD, "ko"),
                404,
                "unknown-conversation");
        routing(agent, "wrap-up-done", "logout");
    }

    /** The customer's history on the desk shows, under an earlier record, the path kept with it. */
    @Test
    void theCustomersHistoryShowsThePathKeptWithARecord() {
        Response created = create(center, "manager", null, "이력 경로", "상위");
        long id = created.json().get("script").get("id").asLong();
        api.post(
                "/api/knowledge/scripts/" + id + "/publish",
                "",
                "application/json",
                center.username("manager"),
                PASSWORD,
                "ko");
        String[] customer = jdbc.sql(
                        "select name, mobile_phone, birth_date from contact.customer where customer_number ="
                                + " 'C0002468'")
                .query((row, n) -> new String[] {row.getString(1), row.getString(2), row.getString(3)})
                .single();
        String agent = center.username("verifier");
        var desk = new Session(port, agent, PASSWORD);
        routing(agent, "login", "wrap-up-done", "ready");
        String first = verifiedChat(agent, customer);
        String run = "/desk/api/conversations/" + first + "/script-run";
        assertThat(desk.post(run, "{\"script\": " + id + "}", "ko").status()).isEqualTo(200);
        desk.post(run + "/choices", "{\"choice\": 0}", "ko");
        desk.post(run + "/choices", "{\"choice\": 1}", "ko");
        desk.post(run + "/back", "", "ko");
        desk.post(run + "/choices", "{\"choice\": 0}", "ko");
        assertThat(desk.post(run + "/choices", "{\"choice\": 0}", "ko")
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("FINISHED");
        desk.post("/desk/api/conversations/" + first + "/end", "", "ko");
        long category = jdbc.sql("select id from contact.category where code = 'BILL-Q-ERROR'")
                .query(Long.class)
                .single();
        Response record = desk.post(
                "/desk/api/conversations/" + first + "/record",
                "{\"categoryId\": %d, \"disposition\": \"RESOLVED\"}".formatted(category),
                "ko");
        assertThat(record.status()).as(record.body()).isEqualTo(201);
        String consultation = record.json().get("id").asString();

        routing(agent, "wrap-up-done", "ready");
        String second = verifiedChat(agent, customer);
        eventually(Duration.ofSeconds(10), () -> {
            Response panel = api.get("/api/conversations/" + second + "/customer", agent, PASSWORD, "ko");
            assertThat(panel.status()).as(panel.body()).isEqualTo(200);
            assertThat(panel.json().get("scriptPaths").get(consultation).asString())
                    .isEqualTo("이력 경로 v1: 인사 → 사용량 → (많음) 상위 → 끝");
        });
        desk.post("/desk/api/conversations/" + second + "/end", "", "ko");
        routing(agent, "wrap-up-done", "logout");
    }

    private String verifiedChat(String agent, String[] customer) {
        Response started = api.post(
                "/chat/api/conversations",
                "{\"center\": %d, \"topic\": \"PLAN\", \"name\": \"%s\", \"phone\": \"%s\"}"
                        .formatted(center.id(), customer[0], customer[1]),
                "application/json",
                null,
                null,
                "ko");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String chat = started.json().get("conversation").asString();
        accept(agent, chat);
        Response verified = api.post(
                "/api/conversations/" + chat + "/customer/verification",
                "{\"method\": \"BIRTH_DATE\", \"answer\": \"" + customer[2] + "\"}",
                "application/json",
                agent,
                PASSWORD,
                "ko");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        return chat;
    }

    @Test
    void theDemoCenterFollowsHeadquartersScriptAndItsOwn() {
        // Read only: the demo's scripts are shared by every test, so nothing is changed here.
        Response gangnam = new Session(port, "gn.agent", RunningServer.DEMO_PASSWORD).get("/desk/api/scripts", "ko");
        assertThat(gangnam.status()).as(gangnam.body()).isEqualTo(200);
        assertThat(StreamSupport.stream(gangnam.json().get("scripts").spliterator(), false)
                        .map(script -> script.get("title").asString()
                                + (script.get("headquarters").asBoolean() ? " (HQ)" : ""))
                        .toList())
                .contains("요금제 변경 상담 (HQ)", "해지 방어 상담");
        Response daejeon = new Session(port, "dj.agent", RunningServer.DEMO_PASSWORD).get("/desk/api/scripts", "ko");
        assertThat(daejeon.body()).contains("요금제 변경 상담").doesNotContain("해지 방어 상담");
    }

    /** The record's event reaches knowledge after the record's commit, on another thread. */
    private static void eventually(Duration within, Runnable check) {
        long until = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > until) {
                    throw notYet;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notYet;
                }
            }
        }
    }

    private long headquarters() {
        return jdbc.sql("select id from identity.center where kind = 'HQ' order by id limit 1")
                .query(Long.class)
                .single();
    }

    private Response create(TestCenter in, String who, Long centerId, String title, String upTitle) {
        return api.post(
                "/api/knowledge/scripts" + (centerId == null ? "" : "?center=" + centerId),
                SCRIPT.formatted(title, upTitle),
                "application/json",
                in.username(who),
                PASSWORD,
                "ko");
    }

    private static java.util.List<String> titles(Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return StreamSupport.stream(list.json().spliterator(), false)
                .map(script -> script.get("title").asString())
                .toList();
    }

    private void routing(String agent, String... actions) {
        for (String action : actions) {
            api.post(
                    "/api/routing/centers/" + center.id() + "/agents/" + agent + "/" + action,
                    "",
                    "application/json",
                    agent,
                    PASSWORD,
                    "ko");
        }
    }

    private void accept(String agent, String chat) {
        Response accepted = api.post(
                "/api/routing/centers/" + center.id() + "/agents/" + agent + "/offers/" + chat + "/accept",
                "",
                "application/json",
                agent,
                PASSWORD,
                "ko");
        assertThat(accepted.status()).as(agent + " accepts: " + accepted.body()).isEqualTo(200);
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
    }
}
