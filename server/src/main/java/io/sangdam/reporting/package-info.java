/**
 * What supervisors and managers watch and read: the live board and the wallboard of a center (queues
 * and agents, pushed as they change, coloured by the center's thresholds) and all centers at once for
 * headquarters. Fed by other modules' events into its own read models.
 */
@ApplicationModule(
        displayName = "Reporting",
        allowedDependencies = {"platform", "identity", "routing", "protection", "contact"})
@NullMarked
package io.sangdam.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
