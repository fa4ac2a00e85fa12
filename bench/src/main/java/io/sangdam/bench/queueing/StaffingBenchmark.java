package io.sangdam.bench.queueing;

import io.sangdam.engine.queueing.Shrinkage;
import io.sangdam.engine.queueing.StaffingRequest;
import io.sangdam.engine.queueing.StaffingResult;
import io.sangdam.engine.queueing.StaffingSolver;
import io.sangdam.engine.queueing.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Goals from issue 4: one staffing answer at 10,000 agents in under 1 ms; a full week of 30-minute
 * intervals (7 × 48) for 50 queues in under 1 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
public class StaffingBenchmark {

    /** 9,870 Erlangs (about 41,000 contacts per 30 min at AHT 216 s) needs about 10,000 agents for 80/20. */
    private static final double TEN_THOUSAND_AGENT_LOAD = 9_870;

    private StaffingRequest erlangCAtTenThousand;
    private StaffingRequest erlangAAtTenThousand;
    private List<StaffingRequest> weekOfFiftyQueues;
    private List<StaffingRequest> weekOfFiftyQueuesWithPatience;
    private final Shrinkage shrinkage = Shrinkage.total(0.3);

    @Setup
    public void prepare() {
        Workload tenThousand = Workload.ofErlangs(TEN_THOUSAND_AGENT_LOAD, 216);
        // No occupancy cap here (1.0): with a cap of 0.95 the answer would be ⌈a / 0.95⌉ = 10,390 and the
        // service-level search would never run.
        erlangCAtTenThousand = StaffingRequest.erlangC(tenThousand, 0.8, 20, 1.0);
        erlangAAtTenThousand = StaffingRequest.erlangA(tenThousand, 180, 0.8, 20, 1.0);
        weekOfFiftyQueues = new ArrayList<>();
        weekOfFiftyQueuesWithPatience = new ArrayList<>();
        for (int queue = 0; queue < 50; queue++) {
            // Queues from about 600 to 30,000 contacts a day, AHT 150..390 s.
            double dailyContacts = 600 * Math.pow(50, queue / 49.0);
            double handling = 150 + 5 * queue;
            for (int day = 0; day < 7; day++) {
                double dayFactor = day < 5 ? 1.0 + 0.08 * (4 - day) : 0.45;
                for (int interval = 0; interval < 48; interval++) {
                    double contacts = dailyContacts * dayFactor * intradayShare(interval);
                    Workload workload = new Workload(contacts, 1800, handling);
                    weekOfFiftyQueues.add(StaffingRequest.erlangC(workload, 0.8, 20, 0.9));
                    weekOfFiftyQueuesWithPatience.add(StaffingRequest.erlangA(workload, 120, 0.8, 20, 0.9));
                }
            }
        }
        StaffingResult check = StaffingSolver.solve(erlangCAtTenThousand);
        System.out.println("Erlang C answer at " + TEN_THOUSAND_AGENT_LOAD + " Erlangs: " + check.agents()
                + " agents, SL " + check.measures().serviceLevel());
        StaffingResult withPatience = StaffingSolver.solve(erlangAAtTenThousand);
        System.out.println("Erlang A answer: " + withPatience.agents() + " agents, SL "
                + withPatience.measures().serviceLevel());
    }

    /** Two peaks (10:30, 14:30) and a quiet night, summing to 1 over the 48 intervals. */
    private static double intradayShare(int interval) {
        double sum = 0;
        for (int i = 0; i < 48; i++) {
            sum += rawShape(i);
        }
        return rawShape(interval) / sum;
    }

    private static double rawShape(int interval) {
        double hour = (interval + 0.5) / 2;
        return Math.exp(-Math.pow((hour - 10.5) / 1.8, 2)) + 0.8 * Math.exp(-Math.pow((hour - 14.5) / 2.2, 2)) + 0.01;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int erlangCStaffingAtTenThousandAgents() {
        return StaffingSolver.solve(erlangCAtTenThousand).headcount(shrinkage);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int erlangAStaffingAtTenThousandAgents() {
        return StaffingSolver.solve(erlangAAtTenThousand).headcount(shrinkage);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int erlangCWeekOfIntervalsForFiftyQueues() {
        int headcount = 0;
        for (StaffingResult result : StaffingSolver.solveAll(weekOfFiftyQueues)) {
            headcount += result.headcount(shrinkage);
        }
        return headcount;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int erlangAWeekOfIntervalsForFiftyQueues() {
        int headcount = 0;
        for (StaffingResult result : StaffingSolver.solveAll(weekOfFiftyQueuesWithPatience)) {
            headcount += result.headcount(shrinkage);
        }
        return headcount;
    }
}
