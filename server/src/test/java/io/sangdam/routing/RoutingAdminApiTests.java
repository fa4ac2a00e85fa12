package io.sangdam.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Routing administration over the API: what is accepted, and the problem code of each mistake. Center 3 is 대전. */
@RunningServer
class RoutingAdminApiTests {

    private static final String PASSWORD = RunningServer.DEMO_PASSWORD;

    @LocalServerPort
    int port;

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
                "/api/routing/centers/3/queues",
                queue(
                        "LOST_CARD",
                        "[{\"skill\": \"LOST_CARD\", \"minimumLevel\": 6}, {\"skill\": \"CHAT\", \"minimumLevel\": 3}]",
                        "[{\"afterSeconds\": 30, \"kind\": \"LOWER_LEVEL\", \"target\": \"LOST_CARD\", \"level\": 3},"
                                + " {\"afterSeconds\": 60, \"kind\": \"WIDEN_TO_GROUP\", \"target\": \"1팀\"},"
                                + " {\"afterSeconds\": 120, \"kind\": \"MOVE_TO_QUEUE\", \"target\": \"BILLING\"}]"),
                "dj.manager");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Response listed = ApiClient.on(port).get("/api/routing/centers/3/queues", "dj.manager", PASSWORD, "ko");
        assertThat(listed.body())
                .contains("LOST_CARD", "Lost cards", "BEST_SKILL_LEVEL", "MOVE_TO_QUEUE", "2026-12-31", "09:00");

        Response duplicate = post(
                "/api/routing/centers/3/queues",
                queue("LOST_CARD", "[{\"skill\": \"LOST_CARD\", \"minimumLevel\": 6}]", "[]"),
                "dj.manager");
        assertProblem(duplicate, 409, "duplicate-queue-code");
    }

    @Test
    void badQueuesAreRefusedWithTheirOwnProblem() {
        assertProblem(
                post(
                        "/api/routing/centers/3/queues",
                        queue("BAD_LEVEL", "[{\"skill\": \"TECH\", \"minimumLevel\": 11}]", "[]"),
                        "dj.manager"),
                400,
                "skill-level-out-of-range");
        assertProblem(
                post(
                        "/api/routing/centers/3/queues",
                        queue("BAD_SKILL", "[{\"skill\": \"NO_SUCH_SKILL\", \"minimumLevel\": 5}]", "[]"),
                        "dj.manager"),
                400,
                "unknown-skill");
        assertProblem(
                post("/api/routing/centers/3/queues", queue("NO_SKILL", "[]", "[]"), "dj.manager"),
                400,
                "queue-skills-count");
        assertProblem(
                post(
                        "/api/routing/centers/3/queues",
                        queue(
                                "BAD_MOVE",
                                "[{\"skill\": \"TECH\", \"minimumLevel\": 5}]",
                                "[{\"afterSeconds\": 60, \"kind\": \"MOVE_TO_QUEUE\", \"target\": \"NOWHERE\"}]"),
                        "dj.manager"),
                400,
                "overflow-unknown-queue");
        assertProblem(
                post(
                        "/api/routing/centers/3/queues",
                        queue(
                                "BAD_ORDER",
                                "[{\"skill\": \"TECH\", \"minimumLevel\": 5}]",
                                "[{\"afterSeconds\": 60, \"kind\": \"MOVE_TO_QUEUE\", \"target\": \"BILLING\"},"
                                        + " {\"afterSeconds\": 90, \"kind\": \"WIDEN_TO_GROUP\", \"target\": \"1팀\"}]"),
                        "dj.manager"),
                400,
                "overflow-move-not-last");
        assertProblem(
                post(
                        "/api/routing/centers/3/queues",
                        queue(
                                "BAD_LOWER",
                                "[{\"skill\": \"TECH\", \"minimumLevel\": 5}]",
                                "[{\"afterSeconds\": 60, \"kind\": \"LOWER_LEVEL\", \"target\": \"TECH\", \"level\":"
                                        + " 7}]"),
                        "dj.manager"),
                400,
                "overflow-level-not-lower");
        assertProblem(
                post(
                        "/api/routing/centers/3/queues",
                        queue(
                                        "BAD_WIDEN",
                                        "[{\"skill\": \"TECH\", \"minimumLevel\": 5}]",
                                        "[{\"afterSeconds\": 60, \"kind\": \"WIDEN_TO_GROUP\", \"target\": \"1팀\"}]")
                                .replace("\"4팀\"", "null"),
                        "dj.manager"),
                400,
                "overflow-widen-without-group");
        assertProblem(
                post(
                        "/api/routing/centers/3/queues",
                        queue("x", "[{\"skill\": \"TECH\", \"minimumLevel\": 5}]", "[]"),
                        "dj.manager"),
                400,
                "invalid-code");
        assertProblem(
                post(
                        "/api/routing/centers/3/queues",
                        queue("BAD_HOURS", "[{\"skill\": \"TECH\", \"minimumLevel\": 5}]", "[]")
                                .replace("\"18:00\"", "\"08:00\""),
                        "dj.manager"),
                400,
                "invalid-opening-hours");
        assertProblem(
                post(
                        "/api/routing/centers/3/queues",
                        queue("BAD_SL", "[{\"skill\": \"TECH\", \"minimumLevel\": 5}]", "[]")
                                .replace("\"serviceLevelPercent\": 90", "\"serviceLevelPercent\": 0"),
                        "dj.manager"),
                400,
                "number-out-of-range");
    }

    @Test
    void aManagerCannotChangeAnotherCentersQueuesAndAnAgentCannotChangeAny() {
        assertProblem(
                post(
                        "/api/routing/centers/2/queues",
                        queue("OTHER", "[{\"skill\": \"TECH\", \"minimumLevel\": 5}]", "[]"),
                        "dj.manager"),
                403,
                "access-denied");
        assertThat(post(
                                "/api/routing/centers/3/queues",
                                queue("AGENT", "[{\"skill\": \"TECH\", \"minimumLevel\": 5}]", "[]"),
                                "dj.agent")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void skillsAreAddedRenamedAndDeactivatedAndCodesStayUnique() {
        Response added = post(
                "/api/routing/skills",
                "{\"code\": \"JAPANESE\", \"nameKorean\": \"일본어 상담\", \"nameEnglish\": \"Japanese\"}",
                "admin");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertProblem(
                post(
                        "/api/routing/skills",
                        "{\"code\": \"JAPANESE\", \"nameKorean\": \"일본어\", \"nameEnglish\": \"Japanese\"}",
                        "admin"),
                409,
                "duplicate-skill-code");
        assertProblem(
                post(
                        "/api/routing/skills",
                        "{\"code\": \"KOREAN_SIGN\", \"nameKorean\": \"\", \"nameEnglish\": \"Sign\"}",
                        "admin"),
                400,
                "skill-name-required");

        Response renamed =
                put("/api/routing/skills/JAPANESE", "{\"nameKorean\": \"일본어 응대\", \"active\": false}", "admin");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("nameKorean").asString()).isEqualTo("일본어 응대");
        assertThat(renamed.json().get("active").asBoolean()).isFalse();
        // A deactivated skill is given to nobody new.
        assertProblem(
                put("/api/routing/agents/" + agentId("dj.agent030"), "{\"skills\": {\"JAPANESE\": 5}}", "dj.manager"),
                400,
                "unknown-skill");
    }

    @Test
    void agentSkillsAndCapacityAreCheckedAndStored() {
        long agent = agentId("dj.agent031");
        Response saved = put(
                "/api/routing/agents/" + agent,
                "{\"skills\": {\"TECH\": 8, \"CHAT\": 4}, \"chatCapacity\": 2}",
                "dj.manager");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        Response skills = ApiClient.on(port).get("/api/agents/" + agent + "/skills", "dj.manager", PASSWORD, "ko");
        assertThat(skills.body()).contains("TECH").contains("\"level\":8");

        assertProblem(
                put("/api/routing/agents/" + agent, "{\"skills\": {\"TECH\": 0}}", "dj.manager"),
                400,
                "skill-level-out-of-range");
        assertProblem(
                put("/api/routing/agents/" + agent, "{\"skills\": {\"TECH\": 5}, \"chatCapacity\": 0}", "dj.manager"),
                400,
                "chat-capacity-out-of-range");
        assertProblem(
                put("/api/routing/agents/" + agentId("dj.supervisor"), "{\"skills\": {}}", "dj.manager"),
                400,
                "not-an-agent");
        assertProblem(
                put("/api/routing/centers/3/chat-capacity", "{\"chatCapacity\": 6}", "dj.manager"),
                400,
                "chat-capacity-out-of-range");
        assertThat(put("/api/routing/centers/3/chat-capacity", "{\"chatCapacity\": 4}", "dj.manager")
                        .json()
                        .get("chatCapacity")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void aCenterKeepsItsListOfNotReadyReasons() {
        Response reasons =
                ApiClient.on(port).get("/api/routing/centers/3/not-ready-reasons", "dj.manager", PASSWORD, "ko");
        assertThat(reasons.body()).contains("휴식", "식사", "교육", "회의");
        Response added = post(
                "/api/routing/centers/3/not-ready-reasons",
                "{\"nameKorean\": \"1:1 면담\", \"nameEnglish\": \"One-to-one\"}",
                "dj.manager");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertProblem(
                post("/api/routing/centers/3/not-ready-reasons", "{\"nameKorean\": \"휴식\"}", "dj.manager"),
                409,
                "duplicate-not-ready-reason");
        assertProblem(
                post("/api/routing/centers/3/not-ready-reasons", "{\"nameKorean\": \"  \"}", "dj.manager"),
                400,
                "reason-name-required");
        long id = added.json().findValues("id").stream()
                .mapToLong(n -> n.asLong())
                .max()
                .orElseThrow();
        Response deactivated =
                put("/api/routing/centers/3/not-ready-reasons/" + id, "{\"active\": false}", "dj.manager");
        assertThat(deactivated.status()).isEqualTo(200);
        Response unknown = put("/api/routing/centers/3/not-ready-reasons/999999", "{\"active\": false}", "dj.manager");
        assertProblem(unknown, 404, "unknown-not-ready-reason");
        assertThat(unknown.json().get("detail").asString())
                .as("an id, not an amount")
                .contains("999999");
    }

    private long agentId(String username) {
        Response users = ApiClient.on(port).get("/api/users?text=" + username, "admin", PASSWORD, "ko");
        for (var user : users.json().findParents("username")) {
            if (user.get("username").asString().equals(username)) {
                return user.get("id").asLong();
            }
        }
        throw new AssertionError("no account " + username + ": " + users.body());
    }
}
