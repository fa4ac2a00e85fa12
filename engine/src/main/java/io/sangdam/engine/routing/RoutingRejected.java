package io.sangdam.engine.routing;

/**
 * A command the engine refused. The engine's state is exactly as before the command: every command
 * is checked completely before anything changes.
 */
public final class RoutingRejected extends RuntimeException {

    /** Stable codes, safe to show to an operator or match in the server. */
    public enum Problem {
        UNKNOWN_AGENT,
        UNKNOWN_QUEUE,
        UNKNOWN_CONTACT,
        DUPLICATE_CONTACT,
        SKILL_LEVEL_OUT_OF_RANGE,
        NEGATIVE_CAPACITY,
        OFFER_ALREADY_ANSWERED,
        NO_SUCH_OFFER,
        AGENT_OFFLINE,
        AGENT_ALREADY_LOGGED_IN,
        AGENT_HAS_WORK,
        CONTACT_NOT_ASSIGNED,
        CONTACT_NOT_WAITING,
        NOT_IN_WRAP_UP,
        NOT_IN_RECOVERY,
        CHANNEL_MISMATCH,
        QUEUE_CLOSED,
        CLOCK_WENT_BACKWARDS,
        INVALID_CONFIGURATION,
        INVALID_COMMAND
    }

    private final Problem problem;

    public RoutingRejected(Problem problem, String detail) {
        super(problem + ": " + detail, null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
