package io.sangdam.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.engine.queueing.ErlangA;
import io.sangdam.engine.queueing.ErlangC;
import io.sangdam.engine.queueing.ServiceLevelRule;
import io.sangdam.engine.queueing.Workload;
import io.sangdam.engine.routing.AgentProfile;
import io.sangdam.engine.routing.Channel;
import io.sangdam.engine.routing.QueueDefinition;
import io.sangdam.engine.routing.QueueId;
import io.sangdam.engine.routing.RoutingConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator, driving the real routing engine, and the queueing formulas must tell the same
 * story: for M/M/c (exponential handling, nobody gives up) the simulated service level lies inside
 * the 95 % confidence interval around Erlang C's, and for M/M/c+M (exponential patience) around
 * Erlang A's. Seeded, so each case is the same run every time; the two are independent code, so
 * agreement checks both.
 */
class SimulationAgreesWithErlangTest {

    private static final int REPLICATIONS = 12;
    /** Student's t for 11 degrees of freedom, two-sided 95 %. */
    private static final double T_95 = 2.201;

    private static final double HANDLING_SECONDS = 180;
    private static final double THRESHOLD_SECONDS = 20;
    private static final int WARM_UP_INTERVALS = 2;
    private static final int INTERVALS = 24;

    @ParameterizedTest(name = "M/M/{0} at {1} Erlangs")
    @CsvSource({"10, 8", "25, 22", "60, 55"})
    void erlangCLiesInsideTheSimulatedConfidenceInterval(int agents, double erlangs) {
        double[] serviceLevels = simulate(agents, erlangs, null, 0);
        double expected = ErlangC.measures(
                        agents,
                        Workload.ofErlangs(erlangs, HANDLING_SECONDS),
                        new ServiceLevelRule(THRESHOLD_SECONDS, 0))
                .serviceLevel();
        assertInsideConfidenceInterval(serviceLevels, expected);
    }

    @ParameterizedTest(name = "M/M/{0}+M at {1} Erlangs, patience {2} s")
    @CsvSource({"20, 22, 90", "50, 48, 180", "12, 10, 60"})
    void erlangALiesInsideTheSimulatedConfidenceInterval(int agents, double erlangs, double patience) {
        double[] serviceLevels = simulate(agents, erlangs, patience, 5);
        double expected = ErlangA.measures(
                        agents,
                        Workload.ofErlangs(erlangs, HANDLING_SECONDS),
                        patience,
                        new ServiceLevelRule(THRESHOLD_SECONDS, 5))
                .serviceLevel();
        assertInsideConfidenceInterval(serviceLevels, expected);
    }

    /** Service level of each replication, counted over the intervals after the warm-up. */
    private static double[] simulate(int agents, double erlangs, Double patience, int shortAbandonSeconds) {
        var queue = QueueDefinition.queue("q", Channel.VOICE)
                .requiring("q", 1)
                .withServiceLevel(0.8, Duration.ofSeconds((long) THRESHOLD_SECONDS));
        Distribution patienceDistribution =
                patience == null ? new Distribution.Exponential(1e9) : new Distribution.Exponential(patience);
        double[] curve = new double[INTERVALS];
        Arrays.fill(curve, 1);
        double contactsPerDay =
                erlangs / HANDLING_SECONDS * Duration.ofMinutes(30).toSeconds() * INTERVALS;
        double[] serviceLevels = new double[REPLICATIONS];
        for (int replication = 0; replication < REPLICATIONS; replication++) {
            var scenario = new Scenario(
                    Instant.parse("2026-11-23T00:00:00Z"),
                    Duration.ofMinutes(30),
                    INTERVALS,
                    1000L + replication,
                    Duration.ofSeconds(shortAbandonSeconds),
                    RoutingConfiguration.of(queue),
                    List.of(new Demand(
                            QueueId.of("q"),
                            contactsPerDay,
                            curve,
                            new Distribution.Exponential(HANDLING_SECONDS),
                            patienceDistribution,
                            0)),
                    List.of(new Staffing(
                            "agent",
                            agents,
                            AgentProfile.agent("template").withSkill("q", 5),
                            Duration.ZERO,
                            Duration.ofHours(INTERVALS),
                            0)));
            SimulationReport report = Simulation.run(scenario);
            double answeredInTime = 0;
            double counted = 0;
            List<SimulationReport.Row> rows = report.intervals().stream()
                    .filter(row -> row.queue().equals("q"))
                    .toList();
            for (int interval = WARM_UP_INTERVALS; interval < rows.size(); interval++) {
                var row = rows.get(interval);
                double denominator = row.offered() - row.shortAbandons();
                if (denominator > 0 && !Double.isNaN(row.serviceLevel())) {
                    answeredInTime += row.serviceLevel() * denominator;
                    counted += denominator;
                }
            }
            serviceLevels[replication] = answeredInTime / counted;
        }
        return serviceLevels;
    }

    private static void assertInsideConfidenceInterval(double[] samples, double expected) {
        double mean = Arrays.stream(samples).average().orElseThrow();
        double variance =
                Arrays.stream(samples).map(s -> (s - mean) * (s - mean)).sum() / (samples.length - 1);
        double halfWidth = T_95 * Math.sqrt(variance / samples.length);
        System.out.printf("simulated SL %.4f ± %.4f (95 %% CI), formula %.4f%n", mean, halfWidth, expected);
        assertThat(expected).isBetween(mean - halfWidth, mean + halfWidth);
    }
}
