package io.sangdam.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sangdam.engine.simulation.Staffing;
import io.sangdam.workforce.WorkforcePlanning.Plan;
import io.sangdam.workforce.WorkforcePlanning.PlanRow;
import io.sangdam.workforce.WorkforcePlanning.PlanTargets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanSimulationsTests {

    @Test
    void agentsStayOnThroughNeighbouringIntervalsLikeARoster() {
        // 2, 3, 1, 0, 2 agents in five half hours.
        int[] agents = {2, 3, 1, 0, 2};
        List<PlanRow> rows = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 11, 23);
        for (int i = 0; i < agents.length; i++) {
            rows.add(new PlanRow(
                    day.atStartOfDay().plusMinutes(30L * i), agents[i] * 10.0, 200, agents[i], agents[i], 0.8, 10.0));
        }
        var plan = new Plan("BILLING", 30, "weekday-profile", day, 1, new PlanTargets(0.8, 20, 0.9, 0.3, null), rows);

        var scenario = PlanSimulations.scenario(plan, ZoneId.of("Asia/Seoul"), 1);

        assertThat(scenario.intervals()).isEqualTo(5);
        assertThat(scenario.staffing())
                .extracting(Staffing::shiftStart, Staffing::shiftLength)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Duration.ZERO, Duration.ofMinutes(90)),
                        org.assertj.core.groups.Tuple.tuple(Duration.ZERO, Duration.ofMinutes(60)),
                        org.assertj.core.groups.Tuple.tuple(Duration.ofMinutes(30), Duration.ofMinutes(30)),
                        org.assertj.core.groups.Tuple.tuple(Duration.ofMinutes(120), Duration.ofMinutes(30)),
                        org.assertj.core.groups.Tuple.tuple(Duration.ofMinutes(120), Duration.ofMinutes(30)));
        int staffedHalfHours = scenario.staffing().stream()
                .mapToInt(s -> (int) (s.shiftLength().toMinutes() / 30))
                .sum();
        assertThat(staffedHalfHours).isEqualTo(2 + 3 + 1 + 0 + 2);
        assertThat(scenario.start())
                .isEqualTo(day.atStartOfDay(ZoneId.of("Asia/Seoul")).toInstant());
    }

    @Test
    void aRunOfAnotherCenterIsUnknownByItsId() {
        LocalDate day = LocalDate.of(2026, 11, 23);
        var plan = new Plan(
                "BILLING",
                30,
                "weekday-profile",
                day,
                1,
                new PlanTargets(0.8, 20, 0.9, 0.3, null),
                List.of(new PlanRow(day.atTime(9, 0), 10, 200, 2, 3, 0.8, 10.0)));
        var simulations = new PlanSimulations(java.time.Clock.systemUTC());

        var run = simulations.start(plan, 7, ZoneId.of("Asia/Seoul"), null);

        assertThat(simulations.find(run.id(), List.of(7L))).containsSame(run);
        assertThat(simulations.find(run.id(), List.of(8L, 9L))).isEmpty();
        assertThat(simulations.find(java.util.UUID.randomUUID(), List.of(7L))).isEmpty();
    }

    @Test
    void aPlanTooLargeToSimulateIsRefusedBeforeItStarts() {
        LocalDate day = LocalDate.of(2026, 11, 23);
        List<PlanRow> rows = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            rows.add(new PlanRow(day.atStartOfDay().plusMinutes(30L * i), 50_000, 20, 600, 800, 0.8, 10.0));
        }
        var plan = new Plan("BILLING", 30, "weekday-profile", day, 1, new PlanTargets(0.8, 20, 0.9, 0.3, null), rows);

        assertThatThrownBy(() ->
                        new PlanSimulations(java.time.Clock.systemUTC()).start(plan, 7, ZoneId.of("Asia/Seoul"), null))
                .isInstanceOfSatisfying(
                        io.sangdam.platform.RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("simulation-too-large"));
    }
}
