package io.sangdam.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.engine.routing.RoutingEvent.ContactAbandoned;
import io.sangdam.engine.routing.RoutingEvent.ContactAssigned;
import io.sangdam.engine.routing.RoutingEvent.ContactCompleted;
import io.sangdam.engine.routing.RoutingEvent.ContactQueued;
import io.sangdam.engine.routing.RoutingEvent.ContactTransferred;
import io.sangdam.engine.routing.RoutingEvent.ContactTurnedAway;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Invariants over long random command logs. Each log comes from a seed printed on failure; run one
 * seed again with {@code -Drouting.seed=<seed>}. A failing log is shrunk (chunks of commands removed
 * while it still fails) before it is reported, so the report is short enough to read.
 */
class RoutingPropertiesTest {
    private static final int LOGS = Integer.getInteger("routing.logs", 250);
    private static final int COMMANDS = Integer.getInteger("routing.commands", 400);

    @Test
    void invariantsHoldAfterEveryCommand() {
        Long only = Long.getLong("routing.seed");
        long base = Long.getLong("routing.baseSeed", 20261124L);
        for (int i = 0; i < (only == null ? LOGS : 1); i++) {
            long seed = only != null ? only : base * 1_000_003L + i;
            Random random = new Random(seed);
            RoutingConfiguration configuration = RandomCenters.configuration(random);
            List<RoutingCommand> log = generate(random, configuration);
            String failure = check(configuration, log);
            if (failure != null) {
                List<RoutingCommand> shrunk = shrink(configuration, log);
                String shrunkFailure = check(configuration, shrunk);
                throw new AssertionError("seed " + seed + " (rerun with -Drouting.seed=" + seed + "): " + shrunkFailure
                        + "\nconfiguration: " + configuration
                        + "\nshrunk from " + log.size() + " to " + shrunk.size() + " commands:\n"
                        + shrunk.stream().map(Object::toString).collect(Collectors.joining("\n")));
            }
        }
    }

    @Test
    void shrinkerReducesAFailingLogToTheCommandsThatMatter() {
        // A deliberately false property: "no contact is ever abandoned". The shrinker must boil a long
        // log down to the arrival and the end of one contact.
        Random random = new Random(7);
        RoutingConfiguration configuration = RandomCenters.configuration(random);
        List<RoutingCommand> log = generate(random, configuration);
        Falsifier abandonsNothing = candidate -> {
            RoutingEngine engine = RoutingEngine.start(configuration, RandomCenters.START);
            for (RoutingCommand command : candidate) {
                try {
                    for (RoutingEvent event : engine.apply(command)) {
                        if (event instanceof ContactAbandoned) {
                            return "abandoned";
                        }
                    }
                } catch (RoutingRejected ignored) {
                    // Removing commands makes later ones invalid; they are simply refused.
                }
            }
            return null;
        };
        assertThat(abandonsNothing.failure(log)).isNotNull();

        List<RoutingCommand> shrunk = Shrinker.shrink(log, abandonsNothing);

        assertThat(shrunk).hasSize(2);
    }

    private static List<RoutingCommand> generate(Random random, RoutingConfiguration configuration) {
        RoutingEngine engine = RoutingEngine.start(configuration, RandomCenters.START);
        List<RoutingCommand> log = new ArrayList<>();
        int[] contactCounter = {0};
        for (int i = 0; i < COMMANDS; i++) {
            RoutingCommand command = RandomCenters.next(random, engine, contactCounter);
            log.add(command);
            try {
                engine.apply(command);
            } catch (RoutingRejected expected) {
                // Part of the test: the checking run verifies nothing changed.
            }
        }
        return log;
    }

    private static List<RoutingCommand> shrink(RoutingConfiguration configuration, List<RoutingCommand> log) {
        return Shrinker.shrink(log, candidate -> check(configuration, candidate));
    }

