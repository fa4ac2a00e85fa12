package io.sangdam.engine.simulation;

import io.sangdam.engine.routing.AgentId;
import io.sangdam.engine.routing.AgentProfile;
import io.sangdam.engine.routing.AgentState;
import io.sangdam.engine.routing.ContactAttribute;
import io.sangdam.engine.routing.ContactId;
import io.sangdam.engine.routing.QueueDefinition;
import io.sangdam.engine.routing.QueueId;
import io.sangdam.engine.routing.RoutingCommand;
import io.sangdam.engine.routing.RoutingCommand.AgentLoggedIn;
import io.sangdam.engine.routing.RoutingCommand.AgentLoggedOut;
import io.sangdam.engine.routing.RoutingCommand.AgentWentNotReady;
import io.sangdam.engine.routing.RoutingCommand.ClockAdvanced;
import io.sangdam.engine.routing.RoutingCommand.ContactArrived;
import io.sangdam.engine.routing.RoutingCommand.ContactEnded;
import io.sangdam.engine.routing.RoutingCommand.OfferAccepted;
import io.sangdam.engine.routing.RoutingEngine;
import io.sangdam.engine.routing.RoutingEvent;
import io.sangdam.engine.routing.RoutingEvent.AgentStateChanged;
import io.sangdam.engine.routing.RoutingEvent.ContactAbandoned;
import io.sangdam.engine.routing.RoutingEvent.ContactAssigned;
import io.sangdam.engine.routing.RoutingEvent.ContactCompleted;
import io.sangdam.engine.routing.RoutingEvent.ContactOffered;
import io.sangdam.engine.routing.RoutingEvent.ContactOverflowed;
import io.sangdam.engine.routing.RoutingEvent.ContactQueued;
import io.sangdam.engine.routing.RoutingEvent.ContactTransferred;
import io.sangdam.engine.routing.RoutingEvent.ContactTurnedAway;
import io.sangdam.engine.routing.RoutingEvent.OfferMissed;
import io.sangdam.engine.routing.RoutingEvent.PreferredAgentWaitEnded;
import io.sangdam.engine.routing.RoutingRejected;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link Scenario} through a real {@link RoutingEngine} on a virtual clock. The simulator
 * plays the customers (arrive, wait, give up) and the agents (log in for their shift, answer every
 * offer at once, talk, log out at the end of their shift once their work is done); the engine does
 * all the routing, overflow and wrap-up exactly as it would live.
 *
 * <p>Simplifications, stated so the numbers are read right: agents answer offers instantly and
 * never decline; nothing is transferred; contacts still unanswered 24 hours after the last interval
 * are counted as neither answered nor abandoned.
 */
public final class Simulation {
    private static final String END_OF_SHIFT = "end of shift";
    private static final long DRAIN_LIMIT_MILLIS = Duration.ofHours(24).toMillis();

    private enum Kind {
        ARRIVAL,
        SERVICE_ENDS,
        PATIENCE_ENDS,
        SHIFT_STARTS,
        SHIFT_ENDS
    }

    private record Pending(
            long at,
            long sequence,
            Kind kind,
            int index,
            @Nullable Object subject) {}

    /** The simulator's own record of a contact, for statistics. */
    private static final class Customer {
        final int queue;
        final int interval;
        final long arrival;
        final double patienceSeconds;
        boolean answered;
        long handleMillis;
        long completedAt = -1;

        Customer(int queue, int interval, long arrival, double patienceSeconds) {
            this.queue = queue;
            this.interval = interval;
            this.arrival = arrival;
            this.patienceSeconds = patienceSeconds;
        }
    }

    private static final class Worker {
        final AgentProfile profile;
        boolean leaving;
        int category = IDLE_OR_OFF;
        long since;

        @Nullable
        Customer lastCompleted;

        long wrapUpStarted = -1;

        Worker(AgentProfile profile) {
            this.profile = profile;
        }
    }

    private static final int IDLE_OR_OFF = 0;
    private static final int IDLE = 1;
    private static final int HANDLING = 2;

