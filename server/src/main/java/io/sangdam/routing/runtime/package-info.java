/**
 * Routing's runtime, internal to the routing module (ArchitectureTests): the durable host of each
 * center's engine ({@link io.sangdam.routing.runtime.RoutingHost}), its worker, replay,
 * checkpoints, clock, leases and connections. The rest of routing reaches it through {@code
 * RoutingHost} and gives it the stored queues and agents' log-ins through {@link
 * io.sangdam.routing.runtime.ConfiguredQueues} and {@link io.sangdam.routing.runtime.AgentLogIns};
 * other modules use the {@code io.sangdam.routing} package only.
 */
@NullMarked
package io.sangdam.routing.runtime;

import org.jspecify.annotations.NullMarked;
