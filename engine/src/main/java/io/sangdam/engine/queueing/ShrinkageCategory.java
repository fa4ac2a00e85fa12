package io.sangdam.engine.queueing;

/**
 * One reason paid agents are not available to take contacts, as a share of paid time.
 *
 * @param name for example "breaks", "training", "absence", "coaching", "recovery breaks" (감정노동
 *     recovery breaks count here too)
 * @param fraction share of paid time, in [0, 1)
 */
public record ShrinkageCategory(String name, double fraction) {

    public ShrinkageCategory {
        if (name.isBlank()) {
            throw new InvalidQueueingInputException("name", "must not be blank");
        }
        InvalidQueueingInputException.requireFinite("fraction", fraction);
        if (fraction < 0 || fraction >= 1) {
            throw new InvalidQueueingInputException("fraction", "must lie in [0, 1), was " + fraction + " for " + name);
        }
    }
}