    private final Scenario scenario;
    private final RoutingEngine engine;
    private final long start;
    private final long end;
    private final long intervalMillis;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>((a, b) -> {
        int byTime = Long.compare(a.at, b.at);
        return byTime != 0 ? byTime : Long.compare(a.sequence, b.sequence);
    });
    private long sequence;
    private final SplittableRandom arrivals;
    private final SplittableRandom handling;
    private final SplittableRandom patience;
    private final SplittableRandom attendance;
    private final Map<QueueId, Integer> queueIndex = new HashMap<>();
    private final int[] demandOfQueue;
    private final Map<ContactId, Customer> customers = new HashMap<>();
    private final Map<AgentId, Worker> workers = new HashMap<>();
    private final ArrayDeque<RoutingEvent> inbox = new ArrayDeque<>();
    private long contactCounter;
    private final Tally tally;

    private Simulation(Scenario scenario) {
        this.scenario = scenario;
        this.engine = RoutingEngine.start(scenario.routing(), scenario.start());
        this.start = scenario.start().toEpochMilli();
        this.intervalMillis = scenario.interval().toMillis();
        this.end = start + intervalMillis * scenario.intervals();
        SplittableRandom root = new SplittableRandom(scenario.seed());
        this.arrivals = root.split();
        this.handling = root.split();
        this.patience = root.split();
        this.attendance = root.split();
        List<QueueDefinition> queues = scenario.routing().queues();
        for (int i = 0; i < queues.size(); i++) {
            queueIndex.put(queues.get(i).id(), i);
        }
        demandOfQueue = new int[queues.size()];
        java.util.Arrays.fill(demandOfQueue, -1);
        for (int i = 0; i < scenario.demand().size(); i++) {
            Integer queue = queueIndex.get(scenario.demand().get(i).queue());
            if (queue == null) {
                throw new IllegalArgumentException(
                        "demand for unknown queue " + scenario.demand().get(i).queue());
            }
            demandOfQueue[queue] = i;
        }
        this.tally = new Tally(scenario, queues.size());
    }

    /** Runs the whole scenario and returns its report. */
    public static SimulationReport run(Scenario scenario) {
        Simulation simulation = new Simulation(scenario);
        simulation.simulate();
        return simulation.tally.report(simulation.engine.decisions());
    }

    private void simulate() {
        for (int demand = 0; demand < scenario.demand().size(); demand++) {
            scheduleNextArrival(demand, start);
        }
        for (Staffing staffing : scenario.staffing()) {
            for (int i = 1; i <= staffing.agents(); i++) {
                if (attendance.nextDouble() < staffing.absenteeism()) {
                    continue;
                }
                AgentId id = AgentId.of(staffing.name() + "-" + i);
                AgentProfile profile = new AgentProfile(
                        id,
                        staffing.profile().skills(),
                        staffing.profile().groups(),
                        staffing.profile().capacity(),
                        staffing.profile().voiceExcludesOtherWork());
                Worker worker = new Worker(profile);
                workers.put(id, worker);
                long shiftStart = start + staffing.shiftStart().toMillis();
                schedule(shiftStart, Kind.SHIFT_STARTS, 0, id);
                schedule(shiftStart + staffing.shiftLength().toMillis(), Kind.SHIFT_ENDS, 0, id);
            }
        }
        long stop = end + DRAIN_LIMIT_MILLIS;
        long clock = start;
        while (true) {
            long simulatorNext = pending.isEmpty() ? Long.MAX_VALUE : pending.peek().at;
            long engineNext = engine.nextDeadlineMillis();
            long next = Math.min(simulatorNext, engineNext);
            if (next == Long.MAX_VALUE || next > stop) {
                break;
            }
            if (next > clock || engineNext <= next) {
                command(new ClockAdvanced(Instant.ofEpochMilli(next)));
                clock = next;
            }
            if (simulatorNext == next) {
                handle(pending.poll());
            }
        }
        // Agents still logged in at the end: their last state runs until the clock stopped.
        for (Worker worker : workers.values()) {
            tally.agentTime(worker.category, worker.since, clock);
        }
    }

