package io.sangdam.engine.queueing;

import static io.sangdam.engine.queueing.InvalidQueueingInputException.requirePositive;

/** ASA (mean wait of answered contacts) of at most {@code maximumSeconds}. */
public record AverageSpeedOfAnswerTarget(double maximumSeconds) implements StaffingTarget {

    public AverageSpeedOfAnswerTarget {
        requirePositive("maximumSeconds", maximumSeconds);
    }

    @Override
    public boolean isMetBy(QueueMeasures measures) {
        return measures.averageSpeedOfAnswerSeconds() <= maximumSeconds;
    }

    @Override
    public String describe() {
        return "ASA at most " + maximumSeconds + " s";
    }
}
