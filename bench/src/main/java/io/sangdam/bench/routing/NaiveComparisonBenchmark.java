package io.sangdam.bench.routing;

import io.sangdam.engine.routing.AgentProfile;
import io.sangdam.engine.routing.RoutingConfiguration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine beside a linear-scan router on the same center and the same cycle (a call ends, the
 * freed agent takes the best waiting contact, a new contact arrives), at 100, 1,000 and 10,000
 * agents with five waiting contacts per agent, 50 queues, 30 skills. Compare the two scores of one
 * agent count from the same run; the ratio is the point, not the absolute numbers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NaiveComparisonBenchmark {
    private static final int QUEUES = 50;
    private static final int SKILLS = 30;

    @Param({"100", "1000", "10000"})
    int agents;

    BusyCenter engine;
    NaiveRouter naive;
    SplittableRandom random;
    long now;
    int turn;

    @Setup(Level.Trial)
    public void build() {
        engine = new BusyCenter(agents, agents * 5, QUEUES, SKILLS);
        RoutingConfiguration configuration = LargeCenter.configuration(QUEUES, SKILLS);
        naive = new NaiveRouter(configuration, SKILLS);
        random = new SplittableRandom(11);
        List<AgentProfile> profiles = LargeCenter.agents(agents, SKILLS, 5);
        for (AgentProfile profile : profiles) {
            naive.logIn(profile, SKILLS, now);
        }
        while (naive.waiting.size() < agents * 5) {
            naive.arrive(new NaiveRouter.Contact(random.nextInt(QUEUES), random.nextInt(3), now++));
        }
    }

    @Benchmark
    public long engine() {
        return engine.cycle();
    }

    @Benchmark
    public long naive() {
        now++;
        NaiveRouter.Agent agent = null;
        NaiveRouter.Contact ended = null;
        for (int tries = 0; tries < naive.agents.size() && agent == null; tries++) {
            NaiveRouter.Agent candidate = naive.agents.get(turn);
            turn = (turn + 1) % naive.agents.size();
            if (candidate.holding != null) {
                agent = candidate;
                ended = candidate.holding;
            }
        }
        if (agent == null || ended == null) {
            throw new IllegalStateException("no agent holds a contact");
        }
        naive.finish(agent, now);
        NaiveRouter.Contact taken = agent.holding;
        naive.arrive(new NaiveRouter.Contact(taken == null ? ended.queue : taken.queue, random.nextInt(3), now));
        return naive.decisions;
    }
}
