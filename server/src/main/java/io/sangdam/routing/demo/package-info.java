/**
 * Demo skills and queues for the demo organisation's partner centers, created when {@code
 * sangdam.demo.enabled} is on and routing has none. Writes through {@link
 * io.sangdam.routing.demo.DemoRoutingStore}, which routing implements over its tables; runs as an
 * {@link io.sangdam.platform.ModuleInitializer}, after identity's demo data
 * (routing depends on identity) and before that of the modules that depend on routing.
 */
@NullMarked
package io.sangdam.routing.demo;

import org.jspecify.annotations.NullMarked;