    private void schedule(long at, Kind kind, int index, @Nullable Object subject) {
        pending.add(new Pending(at, sequence++, kind, index, subject));
    }

    /**
     * Poisson arrivals with a rate that is constant within an interval: draw an exponential gap at the
     * current rate; if it crosses the interval's end, start again at the next interval (memoryless, so
     * this is exact).
     */
    private void scheduleNextArrival(int demandIndex, long from) {
        Demand demand = scenario.demand().get(demandIndex);
        double totalWeight = 0;
        for (double weight : demand.curve()) {
            totalWeight += weight;
        }
        long at = from;
        while (at < end) {
            int interval = (int) ((at - start) / intervalMillis);
            double weight = interval < demand.curve().length ? demand.curve()[interval] : 0;
            double perMilli = totalWeight <= 0 ? 0 : demand.contactsPerDay() * weight / totalWeight / intervalMillis;
            long intervalEnd = start + (interval + 1) * intervalMillis;
            if (perMilli <= 0) {
                at = intervalEnd;
                continue;
            }
            double gap = -Math.log(1.0 - arrivals.nextDouble()) / perMilli;
            if (at + gap >= intervalEnd) {
                at = intervalEnd;
                continue;
            }
            schedule(at + Math.max(0, (long) gap), Kind.ARRIVAL, demandIndex, null);
            return;
        }
    }

    private void handle(Pending next) {
        switch (next.kind) {
            case ARRIVAL -> arrive(next.index, next.at);
            case SERVICE_ENDS -> {
                ContactId contact = (ContactId) subject(next);
                if (customers.containsKey(contact)) {
                    command(new ContactEnded(contact, false));
                }
            }
            case PATIENCE_ENDS -> {
                ContactId contact = (ContactId) subject(next);
                Customer customer = customers.get(contact);
                if (customer != null && !customer.answered) {
                    command(new ContactEnded(contact, false));
                }
            }
            case SHIFT_STARTS -> {
                Worker worker = worker((AgentId) subject(next));
                command(new AgentLoggedIn(worker.profile));
            }
            case SHIFT_ENDS -> {
                Worker worker = worker((AgentId) subject(next));
                worker.leaving = true;
                command(new AgentWentNotReady(worker.profile.id(), END_OF_SHIFT));
            }
        }
    }

    private void arrive(int demandIndex, long at) {
        Demand demand = scenario.demand().get(demandIndex);
        Integer queue = queueIndex.get(demand.queue());
        if (queue == null) {
            throw new IllegalStateException("demand for a queue the scenario does not route: " + demand.queue());
        }
        QueueDefinition definition = scenario.routing().queues().get(queue);
        ContactId id = ContactId.of("c" + (++contactCounter));
        int interval = (int) ((at - start) / intervalMillis);
        Customer customer = new Customer(queue, interval, at, demand.patience().sampleSeconds(patience));
        customers.put(id, customer);
        tally.offered(queue, interval);
        ContactArrived arrived = ContactArrived.of(id.value(), demand.queue().value(), definition.channel());
        if (demand.seniorShare() > 0 && arrivals.nextDouble() < demand.seniorShare()) {
            arrived = arrived.withAttributes(ContactAttribute.SENIOR);
        }
        command(arrived);
        if (customers.containsKey(id) && !customer.answered) {
            schedule(at + (long) (customer.patienceSeconds * 1000), Kind.PATIENCE_ENDS, 0, id);
        }
        scheduleNextArrival(demandIndex, at);
    }

    /** Applies a command and everything the simulated people do in reaction, at the same instant. */
    private void command(RoutingCommand first) {
        apply(first);
        while (!inbox.isEmpty()) {
            react(inbox.poll());
        }
    }

    private void apply(RoutingCommand command) {
        try {
            engine.apply(command, inbox::add);
        } catch (RoutingRejected rejected) {
            throw new IllegalStateException("the simulator sent an invalid command " + command, rejected);
        }
    }

