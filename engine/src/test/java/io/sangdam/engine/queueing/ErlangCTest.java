package io.sangdam.engine.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ErlangCTest {

    private static final double TOLERANCE = 1e-9;
    /** Below this a double has lost digits to underflow; there we compare logarithms instead. */
    private static final BigDecimal SMALLEST_COMPARED = new BigDecimal("1e-290");

    record Case(int agents, double erlangs, double handlingSeconds, double thresholdSeconds) {
        @Override
        public String toString() {
            return "c=" + agents + " a=" + erlangs + " AHT=" + handlingSeconds + " T=" + thresholdSeconds;
        }
    }

    /** Small and large c, light and heavy load, and the corners the issue names (20,000 agents, 15,000 Erlangs). */
    static List<Case> grid() {
        List<Case> cases = new ArrayList<>();
        int[] agentCounts = {1, 2, 3, 7, 20, 55, 170, 171, 500, 1_000, 4_000, 10_000, 20_000};
        double[] utilisations = {0.05, 0.5, 0.8, 0.95, 0.999};
        for (int agents : agentCounts) {
            for (double utilisation : utilisations) {
                cases.add(new Case(agents, utilisation * agents, 240, 20));
            }
        }
        cases.add(new Case(20_000, 15_000, 240, 20)); // B ≈ 1e-327: underflows a double
        cases.add(new Case(15_050, 15_000, 180, 30));
        cases.add(new Case(15_001, 15_000, 300, 10)); // c barely above a: C near 1, SL tiny
        cases.add(new Case(20_000, 19_999.5, 60, 120));
        cases.add(new Case(10, 0.001, 240, 20)); // almost no load: C tiny
        return cases;
    }

    @ParameterizedTest
    @MethodSource("grid")
    void erlangBMatchesTheDefiningSum(Case c) {
        Workload workload = Workload.ofErlangs(c.erlangs(), c.handlingSeconds());
        ErlangReference reference =
                ErlangReference.of(c.agents(), workload.erlangs(), c.handlingSeconds(), c.thresholdSeconds());
        double logBlocking = ErlangB.logBlocking(c.agents(), workload.erlangs());
        assertThat(Math.abs(logBlocking - HighPrecision.log(reference.blocking())))
                .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(logBlocking)));
        if (reference.blocking().compareTo(SMALLEST_COMPARED) > 0) {
            assertThat(HighPrecision.relativeError(
                            ErlangB.blocking(c.agents(), workload.erlangs()), reference.blocking()))
                    .isLessThanOrEqualTo(TOLERANCE);
        }
    }

    @ParameterizedTest
    @MethodSource("grid")
    void erlangCMatchesTheDefiningSumToNineDigits(Case c) {
        Workload workload = Workload.ofErlangs(c.erlangs(), c.handlingSeconds());
        ErlangReference reference =
                ErlangReference.of(c.agents(), workload.erlangs(), c.handlingSeconds(), c.thresholdSeconds());
        ErlangCMeasures measures =
                ErlangC.measures(c.agents(), workload, ServiceLevelRule.within(c.thresholdSeconds()));

        assertThat(measures.stable()).isTrue();
        assertThat(Math.abs(measures.logProbabilityOfWaiting() - HighPrecision.log(reference.waiting())))
                .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(measures.logProbabilityOfWaiting())));
        if (reference.waiting().compareTo(SMALLEST_COMPARED) > 0) {
            assertThat(HighPrecision.relativeError(measures.probabilityOfWaiting(), reference.waiting()))
                    .as("probability of waiting")
                    .isLessThanOrEqualTo(TOLERANCE);
            assertThat(HighPrecision.relativeError(measures.averageSpeedOfAnswerSeconds(), reference.speedOfAnswer()))
                    .as("ASA")
                    .isLessThanOrEqualTo(TOLERANCE);
        }
        assertThat(HighPrecision.relativeError(measures.serviceLevel(), reference.serviceLevel()))
                .as("service level")
                .isLessThanOrEqualTo(TOLERANCE);
        assertThat(measures.occupancy()).isEqualTo(workload.erlangs() / c.agents());
        assertThat(HighPrecision.relativeError(
                        ErlangC.probabilityOfWaiting(c.agents(), workload.erlangs()), reference.waiting()))
                .isLessThanOrEqualTo(reference.waiting().compareTo(SMALLEST_COMPARED) > 0 ? TOLERANCE : 1.0);
    }

    @Test
    void thePublishedTableValueIsReproduced() {
        // Erlang C tables give C(13 agents, 10 Erlangs) = 0.2853; with AHT 180 s the service level for
        // 20 s is then 1 − 0.2853 · e^(−3 · 20 / 180) = 0.7956.
        ErlangCMeasures measures = ErlangC.measures(13, new Workload(100, 1800, 180), ServiceLevelRule.within(20));
        assertThat(measures.probabilityOfWaiting()).isCloseTo(0.2853, org.assertj.core.data.Offset.offset(5e-5));
        assertThat(measures.serviceLevel()).isCloseTo(0.7956, org.assertj.core.data.Offset.offset(5e-5));
        assertThat(measures.averageSpeedOfAnswerSeconds())
                .isCloseTo(0.2853 * 180 / 3, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aLoadAtOrAboveTheAgentsNeverSettles() {
        ErlangCMeasures measures = ErlangC.measures(10, Workload.ofErlangs(10, 240), ServiceLevelRule.within(20));
        assertThat(measures.stable()).isFalse();
        assertThat(measures.probabilityOfWaiting()).isEqualTo(1.0);
        assertThat(measures.serviceLevel()).isZero();
        assertThat(measures.averageSpeedOfAnswerSeconds()).isInfinite();
    }

    @Test
    void noLoadMeansNoWaiting() {
        ErlangCMeasures measures = ErlangC.measures(3, new Workload(0, 1800, 240), ServiceLevelRule.within(20));
        assertThat(measures.probabilityOfWaiting()).isZero();
        assertThat(measures.serviceLevel()).isEqualTo(1.0);
        assertThat(measures.occupancy()).isZero();
    }

    @Test
    void invalidInputNamesTheField() {
        assertThatThrownBy(() -> new Workload(-1, 1800, 240))
                .isInstanceOfSatisfying(
                        InvalidQueueingInputException.class,
                        e -> assertThat(e.field()).isEqualTo("contacts"));
        assertThatThrownBy(() -> new Workload(10, 1800, 0))
                .isInstanceOfSatisfying(
                        InvalidQueueingInputException.class,
                        e -> assertThat(e.field()).isEqualTo("averageHandlingTimeSeconds"));
        assertThatThrownBy(() -> new Workload(Double.NaN, 1800, 240)).isInstanceOf(InvalidQueueingInputException.class);
        assertThatThrownBy(() -> ErlangC.measures(0, Workload.ofErlangs(1, 240), ServiceLevelRule.within(20)))
                .isInstanceOfSatisfying(
                        InvalidQueueingInputException.class,
                        e -> assertThat(e.field()).isEqualTo("agents"));
    }
}
