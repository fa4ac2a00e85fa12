/**
 * Eight weeks of demo interval history and the Korean public holidays, created when {@code
 * sangdam.demo.enabled} is on and workforce has no history. Writes through {@link
 * io.sangdam.workforce.demo.DemoHistoryStore}, which workforce implements over its tables; runs as an
 * {@link io.sangdam.platform.ModuleInitializer}, after the demo data of identity and
 * routing, which workforce depends on.
 */
@NullMarked
package io.sangdam.workforce.demo;

import org.jspecify.annotations.NullMarked;
