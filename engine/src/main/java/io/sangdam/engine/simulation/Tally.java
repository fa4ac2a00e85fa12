package io.sangdam.engine.simulation;

import io.sangdam.engine.routing.QueueDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Counters per queue and interval, filled while a simulation runs. Contacts are counted in the
 * interval they arrived in (the usual convention for service level), agent time in the interval it
 * was spent in.
 */
final class Tally {
    private final Scenario scenario;
    private final int queues;
    private final int intervals;
    private final long start;
    private final long intervalMillis;
    private final long shortAbandonMillis;
    private final long[] targetMillis;
    private final long[][] offered;
    private final long[][] answered;
    private final long[][] answeredInTarget;
    private final long[][] abandoned;
    private final long[][] shortAbandons;
    private final long[][] turnedAway;
    private final long[][] waitMillis;
    private final long[][] handled;
    private final long[][] handleMillis;
    private final long[] handlingAgentMillis;
    private final long[] idleAgentMillis;

    Tally(Scenario scenario, int queues) {
        this.scenario = scenario;
        this.queues = queues;
        this.intervals = scenario.intervals();
        this.start = scenario.start().toEpochMilli();
        this.intervalMillis = scenario.interval().toMillis();
        this.shortAbandonMillis = scenario.shortAbandon().toMillis();
        this.targetMillis = new long[queues];
        for (int i = 0; i < queues; i++) {
            targetMillis[i] =
                    scenario.routing().queues().get(i).serviceLevel().within().toMillis();
        }
        offered = new long[queues][intervals];
        answered = new long[queues][intervals];
        answeredInTarget = new long[queues][intervals];
        abandoned = new long[queues][intervals];
        shortAbandons = new long[queues][intervals];
        turnedAway = new long[queues][intervals];
        waitMillis = new long[queues][intervals];
        handled = new long[queues][intervals];
        handleMillis = new long[queues][intervals];
        handlingAgentMillis = new long[intervals];
        idleAgentMillis = new long[intervals];
    }

    void offered(int queue, int interval) {
        offered[queue][interval]++;
    }

    void answered(int queue, int interval, long waited) {
        answered[queue][interval]++;
        waitMillis[queue][interval] += waited;
        if (waited <= targetMillis[queue]) {
            answeredInTarget[queue][interval]++;
        }
    }

    void abandoned(int queue, int interval, long waited) {
        abandoned[queue][interval]++;
        if (waited < shortAbandonMillis) {
            shortAbandons[queue][interval]++;
        }
    }

    void turnedAway(int queue, int interval) {
        turnedAway[queue][interval]++;
    }

    void handled(int queue, int interval, long millis) {
        handled[queue][interval]++;
        handleMillis[queue][interval] += millis;
    }

    void handledMore(int queue, int interval, long millis) {
        handleMillis[queue][interval] += millis;
    }

    /** Adds agent time in one category, split over the intervals it spans. */
    void agentTime(int category, long from, long to) {
        long[] target = switch (category) {
            case 1 -> idleAgentMillis;
            case 2 -> handlingAgentMillis;
            default -> null;
        };
        if (target == null || to <= from) {
            return;
        }
        long at = Math.max(from, start);
        long end = Math.min(to, start + intervalMillis * intervals);
        while (at < end) {
            int interval = (int) ((at - start) / intervalMillis);
            long intervalEnd = Math.min(end, start + (interval + 1) * intervalMillis);
            target[interval] += intervalEnd - at;
            at = intervalEnd;
        }
    }

    SimulationReport report(long decisions) {
        List<SimulationReport.Row> rows = new ArrayList<>();
        List<QueueDefinition> definitions = scenario.routing().queues();
        long[] queueTotals = new long[9];
        for (int interval = 0; interval < intervals; interval++) {
            Instant intervalStart = Instant.ofEpochMilli(start + interval * intervalMillis);
            long[] all = new long[9];
            for (int queue = 0; queue < queues; queue++) {
                long[] values = values(queue, interval);
                for (int i = 0; i < values.length; i++) {
                    all[i] += values[i];
                }
                if (values[0] > 0 || values[1] > 0) {
                    rows.add(row(
                            intervalStart,
                            definitions.get(queue).id().value(),
                            values,
                            occupancy(handlingAgentMillis[interval], idleAgentMillis[interval])));
                }
            }
            if (all[0] > 0) {
                rows.add(row(
                        intervalStart,
                        SimulationReport.ALL_QUEUES,
                        all,
                        occupancy(handlingAgentMillis[interval], idleAgentMillis[interval])));
            }
        }
        long handling = 0;
        long idle = 0;
        for (int interval = 0; interval < intervals; interval++) {
            handling += handlingAgentMillis[interval];
            idle += idleAgentMillis[interval];
        }
        List<SimulationReport.Row> totals = new ArrayList<>();
        long[] all = new long[9];
        for (int queue = 0; queue < queues; queue++) {
            long[] sum = new long[9];
            for (int interval = 0; interval < intervals; interval++) {
                long[] values = values(queue, interval);
                for (int i = 0; i < values.length; i++) {
                    sum[i] += values[i];
                    all[i] += values[i];
                }
            }
            totals.add(row(null, definitions.get(queue).id().value(), sum, occupancy(handling, idle)));
        }
        totals.add(row(null, SimulationReport.ALL_QUEUES, all, occupancy(handling, idle)));
        return new SimulationReport(scenario.shortAbandon(), List.copyOf(rows), List.copyOf(totals), decisions);
    }

    private long[] values(int queue, int interval) {
        return new long[] {
            offered[queue][interval], answered[queue][interval], answeredInTarget[queue][interval],
            abandoned[queue][interval], shortAbandons[queue][interval], waitMillis[queue][interval],
            handled[queue][interval], handleMillis[queue][interval], turnedAway[queue][interval]
        };
    }

    private static double occupancy(long handling, long idle) {
        return handling + idle == 0 ? Double.NaN : (double) handling / (handling + idle);
    }

    private static SimulationReport.Row row(@Nullable Instant intervalStart, String queue, long[] v, double occupancy) {
        long offered = v[0];
        long answered = v[1];
        long inTarget = v[2];
        long abandoned = v[3];
        long shortAbandons = v[4];
        long base = offered - shortAbandons;
        double serviceLevel = base <= 0 ? Double.NaN : (double) inTarget / base;
        double asa = answered == 0 ? Double.NaN : v[5] / 1000.0 / answered;
        double aht = v[6] == 0 ? Double.NaN : v[7] / 1000.0 / v[6];
        return new SimulationReport.Row(
                intervalStart,
                queue,
                offered,
                answered,
                abandoned,
                shortAbandons,
                v[8],
                serviceLevel,
                asa,
                aht,
                occupancy);
    }
}
