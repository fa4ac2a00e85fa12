package io.sangdam.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Routing administration over the API: what is accepted, and the problem code of each mistake. The
 * changes go to a center of this class's own; skills are shared by all centers, and JAPANESE is
 * this class's alone.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingAdminApiTests {

    private static final String PASSWORD = TestCenter.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    TestCenter center;
    TestCenter otherCenter;
    String centerPath;
    String manager;
    String admin;

    @BeforeAll
    void createCenters() {
        center = TestCenter.in(context, "routingadmin")
                .chatQueue("BILLING", "BILLING", 3)
                .agent("agent", Map.of("BILLING", 5))
                .agent("skilled", Map.of("BILLING", 5))
                .agent("capacity", Map.of("BILLING", 5))
                .person("supervisor", Role.SUPERVISOR)
                .person("manager", Role.CENTER_MANAGER)
                .headquartersPerson("admin", Role.ADMINISTRATOR)
                .create();
        otherCenter = TestCenter.in(context, "routingadmin2")
                .chatQueue("TECH", "TECH", 3)
                .create();
        centerPath = "/api/routing/centers/" + center.id();
        manager = center.username("manager");
        admin = center.username("admin");
    }

    private Response post(String path, String json, String user) {
        return ApiClient.on(port).post(path, json, "application/json", user, PASSWORD, "ko");
    }

    private Response put(String path, String json, String user) {
        return ApiClient.on(port).put(path, json, user, PASSWORD, "en");
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    private static String queue(String code, String skills, String overflow) {
        return """
            {"code": "%s", "name": "카드 분실", "nameEnglish": "Lost cards", "channel": "CHAT", "skills": %s,
             "agentGroup": "4팀", "priority": 10, "serviceLevelPercent": 90, "serviceLevelSeconds": 30,
             "strategy": "BEST_SKILL_LEVEL", "overflow": %s, "wrapUpSeconds": 45, "limitedHours": true,
             "hours": [{"dayOfWeek": 1, "opens": "09:00", "closes": "18:00"}], "closedDays": ["2026-12-31"]}\
            """.formatted(code, skills, overflow);
    }

    @Test
    void aManagerCreatesAQueueWithSkillsOverflowAndHoursAndReadsItBack() {
        Response created = post(
                centerPath + "/queues",
                queue(
                        "LOST_CARD",
                        "[{\"skill\": \"LOST_CARD\", \"minimumLevel\": 6}, {\"skill\": \"CHAT\", \"minimumLevel\": 3}]",
                        "[{\"afterSeconds\": 30, \"kind\": \"LOWER_LEVEL\", \"target\": \"LOST_CARD\", \"level\": 3},"
                                + " {\"afterSeconds\": 60, \"kind\": \"WIDEN_TO_GROUP\", \"target\": \"1팀\"},"
                                + " {\"afterSeconds\": 120, \"kind\": \"MOVE_TO_QUEUE\", \"target\": \"BILLING\"}]"),
                manager);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Response listed = ApiClient.on(port).get(centerPath + "/queues", manager, PASSWORD, "ko");
        assertThat(listed.body())
                .contains("LOST_CARD", "Lost cards", "BEST_SKILL_LEVEL", "MOVE_TO_QUEUE", "2026-12-31", "09:00");

        Response duplicate = post(
                centerPath + "/queues",
                queue("LOST_CARD", "[{\"skill\": \"LOST_CARD\", \"minimumLevel\": 6}]", "[]"),
                manager);
        assertProblem(duplicate, 409, "duplicate-queue-code");
    }

    @Test
    void badQueuesAreRefusedWithTheirOwnProblem() {
        assertProblem(
                post(
                        centerPath + "/queues",
                        queue("BAD_LEVEL", "[{\"skill\": \"TECH\", \"minimumLevel\": 11}]", "[]"),
                        manager),
                400,
                "skill-level-out-of-range");
        assertProblem(
                post(
                        centerPath + "/queues",
                        queue("BAD_SKILL", "[{\"skill\": \"NO_SUCH_SKILL\", \"minimumLevel\": 5}]", "[]"),
                        manager),
                400,
                "unknown-skill");
        assertProblem(post(centerPath + "/queues", queue("NO_SKILL", "[]", "[]"), manager), 400, "queue-skills-count");
        assertProblem(
                post(
                        centerPath + "/queues",
                        queue(
                                "BAD_MOVE",
                                "[{\"skill\": \"TECH\", \"minimumLevel\": 5}]",
                                "[{\"afterSeconds\": 60, \"kind\": \"MOVE_TO_QUEUE\", \"target\": \"NOWHERE\"}]"),
                        manager),
                400,
                "overflow-unknown-queue");
        assertProblem(
                post(
                        centerPath + "/queues",
                        queue(
                                "BAD_ORDER",
                                "[{\"skill\": \"TECH\", \"minimumLevel\": 5}]",
                                "[{\"afterSeconds\": 60, \"kind\": \"MOVE_TO_QUEUE\", \"target\": \"BILLING\"},"
                                        + " {\"afterSeconds\": 90, \"kind\": \"WIDEN_TO_GROUP\", \"target\": \"1팀\"}]"),
                        manager),
                400,
                "overflow-move-not-last");
        assertProblem(
                post(
                        centerPath + "/queues",
                        queue(
                                "BAD_LOWER",
                                "[{\"skill\": \"TECH\", \"minimumLevel\": 5}]",
                                "[{\"afterSeconds\": 60, \"kind\": \"LOWER_LEVEL\", \"target\": \"TECH\", \"level\":"
                                        + " 7}]"),
                        manager),
                400,
                "overflow-level-not-lower");
        assertProblem(
                post(
                        centerPath + "/queues",
                        queue(
                                        "BAD_WIDEN",
                                        "[{\"skill\": \"TECH\", \"minimumLevel\": 5}]",
                                        "[{\"afterSeconds\": 60, \"kind\": \"WIDEN_TO_GROUP\", \"target\": \"1팀\"}]")
                                .replace("\"4팀\"", "null"),
                        manager),
                400,
                "overflow-widen-without-group");
        assertProblem(
                post(centerPath + "/queues", queue("x", "[{\"skill\": \"TECH\", \"minimumLevel\": 5}]", "[]"), manager),
                400,
                "invalid-code");
        assertProblem(
                post(
                        centerPath + "/queues",
                        queue("BAD_HOURS", "[{\"skill\": \"TECH\", \"minimumLevel\": 5}]", "[]")
                                .replace("\"18:00\"", "\"08:00\""),
                        manager),
                400,
                "invalid-opening-hours");
        assertProblem(
                post(
                        centerPath + "/queues",
                        queue("BAD_SL", "[{\"skill\": \"TECH\", \"minimumLevel\": 5}]", "[]")
                                .replace("\"serviceLevelPercent\": 90", "\"serviceLevelPercent\": 0"),
                        manager),
                400,
                "number-out-of-range");
    }

    @Test
    void aManagerCannotChangeAnotherCentersQueuesAndAnAgentCannotChangeAny() {
        assertProblem(
                post(
                        "/api/routing/centers/" + otherCenter.id() + "/queues",
                        queue("OTHER", "[{\"skill\": \"TECH\", \"minimumLevel\": 5}]", "[]"),
                        manager),
                403,
                "access-denied");
        assertThat(post(
                                centerPath + "/queues",
                                queue("AGENT", "[{\"skill\": \"TECH\", \"minimumLevel\": 5}]", "[]"),
                                center.username("agent"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void skillsAreAddedRenamedAndDeactivatedAndCodesStayUnique() {
        Response added = post(
                "/api/routing/skills",
                "{\"code\": \"JAPANESE\", \"nameKorean\": \"일본어 상담\", \"nameEnglish\": \"Japanese\"}",
                admin);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertProblem(
                post(
                        "/api/routing/skills",
                        "{\"code\": \"JAPANESE\", \"nameKorean\": \"일본어\", \"nameEnglish\": \"Japanese\"}",
                        admin),
                409,
                "duplicate-skill-code");
        assertProblem(
                post(
                        "/api/routing/skills",
                        "{\"code\": \"KOREAN_SIGN\", \"nameKorean\": \"\", \"nameEnglish\": \"Sign\"}",
                        admin),
                400,
                "skill-name-required");

        Response renamed =
                put("/api/routing/skills/JAPANESE", "{\"nameKorean\": \"일본어 응대\", \"active\": false}", admin);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("nameKorean").asString()).isEqualTo("일본어 응대");
        assertThat(renamed.json().get("active").asBoolean()).isFalse();
        // A deactivated skill is given to nobody new.
        assertProblem(
                put("/api/routing/agents/" + center.accountId("agent"), "{\"skills\": {\"JAPANESE\": 5}}", manager),
                400,
                "unknown-skill");
    }

    @Test
    void agentSkillsAndCapacityAreCheckedAndStored() {
        long agent = center.accountId("capacity");
        Response saved = put(
                "/api/routing/agents/" + agent,
                "{\"skills\": {\"TECH\": 8, \"CHAT\": 4}, \"chatCapacity\": 2}",
                manager);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        Response skills = ApiClient.on(port).get("/api/agents/" + agent + "/skills", manager, PASSWORD, "ko");
        assertThat(skills.body()).contains("TECH").contains("\"level\":8");

        assertProblem(
                put("/api/routing/agents/" + agent, "{\"skills\": {\"TECH\": 0}}", manager),
                400,
                "skill-level-out-of-range");
        assertProblem(
                put("/api/routing/agents/" + agent, "{\"skills\": {\"TECH\": 5}, \"chatCapacity\": 0}", manager),
                400,
                "chat-capacity-out-of-range");
        assertProblem(
                put("/api/routing/agents/" + center.accountId("supervisor"), "{\"skills\": {}}", manager),
                400,
                "not-an-agent");
        assertProblem(
                put(centerPath + "/chat-capacity", "{\"chatCapacity\": 6}", manager),
                400,
                "chat-capacity-out-of-range");
        assertThat(put(centerPath + "/chat-capacity", "{\"chatCapacity\": 4}", manager)
                        .json()
                        .get("chatCapacity")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void aCenterKeepsItsListOfNotReadyReasons() {
        Response reasons = ApiClient.on(port).get(centerPath + "/not-ready-reasons", manager, PASSWORD, "ko");
        assertThat(reasons.body()).contains("휴식", "식사", "교육", "회의");
        Response added = post(
                centerPath + "/not-ready-reasons",
                "{\"nameKorean\": \"1:1 면담\", \"nameEnglish\": \"One-to-one\"}",
                manager);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertProblem(
                post(centerPath + "/not-ready-reasons", "{\"nameKorean\": \"휴식\"}", manager),
                409,
                "duplicate-not-ready-reason");
        assertProblem(
                post(centerPath + "/not-ready-reasons", "{\"nameKorean\": \"  \"}", manager),
                400,
                "reason-name-required");
        long id = added.json().findValues("id").stream()
                .mapToLong(n -> n.asLong())
                .max()
                .orElseThrow();
        Response deactivated = put(centerPath + "/not-ready-reasons/" + id, "{\"active\": false}", manager);
        assertThat(deactivated.status()).isEqualTo(200);
        Response unknown = put(centerPath + "/not-ready-reasons/999999", "{\"active\": false}", manager);
        assertProblem(unknown, 404, "unknown-not-ready-reason");
        assertThat(unknown.json().get("detail").asString())
                .as("an id, not an amount")
                .contains("999999");
    }
}
