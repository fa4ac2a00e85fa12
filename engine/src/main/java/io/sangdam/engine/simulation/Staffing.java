package io.sangdam.engine.simulation;

import io.sangdam.engine.routing.AgentProfile;
import java.time.Duration;

/**
 * A group of identical agents working one shift. Agent ids are {@code name-1}, {@code name-2}, ...
 *
 * @param profile the template; its id is replaced by each agent's id
 * @param shiftStart from the start of the simulated day
 * @param absenteeism probability that an agent does not come in at all that day
 */
public record Staffing(
        String name, int agents, AgentProfile profile, Duration shiftStart, Duration shiftLength, double absenteeism) {}
