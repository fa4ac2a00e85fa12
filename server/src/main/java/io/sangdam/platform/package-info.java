/**
 * What every module stands on: the database (embedded PostgreSQL by default, one schema and
 * migration folder per module), the clock, languages, and how errors reach users and API clients.
 */
@ApplicationModule(displayName = "Platform")
@NullMarked
package io.sangdam.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
