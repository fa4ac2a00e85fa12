package io.sangdam.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.engine.queueing.ErlangC;
import io.sangdam.engine.queueing.ServiceLevelRule;
import io.sangdam.engine.queueing.Workload;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@RunningServer
class StaffingApiTests {

    private static final String EXAMPLE = """
        {"contacts": 1200, "intervalMinutes": 30, "ahtSeconds": 240, "targetServiceLevel": 0.8,
         "targetSeconds": 20, "patienceSeconds": null, "maxOccupancy": 0.9, "shrinkage": 0.3}\
        """;

    @LocalServerPort
    int port;

    @Test
    void answersTheFewestAgentsMeetingEightyInTwentyWithErlangC() {
        var response = post(EXAMPLE, "hq.wfm");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var answer = response.json();
        int agents = answer.get("agents").asInt();
        var workload = new Workload(1200, 1800, 240);
        var rule = ServiceLevelRule.within(20);
        assertThat(ErlangC.measures(agents, workload, rule).serviceLevel()).isGreaterThanOrEqualTo(0.8);
        assertThat(ErlangC.measures(agents - 1, workload, rule).serviceLevel() < 0.8
                        || ErlangC.measures(agents - 1, workload, rule).occupancy() > 0.9)
                .isTrue();
        assertThat(answer.get("headcount").asInt()).isEqualTo((int) Math.ceil(agents / 0.7 - 1e-9));
        assertThat(answer.get("occupancy").asDouble()).isLessThanOrEqualTo(0.9);
        assertThat(answer.get("abandonment").isNull()).isTrue();
        assertThat(answer.get("model").asString()).isEqualTo("ERLANG_C");
        assertThat(answer.get("curve").size()).isGreaterThan(10);
    }

    @Test
    void patienceSwitchesToErlangAWithAbandonment() {
        var response = post(EXAMPLE.replace("\"patienceSeconds\": null", "\"patienceSeconds\": 120"), "gn.wfm");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("model").asString()).isEqualTo("ERLANG_A");
        assertThat(response.json().get("abandonment").asDouble()).isBetween(0.0, 0.2);
        int erlangC = post(EXAMPLE, "gn.wfm").json().get("agents").asInt();
        // Abandons take load off the queue: Erlang A never needs more agents than Erlang C.
        assertThat(response.json().get("agents").asInt()).isLessThanOrEqualTo(erlangC);
    }

    @Test
    void invalidInputIsExplainedFieldByField() {
        var response = post("""
            {"contacts": -5, "intervalMinutes": 0, "ahtSeconds": 240, "targetServiceLevel": 1.5,
             "targetSeconds": 20, "shrinkage": 1.2}\
            """, "hq.wfm");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("validation-failed");
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .contains("contacts", "intervalMinutes", "targetServiceLevel", "shrinkage");
    }

    @Test
    void agentsMayNotUseThePlannersTools() {
        assertThat(post(EXAMPLE, "gn.agent").status()).isEqualTo(403);
    }

    @Test
    void erlangEndpointGivesRawMeasures() {
        var api = ApiClient.on(port);
        var c = api.get(
                "/api/workforce/erlang?model=C&agents=180&contacts=1200&intervalMinutes=30&ahtSeconds=240&targetSeconds=20",
                "hq.wfm",
                RunningServer.DEMO_PASSWORD,
                "en");
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        assertThat(c.json().get("erlangs").asDouble()).isEqualTo(160.0);
        assertThat(c.json().get("serviceLevel").asDouble())
                .isEqualTo(ErlangC.measures(180, new Workload(1200, 1800, 240), ServiceLevelRule.within(20))
                        .serviceLevel());
        var a = api.get(
                "/api/workforce/erlang?model=A&agents=160&contacts=1200&intervalMinutes=30&ahtSeconds=240&patienceSeconds=90",
                "hq.wfm",
                RunningServer.DEMO_PASSWORD,
                "en");
        assertThat(a.json().get("abandonment").asDouble()).isPositive();
        var missing = api.get(
                "/api/workforce/erlang?model=A&agents=160&contacts=1200&ahtSeconds=240",
                "hq.wfm",
                RunningServer.DEMO_PASSWORD,
                "en");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("code").asString()).isEqualTo("missing-parameter");
        var badModel = api.get(
                "/api/workforce/erlang?model=Z&agents=1&contacts=1&ahtSeconds=1",
                "hq.wfm",
                RunningServer.DEMO_PASSWORD,
                "en");
        assertThat(badModel.json().get("code").asString()).isEqualTo("invalid-parameter");
    }

    @Test
    void anAbsurdPatienceIsRefusedAtOnceNamingTheField() {
        long started = System.nanoTime();
        var response = post(EXAMPLE.replace("\"patienceSeconds\": null", "\"patienceSeconds\": 1e308"), "hq.wfm");
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(5_000);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("validation-failed");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("patienceSeconds");
    }

    @Test
    void everyInputOfTheQueueingMathHasARange() {
        var response = post("""
            {"contacts": 1e12, "intervalMinutes": 30, "ahtSeconds": 1e9, "targetServiceLevel": 0.8,
             "targetSeconds": 1e7, "maxAsaSeconds": 1e300}\
            """, "hq.wfm");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("contacts", "ahtSeconds", "targetSeconds", "maxAsaSeconds");
    }

    @Test
    void aLoadNoStaffCouldCarryIsRefusedNotComputed() {
        // Every field within its range, but 900,000 contacts of a day each in one half hour.
        var response = post("""
            {"contacts": 900000, "intervalMinutes": 30, "ahtSeconds": 86400, "targetServiceLevel": 0.8,
             "targetSeconds": 20, "patienceSeconds": 86400}\
            """, "hq.wfm");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("staffing-load-too-high");
    }

    @Test
    void twoBillionAgentsAreRefusedAtOnce() {
        long started = System.nanoTime();
        var response = ApiClient.on(port)
                .get(
                        "/api/workforce/erlang?model=A&agents=2000000000&contacts=1200"
                                + "&ahtSeconds=240&patienceSeconds=90",
                        "hq.wfm",
                        RunningServer.DEMO_PASSWORD,
                        "en");
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(5_000);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("validation-failed");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("agents");
    }

    @Test
    void pagesAndPlansMeetTheSameRangesInTheCalculator() {
        var question = new StaffingQuestion(1200, 30, 240, 0.8, 20, 1e308, null, null, 1.0, java.util.List.of());
        assertThatThrownBy(() -> new StaffingCalculator().answer(question))
                .isInstanceOfSatisfying(io.sangdam.platform.RequestRejected.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo("staffing-out-of-range");
                    assertThat(rejected.arguments()[0]).isEqualTo("patienceSeconds");
                });
    }

    private RunningServer.Response post(String body, String username) {
        return ApiClient.on(port)
                .post("/api/workforce/staffing", body, "application/json", username, RunningServer.DEMO_PASSWORD, "ko");
    }
}
