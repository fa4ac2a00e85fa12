/**
 * The routing engine (ACD): a single-threaded, deterministic state machine that decides which agent
 * gets which contact. Feed it {@link io.sangdam.engine.routing.RoutingCommand}s through {@link
 * io.sangdam.engine.routing.RoutingEngine#apply}; it answers with {@link
 * io.sangdam.engine.routing.RoutingEvent}s. Time only moves on {@link
 * io.sangdam.engine.routing.RoutingCommand.ClockAdvanced}, so replaying a command log gives the same
 * events. Everything not public here is internal.
 */
@NullMarked
package io.sangdam.engine.routing;

import org.jspecify.annotations.NullMarked;
