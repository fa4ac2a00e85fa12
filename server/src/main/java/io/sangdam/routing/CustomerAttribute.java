package io.sangdam.routing;

/**
 * Facts about the customer that send a contact to a dedicated lane ({@link Lanes}). When a contact
 * has several, the first in this order wins: a flagged abusive customer goes to the specialist
 * team even when they are also a senior. Same order as the engine's, which decides it.
 */
public enum CustomerAttribute {
    FLAGGED_ABUSIVE,
    ACCESSIBILITY,
    SENIOR,
    VIP
}
