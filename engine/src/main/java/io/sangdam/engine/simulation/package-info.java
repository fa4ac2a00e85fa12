/**
 * A discrete-event simulator of a contact center that drives the real {@link
 * io.sangdam.engine.routing.RoutingEngine} on a virtual clock: Poisson arrivals along an intraday
 * curve, random handling times and patience, agent shifts and absenteeism. A staffing plan can so be
 * tried on the same routing rules that run live. Seeded, so a run is repeatable. Start with {@link
 * io.sangdam.engine.simulation.Simulation#run} or the command line {@link
 * io.sangdam.engine.simulation.RunSimulation}.
 */
@NullMarked
package io.sangdam.engine.simulation;

import org.jspecify.annotations.NullMarked;
