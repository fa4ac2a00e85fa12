package io.sangdam.engine.routing;

/**
 * Facts about the customer that can send a contact to a dedicated lane (an agent group), see {@link
 * RoutingConfiguration#lanes()}. When a contact has several attributes with a lane, the first in
 * this declaration order wins, so the order is a decision: a flagged abusive customer goes to the
 * specialist team even when they are also a senior.
 */
public enum ContactAttribute {
    FLAGGED_ABUSIVE,
    ACCESSIBILITY,
    SENIOR,
    VIP
}
