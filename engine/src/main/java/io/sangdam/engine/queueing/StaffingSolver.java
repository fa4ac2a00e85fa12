package io.sangdam.engine.queueing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * 적정인원 산정: the fewest agents that meet a {@link StaffingRequest}.
 *
 * <p>Erlang C: no target can be met with a ≥ c agents (the queue never settles), and every measure
 * improves with each added agent, so the solver starts at ⌊a⌋ + 1 (or at the occupancy floor a /
 * cap, whichever is higher) and steps upward, one O(1) Erlang B step per agent. Answers lie about β√a
 * above a for some small β, so an answer at 10,000 agents costs about a thousand warm-started
 * recursion steps (see {@link ErlangBRecursion#startingNear}) plus a few hundred checks.
 *
 * <p>Erlang A: the queue is stable at any load and the answer may lie below a. Each evaluation sums
 * series of O(κ) terms, so the solver gallops from ⌈a⌉ in steps of √a, doubling, to bracket the
 * answer, then bisects. Erlang B values come from one table filled once by the exact recursion.
 * Bisection assumes that service level and occupancy-compliance improve and ASA and abandonment fall
 * as agents are added, which holds for M/M/c+M.
 */
public final class StaffingSolver {

    private StaffingSolver() {}

    /** Solves one request. */
    public static StaffingResult solve(StaffingRequest request) {
        Workload workload = request.workload();
        if (workload.erlangs() == 0) {
            return new StaffingResult.TargetMet(0, idle(request));
        }
        Double patience = request.averagePatienceSeconds();
        return patience == null ? solveErlangC(request) : solveErlangA(request, patience);
    }

    /** Solves many requests, for example every interval of a week for every queue. */
    public static List<StaffingResult> solveAll(List<StaffingRequest> requests) {
        List<StaffingResult> results = new ArrayList<>(requests.size());
        for (StaffingRequest request : requests) {
            results.add(solve(request));
        }
        return results;
    }

    /**
     * The measures for every agent count from {@code fromAgents} to {@code toAgents}, for the chart of
     * service level and ASA against agents.
     */
    public static List<QueueMeasures> curve(StaffingRequest request, int fromAgents, int toAgents) {
        InvalidQueueingInputException.requireAgents("fromAgents", fromAgents);
        if (toAgents < fromAgents) {
            throw new InvalidQueueingInputException("toAgents", "must not be below fromAgents (" + fromAgents + ")");
        }
        return curveAt(
                request,
                java.util.stream.IntStream.rangeClosed(fromAgents, toAgents).toArray());
    }

    /**
     * The measures at the given agent counts only (ascending, each at least 1), for a chart that shows
     * a few dozen points of a range of thousands: one Erlang B recursion walks the range, but the
     * costly Erlang A series is summed only where a point is shown.
     */
    public static List<QueueMeasures> curveAt(StaffingRequest request, int[] agentCounts) {
        Workload workload = request.workload();
        double erlangs = workload.erlangs();
        Double patience = request.averagePatienceSeconds();
        List<QueueMeasures> curve = new ArrayList<>(agentCounts.length);
        ErlangBRecursion recursion = erlangs == 0 ? null : new ErlangBRecursion(erlangs);
        int previous = 0;
        for (int agents : agentCounts) {
            InvalidQueueingInputException.requireAgents("agentCounts", agents);
            if (agents <= previous) {
                throw new InvalidQueueingInputException(
                        "agentCounts", "must ascend, " + agents + " follows " + previous);
            }
            previous = agents;
            if (recursion == null) {
                curve.add(ErlangC.measures(agents, workload, request.serviceLevelRule(), Double.NEGATIVE_INFINITY));
                continue;
            }
            recursion.advanceTo(agents - 1);
            double logBelow = recursion.logBlocking();
            recursion.step();
            curve.add(
                    patience == null
                            ? ErlangC.measures(agents, workload, request.serviceLevelRule(), recursion.logBlocking())
                            : ErlangA.measures(agents, workload, patience, request.serviceLevelRule(), logBelow));
        }
        return curve;
    }

    private static StaffingResult solveErlangC(StaffingRequest request) {
        Workload workload = request.workload();
        double erlangs = workload.erlangs();
        ServiceLevelRule rule = request.serviceLevelRule();
        int cap = request.maximumAgents();
        // The occupancy floor can be off by one ulp either way; start one below and let the check decide.
        double occupancyFloor = Math.ceil(erlangs / request.maximumOccupancy()) - 1;
        double start = Math.max(Math.floor(erlangs) + 1, occupancyFloor);
        if (start > cap) {
            return unreachable(request, ErlangC.measures(cap, workload, rule));
        }
        ErlangBRecursion recursion = ErlangBRecursion.at(erlangs, (int) start);
        ErlangCMeasures measures;
        while (true) {
            measures = ErlangC.measures(recursion.servers(), workload, rule, recursion.logBlocking());
            if (request.isMetBy(measures)) {
                return new StaffingResult.TargetMet(recursion.servers(), measures);
            }
            if (recursion.servers() >= cap) {
                return unreachable(request, measures);
            }
            recursion.step();
        }
    }

    private static StaffingResult solveErlangA(StaffingRequest request, double patience) {
        ErlangAEvaluations evaluations = new ErlangAEvaluations(request, patience);
        int cap = request.maximumAgents();
        double erlangs = request.workload().erlangs();
        int step = (int) Math.max(1, Math.ceil(Math.sqrt(erlangs)));
        int met = (int) Math.min(cap, Math.max(1, Math.ceil(erlangs)));
        int notMet;
        if (evaluations.isMet(met)) {
            // Gallop down until a count fails (0 agents always fails).
            notMet = met;
            while (true) {
                notMet = Math.max(0, met - step);
                if (notMet == 0 || !evaluations.isMet(notMet)) {
                    break;
                }
                met = notMet;
                step *= 2;
            }
        } else {
            notMet = met;
            while (true) {
                if (notMet >= cap) {
                    return unreachable(request, evaluations.measures(cap));
                }
                met = (int) Math.min(cap, (long) notMet + step);
                if (evaluations.isMet(met)) {
                    break;
                }
                notMet = met;
                step *= 2;
            }
        }
        while (met - notMet > 1) {
            int middle = notMet + (met - notMet) / 2;
            if (evaluations.isMet(middle)) {
                met = middle;
            } else {
                notMet = middle;
            }
        }
        return new StaffingResult.TargetMet(met, evaluations.measures(met));
    }

    private static StaffingResult unreachable(StaffingRequest request, QueueMeasures best) {
        String failing = request.targets().stream()
                .filter(target -> !target.isMetBy(best))
                .map(StaffingTarget::describe)
                .collect(Collectors.joining(", "));
        if (best.occupancy() > request.maximumOccupancy()) {
            failing = (failing.isEmpty() ? "" : failing + ", ") + "occupancy at most " + request.maximumOccupancy();
        }
        return new StaffingResult.TargetUnreachable(
                best.agents(), best, "not met with the maximum of " + best.agents() + " agents: " + failing);
    }

    private static QueueMeasures idle(StaffingRequest request) {
        ServiceLevelRule rule = request.serviceLevelRule();
        Double patience = request.averagePatienceSeconds();
        if (patience == null) {
            return new ErlangCMeasures(0, 0.0, rule, true, 0.0, Double.NEGATIVE_INFINITY, 1.0, 0.0, 0.0);
        }
        return new ErlangAMeasures(0, 0.0, rule, patience, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0);
    }

    /** Erlang A measures by agent count, with ln B(k, a) kept in a table filled by one recursion. */
    private static final class ErlangAEvaluations {
        private final StaffingRequest request;
        private final double patience;
        private final ErlangBRecursion recursion;
        private double[] logBlocking = new double[64];
        /** The bisection ends on a count it has already evaluated; keep the last few. */
        private final java.util.Map<Integer, ErlangAMeasures> evaluated = new java.util.HashMap<>();

        ErlangAEvaluations(StaffingRequest request, double patience) {
            this.request = request;
            this.patience = patience;
            this.recursion = new ErlangBRecursion(request.workload().erlangs());
            logBlocking[0] = recursion.logBlocking();
        }

        boolean isMet(int agents) {
            return request.isMetBy(measures(agents));
        }

        ErlangAMeasures measures(int agents) {
            return evaluated.computeIfAbsent(
                    agents,
                    count -> ErlangA.measures(
                            count, request.workload(), patience, request.serviceLevelRule(), logBlocking(count - 1)));
        }

        private double logBlocking(int servers) {
            if (servers >= logBlocking.length) {
                logBlocking = Arrays.copyOf(logBlocking, Math.max(servers + 1, logBlocking.length * 2));
            }
            while (recursion.servers() < servers) {
                recursion.step();
                logBlocking[recursion.servers()] = recursion.logBlocking();
            }
            return logBlocking[servers];
        }
    }
}
