/**
 * Demo data of the knowledge module, created when {@code sangdam.demo.enabled} is on: the demo
 * consultation scripts (a headquarters script every center shares, and one of 강남센터's own).
 * Writes through stores the knowledge module implements over its tables; runs as a {@link
 * io.sangdam.platform.ModuleInitializer}, after identity's demo data.
 */
@NullMarked
package io.sangdam.knowledge.demo;

import org.jspecify.annotations.NullMarked;
