package io.sangdam.workforce;

import io.sangdam.platform.RequestRejected;
import org.jspecify.annotations.Nullable;

/**
 * The ranges within which the queueing math answers, checked before it starts: beyond them a
 * question describes no real queue, and some of them (a patience of 1e308 seconds, two billion
 * agents) kept a core busy for minutes. The API states them as validation constraints too, so
 * its clients learn the field; pages and plans reach them here. docs/api.md lists them.
 */
final class StaffingLimits {

    /** The engine's Erlang figures are exact (relative error near 1e−12) up to 20,000 agents. */
    static final int MAXIMUM_AGENTS = 20_000;
    /** Contacts offered in one interval. */
    static final double MAXIMUM_CONTACTS = 1_000_000;
    /** Handling time, patience, answer-time threshold and ASA target: at most a day. */
    static final double MAXIMUM_SECONDS = 86_400;

    static final int MAXIMUM_INTERVAL_MINUTES = 1_440;

    private StaffingLimits() {}

    /** Refuses a question outside the ranges, naming the first field out of range. */
    static void check(StaffingQuestion question) {
        within("contacts", question.contacts(), 0, MAXIMUM_CONTACTS);
        within("intervalMinutes", question.intervalMinutes(), 1, MAXIMUM_INTERVAL_MINUTES);
        positiveUpTo("ahtSeconds", question.averageHandlingSeconds(), MAXIMUM_SECONDS);
        within("targetServiceLevel", question.targetServiceLevel(), 0, 1);
        within("targetSeconds", question.targetSeconds(), 0, MAXIMUM_SECONDS);
        optionalPositiveUpTo("patienceSeconds", question.patienceSeconds(), MAXIMUM_SECONDS);
        optionalPositiveUpTo("maxAsaSeconds", question.maximumAverageSpeedOfAnswerSeconds(), MAXIMUM_SECONDS);
        if (question.maximumAbandonment() != null) {
            within("maxAbandonment", question.maximumAbandonment(), 0, 1);
        }
        within("maxOccupancy", question.maximumOccupancy(), Double.MIN_VALUE, 1);
        offeredLoad(question.contacts(), question.intervalMinutes(), question.averageHandlingSeconds());
    }

    /** The same ranges for the raw Erlang measures of a given number of agents. */
    static void checkMeasures(
            int agents,
            double contacts,
            int intervalMinutes,
            double averageHandlingSeconds,
            double targetSeconds,
            @Nullable Double patienceSeconds) {
        within("agents", agents, 1, MAXIMUM_AGENTS);
        within("contacts", contacts, 0, MAXIMUM_CONTACTS);
        within("intervalMinutes", intervalMinutes, 1, MAXIMUM_INTERVAL_MINUTES);
        positiveUpTo("ahtSeconds", averageHandlingSeconds, MAXIMUM_SECONDS);
        within("targetSeconds", targetSeconds, 0, MAXIMUM_SECONDS);
        optionalPositiveUpTo("patienceSeconds", patienceSeconds, MAXIMUM_SECONDS);
        offeredLoad(contacts, intervalMinutes, averageHandlingSeconds);
    }

    /**
     * A load beyond what the most agents could carry has no answer but "not enough", and for Erlang
     * A its series grow with the load: refuse it rather than compute it.
     */
    private static void offeredLoad(double contacts, int intervalMinutes, double averageHandlingSeconds) {
        double erlangs = contacts * averageHandlingSeconds / (intervalMinutes * 60.0);
        if (erlangs > MAXIMUM_AGENTS) {
            throw RequestRejected.badRequest("staffing-load-too-high", Math.round(erlangs), MAXIMUM_AGENTS);
        }
    }

    private static void within(String field, double value, double minimum, double maximum) {
        if (!Double.isFinite(value) || value < minimum || value > maximum) {
            throw RequestRejected.badRequest("staffing-out-of-range", field, minimum, maximum);
        }
    }

    private static void positiveUpTo(String field, double value, double maximum) {
        if (!(value > 0) || !(value <= maximum)) {
            throw RequestRejected.badRequest("staffing-out-of-range", field, 0, maximum);
        }
    }

    private static void optionalPositiveUpTo(String field, @Nullable Double value, double maximum) {
        if (value != null) {
            positiveUpTo(field, value, maximum);
        }
    }
}
