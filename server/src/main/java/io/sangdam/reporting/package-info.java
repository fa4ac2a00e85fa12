/**
 * What supervisors and managers watch and read: for now the live board of a center (queues and
 * agents, pushed as they change). Fed by other modules' events into its own read models.
 */
@ApplicationModule(
        displayName = "Reporting",
        allowedDependencies = {"platform", "identity", "routing", "protection", "contact"})
@NullMarked
package io.sangdam.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
