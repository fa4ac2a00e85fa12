package io.sangdam.contact;

/** How a consultation ended, as the agent records it. */
public enum Disposition {
    RESOLVED,
    FOLLOW_UP,
    TRANSFERRED,
    ENDED_FOR_ABUSE,
    NO_RESPONSE
}
