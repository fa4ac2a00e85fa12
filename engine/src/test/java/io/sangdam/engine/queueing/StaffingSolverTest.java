package io.sangdam.engine.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaffingSolverTest {

    @Test
    void theTextbookIntervalNeedsFourteenAgents() {
        // 100 contacts in 30 min at AHT 180 s = 10 Erlangs; 13 agents give 79.6 % in 20 s, 14 give 88.8 %.
        StaffingResult result =
                StaffingSolver.solve(StaffingRequest.erlangC(new Workload(100, 1800, 180), 0.8, 20, 1.0));
        assertThat(result).isInstanceOf(StaffingResult.TargetMet.class);
        assertThat(result.agents()).isEqualTo(14);
        assertThat(result.measures().serviceLevel()).isBetween(0.88, 0.89);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 4.5, 37, 480, 2_345.6, 9_870, 15_000})
    void erlangCAnswerIsTheFewestAgentsMeetingTheTarget(double erlangs) {
        Workload workload = Workload.ofErlangs(erlangs, 240);
        ServiceLevelRule rule = ServiceLevelRule.within(20);
        StaffingResult result = StaffingSolver.solve(StaffingRequest.erlangC(workload, 0.8, 20, 1.0));
        int agents = result.agents();
        assertThat(ErlangC.measures(agents, workload, rule).serviceLevel()).isGreaterThanOrEqualTo(0.8);
        if (agents > 1) {
            assertThat(ErlangC.measures(agents - 1, workload, rule).serviceLevel())
                    .isLessThan(0.8);
        }
        assertThat(result.measures()).isEqualTo(ErlangC.measures(agents, workload, rule));
    }

    @Test
    void answersNearTenThousandAgentsFollowSquareRootStaffing() {
        StaffingResult result =
                StaffingSolver.solve(StaffingRequest.erlangC(Workload.ofErlangs(9_900, 240), 0.8, 20, 1.0));
        assertThat(result.agents()).isBetween(9_900 + 10, 9_900 + 200);
    }

    @Test
    void theOccupancyCapCanDecide() {
        Workload workload = Workload.ofErlangs(100, 240);
        StaffingResult loose = StaffingSolver.solve(StaffingRequest.erlangC(workload, 0.2, 60, 1.0));
        StaffingResult capped = StaffingSolver.solve(StaffingRequest.erlangC(workload, 0.2, 60, 0.85));
        assertThat(loose.agents()).isLessThan(118);
        assertThat(capped.agents()).isEqualTo(118); // ⌈100 / 0.85⌉
        assertThat(capped.measures().occupancy()).isLessThanOrEqualTo(0.85);
    }

    @Test
    void severalTargetsAreAllMet() {
        Workload workload = Workload.ofErlangs(200, 300);
        StaffingRequest request = StaffingRequest.erlangA(workload, 120, 0.8, 20, 1.0)
                .withTargets(List.of(
                        new ServiceLevelTarget(0.8), new AbandonmentTarget(0.01), new AverageSpeedOfAnswerTarget(5)));
        StaffingResult result = StaffingSolver.solve(request);
        QueueMeasures measures = result.measures();
        assertThat(measures.serviceLevel()).isGreaterThanOrEqualTo(0.8);
        assertThat(measures.abandonment()).isLessThanOrEqualTo(0.01);
        assertThat(measures.averageSpeedOfAnswerSeconds()).isLessThanOrEqualTo(5);
        QueueMeasures oneFewer = ErlangA.measures(result.agents() - 1, workload, 120, request.serviceLevelRule());
        assertThat(request.isMetBy(oneFewer)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.8, 12, 150, 1_000, 9_800})
    void erlangAAnswerIsTheFewestAgentsMeetingTheTarget(double erlangs) {
        Workload workload = Workload.ofErlangs(erlangs, 240);
        for (double patience : new double[] {30, 180, 900}) {
            StaffingRequest request = StaffingRequest.erlangA(workload, patience, 0.8, 20, 1.0);
            int agents = StaffingSolver.solve(request).agents();
            assertThat(request.isMetBy(ErlangA.measures(agents, workload, patience, request.serviceLevelRule())))
                    .isTrue();
            if (agents > 1) {
                assertThat(request.isMetBy(
                                ErlangA.measures(agents - 1, workload, patience, request.serviceLevelRule())))
                        .isFalse();
            }
        }
    }

    @Test
    void anAbandonmentTargetCanBeMetBelowTheLoad() {
        // Impatient customers and a lax target: Erlang A staffs below a, which Erlang C never can.
        Workload workload = Workload.ofErlangs(100, 240);
        StaffingRequest request =
                StaffingRequest.erlangA(workload, 30, 0.5, 20, 1.0).withTargets(List.of(new AbandonmentTarget(0.2)));
        StaffingResult result = StaffingSolver.solve(request);
        assertThat(result.agents()).isLessThan(100);
        assertThat(result.measures().abandonment()).isLessThanOrEqualTo(0.2);
    }

    @Test
    void tooFewAvailableAgentsIsReportedWithTheBestAchievable() {
        StaffingRequest request = StaffingRequest.erlangC(Workload.ofErlangs(60, 240), 0.8, 20, 1.0)
                .withMaximumAgents(55);
        StaffingResult result = StaffingSolver.solve(request);
        assertThat(result).isInstanceOfSatisfying(StaffingResult.TargetUnreachable.class, unreachable -> {
            assertThat(unreachable.agents()).isEqualTo(55);
            assertThat(unreachable.reason()).contains("55 agents").contains("service level");
        });

        StaffingRequest withPatience = StaffingRequest.erlangA(Workload.ofErlangs(60, 240), 120, 0.8, 20, 1.0)
                .withMaximumAgents(55);
        StaffingResult erlangA = StaffingSolver.solve(withPatience);
        assertThat(erlangA).isInstanceOf(StaffingResult.TargetUnreachable.class);
        assertThat(erlangA.measures().agents()).isEqualTo(55);
        assertThat(erlangA.measures().serviceLevel()).isBetween(0.0, 0.8);
    }

    @Test
    void noContactsNeedNoAgents() {
        StaffingResult result = StaffingSolver.solve(StaffingRequest.erlangC(new Workload(0, 1800, 240), 0.8, 20, 0.9));
        assertThat(result.agents()).isZero();
        assertThat(result.headcount(Shrinkage.total(0.3))).isZero();
    }

    @Test
    void theCurveMatchesSingleEvaluations() {
        StaffingRequest request = StaffingRequest.erlangA(Workload.ofErlangs(50, 240), 90, 0.8, 20, 1.0);
        List<QueueMeasures> curve = StaffingSolver.curve(request, 40, 60);
        assertThat(curve).hasSize(21);
        assertThat(curve.get(15)).isEqualTo(ErlangA.measures(55, request.workload(), 90, request.serviceLevelRule()));
        StaffingRequest erlangC = StaffingRequest.erlangC(Workload.ofErlangs(50, 240), 0.8, 20, 1.0);
        assertThat(StaffingSolver.curve(erlangC, 45, 60).get(10).serviceLevel())
                .isEqualTo(ErlangC.measures(55, erlangC.workload(), erlangC.serviceLevelRule())
                        .serviceLevel());
    }

    @Test
    void theWarmStartedRecursionMatchesTheFullOne() {
        for (double erlangs : new double[] {99.5, 150, 1_234.5, 10_000, 15_000}) {
            for (int above : new int[] {0, 1, 17, 300, 5_000}) {
                int agents = (int) Math.ceil(erlangs) + above;
                ErlangBRecursion full = new ErlangBRecursion(erlangs);
                full.advanceTo(agents);
                double warm = ErlangBRecursion.at(erlangs, agents).logBlocking();
                assertThat(Math.abs(warm - full.logBlocking()))
                        .isLessThanOrEqualTo(1e-13 * Math.abs(full.logBlocking()) + 1e-15);
            }
        }
    }

    @Test
    void abandonmentTargetsNeedPatience() {
        assertThatThrownBy(() -> StaffingRequest.erlangC(Workload.ofErlangs(5, 240), 0.8, 20, 1.0)
                        .withTargets(List.of(new AbandonmentTarget(0.05))))
                .isInstanceOfSatisfying(
                        InvalidQueueingInputException.class,
                        e -> assertThat(e.field()).isEqualTo("averagePatienceSeconds"));
    }

    @Test
    void badTargetsAndCapsNameTheirField() {
        assertThatThrownBy(() -> new ServiceLevelTarget(1.2))
                .isInstanceOfSatisfying(
                        InvalidQueueingInputException.class,
                        e -> assertThat(e.field()).isEqualTo("minimumServiceLevel"));
        assertThatThrownBy(() -> StaffingRequest.erlangC(Workload.ofErlangs(5, 240), 0.8, 20, 0))
                .isInstanceOfSatisfying(
                        InvalidQueueingInputException.class,
                        e -> assertThat(e.field()).isEqualTo("maximumOccupancy"));
        assertThatThrownBy(() -> StaffingRequest.erlangC(Workload.ofErlangs(5, 240), 0.8, 20, 1.01))
                .isInstanceOfSatisfying(
                        InvalidQueueingInputException.class,
                        e -> assertThat(e.field()).isEqualTo("maximumOccupancy"));
        assertThatThrownBy(() -> new ServiceLevelRule(-1, 5))
                .isInstanceOfSatisfying(
                        InvalidQueueingInputException.class,
                        e -> assertThat(e.field()).isEqualTo("thresholdSeconds"));
    }
}
