/**
 * The ACD: who gets which contact, when. For now the skills agents are routed by; the routing
 * engine itself (engine/) joins in a later step.
 */
@ApplicationModule(displayName = "Routing", allowedDependencies = {"platform", "identity"})
@NullMarked
package io.sangdam.routing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
