package io.sangdam.engine.queueing;

/**
 * What the planner asks of an interval. A request may combine several (for example 80 % in 20 s and
 * at most 5 % abandonment); the solver meets all of them.
 */
public sealed interface StaffingTarget permits ServiceLevelTarget, AverageSpeedOfAnswerTarget, AbandonmentTarget {

    boolean isMetBy(QueueMeasures measures);

    /** The target in words, for result tables and the "unreachable" message. */
    String describe();
}
