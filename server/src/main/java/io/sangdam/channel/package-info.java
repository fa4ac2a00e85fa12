/**
 * The ways customers reach the center. For now the web chat: the customer's widget, the agent's
 * chat panes on the desktop, messages stored (masked) before anyone sees them, pushed live.
 */
@ApplicationModule(
        displayName = "Channel",
        allowedDependencies = {"platform", "identity", "routing", "contact", "protection", "knowledge"})
@NullMarked
package io.sangdam.channel;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
