package io.sangdam.routing;

import io.sangdam.engine.routing.AgentProfile;
import io.sangdam.engine.routing.Channel;
import io.sangdam.engine.routing.QueueDefinition;
import io.sangdam.engine.routing.QueueId;
import io.sangdam.engine.routing.RoutingConfiguration;
import io.sangdam.engine.routing.SelectionStrategy;
import io.sangdam.engine.simulation.Demand;
import io.sangdam.engine.simulation.Distribution;
import io.sangdam.engine.simulation.Scenario;
import io.sangdam.engine.simulation.Staffing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A day of one queue played on the routing engine with simulated customers and agents (workforce
 * tries its plans so): routing builds the engine's side of the scenario, the queue's rules and the
 * agents' profiles, so no other module needs the engine's routing types. The simulation itself
 * ({@code engine.simulation}) runs it.
 */
public final class SimulatedRouting {

    /** Abandons within this are left out of service level on both sides (PRODUCT.md's default). */
    static final Duration SHORT_ABANDON = Duration.ofSeconds(5);

    private SimulatedRouting() {}

    /** The simulated day: {@code intervals} intervals from {@code start}, random numbers from {@code seed}. */
    public record Day(Instant start, Duration interval, int intervals, long seed) {}

    /**
     * Customers arriving over the day: {@code contacts} in all, spread over the intervals by {@code
     * curve} (relative weights), each talking for {@code talk} and waiting at most {@code patience}.
     */
    public record Arrivals(double contacts, double[] curve, Distribution talk, Distribution patience) {

        public Arrivals {
            curve = curve.clone();
        }
    }

    /** One simulated agent working from {@code start} (since the day's start) for {@code length}. */
    public record Shift(String name, Duration start, Duration length) {}

    /**
     * One voice queue requiring the skill of its own code, on the queue's real routing rules when
     * the center routes it (strategy, minimum skill level, wrap-up, priority), else on plain defaults.
     * Agents hold that skill at a level every rule accepts and take one contact at a time, as Erlang
     * assumes.
     *
     * @param serviceLevel the target share answered within {@code threshold}
     */
    public static Scenario oneQueue(
            QueueCode queue,
            @Nullable QueueSettings rules,
            double serviceLevel,
            Duration threshold,
            Day day,
            Arrivals arrivals,
            List<Shift> shifts) {
        String skill = queue.value();
        var definition = QueueDefinition.queue(queue.value(), Channel.VOICE)
                .requiring(skill, rules == null ? 1 : rules.minimumLevel())
                .withServiceLevel(serviceLevel, threshold);
        if (rules != null) {
            definition = definition
                    .choosing(SelectionStrategy.valueOf(rules.strategy()))
                    .withWrapUp(Duration.ofSeconds(rules.wrapUpSeconds()))
                    .withPriority(rules.priority());
        }
        AgentProfile agent =
                AgentProfile.agent("template").withSkill(skill, rules == null ? 5 : Math.max(5, rules.minimumLevel()));
        List<Staffing> staffing = new ArrayList<>(shifts.size());
        for (Shift shift : shifts) {
            staffing.add(new Staffing(shift.name(), 1, agent, shift.start(), shift.length(), 0));
        }
        return new Scenario(
                day.start(),
                day.interval(),
                day.intervals(),
                day.seed(),
                SHORT_ABANDON,
                RoutingConfiguration.of(definition),
                List.of(new Demand(
                        QueueId.of(queue.value()),
                        arrivals.contacts(),
                        arrivals.curve(),
                        arrivals.talk(),
                        arrivals.patience(),
                        0)),
                staffing);
    }
}
