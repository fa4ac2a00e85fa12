package io.sangdam.routing;

/**
 * A center's engine was rebuilt from its command log (at start, after a crash, after a failed
 * write). The replay's events are not published again, and the listeners' own writes after the
 * last stored command may have died with the node, so modules that keep state from routing events
 * set it from this state: the engine is the truth.
 */
public record RoutingEngineRebuilt(CenterId center, RoutingState state) {}
