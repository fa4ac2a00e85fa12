package io.sangdam.workforce;

import io.sangdam.engine.simulation.Distribution;
import io.sangdam.engine.simulation.Scenario;
import io.sangdam.engine.simulation.Simulation;
import io.sangdam.engine.simulation.SimulationReport;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.QueueCode;
import io.sangdam.routing.QueueSettings;
import io.sangdam.routing.SimulatedRouting;
import io.sangdam.workforce.WorkforcePlanning.Plan;
import io.sangdam.workforce.WorkforcePlanning.PlanRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * "Try this plan": plays the plan's day through the routing engine with simulated customers and
 * agents, several times with different seeds, and sets the simulated service level of each
 * interval beside the Erlang figure the plan was made with. Where they differ, the formula's
 * assumptions (steady state inside an interval, one queue, no shift edges) do not hold.
 *
 * <p>Runs are kept in memory on the node that started them for {@link #KEPT_FOR}; they are cheap
 * to repeat, and a plan is not personal data.
 */
@Service
class PlanSimulations {

    static final int REPLICATIONS = 10;
    static final Duration KEPT_FOR = Duration.ofMinutes(30);
    static final int MAXIMUM_RUNNING = 4;
    /**
     * The most contacts one replication plays. A simulation costs time in proportion to its
     * contacts, and an imported history may forecast millions: a week of a very large queue
     * (1,200 contacts a half hour) is about 400,000, so this leaves room and still ends in minutes
     * (a simulated day of a million contacts takes about 13 s, docs/performance.md; ten replications).
     */
    static final double MAXIMUM_CONTACTS = 2_000_000;

    private static final double T_95 = 2.262;
    private static final Logger log = LoggerFactory.getLogger(PlanSimulations.class);

    private final Map<UUID, Run> runs = new ConcurrentHashMap<>();
    private final Clock clock;

    PlanSimulations(Clock clock) {
        this.clock = clock;
    }

    record IntervalComparison(
            LocalDateTime intervalStart,
            double forecastContacts,
            int agents,
            @Nullable Double erlangServiceLevel,
            @Nullable Double simulatedServiceLevel,
            @Nullable Double confidenceHalfWidth,
            @Nullable Double simulatedAverageSpeedOfAnswer,
            double simulatedOffered,
            double simulatedAbandoned) {}

    /** A simulation of one plan: its progress while it runs, then its comparison. */
    static final class Run {

        private final UUID id;
        private final long centerId;
        private final Plan plan;
        private final Instant started;
        private final AtomicInteger finished = new AtomicInteger();
        private volatile @Nullable List<IntervalComparison> comparison;
        private volatile @Nullable String failure;

        Run(UUID id, long centerId, Plan plan, Instant started) {
            this.id = id;
            this.centerId = centerId;
            this.plan = plan;
            this.started = started;
        }

        public UUID id() {
            return id;
        }

        public Plan plan() {
            return plan;
        }

        public int finishedReplications() {
            return finished.get();
        }

        public int replications() {
            return REPLICATIONS;
        }

        public int percent() {
            return finished.get() * 100 / REPLICATIONS;
        }

        public boolean done() {
            return comparison != null || failure != null;
        }

        public @Nullable List<IntervalComparison> comparison() {
            return comparison;
        }

        public @Nullable String failure() {
            return failure;
        }

        /** Simulated over Erlang, across the intervals with contacts: a one-line verdict. */
        public @Nullable Double simulatedServiceLevelOverall() {
            return overall(true);
        }

        public @Nullable Double erlangServiceLevelOverall() {
            return overall(false);
        }

        private @Nullable Double overall(boolean simulated) {
            List<IntervalComparison> rows = comparison;
            if (rows == null) {
                return null;
            }
            double weighted = 0;
            double weights = 0;
            for (IntervalComparison row : rows) {
                Double value = simulated ? row.simulatedServiceLevel() : row.erlangServiceLevel();
                if (value != null) {
                    weighted += value * row.forecastContacts();
                    weights += row.forecastContacts();
                }
            }
            return weights == 0 ? null : weighted / weights;
        }
    }

    Run start(Plan plan, long centerId, ZoneId zone, @Nullable QueueSettings rules) {
        if (plan.contacts() > MAXIMUM_CONTACTS) {
            throw RequestRejected.badRequest(
                    "simulation-too-large", Math.round(plan.contacts()), (long) MAXIMUM_CONTACTS);
        }
        forgetOld();
        long running = runs.values().stream().filter(r -> !r.done()).count();
        if (running >= MAXIMUM_RUNNING) {
            throw RequestRejected.conflict("too-many-simulations", MAXIMUM_RUNNING);
        }
        var run = new Run(UUID.randomUUID(), centerId, plan, clock.instant());
        runs.put(run.id(), run);
        Thread.ofVirtual().name("plan-simulation-" + run.id()).start(() -> simulate(run, zone, rules));
        return run;
    }

    /**
     * A run of one of the centers the asker sees. A run of another center is as unknown as a run
     * that never was: its id alone must not show another center's forecast and staffing.
     */
    Optional<Run> find(UUID id, java.util.Collection<Long> visibleCenters) {
        return Optional.ofNullable(runs.get(id)).filter(run -> visibleCenters.contains(run.centerId));
    }

    private void simulate(Run run, ZoneId zone, @Nullable QueueSettings rules) {
        try {
            Plan plan = run.plan();
            List<PlanRow> rows = plan.rows();
            int intervals = rows.size();
            double[][] serviceLevels = new double[REPLICATIONS][intervals];
            double[][] speeds = new double[REPLICATIONS][intervals];
            double[][] offered = new double[REPLICATIONS][intervals];
            double[][] abandoned = new double[REPLICATIONS][intervals];
            for (int replication = 0; replication < REPLICATIONS; replication++) {
                SimulationReport report = Simulation.run(scenario(plan, zone, 7919L * (replication + 1), rules));
                // The report leaves out intervals in which nothing happened: match rows by their start.
                Map<Instant, SimulationReport.Row> byStart = new java.util.HashMap<>();
                report.intervals().stream()
                        .filter(r -> r.queue().equals(plan.queue()) && r.intervalStart() != null)
                        .forEach(r -> byStart.put(r.intervalStart(), r));
                for (int interval = 0; interval < intervals; interval++) {
                    SimulationReport.Row row = byStart.get(
                            rows.get(interval).intervalStart().atZone(zone).toInstant());
                    if (row == null) {
                        serviceLevels[replication][interval] = Double.NaN;
                        speeds[replication][interval] = Double.NaN;
                        continue;
                    }
                    serviceLevels[replication][interval] = row.serviceLevel();
                    speeds[replication][interval] = row.averageSpeedOfAnswer();
                    offered[replication][interval] = row.offered();
                    abandoned[replication][interval] = row.abandoned();
                }
                run.finished.incrementAndGet();
            }
            List<IntervalComparison> comparison = new ArrayList<>();
            for (int interval = 0; interval < intervals; interval++) {
                PlanRow row = rows.get(interval);
                Statistics sl = Statistics.of(serviceLevels, interval);
                Statistics asa = Statistics.of(speeds, interval);
                comparison.add(new IntervalComparison(
                        row.intervalStart(),
                        row.contacts(),
                        row.agents(),
                        row.serviceLevel(),
                        sl.mean(),
                        sl.halfWidth(),
                        asa.mean(),
                        Statistics.of(offered, interval).meanOrZero(),
                        Statistics.of(abandoned, interval).meanOrZero()));
            }
            run.comparison = List.copyOf(comparison);
        } catch (RuntimeException failure) {
            log.error("Plan simulation {} failed", run.id(), failure);
            run.failure = failure.getClass().getSimpleName();
        }
    }

    /**
     * The plan as a scenario: one queue requiring the queue's skill, its forecast as the arrival
     * curve, exponential handling with the plan's mean AHT, and agents in shifts: the k-th agent
     * works every run of intervals that needs at least k agents, so people stay on through
     * neighbouring intervals as they would on a real roster.
     */
    static Scenario scenario(Plan plan, ZoneId zone, long seed) {
        return scenario(plan, zone, seed, null);
    }

    /**
     * The plan as a scenario on the queue's real routing rules when the center routes that queue
     * (strategy, minimum skill level, wrap-up, priority), else on plain defaults. Agents take one
     * contact at a time, as Erlang assumes, whatever the queue's channel.
     */
    static Scenario scenario(Plan plan, ZoneId zone, long seed, @Nullable QueueSettings rules) {
        List<PlanRow> rows = plan.rows();
        Duration interval = Duration.ofMinutes(plan.intervalMinutes());
        double[] curve = rows.stream().mapToDouble(PlanRow::contacts).toArray();
        double contacts = rows.stream().mapToDouble(PlanRow::contacts).sum();
        double handling = contacts == 0
                ? 300
                : rows.stream()
                                .mapToDouble(r -> r.contacts() * r.handlingSeconds())
                                .sum()
                        / contacts;
        // AHT already holds after-contact work: the simulated talk time leaves out the queue's wrap-up.
        double talk = rules == null ? handling : Math.max(1, handling - rules.wrapUpSeconds());
        Distribution patience = plan.targets().patienceSeconds() == null
                ? new Distribution.Exponential(1e9)
                : new Distribution.Exponential(plan.targets().patienceSeconds());
        List<SimulatedRouting.Shift> shifts = new ArrayList<>();
        int peak = rows.stream().mapToInt(PlanRow::agents).max().orElse(0);
        for (int k = 1; k <= peak; k++) {
            int runStart = -1;
            for (int i = 0; i <= rows.size(); i++) {
                boolean working = i < rows.size() && rows.get(i).agents() >= k;
                if (working && runStart < 0) {
                    runStart = i;
                } else if (!working && runStart >= 0) {
                    shifts.add(new SimulatedRouting.Shift(
                            "agent-" + k + "-" + runStart,
                            interval.multipliedBy(runStart),
                            interval.multipliedBy(i - runStart)));
                    runStart = -1;
                }
            }
        }
        Instant start = plan.firstDay().atStartOfDay(zone).toInstant();
        return SimulatedRouting.oneQueue(
                QueueCode.of(plan.queue()),
                rules,
                plan.targets().serviceLevel(),
                Duration.ofMillis((long) (plan.targets().thresholdSeconds() * 1000)),
                new SimulatedRouting.Day(start, interval, rows.size(), seed),
                new SimulatedRouting.Arrivals(contacts, curve, new Distribution.Exponential(talk), patience),
                shifts);
    }

    private void forgetOld() {
        Instant limit = clock.instant().minus(KEPT_FOR);
        runs.values().removeIf(run -> run.done() && run.started.isBefore(limit));
    }

    private record Statistics(
            @Nullable Double mean, @Nullable Double halfWidth, double meanOrZero) {

        static Statistics of(double[][] values, int interval) {
            double sum = 0;
            int count = 0;
            for (double[] replication : values) {
                if (Double.isFinite(replication[interval])) {
                    sum += replication[interval];
                    count++;
                }
            }
            if (count == 0) {
                return new Statistics(null, null, 0);
            }
            double mean = sum / count;
            double squares = 0;
            for (double[] replication : values) {
                if (Double.isFinite(replication[interval])) {
                    squares += (replication[interval] - mean) * (replication[interval] - mean);
                }
            }
            Double halfWidth = count > 1 ? T_95 * Math.sqrt(squares / (count - 1) / count) : null;
            return new Statistics(mean, halfWidth, mean);
        }
    }
}
