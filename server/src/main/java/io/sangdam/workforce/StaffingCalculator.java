package io.sangdam.workforce;

import io.sangdam.engine.queueing.AbandonmentTarget;
import io.sangdam.engine.queueing.AverageSpeedOfAnswerTarget;
import io.sangdam.engine.queueing.ErlangA;
import io.sangdam.engine.queueing.ErlangAMeasures;
import io.sangdam.engine.queueing.ErlangC;
import io.sangdam.engine.queueing.InvalidQueueingInputException;
import io.sangdam.engine.queueing.QueueMeasures;
import io.sangdam.engine.queueing.ServiceLevelRule;
import io.sangdam.engine.queueing.ServiceLevelTarget;
import io.sangdam.engine.queueing.Shrinkage;
import io.sangdam.engine.queueing.ShrinkageCategory;
import io.sangdam.engine.queueing.StaffingRequest;
import io.sangdam.engine.queueing.StaffingResult;
import io.sangdam.engine.queueing.StaffingSolver;
import io.sangdam.engine.queueing.StaffingTarget;
import io.sangdam.engine.queueing.Workload;
import io.sangdam.platform.RequestRejected;
import io.sangdam.workforce.StaffingAnswer.CurvePoint;
import io.sangdam.workforce.StaffingAnswer.QueueModel;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Answers staffing questions with the engine's Erlang C / Erlang A solver. */
@Service
public class StaffingCalculator {

    /** At most this many points on the curve; wide ranges are sampled evenly. */
    static final int CURVE_POINTS = 40;
    /** The most agents one queue-interval may need; far above any single Korean center's queue. */
    static final int MAXIMUM_AGENTS = StaffingLimits.MAXIMUM_AGENTS;

    public StaffingAnswer answer(StaffingQuestion question) {
        StaffingLimits.check(question);
        try {
            StaffingRequest request = request(question);
            StaffingResult result = StaffingSolver.solve(request);
            QueueMeasures measures = switch (result) {
                case StaffingResult.TargetMet met -> met.measures();
                case StaffingResult.TargetUnreachable unreachable -> unreachable.measures();
            };
            int agents = measures.agents();
            Shrinkage shrinkage = shrinkage(question);
            List<CurvePoint> curve = curve(request, measures.erlangs(), agents);
            return new StaffingAnswer(
                    model(question),
                    result instanceof StaffingResult.TargetMet,
                    agents,
                    shrinkage.headcount(agents),
                    measures.erlangs(),
                    measures.serviceLevel(),
                    measures.averageSpeedOfAnswerSeconds(),
                    measures.occupancy(),
                    measures.probabilityOfWaiting(),
                    measures instanceof ErlangAMeasures a ? a.abandonment() : null,
                    request.serviceLevelRule().describe(),
                    curve);
        } catch (InvalidQueueingInputException invalid) {
            throw RequestRejected.badRequest("invalid-staffing-input", invalid.field(), invalid.getMessage());
        }
    }

    /** The raw measures of a queue with a given number of agents, for the Erlang endpoint. */
    public QueueMeasures measures(
            QueueModel model,
            int agents,
            double contacts,
            int intervalMinutes,
            double averageHandlingSeconds,
            double targetSeconds,
            @Nullable Double patienceSeconds) {
        StaffingLimits.checkMeasures(
                agents, contacts, intervalMinutes, averageHandlingSeconds, targetSeconds, patienceSeconds);
        try {
            var workload = new Workload(contacts, intervalMinutes * 60.0, averageHandlingSeconds);
            var rule = ServiceLevelRule.within(targetSeconds);
            return switch (model) {
                case ERLANG_C -> ErlangC.measures(agents, workload, rule);
                case ERLANG_A -> {
                    if (patienceSeconds == null) {
                        throw RequestRejected.badRequest("missing-parameter", "patienceSeconds");
                    }
                    yield ErlangA.measures(agents, workload, patienceSeconds, rule);
                }
            };
        } catch (InvalidQueueingInputException invalid) {
            throw RequestRejected.badRequest("invalid-staffing-input", invalid.field(), invalid.getMessage());
        }
    }

    /**
     * From just above the load (below it an Erlang C queue never settles) to a little beyond the
     * answer: the whole knee where service level climbs, so the planner sees what a few agents
     * more or less would do.
     */
    private static List<CurvePoint> curve(StaffingRequest request, double erlangs, int agents) {
        int from = Math.max(1, Math.min(agents, (int) Math.floor(erlangs) + 1));
        int to = agents + Math.max(5, (agents - from) / 4);
        int step = Math.max(1, (to - from) / CURVE_POINTS);
        // Only the points shown are computed: an Erlang A point costs a series, and a wide range
        // has thousands of counts between them.
        java.util.SortedSet<Integer> shown = new java.util.TreeSet<>();
        for (int count = from; count <= to; count += step) {
            shown.add(count);
        }
        shown.add(agents);
        List<CurvePoint> points = new ArrayList<>();
        for (QueueMeasures point : StaffingSolver.curveAt(
                request, shown.stream().mapToInt(Integer::intValue).toArray())) {
            points.add(point(point));
        }
        return points;
    }

    private static StaffingRequest request(StaffingQuestion question) {
        var workload =
                new Workload(question.contacts(), question.intervalMinutes() * 60.0, question.averageHandlingSeconds());
        List<StaffingTarget> targets = new ArrayList<>();
        targets.add(new ServiceLevelTarget(question.targetServiceLevel()));
        if (question.maximumAverageSpeedOfAnswerSeconds() != null) {
            targets.add(new AverageSpeedOfAnswerTarget(question.maximumAverageSpeedOfAnswerSeconds()));
        }
        if (question.maximumAbandonment() != null) {
            targets.add(new AbandonmentTarget(question.maximumAbandonment()));
        }
        return new StaffingRequest(
                workload,
                question.patienceSeconds(),
                ServiceLevelRule.within(question.targetSeconds()),
                targets,
                question.maximumOccupancy(),
                MAXIMUM_AGENTS);
    }

    private static Shrinkage shrinkage(StaffingQuestion question) {
        return new Shrinkage(question.shrinkage().stream()
                .map(part -> new ShrinkageCategory(part.category(), part.fraction()))
                .toList());
    }

    private static QueueModel model(StaffingQuestion question) {
        return question.patienceSeconds() == null ? QueueModel.ERLANG_C : QueueModel.ERLANG_A;
    }

    private static CurvePoint point(QueueMeasures measures) {
        double asa = measures.averageSpeedOfAnswerSeconds();
        return new CurvePoint(
                measures.agents(),
                measures.serviceLevel(),
                Double.isFinite(asa) ? asa : null,
                measures.occupancy(),
                measures.probabilityOfWaiting(),
                measures instanceof ErlangAMeasures a ? a.abandonment() : null);
    }
}