    private void react(RoutingEvent event) {
        long now = event.at().toEpochMilli();
        switch (event) {
            case ContactOffered offered -> apply(new OfferAccepted(offered.agent(), offered.contact()));
            case ContactAssigned assigned -> {
                Customer customer = customer(customers.get(assigned.contact()), assigned.contact());
                customer.answered = true;
                tally.answered(customer.queue, customer.interval, now - customer.arrival);
                double talk = scenario.demand()
                        .get(demandOfQueue[customer.queue])
                        .handling()
                        .sampleSeconds(handling);
                long talkMillis = Math.max(1, (long) (talk * 1000));
                customer.handleMillis = talkMillis;
                schedule(now + talkMillis, Kind.SERVICE_ENDS, 0, assigned.contact());
            }
            case ContactCompleted completed -> {
                Customer customer = customer(customers.remove(completed.contact()), completed.contact());
                customer.completedAt = now;
                Worker worker = worker(completed.agent());
                worker.lastCompleted = customer;
                tally.handled(customer.queue, customer.interval, customer.handleMillis);
            }
            case ContactAbandoned abandoned -> {
                Customer customer = customer(customers.remove(abandoned.contact()), abandoned.contact());
                tally.abandoned(customer.queue, customer.interval, now - customer.arrival);
            }
            case ContactTurnedAway turnedAway -> {
                Customer customer = customer(customers.remove(turnedAway.contact()), turnedAway.contact());
                tally.turnedAway(customer.queue, customer.interval);
            }
            case AgentStateChanged changed -> agentChanged(changed, now);
            case ContactQueued ignored -> {}
            case ContactOverflowed ignored -> {}
            case ContactTransferred ignored -> {}
            case RoutingEvent.ContactMoved ignored -> {}
            case OfferMissed ignored -> {}
            case PreferredAgentWaitEnded ignored -> {}
        }
    }

    /*
     * The engine only names contacts and agents the simulator told it of, and the simulator schedules
     * shift and service events with their subject: a miss here is a bug in the simulator, said plainly
     * instead of as a NullPointerException further on.
     */
    private static Object subject(Pending pending) {
        if (pending.subject == null) {
            throw new IllegalStateException("a " + pending.kind + " event without its subject");
        }
        return pending.subject;
    }

    private Worker worker(AgentId agent) {
        Worker worker = workers.get(agent);
        if (worker == null) {
            throw new IllegalStateException("an event for an agent the simulator did not log in: " + agent);
        }
        return worker;
    }

    private static Customer customer(@Nullable Customer customer, ContactId contact) {
        if (customer == null) {
            throw new IllegalStateException("an event for a contact the simulator did not send: " + contact);
        }
        return customer;
    }

    private void agentChanged(AgentStateChanged changed, long now) {
        Worker worker = worker(changed.agent());
        int category = switch (changed.state()) {
            case AgentState.Available available -> IDLE;
            case AgentState.Reserved reserved -> HANDLING;
            case AgentState.Busy busy -> HANDLING;
            case AgentState.WrapUp wrapUp -> HANDLING;
            case AgentState.NotReady notReady -> IDLE_OR_OFF;
            case AgentState.Recovery recovery -> IDLE_OR_OFF;
            case AgentState.Offline offline -> IDLE_OR_OFF;
        };
        // Wrap-up belongs to the handling time of the contact it follows.
        if (worker.wrapUpStarted >= 0 && !(changed.state() instanceof AgentState.WrapUp)) {
            Customer customer = worker.lastCompleted;
            if (customer != null) {
                tally.handledMore(customer.queue, customer.interval, now - worker.wrapUpStarted);
            }
            worker.wrapUpStarted = -1;
        }
        if (changed.state() instanceof AgentState.WrapUp && worker.wrapUpStarted < 0) {
            worker.wrapUpStarted = now;
        }
        tally.agentTime(worker.category, worker.since, now);
        worker.category = category;
        worker.since = now;
        if (worker.leaving && changed.state() instanceof AgentState.NotReady) {
            apply(new AgentLoggedOut(worker.profile.id()));
        }
    }
}
