/**
 * Demo customers and the consultation category tree, created when {@code sangdam.demo.enabled} is on
 * and contact has none. Writes through {@link io.sangdam.contact.demo.DemoContactStore}, which contact
 * implements over its tables; runs as an {@link io.sangdam.platform.ModuleInitializer},
 * after identity's demo data (contact depends on identity).
 */
@NullMarked
package io.sangdam.contact.demo;

import org.jspecify.annotations.NullMarked;