    /** Runs the log (then ends every open contact) checking all invariants; the first failure or null. */
    static @Nullable String check(RoutingConfiguration configuration, List<RoutingCommand> log) {
        Run run = new Run(configuration);
        try {
            for (int i = 0; i < log.size(); i++) {
                String failure = run.apply(log.get(i));
                if (failure != null) {
                    return "after command " + i + " " + log.get(i) + ": " + failure;
                }
            }
            for (RoutingCommand end : RandomCenters.drain(run.engine)) {
                String failure = run.apply(end);
                if (failure != null) {
                    return "while ending open contacts, " + end + ": " + failure;
                }
            }
            String failure = run.everyContactEndedOnce();
            if (failure != null) {
                return failure;
            }
            Run replay = new Run(configuration);
            for (RoutingCommand command : run.applied) {
                replay.apply(command);
            }
            if (!replay.events.equals(run.events)) {
                return "replaying the same commands gave different events";
            }
            return null;
        } catch (RuntimeException bug) {
            return "engine threw " + bug;
        }
    }

    /** One checked run of an engine. */
    private static final class Run {
        final RoutingEngine engine;
        final RoutingOracle oracle;
        final List<RoutingEvent> events = new ArrayList<>();
        final List<RoutingCommand> applied = new ArrayList<>();
        final Set<ContactId> assigned = new HashSet<>();
        final Map<ContactId, Integer> arrivals = new HashMap<>();
        final Map<ContactId, Integer> ends = new HashMap<>();

        @Nullable
        String decisionFailure;

        Run(RoutingConfiguration configuration) {
            engine = RoutingEngine.start(configuration, RandomCenters.START);
            oracle = new RoutingOracle(configuration);
            engine.watchDecisions((contact, agent, watched) -> {
                if (decisionFailure == null) {
                    decisionFailure = oracle.olderContactSkipped(watched, contact, agent);
                }
            });
        }

        @Nullable
        String apply(RoutingCommand command) {
            applied.add(command);
            RoutingSnapshot before = engine.snapshot();
            List<RoutingEvent> caused;
            try {
                caused = engine.apply(command);
            } catch (RoutingRejected rejected) {
                return engine.snapshot().equals(before)
                        ? null
                        : "rejected " + rejected.problem() + " but the state changed";
            }
            events.addAll(caused);
            for (RoutingEvent event : caused) {
                String failure = track(event);
                if (failure != null) {
                    return failure;
                }
            }
            if (decisionFailure != null) {
                return decisionFailure;
            }
            return oracle.stateProblem(engine);
        }

        private @Nullable String track(RoutingEvent event) {
            switch (event) {
                case ContactQueued queued -> arrivals.putIfAbsent(queued.contact(), 1);
                case ContactTurnedAway turnedAway -> {
                    arrivals.put(turnedAway.contact(), 1);
                    return ended(turnedAway.contact());
                }
                case ContactAssigned assignment -> {
                    if (!assigned.add(assignment.contact())) {
                        return "contact " + assignment.contact() + " assigned twice";
                    }
                }
                case ContactTransferred transferred -> assigned.remove(transferred.contact());
                case ContactCompleted completed -> {
                    if (!assigned.remove(completed.contact())) {
                        return "contact " + completed.contact() + " completed without being assigned";
                    }
                    return ended(completed.contact());
                }
                case ContactAbandoned abandoned -> {
                    if (assigned.contains(abandoned.contact())) {
                        return "assigned contact " + abandoned.contact() + " reported abandoned";
                    }
                    return ended(abandoned.contact());
                }
                case RoutingEvent.ContactOffered ignored -> {}
                case RoutingEvent.OfferMissed ignored -> {}
                case RoutingEvent.ContactOverflowed ignored -> {}
                case RoutingEvent.ContactMoved ignored -> {}
                case RoutingEvent.PreferredAgentWaitEnded ignored -> {}
                case RoutingEvent.AgentStateChanged ignored -> {}
            }
            return null;
        }

        private @Nullable String ended(ContactId contact) {
            int count = ends.merge(contact, 1, Integer::sum);
            return count > 1 ? "contact " + contact + " ended " + count + " times" : null;
        }

        @Nullable
        String everyContactEndedOnce() {
            for (ContactId contact : arrivals.keySet()) {
                if (ends.getOrDefault(contact, 0) != 1) {
                    return "contact " + contact + " ended " + ends.getOrDefault(contact, 0) + " times";
                }
            }
            return null;
        }
    }
}
