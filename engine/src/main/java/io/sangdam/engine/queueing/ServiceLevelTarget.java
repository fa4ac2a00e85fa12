package io.sangdam.engine.queueing;

import static io.sangdam.engine.queueing.InvalidQueueingInputException.requireFinite;

/**
 * At least {@code minimumServiceLevel} of contacts answered within the threshold of the request's
 * {@link ServiceLevelRule} ("80 % in 20 s" is 0.8 with a 20 s rule).
 *
 * @param minimumServiceLevel a fraction in (0, 1); 1 is refused because no queue with random
 *     arrivals answers every contact within T
 */
public record ServiceLevelTarget(double minimumServiceLevel) implements StaffingTarget {

    public ServiceLevelTarget {
        requireFinite("minimumServiceLevel", minimumServiceLevel);
        if (minimumServiceLevel <= 0 || minimumServiceLevel >= 1) {
            throw new InvalidQueueingInputException(
                    "minimumServiceLevel", "must lie strictly between 0 and 1, was " + minimumServiceLevel);
        }
    }

    @Override
    public boolean isMetBy(QueueMeasures measures) {
        return measures.serviceLevel() >= minimumServiceLevel;
    }

    @Override
    public String describe() {
        return "service level at least " + minimumServiceLevel;
    }
}
