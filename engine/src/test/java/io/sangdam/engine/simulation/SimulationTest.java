package io.sangdam.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.sangdam.engine.routing.AgentProfile;
import io.sangdam.engine.routing.Channel;
import io.sangdam.engine.routing.QueueDefinition;
import io.sangdam.engine.routing.QueueId;
import io.sangdam.engine.routing.RoutingConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static final Instant START = Instant.parse("2026-11-23T15:00:00Z");

    /** One voice queue, flat demand over 24 one-hour intervals, agents there all day. */
    private static Scenario singleQueue(
            int agents, double contactsPerDay, Distribution handling, Distribution patience) {
        double[] flat = new double[24];
        Arrays.fill(flat, 1);
        QueueDefinition queue =
                QueueDefinition.queue("support", Channel.VOICE).withServiceLevel(0.8, Duration.ofSeconds(20));
        List<Staffing> staffing = agents == 0
                ? List.of()
                : List.of(new Staffing(
                        "agent", agents, AgentProfile.agent("template"), Duration.ZERO, Duration.ofHours(48), 0));
        return new Scenario(
                START,
                Duration.ofHours(1),
                24,
                7,
                Duration.ofSeconds(5),
                RoutingConfiguration.of(queue),
                List.of(new Demand(QueueId.of("support"), contactsPerDay, flat, handling, patience, 0)),
                staffing);
    }

    @Test
    void theSameSeedGivesTheSameReport() {
        Scenario scenario = bundled().scenario();

        assertThat(Simulation.run(scenario)).isEqualTo(Simulation.run(scenario));
    }

    @Test
    void everyOfferedContactIsAnsweredOrAbandoned() {
        SimulationReport report = Simulation.run(bundled().scenario());

        for (SimulationReport.Row row : report.totals()) {
            assertThat(row.answered() + row.abandoned()).as(row.queue()).isEqualTo(row.offered());
        }
    }

    @Test
    void withoutAgentsEveryContactIsAbandoned() {
        SimulationReport report = Simulation.run(
                singleQueue(0, 500, new Distribution.Exponential(180), new Distribution.Exponential(60)));
        SimulationReport.Row total = report.total("support");

        assertThat(total.answered()).isZero();
        assertThat(total.abandoned()).isEqualTo(total.offered());
        assertThat(total.serviceLevel()).isZero();
    }

    @Test
    void abandonsWithinFiveSecondsAreLeftOutOfServiceLevelOnBothSides() {
        // Nobody answers; half the customers hang up after 2 s, half after 100 s.
        SimulationReport report = Simulation.run(singleQueue(
                0, 2000, new Distribution.Exponential(180), new Distribution.Empirical(new double[] {2, 100})));
        SimulationReport.Row total = report.total("support");

        assertThat(total.shortAbandons()).isBetween(total.offered() / 2 - 100, total.offered() / 2 + 100);
        assertThat(total.serviceLevel()).isZero();
        assertThat(report.serviceLevelRule()).contains("within 5 s");
    }

    @Test
    void serviceLevelMatchesErlangCWhenNobodyAbandons() {
        // M/M/10 at 8 Erlangs (AHT 180 s, 160 calls an hour), patience practically infinite.
        SimulationReport report = Simulation.run(
                singleQueue(10, 160 * 24, new Distribution.Exponential(180), new Distribution.Exponential(1e9)));
        SimulationReport.Row total = report.total("support");

        double erlangC = erlangC(10, 8.0);
        double expectedServiceLevel = 1 - erlangC * Math.exp(-(10 - 8.0) * 20 / 180.0);
        double expectedSpeedOfAnswer = erlangC * 180 / (10 - 8.0);
        assertThat(total.serviceLevel()).isCloseTo(expectedServiceLevel, within(0.04));
        assertThat(total.averageSpeedOfAnswer()).isCloseTo(expectedSpeedOfAnswer, within(expectedSpeedOfAnswer * 0.25));
        assertThat(total.averageHandlingTime()).isCloseTo(180, within(10.0));
        assertThat(total.occupancy()).isCloseTo(0.8, within(0.04));
    }

    @Test
    void bundledScenarioPrintsATableWithTheShortAbandonRule() {
        ScenarioReader.ScenarioFile file = bundled();

        String table = Simulation.run(file.scenario()).table(file.zone());

        assertThat(table).contains("cards", "chat", "Whole day", "Abandons within 5 s are left out of both sides");
    }

    @Test
    void unknownFieldInAScenarioIsAnError() {
        assertThatThrownBy(() -> ScenarioReader.read("{\"start\": \"2026-11-24T00:00:00+09:00\", \"queus\": []}"))
                .hasMessageContaining("queus");
    }

    @Test
    void jsonErrorsNameTheLine() {
        assertThatThrownBy(() -> JsonReader.read("{\n\"a\": [1, 2,,]\n}")).hasMessageContaining("line 2");
    }

    /** Erlang C probability of waiting, via the Erlang B recursion (no factorials). */
    private static double erlangC(int agents, double load) {
        double erlangB = 1;
        for (int k = 1; k <= agents; k++) {
            erlangB = load * erlangB / (k + load * erlangB);
        }
        return agents * erlangB / (agents - load * (1 - erlangB));
    }

    static ScenarioReader.ScenarioFile bundled() {
        try (InputStream in = SimulationTest.class.getResourceAsStream("/scenarios/small-center.json")) {
            return ScenarioReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    @Test
    void zoneOfTheBundledScenarioIsSeoul() {
        assertThat(bundled().zone()).isEqualTo(ZoneId.of("Asia/Seoul"));
    }
}
