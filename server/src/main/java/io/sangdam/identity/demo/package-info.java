/**
 * The demo organisation (centers, teams and accounts), created when {@code sangdam.demo.enabled} is on
 * and the database has no center. It writes through {@link io.sangdam.identity.demo.DemoOrganisationStore},
 * which identity implements over its tables, and runs as an {@link
 * io.sangdam.platform.ModuleInitializer}: before the demo data of the modules that
 * depend on identity.
 */
@NullMarked
package io.sangdam.identity.demo;

import org.jspecify.annotations.NullMarked;
