package io.sangdam.engine.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every computation a caller can start ends soon, whatever the input (issue 15, finding 3): a
 * patience of 1e308 seconds ran a staffing question for 125 s, two billion agents an Erlang figure
 * for 11 s. Inputs that would need that long are refused, naming the field, in well under a second.
 */
class ComputationBoundsTest {

    private static final ServiceLevelRule RULE = ServiceLevelRule.within(20);

    @Test
    void anAbsurdPatienceIsRefusedQuicklyInsteadOfSummingForMinutes() {
        Workload workload = new Workload(1200, 1800, 240);
        long started = System.nanoTime();
        assertThatThrownBy(() -> StaffingSolver.solve(StaffingRequest.erlangA(workload, 1e308, 0.8, 20, 1.0)))
                .isInstanceOfSatisfying(
                        InvalidQueueingInputException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("averagePatienceSeconds"));
        assertThatThrownBy(() -> ErlangA.measures(160, workload, 1e308, RULE))
                .isInstanceOf(InvalidQueueingInputException.class);
        assertThat(elapsedMillis(started)).isLessThan(2_000);
    }

    @Test
    void aPatienceTooLongForTheSeriesInOverloadIsRefusedRatherThanTruncated() {
        // 20,000 Erlangs, a day's patience against a one-second handling time, far too few agents:
        // the series would need billions of terms; the old loop stopped at 10^8 and returned the
        // truncated sum as if it were exact.
        Workload workload = Workload.ofErlangs(20_000, 1);
        long started = System.nanoTime();
        assertThatThrownBy(() -> ErlangA.measures(100, workload, 86_400, RULE))
                .isInstanceOf(InvalidQueueingInputException.class);
        assertThat(elapsedMillis(started)).isLessThan(2_000);
    }

    @Test
    void twoBillionAgentsAreRefusedInsteadOfRecursedOneByOne() {
        Workload workload = new Workload(1200, 1800, 240);
        long started = System.nanoTime();
        assertThatThrownBy(() -> ErlangC.measures(2_000_000_000, workload, RULE))
                .isInstanceOfSatisfying(
                        InvalidQueueingInputException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("agents"));
        assertThatThrownBy(() -> ErlangA.measures(2_000_000_000, workload, 90, RULE))
                .isInstanceOf(InvalidQueueingInputException.class);
        assertThat(elapsedMillis(started)).isLessThan(1_000);
    }

    @Test
    void aSampledCurveEqualsTheFullCurveAtItsPoints() {
        StaffingRequest request = StaffingRequest.erlangA(new Workload(1200, 1800, 240), 120, 0.8, 20, 1.0);
        List<QueueMeasures> full = StaffingSolver.curve(request, 150, 190);
        List<QueueMeasures> sampled = StaffingSolver.curveAt(request, new int[] {150, 160, 171, 190});
        assertThat(sampled).containsExactly(full.get(0), full.get(10), full.get(21), full.get(40));
        assertThatThrownBy(() -> StaffingSolver.curveAt(request, new int[] {160, 150}))
                .isInstanceOf(InvalidQueueingInputException.class);
    }

    private static long elapsedMillis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
