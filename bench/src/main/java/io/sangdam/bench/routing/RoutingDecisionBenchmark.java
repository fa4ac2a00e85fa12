package io.sangdam.bench.routing;

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
import org.openjdk.jmh.annotations.TearDown;

/**
 * Routing decisions per second and per-decision latency at the size of issue 7: 10,000 agents,
 * 50,000 waiting contacts, 50 queues, 30 skills. One operation = one routing decision, measured
 * with everything around it (clock tick, end of the previous call, the accept and a replacement
 * arrival: four commands), so the figure is a lower bound for decisions alone.
 */
@State(Scope.Benchmark)
public class RoutingDecisionBenchmark {

    @Param("10000")
    int agents;

    @Param("50000")
    int waiting;

    @Param("50")
    int queues;

    @Param("30")
    int skills;

    BusyCenter center;
    long decisionsBefore;
    long operations;

    @Setup(Level.Trial)
    public void build() {
        center = new BusyCenter(agents, waiting, queues, skills);
        decisionsBefore = center.engine.decisions();
    }

    @TearDown(Level.Trial)
    public void report() {
        long decisions = center.engine.decisions() - decisionsBefore;
        System.out.printf(
                "%n[routing] %d operations, %d decisions (%.3f per operation), %d contacts waiting at the end%n",
                operations,
                decisions,
                operations == 0 ? 0.0 : (double) decisions / operations,
                center.engine.waitingContacts());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long decisionsPerSecond() {
        operations++;
        return center.cycle();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long decisionLatency() {
        operations++;
        return center.cycle();
    }

    /**
     * The decision alone: only the ContactEnded command that frees the agent and makes it pick and be
     * offered a contact is timed; the clock tick, accept and arrival run untimed around it.
     */
    @State(Scope.Benchmark)
    public static class DecisionOnly {
        BusyCenter center;

        @Setup(Level.Trial)
        public void build() {
            center = new BusyCenter(10_000, 50_000, 50, 30);
        }

        @Setup(Level.Invocation)
        public void before() {
            center.prepare();
        }

        @TearDown(Level.Invocation)
        public void after() {
            center.finish();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public BusyCenter decisionOnlyLatency(DecisionOnly state) {
        state.center.decide();
        return state.center;
    }
}
