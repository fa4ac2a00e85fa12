package io.sangdam.engine.routing;

import java.time.Duration;

/**
 * An overflow step, due when a contact has waited {@code after} in the queue (measured from the
 * moment it entered this queue, not from its original arrival). Steps are cumulative: a later step
 * keeps what earlier steps relaxed.
 */
public record OverflowStep(Duration after, OverflowAction action) {}
