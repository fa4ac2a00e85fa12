package io.sangdam.bench.simulation;

import io.sangdam.engine.routing.AgentProfile;
import io.sangdam.engine.routing.Channel;
import io.sangdam.engine.routing.OverflowAction;
import io.sangdam.engine.routing.QueueDefinition;
import io.sangdam.engine.routing.QueueId;
import io.sangdam.engine.routing.RoutingConfiguration;
import io.sangdam.engine.routing.RoutingSettings;
import io.sangdam.engine.routing.SelectionStrategy;
import io.sangdam.engine.routing.SkillId;
import io.sangdam.engine.simulation.Demand;
import io.sangdam.engine.simulation.Distribution;
import io.sangdam.engine.simulation.Scenario;
import io.sangdam.engine.simulation.Simulation;
import io.sangdam.engine.simulation.SimulationReport;
import io.sangdam.engine.simulation.Staffing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One simulated day of a 10,000-agent center receiving 1,000,000 contacts (50 voice queues, 30
 * skills, arrivals 08:00-20:00 with a morning peak, AHT about 4.25 minutes with wrap-up, exponential patience),
 * through the real routing engine. Goal of issue 7: under 20 s on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SimulatedDayBenchmark {
    static final int AGENTS = 10_000;
    static final int CONTACTS = 1_000_000;
    static final int QUEUES = 50;
    static final int SKILLS = 30;

    Scenario scenario;

    @Nullable
    SimulationReport last;

    @Setup(Level.Trial)
    public void build() {
        scenario = day();
    }

    @TearDown(Level.Trial)
    public void report() {
        if (last != null) {
            SimulationReport.Row total = last.total(SimulationReport.ALL_QUEUES);
            System.out.printf(
                    "%n[day] offered %d, answered %d, abandoned %d, SL %.1f%%, ASA %.1f s, AHT %.1f s, occupancy"
                            + " %.1f%%, %d routing decisions%n",
                    total.offered(),
                    total.answered(),
                    total.abandoned(),
                    total.serviceLevel() * 100,
                    total.averageSpeedOfAnswer(),
                    total.averageHandlingTime(),
                    total.occupancy() * 100,
                    last.decisions());
        }
    }

    @Benchmark
    public SimulationReport simulateOneDay() {
        last = Simulation.run(scenario);
        return last;
    }

    static Scenario day() {
        SplittableRandom random = new SplittableRandom(17);
        List<QueueDefinition> queues = new ArrayList<>();
        List<Demand> demand = new ArrayList<>();
        double[] curve = new double[48];
        for (int interval = 16; interval < 40; interval++) {
            double hour = interval / 2.0;
            curve[interval] = 1.0
                    + 1.2 * Math.exp(-Math.pow(hour - 10.5, 2) / 2.0)
                    + 0.4 * Math.exp(-Math.pow(hour - 15, 2) / 3.0);
        }
        SelectionStrategy[] strategies = SelectionStrategy.values();
        for (int i = 0; i < QUEUES; i++) {
            String skill = "s" + (i % SKILLS);
            QueueDefinition queue = QueueDefinition.queue("q" + i, Channel.VOICE)
                    .requiring(skill, 1 + i % 5)
                    .withPriority(i % 3)
                    .choosing(strategies[i % strategies.length])
                    .withWrapUp(Duration.ofSeconds(15))
                    .overflowAfter(Duration.ofSeconds(60), new OverflowAction.LowerMinimumLevel(SkillId.of(skill), 1));
            queues.add(queue);
            demand.add(new Demand(
                    QueueId.of("q" + i),
                    (double) CONTACTS / QUEUES,
                    curve,
                    new Distribution.Exponential(240),
                    new Distribution.Exponential(180),
                    0));
        }
        List<Staffing> staffing = new ArrayList<>();
        int groups = 100;
        for (int g = 0; g < groups; g++) {
            AgentProfile profile =
                    AgentProfile.agent("template").withCapacity(Channel.CHAT, 0).withCapacity(Channel.EMAIL, 0);
            for (int k = 0; k < 6; k++) {
                profile = profile.withSkill("s" + random.nextInt(SKILLS), 1 + random.nextInt(10));
            }
            // Make sure every skill has someone at a high level.
            profile = profile.withSkill("s" + (g % SKILLS), 8);
            Duration start = g % 2 == 0 ? Duration.ofHours(8) : Duration.ofMinutes(8 * 60 + 30);
            staffing.add(new Staffing("g" + g, AGENTS / groups, profile, start, Duration.ofHours(12), 0.05));
        }
        RoutingConfiguration routing = new RoutingConfiguration(queues, Map.of(), RoutingSettings.DEFAULTS);
        return new Scenario(
                Instant.parse("2026-11-23T15:00:00Z"),
                Duration.ofMinutes(30),
                48,
                42,
                Duration.ofSeconds(5),
                routing,
                demand,
                staffing);
    }
}
