package io.sangdam.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.identity.Role;
import io.sangdam.protection.AbuseAlerted;
import io.sangdam.testing.TestCenter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The wallboard's server side: the thresholds a center manager sets (refused out of range or out of
 * order, in words), the levels the board computes from them, all centers at once for headquarters
 * and only one's own for everyone else, and protection alerts acknowledged within the center only.
 * Two centers of this class's own.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WallboardApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    TestCenter center;
    TestCenter other;

    @BeforeAll
    void createCenters() {
        center = TestCenter.in(context, "wallapi")
                .chatQueue("BILLING", "요금 문의", "BILLING", 3)
                .agent("agent", "1팀", Map.of("BILLING", 6))
                .agent("second", "2팀", Map.of("BILLING", 6))
                .person("manager", Role.CENTER_MANAGER)
                .person("supervisor", Role.SUPERVISOR)
                .headquartersPerson("executive", Role.EXECUTIVE)
                .create();
        other = TestCenter.in(context, "wallapiother")
                .chatQueue("TECH", "기술지원", "TECH", 3)
                .person("manager", Role.CENTER_MANAGER)
                .person("supervisor", Role.SUPERVISOR)
                .create();
    }

    private String thresholds(int slWarn, int slAlert, int waitWarn, int waitAlert, int waitingWarn, int waitingAlert) {
        return """
            {"serviceLevelWarn": %d, "serviceLevelAlert": %d, "longestWaitWarn": %d, "longestWaitAlert": %d,
             "waitingWarn": %d, "waitingAlert": %d}\
            """.formatted(slWarn, slAlert, waitWarn, waitAlert, waitingWarn, waitingAlert);
    }

    @Test
    void thresholdsOutOfRangeOrOutOfOrderAreRefusedInWords() {
        var manager = new BoardSession(port, center.username("manager"));
        String path = "/board/api/thresholds?center=" + center.id();

        var inverted = manager.put(path, thresholds(70, 80, 60, 180, 5, 15), "ko");
        assertThat(inverted.status()).as(inverted.body()).isEqualTo(400);
        assertThat(inverted.json().get("code").asString()).isEqualTo("board-threshold-service-level-alert");
        assertThat(inverted.json().get("detail").asString()).contains("서비스 레벨 경고 기준 80");

        var tooLong = manager.put(path, thresholds(80, 60, 60, 5000, 5, 15), "ko");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("code").asString()).isEqualTo("board-threshold-longest-wait-alert");
        assertThat(tooLong.json().get("detail").asString()).contains("61초에서 3,600초");

        var sameWaiting = manager.put(path, thresholds(80, 60, 60, 180, 5, 5), "ko");
        assertThat(sameWaiting.status()).isEqualTo(400);
        assertThat(sameWaiting.json().get("code").asString()).isEqualTo("board-threshold-waiting-alert");

        var missing = manager.put(path, "{\"serviceLevelWarn\": 80}", "ko");
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);

        // The page's form says the same in words and keeps the old thresholds.
        var form = manager.postForm(
                "/board/settings?center=" + center.id(),
                "serviceLevelWarn=80&serviceLevelAlert=60&longestWaitWarn=abc&longestWaitAlert=180&waitingWarn=5"
                        + "&waitingAlert=15",
                "ko");
        assertThat(form.status()).isEqualTo(302);
        assertThat(manager.get(path, "ko").json().get("longestWaitWarn").asInt())
                .isEqualTo(BoardThresholds.DEFAULTS.longestWaitWarn());

        // Only the center's manager (or an administrator) sets them; a supervisor reads them.
        var supervisor = new BoardSession(port, center.username("supervisor"));
        assertThat(supervisor.put(path, thresholds(90, 70, 30, 90, 2, 4), "ko").status())
                .isEqualTo(403);
        assertThat(supervisor.get(path, "ko").status()).isEqualTo(200);
        // Another center's manager cannot set this center's.
        var otherManager = new BoardSession(port, other.username("manager"));
        assertThat(otherManager
                        .put(path, thresholds(90, 70, 30, 90, 2, 4), "ko")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theBoardColoursQueuesByTheCentersThresholdsAndFiltersAgentsByTeam() {
        var manager = new BoardSession(port, other.username("manager"));
        String path = "/board/api/thresholds?center=" + other.id();
        var saved = manager.put(path, thresholds(90, 70, 600, 1200, 1, 2), "ko");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        var api = ApiClient.on(port);
        String supervisor = other.username("supervisor");
        for (int i = 0; i < 2; i++) {
            var arrived = api.post(
                    "/api/routing/centers/" + other.id() + "/contacts",
                    "{\"queue\": \"TECH\"}",
                    "application/json",
                    supervisor,
                    TestCenter.PASSWORD,
                    "ko");
            assertThat(arrived.status()).as(arrived.body()).isEqualTo(201);
        }
        JsonNode board = new BoardSession(port, supervisor)
                .get("/board/api?center=" + other.id(), "ko")
                .json();
        JsonNode tech = board.get("queues").get(0);
        assertThat(tech.get("waiting").asInt()).isEqualTo(2);
        assertThat(tech.get("waitingLevel").asString()).isEqualTo("ALERT");
        assertThat(tech.get("longestWaitLevel").asString()).isEqualTo("OK");
        assertThat(board.get("thresholds").get("waitingAlert").asInt()).isEqualTo(2);
        assertThat(board.get("zone").asString()).isEqualTo("Asia/Seoul");
        // Today's half hours up to the current one, labelled on the center's clock.
        JsonNode intervals = board.get("intervals");
        assertThat(intervals.size()).isGreaterThan(0);
        assertThat(intervals.get(0).get("label").asString()).isEqualTo("00:00");

        // The team filter: agents of one team only, and the center's teams to choose from.
        var ownApi = new BoardSession(port, center.username("supervisor"));
        for (String agent : List.of(center.username("agent"), center.username("second"))) {
            api.post(
                    "/api/routing/centers/" + center.id() + "/agents/" + agent + "/login",
                    "",
                    "application/json",
                    agent,
                    TestCenter.PASSWORD,
                    "ko");
        }
        JsonNode all = ownApi.get("/board/api?center=" + center.id(), "ko").json();
        assertThat(all.get("teams").valueStream().map(JsonNode::asString)).containsExactly("1팀", "2팀");
        assertThat(all.get("agents").size()).isEqualTo(2);
        JsonNode first = ownApi.get("/board/api?center=" + center.id() + "&team=1%ED%8C%80", "ko")
                .json();
        assertThat(first.get("agents").valueStream().map(a -> a.get("username").asString()))
                .containsExactly(center.username("agent"));
        assertThat(first.get("agents").get(0).get("team").asString()).isEqualTo("1팀");
    }

    @Test
    void headquartersSeesEveryCenterAndACenterOnlyItsOwn() {
        var executive = new BoardSession(port, center.username("executive"));
        // Headquarters asking for the board gets all centers, not the first partner center.
        assertThat(executive.get("/board", "ko").location()).endsWith("/board/all");
        assertThat(executive.get("/board/all", "ko").body()).contains(center.name(), other.name());
        JsonNode figures = executive.get("/board/api/all", "ko").json();
        List<Long> ids =
                figures.valueStream().map(f -> f.get("center").asLong()).toList();
        assertThat(ids).contains(center.id(), other.id());
        JsonNode mine = figures.valueStream()
                .filter(f -> f.get("center").asLong() == center.id())
                .findFirst()
                .orElseThrow();
        assertThat(mine.get("name").asString()).isEqualTo(center.name());
        assertThat(mine.get("zone").asString()).isEqualTo("Asia/Seoul");
        assertThat(mine.has("waitingLevel")).isTrue();
        // The wall of any center opens for headquarters.
        assertThat(executive.get("/board/wall?center=" + other.id(), "ko").status())
                .isEqualTo(200);

        var supervisor = new BoardSession(port, other.username("supervisor"));
        JsonNode own = supervisor.get("/board/api/all", "ko").json();
        assertThat(own.valueStream().map(f -> f.get("center").asLong())).containsExactly(other.id());
        assertThat(supervisor.get("/board/wall?center=" + center.id(), "ko").status())
                .isEqualTo(403);
        assertThat(supervisor.get("/board", "ko").status()).isEqualTo(200);
    }

    @Test
    void anAlertIsAcknowledgedInItsCenterOnlyAndALaterOneShowsAgain() {
        String conversation = "wallapi-" + System.nanoTime();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        context.publishEvent(new AbuseAlerted(
                center.id(),
                center.username("agent"),
                conversation,
                AbuseAlerted.Reason.MESSAGE_FLAGGED,
                List.of("INSULT"),
                "HIGH",
                at));
        var supervisor = new BoardSession(port, center.username("supervisor"));
        String alerts = "/board/api/alerts?center=" + center.id();
        assertThat(supervisor.get(alerts, "ko").body()).contains(conversation);
        String body = "{\"conversation\": \"%s\", \"reason\": \"MESSAGE_FLAGGED\", \"at\": \"%s\"}"
                .formatted(conversation, at);

        // Another center's supervisor can neither acknowledge it in its center nor find it in their own.
        var stranger = new BoardSession(port, other.username("supervisor"));
        var refused = stranger.post("/board/api/alerts/acknowledgements?center=" + center.id(), body, "ko");
        assertThat(refused.status()).isEqualTo(403);
        var unknown = stranger.post("/board/api/alerts/acknowledgements?center=" + other.id(), body, "ko");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("unknown-alert");
        assertThat(supervisor.get(alerts, "ko").body()).contains(conversation);

        // An executive reads the board but acknowledges nothing.
        var executive = new BoardSession(port, center.username("executive"));
        assertThat(executive
                        .post("/board/api/alerts/acknowledgements?center=" + center.id(), body, "ko")
                        .status())
                .isEqualTo(403);

        var done = supervisor.post("/board/api/alerts/acknowledgements?center=" + center.id(), body, "ko");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("by").asString()).isEqualTo(center.username("supervisor"));
        assertThat(Instant.parse(done.json().get("upTo").asString())).isEqualTo(at);
        assertThat(supervisor.get(alerts, "ko").body()).doesNotContain(conversation);
        assertThat(new BoardSession(port, center.username("manager"))
                        .get(alerts, "ko")
                        .body())
                .doesNotContain(conversation);

        // The customer abuses the agent again: that alert shows, the acknowledged one stays gone.
        context.publishEvent(new AbuseAlerted(
                center.id(),
                center.username("agent"),
                conversation,
                AbuseAlerted.Reason.MESSAGE_FLAGGED,
                List.of("THREAT"),
                "HIGH",
                at.plusSeconds(5)));
        JsonNode shown = supervisor.get(alerts, "ko").json();
        assertThat(shown.valueStream()
                        .filter(a -> a.get("conversation").asString().equals(conversation)))
                .singleElement()
                .satisfies(
                        a -> assertThat(a.get("categories").get(0).asString()).isEqualTo("THREAT"));

        var malformed = supervisor.post(
                "/board/api/alerts/acknowledgements?center=" + center.id(),
                "{\"conversation\": \"x\", \"reason\": \"NOPE\", \"at\": \"" + at + "\"}",
                "ko");
        assertThat(malformed.status()).isEqualTo(400);
    }
}
