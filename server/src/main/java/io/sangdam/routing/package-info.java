/**
 * The ACD: who gets which contact, when. Skills agents are routed by, each center's queues, and the
 * durable host of the routing engine (engine/): commands logged before they apply, rebuilt after a
 * restart, one node per center by PostgreSQL advisory lock.
 */
@ApplicationModule(
        displayName = "Routing",
        allowedDependencies = {"platform", "identity"})
@NullMarked
package io.sangdam.routing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
