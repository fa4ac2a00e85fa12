package io.sangdam.engine.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ErlangATest {

    private static final double TOLERANCE = 1e-9;

    record Case(int agents, double erlangs, double handlingSeconds, double patienceSeconds, double thresholdSeconds) {
        @Override
        public String toString() {
            return "n=" + agents + " a=" + erlangs + " AHT=" + handlingSeconds + " patience=" + patienceSeconds + " T="
                    + thresholdSeconds;
        }
    }

    /** Light to overloaded (Erlang A is stable above 100 %), impatient to patient, 1 to 20,000 agents. */
    static List<Case> grid() {
        List<Case> cases = new ArrayList<>();
        int[] agentCounts = {1, 4, 30, 250, 2_000};
        double[] utilisations = {0.3, 0.9, 1.0, 1.3};
        double[] patiences = {60, 240, 900};
        for (int agents : agentCounts) {
            for (double utilisation : utilisations) {
                for (double patience : patiences) {
                    cases.add(new Case(agents, utilisation * agents, 240, patience, 20));
                }
            }
        }
        cases.add(new Case(20_000, 15_000, 240, 120, 20));
        cases.add(new Case(20_000, 19_800, 240, 120, 20));
        cases.add(new Case(15_000, 15_300, 300, 600, 30));
        return cases;
    }

    @ParameterizedTest
    @MethodSource("grid")
    void matchesTheBirthDeathChainInSixtyDigits(Case c) {
        Workload workload = Workload.ofErlangs(c.erlangs(), c.handlingSeconds());
        var reference = ErlangAReference.of(
                c.agents(), workload.erlangs(), c.handlingSeconds(), c.patienceSeconds(), c.thresholdSeconds());
        ErlangAMeasures measures = ErlangA.measures(
                c.agents(), workload, c.patienceSeconds(), new ServiceLevelRule(c.thresholdSeconds(), 0));

        // The closed form for "answered eventually" agrees with the chain's abandonment: a check of the
        // formula itself, independent of the production code.
        assertThat(HighPrecision.relativeError(
                        1.0 - reference.abandonment().doubleValue(), reference.answeredEventually()))
                .isLessThan(1e-15);

        assertClose("probability of waiting", measures.probabilityOfWaiting(), reference.waiting());
        assertClose("abandonment", measures.abandonment(), reference.abandonment());
        assertClose("answered within T", measures.answeredWithinThreshold(), reference.answeredWithin());
        assertThat(measures.serviceLevel()).isEqualTo(measures.answeredWithinThreshold());
        assertClose("ASA", measures.averageSpeedOfAnswerSeconds(), reference.speedOfAnswer());
    }

    /** Relative error 1e-9; values a double cannot hold (below 1e-290) only have to come out tiny. */
    private static void assertClose(String measure, double actual, java.math.BigDecimal reference) {
        if (reference.compareTo(new java.math.BigDecimal("1e-290")) < 0) {
            assertThat(actual).as(measure).isLessThan(1e-280);
        } else {
            assertThat(HighPrecision.relativeError(actual, reference))
                    .as(measure)
                    .isLessThanOrEqualTo(TOLERANCE);
        }
    }

    /**
     * An independent check of the service-level formula: integrate the tagged contact's own Markov
     * chain (i contacts ahead; it moves forward at rate nμ + iθ and gives up at rate θ) numerically
     * over [0, T], weight by the chain's stationary law and compare.
     */
    @Test
    void serviceLevelAgreesWithTheTaggedContactsChain() {
        int agents = 10;
        double handling = 240;
        double patience = 120;
        double threshold = 30;
        double shortAbandon = 5;
        Workload workload = Workload.ofErlangs(10.5, handling);
        var reference = ErlangAReference.of(agents, workload.erlangs(), handling, patience, threshold);
        double[] queue = reference.queueStateProbabilities();

        double r = handling / patience;
        double[] answered = taggedContact(agents, r, queue.length, threshold / handling, true);
        double[] abandonedEarly = taggedContact(agents, r, queue.length, shortAbandon / handling, false);
        double answeredWithin = reference.notWaiting();
        double shortAbandonment = 0;
        for (int i = 0; i < queue.length; i++) {
            answeredWithin += queue[i] * answered[i];
            shortAbandonment += queue[i] * abandonedEarly[i];
        }

        ErlangAMeasures measures =
                ErlangA.measures(agents, workload, patience, new ServiceLevelRule(threshold, shortAbandon));
        assertThat(measures.answeredWithinThreshold()).isCloseTo(answeredWithin, offset(1e-10));
        assertThat(measures.shortAbandonment()).isCloseTo(shortAbandonment, offset(1e-10));
        assertThat(measures.serviceLevel()).isCloseTo(answeredWithin / (1 - shortAbandonment), offset(1e-10));
    }

    /**
     * RK4 on the backward equations of the tagged contact's chain. With {@code answered} it returns
     * P(answered by t | i ahead), else P(abandoned by t | i ahead); time in units of AHT.
     */
    private static double[] taggedContact(int agents, double r, int states, double time, boolean answered) {
        int steps = 20_000;
        double h = time / steps;
        double[] u = new double[states];
        for (int step = 0; step < steps; step++) {
            double[] k1 = derivative(u, agents, r, answered);
            double[] k2 = derivative(add(u, k1, h / 2), agents, r, answered);
            double[] k3 = derivative(add(u, k2, h / 2), agents, r, answered);
            double[] k4 = derivative(add(u, k3, h), agents, r, answered);
            for (int i = 0; i < states; i++) {
                u[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        return u;
    }

    private static double[] derivative(double[] u, int agents, double r, boolean answered) {
        double[] d = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            double next = i == 0 ? (answered ? 1.0 : 0.0) : u[i - 1];
            d[i] = (agents + i * r) * (next - u[i]) + r * ((answered ? 0.0 : 1.0) - u[i]);
        }
        return d;
    }

    private static double[] add(double[] u, double[] k, double h) {
        double[] result = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            result[i] = u[i] + h * k[i];
        }
        return result;
    }

    @Test
    void veryPatientCustomersMakeItErlangC() {
        Workload workload = Workload.ofErlangs(90, 240);
        ServiceLevelRule rule = new ServiceLevelRule(20, 0);
        ErlangCMeasures erlangC = ErlangC.measures(100, workload, rule);
        ErlangAMeasures erlangA = ErlangA.measures(100, workload, 240 * 1e6, rule);
        assertThat(erlangA.probabilityOfWaiting()).isCloseTo(erlangC.probabilityOfWaiting(), offset(1e-5));
        assertThat(erlangA.serviceLevel()).isCloseTo(erlangC.serviceLevel(), offset(1e-5));
        assertThat(erlangA.averageSpeedOfAnswerSeconds())
                .isCloseTo(erlangC.averageSpeedOfAnswerSeconds(), offset(1e-2));
        assertThat(erlangA.abandonment()).isLessThan(1e-5);
    }

    @Test
    void patienceEqualToHandlingTimeGivesThePoissonLaw() {
        // With θ = μ every contact leaves at rate μ whether waiting or served, so N ~ Poisson(a).
        double erlangs = 12;
        int agents = 10;
        double poissonBelow = 0;
        double term = Math.exp(-erlangs);
        for (int k = 0; k < agents; k++) {
            poissonBelow += term;
            term *= erlangs / (k + 1);
        }
        ErlangAMeasures measures =
                ErlangA.measures(agents, Workload.ofErlangs(erlangs, 240), 240, ServiceLevelRule.within(20));
        assertThat(measures.probabilityOfWaiting()).isCloseTo(1 - poissonBelow, offset(1e-13));
    }

    @Test
    void productServiceLevelExcludesShortAbandonsFromBothSides() {
        Workload workload = Workload.ofErlangs(48, 240);
        ErlangAMeasures withExclusion = ErlangA.measures(45, workload, 90, ServiceLevelRule.within(20));
        assertThat(withExclusion.shortAbandonment()).isPositive();
        assertThat(withExclusion.serviceLevel())
                .isCloseTo(
                        withExclusion.answeredWithinThreshold() / (1 - withExclusion.shortAbandonment()), offset(1e-15))
                .isGreaterThan(withExclusion.answeredWithinThreshold());
    }

    @Test
    void stableEvenWhenOverloaded() {
        ErlangAMeasures measures =
                ErlangA.measures(100, Workload.ofErlangs(200, 240), 120, ServiceLevelRule.within(20));
        assertThat(measures.probabilityOfWaiting()).isGreaterThan(0.99);
        assertThat(measures.abandonment()).isBetween(0.45, 0.55);
        assertThat(measures.occupancy()).isLessThanOrEqualTo(1.0).isGreaterThan(0.99);
    }

    @Test
    void rejectsImpossiblePatience() {
        assertThatThrownBy(() -> ErlangA.measures(10, Workload.ofErlangs(5, 240), 0, ServiceLevelRule.within(20)))
                .isInstanceOfSatisfying(
                        InvalidQueueingInputException.class,
                        e -> assertThat(e.field()).isEqualTo("averagePatienceSeconds"));
    }
}
