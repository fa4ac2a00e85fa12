package io.sangdam.engine.queueing;

import static io.sangdam.engine.queueing.InvalidQueueingInputException.requireFinite;

/**
 * At most {@code maximumAbandonment} of offered contacts abandon. Only Erlang A models abandons, so a
 * request with this target must give a patience.
 */
public record AbandonmentTarget(double maximumAbandonment) implements StaffingTarget {

    public AbandonmentTarget {
        requireFinite("maximumAbandonment", maximumAbandonment);
        if (maximumAbandonment <= 0 || maximumAbandonment >= 1) {
            throw new InvalidQueueingInputException(
                    "maximumAbandonment", "must lie strictly between 0 and 1, was " + maximumAbandonment);
        }
    }

    @Override
    public boolean isMetBy(QueueMeasures measures) {
        return measures.abandonment() <= maximumAbandonment;
    }

    @Override
    public String describe() {
        return "abandonment at most " + maximumAbandonment;
    }
}
