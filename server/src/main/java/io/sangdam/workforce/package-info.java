/**
 * Workforce management (인력운영): how many agents an interval needs for a service level
 * (적정인원 산정, Erlang C and Erlang A from engine/), shrinkage into headcount, forecasts from
 * imported interval history, staffing plans and their simulation on the real routing engine, and
 * the center's holidays that close its queues. Schedules and adherence are still to come.
 */
@ApplicationModule(
        displayName = "Workforce",
        allowedDependencies = {"platform", "identity", "routing"})
@NullMarked
package io.sangdam.workforce;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
