package io.sangdam.bench.routing;

import io.sangdam.engine.routing.AgentId;
import io.sangdam.engine.routing.AgentProfile;
import io.sangdam.engine.routing.Channel;
import io.sangdam.engine.routing.ContactId;
import io.sangdam.engine.routing.QueueId;
import io.sangdam.engine.routing.RoutingCommand.AgentLoggedIn;
import io.sangdam.engine.routing.RoutingCommand.ClockAdvanced;
import io.sangdam.engine.routing.RoutingCommand.ContactArrived;
import io.sangdam.engine.routing.RoutingCommand.ContactEnded;
import io.sangdam.engine.routing.RoutingCommand.OfferAccepted;
import io.sangdam.engine.routing.RoutingEngine;
import io.sangdam.engine.routing.RoutingEvent;
import io.sangdam.engine.routing.RoutingEvent.ContactOffered;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A real engine in steady state: every agent on a call, {@code waiting} contacts in the queues. One
 * {@link #cycle()} is one routing decision for a freed agent: a call ends, the engine picks the
 * best waiting contact for that agent and offers it, the agent accepts, and a new contact arrives in
 * the same queue (so the backlog keeps its size and mix). The virtual clock moves 1 ms per cycle, so
 * offer and overflow timers run as they would live.
 */
final class BusyCenter implements Consumer<RoutingEvent> {
    final RoutingEngine engine;
    /** The contact each agent holds, by agent number ("a17" holds holding[17]). */
    private final ContactId[] holding;

    private final List<AgentId> agents = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(11);
    private final int queues;
    private long next;
    private long offeredDuringSetup;
    private int turn;
    private long clock;
    private final List<ContactOffered> offers = new ArrayList<>();
    private @Nullable QueueId lastTaken;

    BusyCenter(int agentCount, int waiting, int queueCount, int skills) {
        this.queues = queueCount;
        this.holding = new ContactId[agentCount];
        engine = RoutingEngine.start(LargeCenter.configuration(queueCount, skills), LargeCenter.START);
        clock = LargeCenter.START.toEpochMilli();
        for (AgentProfile profile : LargeCenter.agents(agentCount, skills, 5)) {
            engine.apply(new AgentLoggedIn(profile), this);
            agents.add(profile.id());
        }
        // Arrivals until every agent who can work is busy and the backlog has the wanted size.
        // Every offer is accepted at once, so waiting = arrivals - offers.
        while (next - offeredDuringSetup < waiting) {
            arrive(QueueId.of("q" + random.nextInt(queues)));
        }
    }

    private void arrive(QueueId queue) {
        ContactId id = ContactId.of("c" + next++);
        engine.apply(
                new ContactArrived(
                        id,
                        queue,
                        Channel.VOICE,
                        random.nextInt(3),
                        java.util.Set.of(),
                        null,
                        java.time.Duration.ZERO,
                        null),
                this);
        acceptOffers();
    }

    /** Every agent answers at once; remembers the queue of the last contact taken. */
    private void acceptOffers() {
        for (int i = 0; i < offers.size(); i++) {
            ContactOffered offer = offers.get(i);
            engine.apply(new OfferAccepted(offer.agent(), offer.contact()), this);
            holding[number(offer.agent())] = offer.contact();
            offeredDuringSetup++;
            lastTaken = offer.queue();
        }
        offers.clear();
    }

    /** One freed-agent decision (plus the accept and the replacement arrival). */
    long cycle() {
        prepare();
        decide();
        return finish();
    }

    /** Set by prepare(), which every decide() follows. */
    private @Nullable ContactId ending;

    /** Moves the clock 1 ms (firing due timers) and picks the call that will end next. */
    void prepare() {
        clock++;
        engine.apply(new ClockAdvanced(Instant.ofEpochMilli(clock)), this);
        acceptOffers();
        ContactId found = null;
        for (int tries = 0; tries < agents.size() && found == null; tries++) {
            AgentId agent = agents.get(turn);
            turn = (turn + 1) % agents.size();
            int number = number(agent);
            found = holding[number];
            holding[number] = null;
        }
        if (found == null) {
            throw new IllegalStateException("no agent holds a contact");
        }
        ending = found;
    }

    /** The decision: the call ends, the engine offers the freed agent its best waiting contact. */
    void decide() {
        lastTaken = null;
        if (ending == null) {
            throw new IllegalStateException("decide() before prepare()");
        }
        engine.apply(new ContactEnded(ending, false), this);
    }

    /** The agent accepts and a new contact arrives in the same queue. */
    long finish() {
        acceptOffers();
        QueueId taken = lastTaken;
        arrive(taken == null ? QueueId.of("q" + random.nextInt(queues)) : taken);
        return engine.decisions();
    }

    private static int number(AgentId agent) {
        return Integer.parseInt(agent.value(), 1, agent.value().length(), 10);
    }

    @Override
    public void accept(RoutingEvent event) {
        if (event instanceof ContactOffered offered) {
            offers.add(offered);
        }
    }
}
