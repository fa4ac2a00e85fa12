package io.sangdam.routing;

/**
 * Why routing refused a command (409 {@code routing-rejected}), for callers that tell their users
 * in their own words: an offer that expired ({@link #NO_SUCH_OFFER}), an agent who logged out
 * meanwhile ({@link #AGENT_OFFLINE}) ... See {@link Routing#refusal}.
 */
public enum RoutingRefusal {
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
