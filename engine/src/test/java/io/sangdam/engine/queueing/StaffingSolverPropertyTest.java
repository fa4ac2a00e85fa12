package io.sangdam.engine.queueing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random staffing requests (Erlang C and A, every kind of target, occupancy caps, agent caps):
 * the answer must meet the request and one agent fewer must not. The seed is printed in the failure
 * message; rerun with it to reproduce.
 */
class StaffingSolverPropertyTest {

    private static final long SEED = Long.getLong("sangdam.seed", 4_2026_1124L);
    private static final int REQUESTS = 300;

    @Test
    void everyAnswerIsTheFewestAgentsThatMeetTheRequest() {
        Random random = new Random(SEED);
        for (int i = 0; i < REQUESTS; i++) {
            StaffingRequest request = randomRequest(random);
            String context = "seed " + SEED + ", request " + i + ": " + request;
            StaffingResult result = StaffingSolver.solve(request);
            if (result instanceof StaffingResult.TargetUnreachable unreachable) {
                assertThat(unreachable.agents()).as(context).isEqualTo(request.maximumAgents());
                assertThat(request.isMetBy(measures(request, request.maximumAgents())))
                        .as(context)
                        .isFalse();
                continue;
            }
            int agents = result.agents();
            assertThat(request.isMetBy(result.measures())).as(context).isTrue();
            assertThat(result.measures()).as(context).isEqualTo(measures(request, agents));
            if (agents > 1) {
                assertThat(request.isMetBy(measures(request, agents - 1)))
                        .as(context + " at " + (agents - 1))
                        .isFalse();
            }
        }
    }

    private static QueueMeasures measures(StaffingRequest request, int agents) {
        Double patience = request.averagePatienceSeconds();
        return patience == null
                ? ErlangC.measures(agents, request.workload(), request.serviceLevelRule())
                : ErlangA.measures(agents, request.workload(), patience, request.serviceLevelRule());
    }

    private static StaffingRequest randomRequest(Random random) {
        double erlangs = Math.exp(Math.log(0.05) + random.nextDouble() * Math.log(3000 / 0.05));
        double handling = 60 + random.nextDouble() * 540;
        Workload workload = Workload.ofErlangs(erlangs, handling);
        Double patience = random.nextBoolean() ? 20 + random.nextDouble() * 880 : null;
        double threshold = new double[] {0, 10, 20, 30, 60}[random.nextInt(5)];
        ServiceLevelRule rule = new ServiceLevelRule(threshold, random.nextBoolean() ? 5 : 0);
        List<StaffingTarget> targets = new ArrayList<>();
        if (random.nextInt(4) != 0) {
            targets.add(new ServiceLevelTarget(0.5 + random.nextDouble() * 0.45));
        }
        if (random.nextInt(3) == 0) {
            targets.add(new AverageSpeedOfAnswerTarget(2 + random.nextDouble() * 60));
        }
        if (patience != null && random.nextInt(3) == 0) {
            targets.add(new AbandonmentTarget(0.01 + random.nextDouble() * 0.1));
        }
        if (targets.isEmpty()) {
            targets.add(new ServiceLevelTarget(0.8));
        }
        double maximumOccupancy = random.nextBoolean() ? 1.0 : 0.7 + random.nextDouble() * 0.3;
        int maximumAgents =
                random.nextInt(5) == 0 ? Math.max(1, (int) (erlangs * (0.8 + random.nextDouble() * 0.4))) : 100_000;
        return new StaffingRequest(workload, patience, rule, targets, maximumOccupancy, maximumAgents);
    }
}
