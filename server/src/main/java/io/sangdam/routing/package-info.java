/**
 * The ACD: who gets which contact, when. Skills agents are routed by, each center's queues, and the
 * durable host of the routing engine (engine/): commands logged before they apply, rebuilt after a
 * restart, one node per center by PostgreSQL advisory lock. Other modules see routing's own
 * language ({@link io.sangdam.routing.Routing}, {@link io.sangdam.routing.RoutedEvent}, {@link
 * io.sangdam.routing.RoutingState}), never the engine's types (docs/adr/0016).
 */
@ApplicationModule(
        displayName = "Routing",
        allowedDependencies = {"platform", "identity"})
@NullMarked
package io.sangdam.routing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
