/**
 * Workforce management (인력운영): how many agents an interval needs for a service level
 * (적정인원 산정, Erlang C and Erlang A from engine/), shrinkage into headcount, and, in later
 * steps, forecasts, staffing plans, schedules and adherence.
 */
@ApplicationModule(displayName = "Workforce", allowedDependencies = {"platform", "identity", "routing"})
@NullMarked
package io.sangdam.workforce;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
