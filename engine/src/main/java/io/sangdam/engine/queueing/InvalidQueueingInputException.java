package io.sangdam.engine.queueing;

/**
 * An input to the queueing math that cannot describe a real queue: a negative rate, an occupancy cap
 * outside (0, 1], shrinkage of 100 %, NaN, ... The exception names the offending field so that a REST
 * layer can turn it into a problem-details response pointing at that field, and carries a stable
 * code for clients that do not want to parse messages.
 */
public final class InvalidQueueingInputException extends IllegalArgumentException {

    private final String field;

    public InvalidQueueingInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The name of the record component that was rejected, e.g. {@code averageHandlingTimeSeconds}. */
    public String field() {
        return field;
    }

    /** A stable error code, the same for every invalid queueing input. */
    public String code() {
        return "queueing.invalid-input";
    }

    static double requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidQueueingInputException(field, "must be a finite number, was " + value);
        }
        return value;
    }

    static double requireNonNegative(String field, double value) {
        requireFinite(field, value);
        if (value < 0) {
            throw new InvalidQueueingInputException(field, "must not be negative, was " + value);
        }
        return value;
    }

    static double requirePositive(String field, double value) {
        requireFinite(field, value);
        if (value <= 0) {
            throw new InvalidQueueingInputException(field, "must be greater than zero, was " + value);
        }
        return value;
    }

    static double requireFraction(String field, double value, boolean zeroAllowed) {
        requireFinite(field, value);
        if (value > 1 || value < 0 || (!zeroAllowed && value == 0)) {
            throw new InvalidQueueingInputException(
                    field, "must lie in " + (zeroAllowed ? "[0, 1]" : "(0, 1]") + ", was " + value);
        }
        return value;
    }

    /**
     * The most agents any measure is computed for: the Erlang B recursion takes a step per agent, so
     * two billion agents took eleven seconds; far beyond this the figures are not exact anyway.
     */
    public static final int MAXIMUM_AGENTS = 1_000_000;

    static int requireAgents(String field, int agents) {
        if (agents < 1) {
            throw new InvalidQueueingInputException(field, "must be at least 1, was " + agents);
        }
        if (agents > MAXIMUM_AGENTS) {
            throw new InvalidQueueingInputException(field, "must be at most " + MAXIMUM_AGENTS + ", was " + agents);
        }
        return agents;
    }
}
