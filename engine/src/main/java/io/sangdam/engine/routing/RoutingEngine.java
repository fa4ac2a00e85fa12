package io.sangdam.engine.routing;

import io.sangdam.engine.routing.RoutingCommand.AgentBecameReady;
import io.sangdam.engine.routing.RoutingCommand.AgentLoggedIn;
import io.sangdam.engine.routing.RoutingCommand.AgentLoggedOut;
import io.sangdam.engine.routing.RoutingCommand.AgentWentNotReady;
import io.sangdam.engine.routing.RoutingCommand.ClockAdvanced;
import io.sangdam.engine.routing.RoutingCommand.ContactArrived;
import io.sangdam.engine.routing.RoutingCommand.ContactEnded;
import io.sangdam.engine.routing.RoutingCommand.MoveRequested;
import io.sangdam.engine.routing.RoutingCommand.OfferAccepted;
import io.sangdam.engine.routing.RoutingCommand.OfferDeclined;
import io.sangdam.engine.routing.RoutingCommand.RecoveryExtended;
import io.sangdam.engine.routing.RoutingCommand.TransferRequested;
import io.sangdam.engine.routing.RoutingCommand.WrapUpEnded;
import io.sangdam.engine.routing.RoutingEvent.AgentStateChanged;
import io.sangdam.engine.routing.RoutingEvent.ContactAbandoned;
import io.sangdam.engine.routing.RoutingEvent.ContactAssigned;
import io.sangdam.engine.routing.RoutingEvent.ContactCompleted;
import io.sangdam.engine.routing.RoutingEvent.ContactMoved;
import io.sangdam.engine.routing.RoutingEvent.ContactOffered;
import io.sangdam.engine.routing.RoutingEvent.ContactOverflowed;
import io.sangdam.engine.routing.RoutingEvent.ContactQueued;
import io.sangdam.engine.routing.RoutingEvent.ContactTransferred;
import io.sangdam.engine.routing.RoutingEvent.ContactTurnedAway;
import io.sangdam.engine.routing.RoutingEvent.OfferMissed;
import io.sangdam.engine.routing.RoutingEvent.PreferredAgentWaitEnded;
import io.sangdam.engine.routing.RoutingRejected.Problem;
import io.sangdam.engine.routing.RoutingSnapshot.AgentView;
import io.sangdam.engine.routing.RoutingSnapshot.ContactStatus;
import io.sangdam.engine.routing.RoutingSnapshot.ContactView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The ACD: decides which agent gets which contact. Single-threaded and deterministic: the same
 * configuration, start time and commands always give the same events.
 *
 * <p>Use: {@link #start} it, then for each command call {@link #apply(RoutingCommand, Consumer)}
 * (or {@link #apply(RoutingCommand)}). Send {@link ClockAdvanced} before each command with the
 * current time and whenever {@link #nextDeadline()} is due, so offers time out and overflow steps
 * apply. A rejected command throws {@link RoutingRejected} and changes nothing.
 *
 * <p>Hazards: not thread-safe (confine it to one thread or guard it with one lock); the event
 * consumer must not throw and must not call back into the engine (that is refused), because a
 * command half applied cannot be rolled back.
 */
public final class RoutingEngine {

    /** Sees every offer decision before it is carried out; for tests in this package. */
    interface DecisionWatcher {
        void offering(Contact contact, Agent agent, RoutingEngine engine);
    }

    private static final Consumer<RoutingEvent> NOWHERE = event -> {};

    private final RoutingConfiguration configuration;
    private final RoutingSettings settings;
    private final long epoch;
    private long now;
    private final Map<QueueId, ContactQueue> queues;
    private final List<Pool> pools = new ArrayList<>();
    /** {@link #pools} as an array: read on every decision, where the list would cost another hop. */
    private Pool[] poolByIndex = new Pool[0];

    private PoolHeads heads = new PoolHeads(0);
    private double[] agingOfPool = new double[0];
    /** Lane index by contact attribute ordinal; 0 = no lane. */
    private final int[] laneOfAttribute = new int[ContactAttribute.values().length];

    private final List<AgentGroupId> laneGroups = new ArrayList<>();
    private final AgentsById agents = new AgentsById();
    private final List<Agent> agentsInLoginOrder = new ArrayList<>();
    private final ContactsById contacts = new ContactsById();
    private final Timers timers;
    /** First lane of each queue's wrap-up and overflow timers; see {@link Timers}. */
    private static final int OFFER_LANE = 0;

    private static final int KEEP_AWAY_LANE = 1;
    private static final int RECOVERY_LANE = 2;
    private static final java.time.Duration MAXIMUM_RECOVERY_EXTENSION = java.time.Duration.ofDays(1);
    private static final int FIXED_LANES = 3;
    private long timerSequence;
    private long contactSequence;
    private long offerOrdinal;
    private long decisions;
    private Consumer<? super RoutingEvent> events = NOWHERE;
    private boolean applying;
    private long instantMillis = Long.MIN_VALUE;
    private Instant instant = Instant.EPOCH;
    private @Nullable DecisionWatcher watcher;

    private RoutingEngine(RoutingConfiguration configuration, Instant start) {
        this.configuration = configuration;
        this.settings = configuration.settings();
        this.epoch = start.toEpochMilli();
        this.now = epoch;
        this.queues = compileQueues(configuration);
        int lanes = FIXED_LANES;
        for (ContactQueue queue : queues.values()) {
            queue.firstTimerLane = lanes;
            lanes += 1 + queue.steps.length;
        }
        this.timers = new Timers(lanes);
    }

    /** A new engine at time {@code start}, with no agents logged in and no contacts. */
    public static RoutingEngine start(RoutingConfiguration configuration, Instant start) {
        return new RoutingEngine(configuration, start);
    }

    public RoutingConfiguration configuration() {
        return configuration;
    }

    public Instant now() {
        return Instant.ofEpochMilli(now);
    }

    /** When the engine next needs a {@link ClockAdvanced}, if any timer is pending. */
    public Optional<Instant> nextDeadline() {
        long next = nextDeadlineMillis();
        return next == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(next));
    }

    /** Like {@link #nextDeadline()} without allocation; {@code Long.MAX_VALUE} when none. */
    public long nextDeadlineMillis() {
        while (!timers.isEmpty() && !isLive(timers.nextKind(), timers.nextTarget(), timers.nextGeneration())) {
            timers.poll();
        }
        return timers.nextAt();
    }

    /** How many offers the engine has made since it started: its routing decisions. */
    public long decisions() {
        return decisions;
    }

    /**
     * Contacts waiting (in a queue or for their preferred agent), not offered or assigned. Costs a
     * pass over pools and agents: for dashboards, not for every command.
     */
    public int waitingContacts() {
        int waiting = 0;
        for (Pool pool : pools) {
            waiting += pool.waiting.size();
        }
        for (Agent agent : agentsInLoginOrder) {
            waiting += agent.preferredCount;
        }
        return waiting;
    }

    public AgentState agentState(AgentId agent) {
        Agent found = agents.get(agent);
        if (found == null) {
            throw new RoutingRejected(Problem.UNKNOWN_AGENT, agent.value());
        }
        return found.state;
    }

    /** Applies one command and returns the events it caused, in order. */
    public List<RoutingEvent> apply(RoutingCommand command) {
        List<RoutingEvent> caused = new ArrayList<>(4);
        apply(command, caused::add);
        return caused;
    }

    /** Applies one command, handing each event to {@code consumer} as it happens. */
    public void apply(RoutingCommand command, Consumer<? super RoutingEvent> consumer) {
        if (applying) {
            throw new IllegalStateException("a command was applied from inside an event consumer");
        }
        applying = true;
        events = consumer;
        try {
            switch (command) {
                case ClockAdvanced advanced -> advanceClock(advanced);
                case AgentLoggedIn loggedIn -> logIn(loggedIn);
                case AgentLoggedOut loggedOut -> logOut(loggedOut);
                case AgentBecameReady ready -> becomeReady(ready);
                case AgentWentNotReady notReady -> goNotReady(notReady);
                case ContactArrived arrived -> arrive(arrived);
                case OfferAccepted accepted -> accept(accepted);
                case OfferDeclined declined -> decline(declined);
                case TransferRequested transfer -> transfer(transfer);
                case MoveRequested move -> move(move);
                case ContactEnded ended -> end(ended);
                case WrapUpEnded wrapUpEnded -> endWrapUp(wrapUpEnded);
                case RecoveryExtended extended -> extendRecovery(extended);
            }
        } finally {
            events = NOWHERE;
            applying = false;
        }
    }

    // ---------------------------------------------------------------- configuration

    private Map<QueueId, ContactQueue> compileQueues(RoutingConfiguration configuration) {
        for (ContactAttribute attribute : ContactAttribute.values()) {
            AgentGroupId group = configuration.lanes().get(attribute);
            if (group != null) {
                int index = laneGroups.indexOf(group);
                if (index < 0) {
                    laneGroups.add(group);
                    index = laneGroups.size() - 1;
                }
                laneOfAttribute[attribute.ordinal()] = index + 1;
            }
        }
        if (configuration.settings().offerTimeout().isNegative()
                || configuration.settings().offerTimeout().isZero()
                || configuration.settings().reofferDelay().isNegative()
                || configuration.settings().recoveryBreak().isNegative()) {
            throw new RoutingRejected(Problem.INVALID_CONFIGURATION, "settings durations must be positive");
        }
        Map<QueueId, ContactQueue> compiled = new LinkedHashMap<>();
        for (QueueDefinition definition : configuration.queues()) {
            if (compiled.containsKey(definition.id())) {
                throw new RoutingRejected(Problem.INVALID_CONFIGURATION, "queue " + definition.id() + " defined twice");
            }
            if (definition.wrapUp().isNegative() || definition.agingPerMinute() < 0) {
                throw new RoutingRejected(
                        Problem.INVALID_CONFIGURATION,
                        "queue " + definition.id() + ": wrap-up and aging must not be negative");
            }
            compiled.put(definition.id(), new ContactQueue(compiled.size(), definition));
        }
        int poolCount = 0;
        for (QueueDefinition definition : configuration.queues()) {
            int stages = 1;
            for (OverflowStep step : definition.overflow()) {
                if (!(step.action() instanceof OverflowAction.MoveToQueue)) {
                    stages++;
                }
            }
            poolCount += stages * (laneGroups.size() + 1);
        }
        heads = new PoolHeads(poolCount);
        for (ContactQueue queue : compiled.values()) {
            compileStages(queue, compiled);
        }
        poolByIndex = pools.toArray(new Pool[0]);
        agingOfPool = new double[pools.size()];
        for (Pool pool : pools) {
            agingOfPool[pool.index] = pool.agingPerMilli;
        }
        return compiled;
    }

    private void compileStages(ContactQueue queue, Map<QueueId, ContactQueue> compiled) {
        QueueDefinition definition = queue.definition;
        Map<SkillId, Integer> minimums = new LinkedHashMap<>();
        for (SkillRequirement requirement : definition.requiredSkills()) {
            checkLevel(requirement.minimumLevel(), "queue " + definition.id() + " skill " + requirement.skill());
            minimums.put(requirement.skill(), requirement.minimumLevel());
        }
        Set<AgentGroupId> groups = new LinkedHashSet<>(definition.agentGroups());
        List<Map<SkillId, Integer>> stageMinimums = new ArrayList<>();
        List<Set<AgentGroupId>> stageGroups = new ArrayList<>();
        stageMinimums.add(Map.copyOf(minimums));
        stageGroups.add(Set.copyOf(groups));
        List<ContactQueue.Step> steps = new ArrayList<>();
        long previous = -1;
        for (OverflowStep step : definition.overflow()) {
            long after = step.after().toMillis();
            if (after <= previous || after < 0) {
                throw new RoutingRejected(
                        Problem.INVALID_CONFIGURATION,
                        "queue " + definition.id() + ": overflow steps must come at increasing times");
            }
            if (!steps.isEmpty() && steps.getLast().moveTo() != null) {
                throw new RoutingRejected(
                        Problem.INVALID_CONFIGURATION,
                        "queue " + definition.id() + ": no overflow step can follow a move to another queue");
            }
            previous = after;
            switch (step.action()) {
                case OverflowAction.LowerMinimumLevel lower -> {
                    checkLevel(lower.level(), "queue " + definition.id() + " overflow " + lower.skill());
                    Integer current = minimums.get(lower.skill());
                    if (current == null) {
                        throw new RoutingRejected(
                                Problem.INVALID_CONFIGURATION,
                                "queue " + definition.id() + " does not require " + lower.skill());
                    }
                    minimums.put(lower.skill(), Math.min(current, lower.level()));
                    stageMinimums.add(Map.copyOf(minimums));
                    stageGroups.add(Set.copyOf(groups));
                    steps.add(new ContactQueue.Step(after, null));
                }
                case OverflowAction.WidenToGroup widen -> {
                    if (!groups.isEmpty()) {
                        groups.add(widen.group());
                    }
                    stageMinimums.add(Map.copyOf(minimums));
                    stageGroups.add(Set.copyOf(groups));
                    steps.add(new ContactQueue.Step(after, null));
                }
                case OverflowAction.MoveToQueue move -> {
                    ContactQueue target = compiled.get(move.queue());
                    if (target == null) {
                        throw new RoutingRejected(
                                Problem.UNKNOWN_QUEUE, "overflow of " + definition.id() + " to " + move.queue());
                    }
                    if (target.channel != queue.channel) {
                        throw new RoutingRejected(
                                Problem.CHANNEL_MISMATCH,
                                "overflow of " + definition.id() + " to " + move.queue() + " on another channel");
                    }
                    steps.add(new ContactQueue.Step(after, target));
                }
            }
        }
        queue.steps = steps.toArray(new ContactQueue.Step[0]);
        queue.pools = new Pool[stageMinimums.size()][laneGroups.size() + 1];
        for (int stage = 0; stage < stageMinimums.size(); stage++) {
            Map<SkillId, Integer> stageMinimum = stageMinimums.get(stage);
            SkillId[] skills = new SkillId[stageMinimum.size()];
            int[] levels = new int[stageMinimum.size()];
            int i = 0;
            for (SkillRequirement requirement : definition.requiredSkills()) {
                skills[i] = requirement.skill();
                Integer level = stageMinimum.get(requirement.skill());
                if (level == null) {
                    // Each stage copies the map built from these same requirements, so this is a bug here.
                    throw new IllegalStateException("stage " + stage + " lost the skill " + requirement.skill());
                }
                levels[i] = level;
                i++;
            }
            for (int lane = 0; lane <= laneGroups.size(); lane++) {
                Pool pool = new Pool(
                        pools.size(),
                        queue,
                        stage,
                        skills,
                        levels,
                        stageGroups.get(stage),
                        lane == 0 ? null : laneGroups.get(lane - 1),
                        lane,
                        heads);
                pools.add(pool);
                queue.pools[stage][lane] = pool;
            }
        }
    }

    private static void checkLevel(int level, String what) {
        if (level < 1 || level > 10) {
            throw new RoutingRejected(Problem.SKILL_LEVEL_OUT_OF_RANGE, what + " level " + level + " is not 1 to 10");
        }
    }

    // ---------------------------------------------------------------- lookups that reject

    private Agent knownAgent(AgentId id) {
        Agent agent = agents.get(id);
        if (agent == null) {
            throw new RoutingRejected(Problem.UNKNOWN_AGENT, id.value());
        }
        return agent;
    }

    private Agent loggedInAgent(AgentId id) {
        Agent agent = knownAgent(id);
        if (!agent.loggedIn) {
            throw new RoutingRejected(Problem.AGENT_OFFLINE, id.value());
        }
        return agent;
    }

    private Contact knownContact(ContactId id) {
        Contact contact = contacts.get(id);
        if (contact == null) {
            throw new RoutingRejected(Problem.UNKNOWN_CONTACT, id.value());
        }
        return contact;
    }

    private ContactQueue knownQueue(QueueId id) {
        ContactQueue queue = queues.get(id);
        if (queue == null) {
            throw new RoutingRejected(Problem.UNKNOWN_QUEUE, id.value());
        }
        return queue;
    }

    private boolean open(ContactQueue queue) {
        return queue.alwaysOpen || queue.definition.hours().isOpen(Instant.ofEpochMilli(now));
    }

    // ---------------------------------------------------------------- commands

    private void advanceClock(ClockAdvanced advanced) {
        long target = advanced.to().toEpochMilli();
        if (target < now) {
            throw new RoutingRejected(Problem.CLOCK_WENT_BACKWARDS, advanced.to() + " is before " + now());
        }
        while (!timers.isEmpty() && timers.nextAt() <= target) {
            long at = timers.nextAt();
            Timer.Kind kind = timers.nextKind();
            @Nullable Object guarded = timers.nextTarget();
            int generation = timers.nextGeneration();
            timers.poll();
            if (at > now) {
                now = at;
            }
            fire(kind, guarded, generation);
        }
        now = target;
    }

    private void logIn(AgentLoggedIn loggedIn) {
        AgentProfile profile = loggedIn.profile();
        for (Map.Entry<SkillId, Integer> skill : profile.skills().entrySet()) {
            checkLevel(skill.getValue(), "agent " + profile.id() + " skill " + skill.getKey());
        }
        for (Map.Entry<Channel, Integer> capacity : profile.capacity().entrySet()) {
            if (capacity.getValue() < 0) {
                throw new RoutingRejected(
                        Problem.NEGATIVE_CAPACITY,
                        "agent " + profile.id() + " " + capacity.getKey() + " capacity " + capacity.getValue());
            }
        }
        String notReadyReason = loggedIn.notReadyReason();
        if (notReadyReason != null && notReadyReason.isBlank()) {
            throw new RoutingRejected(Problem.INVALID_COMMAND, "a not-ready reason must not be blank");
        }
        Agent agent = agents.get(profile.id());
        if (agent != null && agent.loggedIn) {
            throw new RoutingRejected(
                    Problem.AGENT_ALREADY_LOGGED_IN, profile.id().value());
        }
        if (agent == null) {
            agent = new Agent(agentsInLoginOrder.size(), profile.id(), profile);
            agents.add(agent);
            agentsInLoginOrder.add(agent);
        }
        agent.profile = profile;
        for (Channel channel : Channel.values()) {
            agent.capacity(channel.ordinal(), profile.capacityFor(channel));
        }
        agent.voiceExclusive = profile.voiceExcludesOtherWork();
        List<Pool> qualified = new ArrayList<>();
        for (Pool pool : pools) {
            if (pool.admits(profile)) {
                qualified.add(pool);
            }
        }
        agent.pools = qualified.toArray(Agent.NO_POOLS);
        agent.poolIndexes = new int[agent.pools.length];
        for (int i = 0; i < agent.pools.length; i++) {
            agent.poolIndexes[i] = agent.pools[i].index;
        }
        List<Pool> homes = new ArrayList<>();
        for (Pool pool : qualified) {
            // Qualifying only widens with the stage, so the home is the first stage that admits it.
            if (pool.stage == 0 || !pool.queue.pools[pool.stage - 1][pool.laneIndex].admits(profile)) {
                homes.add(pool);
            }
        }
        agent.homes = homes.toArray(Agent.NO_POOLS);
        agent.skillScores = new long[agent.homes.length];
        agent.tokens = new long[agent.homes.length];
        agent.listings = 0;
        for (int i = 0; i < agent.homes.length; i++) {
            agent.skillScores[i] = agent.homes[i].skillScore(profile);
        }
        agent.loggedIn = true;
        agent.notReadyReason = notReadyReason;
        agent.missedInRow = 0;
        agent.idleSince = now;
        agent.busyMillis = 0;
        settle(agent, true);
    }

    private void logOut(AgentLoggedOut loggedOut) {
        Agent agent = loggedInAgent(loggedOut.agent());
        if (agent.offered != null || agent.activeTotal > 0) {
            throw new RoutingRejected(
                    Problem.AGENT_HAS_WORK, "agent " + agent.id + " still holds contacts; end or transfer them first");
        }
        agent.loggedIn = false;
        agent.wrapUpUntil = Agent.NONE;
        agent.recoveryUntil = Agent.NONE;
        agent.wrapUpGeneration++;
        agent.recoveryGeneration++;
        List<Contact> released = List.of(Arrays.copyOf(agent.preferredBy, agent.preferredCount));
        Arrays.fill(agent.preferredBy, null);
        agent.preferredCount = 0;
        settle(agent, false);
        for (Contact contact : released) {
            stopWaitingForPreferred(contact);
            contact.pool.waiting.add(contact);
        }
        for (Contact contact : released) {
            routeContact(contact);
        }
    }

    private void becomeReady(AgentBecameReady ready) {
        Agent agent = loggedInAgent(ready.agent());
        boolean wasNotReady = agent.notReadyReason != null;
        agent.notReadyReason = null;
        agent.missedInRow = 0;
        if (wasNotReady) {
            agent.idleSince = now;
        }
        settle(agent, wasNotReady);
    }

    private void goNotReady(AgentWentNotReady notReady) {
        if (notReady.reason().isBlank()) {
            throw new RoutingRejected(Problem.INVALID_COMMAND, "a not-ready reason is required");
        }
        Agent agent = loggedInAgent(notReady.agent());
        agent.notReadyReason = notReady.reason();
        settle(agent, false);
    }

    private void arrive(ContactArrived arrived) {
        ContactQueue queue = knownQueue(arrived.queue());
        if (contacts.contains(arrived.contact())) {
            throw new RoutingRejected(
                    Problem.DUPLICATE_CONTACT, arrived.contact().value());
        }
        if (arrived.channel().ordinal() != queue.channel) {
            throw new RoutingRejected(
                    Problem.CHANNEL_MISMATCH,
                    arrived.contact() + " is " + arrived.channel() + " but queue " + queue.id + " takes "
                            + queue.definition.channel());
        }
        if (arrived.preferredAgentWait().isNegative()) {
            throw new RoutingRejected(Problem.INVALID_COMMAND, "preferred agent wait is negative");
        }
        long originalArrival = arrived.originalArrival() == null
                ? now
                : arrived.originalArrival().toEpochMilli();
        if (originalArrival > now) {
            throw new RoutingRejected(Problem.INVALID_COMMAND, "original arrival is in the future");
        }
        if (!open(queue)) {
            emit(new ContactTurnedAway(at(), arrived.contact(), queue.id));
            return;
        }
        int lane = 0;
        for (ContactAttribute attribute : ContactAttribute.values()) {
            if (arrived.attributes().contains(attribute) && laneOfAttribute[attribute.ordinal()] != 0) {
                lane = laneOfAttribute[attribute.ordinal()];
                break;
            }
        }
        Contact contact = new Contact(
                arrived.contact(),
                contactSequence++,
                arrived.channel(),
                arrived.priority(),
                arrived.attributes(),
                originalArrival,
                lane,
                queue);
        contacts.add(contact);
        AgentId preferred = arrived.preferredAgent();
        if (preferred != null && arrived.preferredAgentWait().isPositive()) {
            Agent agent = agents.get(preferred);
            // An unknown or offline preferred agent is not an error: the customer's agent may be off
            // today. The contact is then routed like any other at once.
            if (agent != null && agent.loggedIn && agent.capacity(contact.channelIndex) > 0) {
                contact.preferred = agent;
                contact.preferredUntil = now + arrived.preferredAgentWait().toMillis();
            }
        }
        enqueue(contact, queue);
        routeContact(contact);
    }

    private void accept(OfferAccepted accepted) {
        Agent agent = loggedInAgent(accepted.agent());
        Contact contact = offeredTo(agent, accepted.contact());
        contact.status = Contact.Status.ASSIGNED;
        contact.overflowGeneration++;
        contact.preferredGeneration++;
        contact.waitingForPreferred = false;
        agent.offered = null;
        agent.missedInRow = 0;
        // The offer timer is dead now (the contact is no longer offered); dropping its target while the
        // lane's tail is in cache spares the clock a read of this contact when the timeout passes.
        timers.cancel(OFFER_LANE, contact.offerTimer);
        hold(agent, contact);
        emit(new ContactAssigned(
                at(), contact.id, agent.id, contact.queue.id, Instant.ofEpochMilli(contact.originalArrival)));
        settle(agent, true);
    }

    private void decline(OfferDeclined declined) {
        Agent agent = loggedInAgent(declined.agent());
        Contact contact = offeredTo(agent, declined.contact());
        missOffer(contact, false);
    }

    private Contact offeredTo(Agent agent, ContactId id) {
        Contact contact = knownContact(id);
        if (contact.status == Contact.Status.ASSIGNED) {
            throw new RoutingRejected(Problem.OFFER_ALREADY_ANSWERED, "contact " + id + " is already assigned");
        }
        if (contact.status != Contact.Status.OFFERED || contact.agent != agent) {
            throw new RoutingRejected(Problem.NO_SUCH_OFFER, "contact " + id + " is not offered to agent " + agent.id);
        }
        return contact;
    }

    private void transfer(TransferRequested transfer) {
        Contact contact = knownContact(transfer.contact());
        if (contact.status != Contact.Status.ASSIGNED) {
            throw new RoutingRejected(Problem.CONTACT_NOT_ASSIGNED, "contact " + contact.id + " is " + contact.status);
        }
        ContactQueue target = knownQueue(transfer.toQueue());
        if (target.channel != contact.channelIndex) {
            throw new RoutingRejected(
                    Problem.CHANNEL_MISMATCH, "queue " + target.id + " takes " + target.definition.channel());
        }
        if (!open(target)) {
            throw new RoutingRejected(Problem.QUEUE_CLOSED, "queue " + target.id + " is outside business hours");
        }
        Agent agent = assignedAgent(contact);
        Agent colleague = null;
        if (transfer.toAgent() != null) {
            if (transfer.toAgentWait().isNegative() || transfer.toAgentWait().isZero()) {
                throw new RoutingRejected(
                        Problem.INVALID_COMMAND, "the wait for agent " + transfer.toAgent() + " is not positive");
            }
            colleague = loggedInAgent(transfer.toAgent());
            if (colleague == agent) {
                throw new RoutingRejected(
                        Problem.INVALID_COMMAND, "agent " + agent.id + " cannot transfer to themselves");
            }
            if (colleague.capacity(contact.channelIndex) == 0) {
                throw new RoutingRejected(
                        Problem.CHANNEL_MISMATCH, "agent " + colleague.id + " takes no " + contact.channel);
            }
        }
        ContactQueue from = contact.queue;
        release(agent, contact);
        emit(new ContactTransferred(at(), contact.id, agent.id, from.id, target.id));
        // The transferring agent must not get the contact straight back.
        contact.exclude(agent);
        keepAwayUntilLater(contact);
        contact.preferred = colleague;
        if (colleague != null) {
            contact.preferredUntil = now + transfer.toAgentWait().toMillis();
        }
        enqueue(contact, target);
        startAfterWork(agent, from, false, transfer.wrapUpUntilEnded());
        routeContact(contact);
        settle(agent, true);
    }

    private void move(MoveRequested move) {
        Contact contact = knownContact(move.contact());
        if (contact.status != Contact.Status.WAITING) {
            throw new RoutingRejected(Problem.CONTACT_NOT_WAITING, "contact " + contact.id + " is " + contact.status);
        }
        ContactQueue target = knownQueue(move.toQueue());
        if (target == contact.queue) {
            throw new RoutingRejected(
                    Problem.INVALID_COMMAND, "contact " + contact.id + " already waits in " + target.id);
        }
        if (target.channel != contact.channelIndex) {
            throw new RoutingRejected(
                    Problem.CHANNEL_MISMATCH, "queue " + target.id + " takes " + target.definition.channel());
        }
        if (!open(target)) {
            throw new RoutingRejected(Problem.QUEUE_CLOSED, "queue " + target.id + " is outside business hours");
        }
        ContactQueue from = contact.queue;
        detachWaiting(contact);
        if (contact.waitingForPreferred) {
            stopWaitingForPreferred(contact);
        }
        contact.preferred = null;
        emit(new ContactMoved(at(), contact.id, from.id, target.id));
        enqueue(contact, target);
        routeContact(contact);
    }

    private void end(ContactEnded ended) {
        Contact contact = knownContact(ended.contact());
        switch (contact.status) {
            case WAITING -> {
                detachWaiting(contact);
                forget(contact);
                emit(new ContactAbandoned(
                        at(), contact.id, contact.queue.id, Instant.ofEpochMilli(contact.originalArrival)));
            }
            case OFFERED -> {
                Agent agent = assignedAgent(contact);
                agent.offered = null;
                forget(contact);
                emit(new ContactAbandoned(
                        at(), contact.id, contact.queue.id, Instant.ofEpochMilli(contact.originalArrival)));
                settle(agent, false);
            }
            case ASSIGNED -> {
                Agent agent = assignedAgent(contact);
                release(agent, contact);
                forget(contact);
                emit(new ContactCompleted(at(), contact.id, agent.id, contact.queue.id));
                startAfterWork(agent, contact.queue, ended.endedForAbuse(), ended.wrapUpUntilEnded());
                settle(agent, true);
            }
            case ENDED -> throw new IllegalStateException("ended contact " + contact.id + " still known");
        }
    }

    private void extendRecovery(RecoveryExtended extended) {
        Agent agent = loggedInAgent(extended.agent());
        if (!extended.by().isPositive() || extended.by().compareTo(MAXIMUM_RECOVERY_EXTENSION) > 0) {
            throw new RoutingRejected(
                    Problem.INVALID_COMMAND, "a recovery break is extended by more than nothing and at most a day");
        }
        if (agent.recoveryUntil == Agent.NONE) {
            throw new RoutingRejected(Problem.NOT_IN_RECOVERY, "agent " + agent.id + " is " + agent.state);
        }
        agent.recoveryUntil += extended.by().toMillis();
        // The old timer dies by its generation; the new one is out of its lane's order, Timers copes.
        agent.recoveryGeneration++;
        schedule(RECOVERY_LANE, agent.recoveryUntil, Timer.Kind.RECOVERY_ENDS, agent, agent.recoveryGeneration);
        showState(agent);
    }

    private void endWrapUp(WrapUpEnded wrapUpEnded) {
        Agent agent = loggedInAgent(wrapUpEnded.agent());
        if (agent.wrapUpUntil == Agent.NONE) {
            throw new RoutingRejected(Problem.NOT_IN_WRAP_UP, "agent " + agent.id + " is " + agent.state);
        }
        agent.wrapUpUntil = Agent.NONE;
        agent.wrapUpGeneration++;
        agent.idleSince = now;
        settle(agent, true);
    }

    // ---------------------------------------------------------------- timers

    /** Schedules a timer guarding {@code target}, a {@link Contact} or an {@link Agent}. */
    private long schedule(int lane, long at, Timer.Kind kind, Object target, int generation) {
        return timers.add(lane, at, timerSequence++, kind, target, generation);
    }

    /** A timer still to act on; its target is null when it was cancelled. */
    private static boolean isLive(Timer.Kind kind, @Nullable Object target, int generation) {
        Contact contact = target instanceof Contact guarded ? guarded : null;
        Agent agent = target instanceof Agent guarded ? guarded : null;
        return switch (kind) {
            case OFFER_EXPIRES ->
                contact != null && contact.status == Contact.Status.OFFERED && contact.offerGeneration == generation;
            case OVERFLOW_DUE ->
                contact != null && contact.status == Contact.Status.WAITING && contact.overflowGeneration == generation;
            case PREFERRED_WAIT_ENDS ->
                contact != null
                        && contact.status == Contact.Status.WAITING
                        && contact.waitingForPreferred
                        && contact.preferredGeneration == generation;
            case KEEP_AWAY_ENDS ->
                contact != null
                        && contact.status != Contact.Status.ENDED
                        && contact.excludedCount > 0
                        && contact.exclusionGeneration == generation;
            case WRAP_UP_ENDS ->
                agent != null && agent.wrapUpUntil != Agent.NONE && agent.wrapUpGeneration == generation;
            case RECOVERY_ENDS ->
                agent != null && agent.recoveryUntil != Agent.NONE && agent.recoveryGeneration == generation;
        };
    }

    private void fire(Timer.Kind kind, @Nullable Object target, int generation) {
        if (!isLive(kind, target, generation)) {
            return;
        }
        Contact contact = target instanceof Contact guarded ? guarded : null;
        Agent agent = target instanceof Agent guarded ? guarded : null;
        switch (kind) {
            case OFFER_EXPIRES -> missOffer(required(contact), true);
            case OVERFLOW_DUE -> {
                applyDueOverflow(required(contact));
                routeContact(required(contact));
            }
            case PREFERRED_WAIT_ENDS -> {
                Contact waiting = required(contact);
                required(waiting.preferred).noLongerPreferredBy(waiting);
                stopWaitingForPreferred(waiting);
                waiting.pool.waiting.add(waiting);
                routeContact(waiting);
            }
            case KEEP_AWAY_ENDS -> {
                Contact kept = required(contact);
                kept.clearExclusions();
                // Only the contact needs routing: an agent it was kept from is in the pool's heap of
                // available agents if it is free, so the contact finds it there.
                routeContact(kept);
            }
            case WRAP_UP_ENDS -> {
                Agent wrapping = required(agent);
                wrapping.wrapUpUntil = Agent.NONE;
                wrapping.idleSince = now;
                settle(wrapping, true);
            }
            case RECOVERY_ENDS -> {
                Agent recovering = required(agent);
                recovering.recoveryUntil = Agent.NONE;
                recovering.idleSince = now;
                settle(recovering, true);
            }
        }
    }

    private static <T> T required(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("timer without its target");
        }
        return value;
    }

    // ---------------------------------------------------------------- contact movement

    /** Puts a contact into {@code queue} at overflow stage 0. Does not route it; callers do. */
    private void enqueue(Contact contact, ContactQueue queue) {
        contact.queue = queue;
        contact.priority = queue.definition.priority() + contact.ownPriority;
        contact.key = contact.priority - queue.agingPerMilli * (contact.originalArrival - epoch);
        contact.queuedAt = now;
        contact.stepsApplied = 0;
        contact.stage = 0;
        contact.pool = queue.pools[0][contact.laneIndex];
        contact.status = Contact.Status.WAITING;
        contact.agent = null;
        contact.overflowGeneration++;
        scheduleNextOverflow(contact);
        emit(new ContactQueued(at(), contact.id, queue.id));
        Agent preferred = contact.preferred;
        if (preferred != null && contact.preferredUntil > now && preferred.loggedIn) {
            contact.waitingForPreferred = true;
            contact.preferredGeneration++;
            preferred.preferredBy(contact);
            schedule(-1, contact.preferredUntil, Timer.Kind.PREFERRED_WAIT_ENDS, contact, contact.preferredGeneration);
        } else {
            contact.waitingForPreferred = false;
            contact.pool.waiting.add(contact);
        }
    }

    private void scheduleNextOverflow(Contact contact) {
        ContactQueue.Step[] steps = contact.queue.steps;
        if (contact.stepsApplied < steps.length) {
            schedule(
                    contact.queue.firstTimerLane + 1 + contact.stepsApplied,
                    contact.queuedAt + steps[contact.stepsApplied].afterMillis(),
                    Timer.Kind.OVERFLOW_DUE,
                    contact,
                    contact.overflowGeneration);
        }
    }

    /** Applies every overflow step that is due for a waiting contact. Does not route it. */
    private void applyDueOverflow(Contact contact) {
        ContactQueue queue = contact.queue;
        ContactQueue.Step[] steps = queue.steps;
        int stageBefore = contact.stage;
        while (contact.stepsApplied < steps.length
                && contact.queuedAt + steps[contact.stepsApplied].afterMillis() <= now) {
            ContactQueue.Step step = steps[contact.stepsApplied];
            contact.stepsApplied++;
            ContactQueue target = step.moveTo();
            if (target != null) {
                detachWaiting(contact);
                if (contact.waitingForPreferred) {
                    stopWaitingForPreferred(contact);
                }
                contact.preferred = null;
                emit(new ContactOverflowed(at(), contact.id, queue.id, target.id, contact.stepsApplied));
                enqueue(contact, target);
                return;
            }
            contact.stage++;
            emit(new ContactOverflowed(at(), contact.id, queue.id, queue.id, contact.stepsApplied));
        }
        if (contact.stage != stageBefore) {
            Pool widened = queue.pools[contact.stage][contact.laneIndex];
            if (contact.heapTicket != 0) {
                contact.pool.waiting.remove(contact);
                contact.pool = widened;
                widened.waiting.add(contact);
            } else {
                contact.pool = widened;
            }
        }
        contact.overflowGeneration++;
        scheduleNextOverflow(contact);
    }

    /** Takes a waiting contact out of its pool heap or its preferred agent's list. */
    private void detachWaiting(Contact contact) {
        if (contact.heapTicket != 0) {
            contact.pool.waiting.remove(contact);
        } else if (contact.waitingForPreferred && contact.preferred != null) {
            contact.preferred.noLongerPreferredBy(contact);
        }
    }

    private void stopWaitingForPreferred(Contact contact) {
        Agent preferred = contact.preferred;
        contact.waitingForPreferred = false;
        contact.preferredGeneration++;
        if (preferred != null) {
            emit(new PreferredAgentWaitEnded(at(), contact.id, preferred.id));
        }
    }

    private void forget(Contact contact) {
        contact.status = Contact.Status.ENDED;
        contact.agent = null;
        contacts.remove(contact);
    }

    private static Agent assignedAgent(Contact contact) {
        Agent agent = contact.agent;
        if (agent == null) {
            throw new IllegalStateException("contact " + contact.id + " has no agent");
        }
        return agent;
    }

    private void keepAwayUntilLater(Contact contact) {
        contact.exclusionGeneration++;
        schedule(
                KEEP_AWAY_LANE,
                now + settings.reofferDelay().toMillis(),
                Timer.Kind.KEEP_AWAY_ENDS,
                contact,
                contact.exclusionGeneration);
    }

    // ---------------------------------------------------------------- offers and work

    private void offer(Contact contact, Agent agent) {
        DecisionWatcher currentWatcher = watcher;
        if (currentWatcher != null) {
            currentWatcher.offering(contact, agent, this);
        }
        if (contact.waitingForPreferred) {
            agent.noLongerPreferredBy(contact);
        } else {
            contact.pool.waiting.remove(contact);
        }
        decisions++;
        contact.status = Contact.Status.OFFERED;
        contact.agent = agent;
        contact.offerGeneration++;
        long expires = now + settings.offerTimeout().toMillis();
        agent.offered = contact;
        agent.lastOfferOrdinal = ++offerOrdinal;
        contact.offerTimer = schedule(OFFER_LANE, expires, Timer.Kind.OFFER_EXPIRES, contact, contact.offerGeneration);
        emit(new ContactOffered(at(), contact.id, agent.id, contact.queue.id, Instant.ofEpochMilli(expires)));
        settle(agent, contact.queue.definition.strategy() == SelectionStrategy.ROUND_ROBIN);
    }

    private void missOffer(Contact contact, boolean timedOut) {
        Agent agent = assignedAgent(contact);
        agent.offered = null;
        agent.missedInRow++;
        emit(new OfferMissed(at(), contact.id, agent.id, timedOut));
        contact.exclude(agent);
        keepAwayUntilLater(contact);
        contact.status = Contact.Status.WAITING;
        contact.agent = null;
        if (contact.waitingForPreferred) {
            // The preferred agent let it ring: stop holding the customer for them.
            stopWaitingForPreferred(contact);
        }
        contact.pool.waiting.add(contact);
        applyDueOverflow(contact);
        int limit = settings.missedOffersInARow();
        if (limit > 0 && agent.missedInRow >= limit) {
            agent.notReadyReason = RoutingSettings.MISSED_OFFERS;
        }
        routeContact(contact);
        settle(agent, false);
    }

    private void hold(Agent agent, Contact contact) {
        if (agent.activeTotal == 0) {
            agent.busySince = now;
        }
        agent.hold(contact);
    }

    private void release(Agent agent, Contact contact) {
        agent.release(contact);
        if (agent.activeTotal == 0) {
            agent.busyMillis += now - agent.busySince;
        }
        agent.idleSince = now;
    }

    private void startAfterWork(Agent agent, ContactQueue queue, boolean endedForAbuse, boolean untilEnded) {
        if (endedForAbuse && settings.recoveryBreak().isPositive()) {
            agent.recoveryUntil = now + settings.recoveryBreak().toMillis();
            agent.recoveryGeneration++;
            schedule(RECOVERY_LANE, agent.recoveryUntil, Timer.Kind.RECOVERY_ENDS, agent, agent.recoveryGeneration);
            if (agent.wrapUpUntil != Agent.NONE) {
                agent.wrapUpUntil = Agent.NONE;
                agent.wrapUpGeneration++;
            }
        } else if (agent.activeTotal == 0 && untilEnded) {
            // No timer: only WrapUpEnded ends it, so a replay of the log ends it at the same command.
            agent.wrapUpUntil = Agent.UNTIL_ENDED;
            agent.wrapUpGeneration++;
        } else if (agent.activeTotal == 0 && queue.wrapUpMillis > 0) {
            // Wrap-up starts only when the agent's last contact ends: a chat agent with other chats open
            // writes notes between messages, so their capacity is not held back.
            agent.wrapUpUntil = now + queue.wrapUpMillis;
            agent.wrapUpGeneration++;
            schedule(queue.firstTimerLane, agent.wrapUpUntil, Timer.Kind.WRAP_UP_ENDS, agent, agent.wrapUpGeneration);
        }
    }

    // ---------------------------------------------------------------- routing decisions

    /**
     * Brings an agent's pool memberships and public state up to date, then lets the agent pull work
     * if it can take any. {@code orderingChanged} says a strategy key (idle time, occupancy, last
     * offer) moved, so the agent must be re-inserted even where it stays eligible.
     */
    private void settle(Agent agent, boolean orderingChanged) {
        int eligibleChannels = 0;
        for (int channel = 0; channel < Channels.COUNT; channel++) {
            if (agent.eligibleFor(channel)) {
                eligibleChannels |= 1 << channel;
            }
        }
        // Pull before joining the heaps: when contacts wait (the busy case) the agent gets an offer at
        // once, and offer() settles it again as reserved. Joining first would cost an insert and a
        // removal in every pool the agent belongs to, for nothing.
        if (eligibleChannels != 0 && routeAgent(agent)) {
            return;
        }
        if (eligibleChannels == 0 && agent.listings == 0) {
            // Nothing to join and nothing to leave: the agent just took an offer or is busy.
            showState(agent);
            return;
        }
        Pool[] homes = agent.homes;
        for (int slot = 0; slot < homes.length; slot++) {
            Pool pool = homes[slot];
            boolean belongs = (eligibleChannels & (1 << pool.channel)) != 0;
            if (agent.tokens[slot] != 0 && (!belongs || orderingChanged)) {
                pool.available.remove(agent, slot);
            }
            if (belongs && agent.tokens[slot] == 0) {
                pool.available.add(agent, slot, primaryKey(agent, pool, slot), agent.idleSince);
            }
        }
        showState(agent);
    }

    private static long primaryKey(Agent agent, Pool pool, int slot) {
        return switch (pool.strategy) {
            case LONGEST_IDLE -> agent.idleSince;
            case LEAST_OCCUPIED -> agent.busyMillis;
            case BEST_SKILL_LEVEL -> -agent.skillScores[slot];
            case ROUND_ROBIN -> agent.lastOfferOrdinal;
        };
    }

    /**
     * Publishes the agent's state if it changed. The state is first worked out as plain fields and
     * compared with the agent's own copy of what it last showed, so an unchanged state allocates
     * nothing and a changed one does not read the old state object (in a busy center that object was
     * last touched thousands of decisions ago: a cache miss on every decision). Equal fields mean
     * equal {@link AgentState} records; first match wins, in the order {@link AgentState} gives.
     */
    private void showState(Agent agent) {
        byte kind;
        long number = 0;
        Object detail = null;
        Contact offered = agent.offered;
        if (!agent.loggedIn) {
            kind = Agent.SHOWS_OFFLINE;
        } else if (agent.recoveryUntil != Agent.NONE) {
            kind = Agent.SHOWS_RECOVERY;
            number = agent.recoveryUntil;
        } else if (agent.wrapUpUntil != Agent.NONE) {
            kind = Agent.SHOWS_WRAP_UP;
            number = agent.wrapUpUntil;
        } else if (offered != null) {
            kind = Agent.SHOWS_RESERVED;
            detail = offered.id;
        } else if (agent.activeTotal > 0) {
            kind = Agent.SHOWS_BUSY;
            number = agent.activeTotal;
        } else if (agent.notReadyReason != null) {
            kind = Agent.SHOWS_NOT_READY;
            detail = agent.notReadyReason;
        } else {
            kind = Agent.SHOWS_AVAILABLE;
        }
        if (kind == agent.shownKind && number == agent.shownNumber && Objects.equals(detail, agent.shownDetail)) {
            return;
        }
        agent.shownKind = kind;
        agent.shownNumber = number;
        agent.shownDetail = detail;
        AgentState state = switch (kind) {
            case Agent.SHOWS_OFFLINE -> AgentState.OFFLINE;
            case Agent.SHOWS_RECOVERY -> new AgentState.Recovery(Instant.ofEpochMilli(number));
            case Agent.SHOWS_WRAP_UP ->
                new AgentState.WrapUp(number == Agent.UNTIL_ENDED ? null : Instant.ofEpochMilli(number));
            case Agent.SHOWS_RESERVED -> new AgentState.Reserved((ContactId) required(detail));
            case Agent.SHOWS_BUSY -> new AgentState.Busy((int) number);
            case Agent.SHOWS_NOT_READY -> new AgentState.NotReady((String) required(detail));
            default -> AgentState.AVAILABLE;
        };
        agent.state = state;
        emit(new AgentStateChanged(at(), agent.id, state));
    }

    /** A waiting contact looks for the best available agent of its pool. */
    private void routeContact(Contact contact) {
        if (contact.status != Contact.Status.WAITING) {
            return;
        }
        if (contact.waitingForPreferred) {
            Agent preferred = contact.preferred;
            if (preferred != null && preferred.eligibleFor(contact.channelIndex) && !contact.excludes(preferred)) {
                offer(contact, preferred);
            }
            return;
        }
        // The contact may take any agent listed at its stage or an earlier one of its queue and lane.
        Pool[][] stages = contact.queue.pools;
        AvailableAgents bestHeap = null;
        int bestPosition = -1;
        for (int stage = 0; stage <= contact.stage; stage++) {
            AvailableAgents available = stages[stage][contact.laneIndex].available;
            if (available.size() == 0) {
                continue;
            }
            int position = available.bestFor(contact);
            if (position >= 0 && (bestHeap == null || available.before(position, bestHeap, bestPosition))) {
                bestHeap = available;
                bestPosition = position;
            }
        }
        if (bestHeap != null) {
            offer(contact, bestHeap.agentAt(bestPosition));
        }
    }

    /**
     * An agent who can take work looks at the best waiting contact of every pool it qualifies for
     * (and at contacts waiting for it by name) and takes the one with the highest
     * priority-plus-aging score; ties go to the oldest original arrival.
     */
    private boolean routeAgent(Agent agent) {
        Contact best = null;
        double bestScore = 0;
        Contact[] preferredBy = agent.preferredBy;
        for (int i = 0; i < agent.preferredCount; i++) {
            Contact contact = preferredBy[i];
            if (agent.canTake(contact.channelIndex) && !contact.excludes(agent)) {
                double score = score(contact);
                if (best == null || better(contact, score, best, bestScore)) {
                    best = contact;
                    bestScore = score;
                }
            }
        }
        // Compare the pools' heads from the heaps' own arrays; only the winner is dereferenced.
        Pool bestPool = null;
        int bestPosition = -1;
        long bestArrival = best == null ? 0 : best.originalArrival;
        long bestSequence = best == null ? 0 : best.sequence;
        double elapsed = now - epoch;
        PoolHeads published = heads;
        int[] poolIndexes = agent.poolIndexes;
        for (int slot = 0; slot < poolIndexes.length; slot++) {
            int index = poolIndexes[slot];
            byte state = published.state[index];
            if (state == PoolHeads.EMPTY || !agent.canTake(published.channel[index])) {
                continue;
            }
            double key;
            long arrival;
            long sequence;
            int position;
            if (state == PoolHeads.READY) {
                position = WaitingContacts.HEAD;
                key = published.key[index];
                arrival = published.arrival[index];
                sequence = published.sequence[index];
            } else {
                WaitingContacts waiting = poolByIndex[index].waiting;
                position = waiting.bestFor(agent);
                if (position < 0) {
                    continue;
                }
                key = waiting.keyAt(position);
                arrival = waiting.arrivalAt(position);
                sequence = waiting.sequenceAt(position);
            }
            double score = key + agingOfPool[index] * elapsed;
            boolean better = (best == null && bestPool == null)
                    || (score != bestScore
                            ? score > bestScore
                            : arrival != bestArrival ? arrival < bestArrival : sequence < bestSequence);
            if (better) {
                bestPool = poolByIndex[index];
                bestPosition = position;
                bestScore = score;
                bestArrival = arrival;
                bestSequence = sequence;
            }
        }
        if (bestPool != null) {
            best = bestPool.waiting.contactAt(bestPosition);
        }
        if (best == null) {
            return false;
        }
        offer(best, agent);
        return true;
    }

    /** Priority plus aging now: {@code priority + agingPerMinute * minutes since original arrival}. */
    double score(Contact contact) {
        return contact.key + contact.queue.agingPerMilli * (now - epoch);
    }

    private static boolean better(Contact contact, double score, Contact best, double bestScore) {
        if (score != bestScore) {
            return score > bestScore;
        }
        if (contact.originalArrival != best.originalArrival) {
            return contact.originalArrival < best.originalArrival;
        }
        return contact.sequence < best.sequence;
    }

    // ---------------------------------------------------------------- events

    private Instant at() {
        if (instantMillis != now) {
            instantMillis = now;
            instant = Instant.ofEpochMilli(now);
        }
        return instant;
    }

    private void emit(RoutingEvent event) {
        events.accept(event);
    }

    // ---------------------------------------------------------------- reading

    /** A full picture of agents and contacts, for dashboards and tests (allocates; not for hot paths). */
    public RoutingSnapshot snapshot() {
        List<AgentView> agentViews = new ArrayList<>();
        for (Agent agent : agentsInLoginOrder) {
            List<ContactId> held = new ArrayList<>();
            for (Contact contact : agent.heldContacts()) {
                held.add(contact.id);
            }
            held.sort(Comparator.comparing(ContactId::value));
            agentViews.add(new AgentView(agent.id, agent.state, agent.profile, agent.missedInRow, List.copyOf(held)));
        }
        agentViews.sort(Comparator.comparing(view -> view.id().value()));
        List<ContactView> contactViews = new ArrayList<>();
        for (Contact contact : contacts.values()) {
            contactViews.add(view(contact));
        }
        contactViews.sort(Comparator.comparing(view -> view.id().value()));
        return new RoutingSnapshot(now(), List.copyOf(agentViews), List.copyOf(contactViews));
    }

    /**
     * Where a waiting contact stands in its queue: the contacts of the same queue waiting before it
     * (an earlier original arrival; at the same instant, a smaller id), as a sorted {@link #snapshot()}
     * would list them, the agents logged in, and those of them whose skills the contact's queue (at
     * any of its overflow stages) and lane admit. One pass over the live contacts without allocating
     * any: every waiting customer's chat asks for this every few seconds, and copying and sorting a
     * center's ten thousand contacts for each would cost milliseconds under the center's lock. Empty
     * when the contact is unknown or not waiting (offered, assigned).
     */
    public Optional<WaitingPosition> waitingPosition(ContactId id) {
        Contact contact = contacts.get(id);
        if (contact == null || contact.status != Contact.Status.WAITING) {
            return Optional.empty();
        }
        int ahead = contacts.count(other -> other != contact
                && other.status == Contact.Status.WAITING
                && other.queue == contact.queue
                && (other.originalArrival < contact.originalArrival
                        || (other.originalArrival == contact.originalArrival
                                && other.id.value().compareTo(contact.id.value()) < 0)));
        // Qualifying only widens with the overflow stage, so whoever the last stage of the contact's
        // queue and lane admits can answer it now or once it has waited long enough.
        Pool[] stages = contact.queue.pools.length == 0 ? null : contact.queue.pools[contact.queue.pools.length - 1];
        Pool widest = stages == null ? null : stages[contact.laneIndex];
        int loggedIn = 0;
        int able = 0;
        for (Agent agent : agentsInLoginOrder) {
            if (!(agent.state instanceof AgentState.Offline)) {
                loggedIn++;
                if (widest != null && qualifiesFor(agent, widest)) {
                    able++;
                }
            }
        }
        return Optional.of(new WaitingPosition(ahead, loggedIn, able));
    }

    private static boolean qualifiesFor(Agent agent, Pool pool) {
        for (Pool qualified : agent.pools) {
            if (qualified == pool) {
                return true;
            }
        }
        return false;
    }

    private static ContactView view(Contact contact) {
        ContactStatus status = switch (contact.status) {
            case WAITING -> ContactStatus.WAITING;
            case OFFERED -> ContactStatus.OFFERED;
            case ASSIGNED -> ContactStatus.ASSIGNED;
            case ENDED -> throw new IllegalStateException("ended contact " + contact.id + " still known");
        };
        Set<AgentId> keptAway = new HashSet<>();
        for (int i = 0; i < contact.excludedCount; i++) {
            keptAway.add(contact.excluded[i].id);
        }
        Agent agent = contact.agent;
        Agent preferred = contact.waitingForPreferred ? contact.preferred : null;
        return new ContactView(
                contact.id,
                contact.queue.id,
                contact.channel,
                contact.priority,
                contact.attributes,
                status,
                agent == null ? null : agent.id,
                Instant.ofEpochMilli(contact.originalArrival),
                Instant.ofEpochMilli(contact.queuedAt),
                contact.stepsApplied,
                preferred == null ? null : preferred.id,
                Set.copyOf(keptAway));
    }

    // ---------------------------------------------------------------- for tests in this package

    void watchDecisions(@Nullable DecisionWatcher newWatcher) {
        this.watcher = newWatcher;
    }

    Iterable<Contact> liveContacts() {
        return contacts.values();
    }

    Iterable<Agent> knownAgents() {
        return agentsInLoginOrder;
    }

    long nowMillis() {
        return now;
    }
}
