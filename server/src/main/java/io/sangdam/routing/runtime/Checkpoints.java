package io.sangdam.routing.runtime;

import io.sangdam.engine.routing.AgentState;
import io.sangdam.engine.routing.RoutingCommand;
import io.sangdam.engine.routing.RoutingEngine;
import io.sangdam.engine.routing.RoutingEvent;
import io.sangdam.engine.routing.RoutingRejected;
import io.sangdam.engine.routing.RoutingSnapshot;
import io.sangdam.routing.QueueSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checkpoints in a center's command log (docs/adr/0006): the center's queues written to the log, a
 * new engine started with them, and the old engine's agents and contacts carried over by ordinary
 * logged commands, so that a rebuild starts at the last checkpoint and reaches the same state.
 *
 * <p>Taken when the configuration changes, and periodically (docs/adr/0019) so that a rebuild
 * replays a bounded part of the log: after {@value #EVERY_COMMANDS_PROPERTY} commands or
 * {@value #EVERY_PROPERTY}, at the first moment the center holds no contact and no agent is in
 * a timed wrap-up or recovery, when the carrying loses nothing of a contact or an agent's state (a
 * wrap-up waiting for records is carried as not-ready 후처리, see {@link #periodicDue}).
 *
 * <p>Hazard: the checkpoint stores the queues as {@link QueueSettings} JSON: add fields to that
 * record, never rename or remove one, or old checkpoints no longer read.
 */
@Component
class Checkpoints {

    /** Starts a new engine with the configuration inside; replay begins at the last one. */
    static final String CHECKPOINT_TYPE = "Checkpoint";
    /** The not-ready reason of an agent who was in wrap-up when a checkpoint was taken. */
    static final String WRAP_UP_CARRIED = "후처리";
    /** The not-ready reason of an agent who was in a recovery break when a checkpoint was taken. */
    static final String RECOVERY_CARRIED = "회복 휴식";

    static final String EVERY_COMMANDS_PROPERTY = "sangdam.routing.checkpoint-every-commands";
    static final String EVERY_PROPERTY = "sangdam.routing.checkpoint-every";

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    /** The configuration a checkpoint starts its engine with: the center's queues as they were then. */
    record Checkpoint(List<QueueSettings> queues) {}

    private final ConfiguredQueues queues;
    private final AgentLogIns profiles;
    private final RoutingLog routingLog;
    private final JsonMapper json;
    private volatile long everyCommands;
    private volatile Duration every;

    Checkpoints(
            ConfiguredQueues queues,
            AgentLogIns profiles,
            RoutingLog routingLog,
            JsonMapper json,
            @Value("${" + EVERY_COMMANDS_PROPERTY + ":10000}") long everyCommands,
            @Value("${" + EVERY_PROPERTY + ":PT15M}") Duration every) {
        this.queues = queues;
        this.profiles = profiles;
        this.routingLog = routingLog;
        this.json = json;
        this.everyCommands = everyCommands;
        this.every = every;
    }

    /** Changes how often periodic checkpoints are taken (0 commands and a zero duration: never); for tests. */
    void every(long commands, Duration time) {
        this.everyCommands = commands;
        this.every = time;
    }

    long everyCommands() {
        return everyCommands;
    }

    Duration every() {
        return every;
    }

    /**
     * Whether a periodic checkpoint is due and may be taken now without losing anything: the
     * center's engine holds no contact (none waits, is offered or held), no agent is in wrap-up or
     * recovery (which a carrying turns into not-ready), and each logged-in agent would be logged in
     * again as they are (their account is there, their skills, groups and capacity as stored). When
     * only the last fails, the checkpoint waits for another period rather than reading the agents
     * again at every batch. Call with the center's lock held.
     */
    boolean periodicDue(CenterEngine center, RoutingEngine engine) {
        if (center.sinceCheckpoint == 0 || center.sinceCheckpoint < center.checkpointDeferredUntil) {
            return false;
        }
        boolean byCommands = everyCommands > 0 && center.sinceCheckpoint >= everyCommands;
        boolean byTime = !every.isZero() && !engine.now().isBefore(center.checkpointedAt.plus(every));
        if (!byCommands && !byTime) {
            return false;
        }
        RoutingSnapshot now = engine.snapshot();
        // A wrap-up waiting for records (no timer) does not hold the checkpoint back: an agent who left
        // without saving would hold it for ever. Carried as not-ready 후처리, it still refuses 상담 가능
        // until the records are saved, and saving the last one makes the agent ready (Routing.recordsWritten);
        // only a break asked for during that wrap-up is lost.
        boolean quiet = now.contacts().isEmpty()
                && now.agents().stream()
                        .noneMatch(
                                agent -> (agent.state() instanceof AgentState.WrapUp wrapUp && wrapUp.until() != null)
                                        || agent.state() instanceof AgentState.Recovery);
        if (!quiet) {
            return false;
        }
        if (differsFromStored(center.centerId, engine)) {
            center.checkpointDeferredUntil =
                    center.sinceCheckpoint + Math.max(everyCommands, CenterWorker.MAXIMUM_BATCH);
            return false;
        }
        return true;
    }

    /**
     * Whether the engine's queues, or its logged-in agents' skills, groups or capacities, differ
     * from the stored ones, so that a checkpoint would change something.
     */
    boolean differsFromStored(long centerId, RoutingEngine engine) {
        if (!EngineConfiguration.of(queues.of(centerId)).equals(engine.configuration())) {
            return true;
        }
        for (var agent : engine.snapshot().agents()) {
            if (agent.state() instanceof AgentState.Offline) {
                continue;
            }
            var logIn = profiles.logIn(agent.id().value()).orElse(null);
            if (logIn == null) {
                return true;
            }
            // As a checkpoint would log the agent in again (an agent keeps the chats beyond a lowered capacity).
            var again = new RoutingRequest.LogIn(
                    logIn.agent(),
                    logIn.skills(),
                    Math.max(logIn.chatCapacity(), agent.contacts().size()),
                    logIn.groups());
            if (!((RoutingCommand.AgentLoggedIn) again.toCommand()).profile().equals(agent.profile())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes a checkpoint with the center's stored queues and carries the old engine over to a new
     * one, which becomes the center's engine. Returns what is news for screens: agents whose state
     * the carrying changed, and what the new rules decided for the waiting contacts. Call with the
     * center's lock held, in a transaction.
     */
    List<RoutingEvent> checkpoint(CenterEngine center, RoutingEngine old) {
        long centerId = center.centerId;
        List<QueueSettings> configured = queues.of(centerId);
        Instant now = old.now();
        RoutingEngine engine = RoutingEngine.start(EngineConfiguration.of(configured), now);
        long checkpoint =
                routingLog.append(centerId, now, CHECKPOINT_TYPE, json.writeValueAsString(new Checkpoint(configured)));
        long[] written = {1};
        RoutingSnapshot before = old.snapshot();
        // Restoring: these commands put back what was; their events are not news and are neither stored nor published.
        Map<String, RoutingEvent.AgentStateChanged> restoredStates = new HashMap<>();
        for (var agent : before.agents()) {
            if (agent.state() instanceof AgentState.Offline) {
                continue;
            }
            var logIn = profiles.logIn(agent.id().value()).orElse(null);
            if (logIn == null) {
                continue;
            }
            int held = agent.contacts().size();
            // An agent holding more chats than a lowered capacity keeps them; the new number applies from the next
            // log-in.
            restore(
                    centerId,
                    engine,
                    new RoutingRequest.LogIn(
                            logIn.agent(), logIn.skills(), Math.max(logIn.chatCapacity(), held), logIn.groups()),
                    restoredStates,
                    written);
        }
        Map<String, RoutingSnapshot.ContactView> contacts = new LinkedHashMap<>();
        before.contacts().stream()
                .sorted(Comparator.comparing(RoutingSnapshot.ContactView::originalArrival))
                .forEach(c -> contacts.put(c.id().value(), c));
        for (var agent : before.agents()) {
            String id = agent.id().value();
            if (agent.state() instanceof AgentState.Offline
                    || profiles.logIn(id).isEmpty()) {
                continue;
            }
            restore(centerId, engine, new RoutingRequest.BecomeReady(id), restoredStates, written);
            for (var contact : contacts.values()) {
                if (contact.status() == RoutingSnapshot.ContactStatus.ASSIGNED
                        && agent.id().equals(contact.agent())) {
                    restore(centerId, engine, restoring(contact, id), restoredStates, written);
                    restore(
                            centerId,
                            engine,
                            new RoutingRequest.Accept(id, contact.id().value()),
                            restoredStates,
                            written);
                }
            }
            for (var contact : contacts.values()) {
                if (contact.status() == RoutingSnapshot.ContactStatus.OFFERED
                        && agent.id().equals(contact.agent())) {
                    restore(centerId, engine, restoring(contact, id), restoredStates, written);
                }
            }
            String reason = switch (agent.state()) {
                case AgentState.NotReady notReady -> notReady.reason();
                case AgentState.WrapUp wrapUp -> WRAP_UP_CARRIED;
                case AgentState.Recovery recovery -> RECOVERY_CARRIED;
                default -> null;
            };
            if (reason != null) {
                restore(centerId, engine, new RoutingRequest.GoNotReady(id, reason), restoredStates, written);
            }
        }
        // Waiting contacts arrive again in their order; what the new rules decide for them now is news.
        List<RoutingEvent> decided = new ArrayList<>();
        for (var contact : contacts.values()) {
            if (contact.status() == RoutingSnapshot.ContactStatus.WAITING) {
                var request = restoring(
                        contact,
                        contact.waitingFor() == null
                                ? null
                                : contact.waitingFor().value());
                long sequence = routingLog.append(
                        centerId, now, request.getClass().getSimpleName(), json.writeValueAsString(request));
                written[0]++;
                List<RoutingEvent> events = engine.apply(request.toCommand());
                routingLog.events(centerId, sequence, events);
                decided.addAll(events.stream()
                        .filter(e -> !(e instanceof RoutingEvent.ContactQueued))
                        .toList());
            }
        }
        // Screens learn of an agent whose state the carrying changed (wrap-up became not-ready).
        List<RoutingEvent> changed = new ArrayList<>();
        for (var agent : before.agents()) {
            var restored = restoredStates.get(agent.id().value());
            if (restored != null && restored.state().getClass() != agent.state().getClass()) {
                changed.add(restored);
            }
        }
        changed.addAll(decided);
        center.engine = engine;
        center.sinceCheckpoint = written[0];
        center.checkpointedAt = now;
        center.checkpointDeferredUntil = 0;
        log.info(
                "Routing of center {} checkpointed at {}: {} agents and {} contacts carried over",
                centerId,
                checkpoint,
                restoredStates.size(),
                contacts.size());
        return changed;
    }

    private static RoutingRequest.Restore restoring(RoutingSnapshot.ContactView contact, @Nullable String agent) {
        return new RoutingRequest.Restore(
                contact.id().value(),
                contact.queue().value(),
                contact.channel().name(),
                contact.priority(),
                contact.attributes().stream().map(Enum::name).sorted().toList(),
                agent,
                contact.originalArrival());
    }

    /** Logs and applies one restoring command; a refusal (it cannot be restored) is logged too and replays the same. */
    private void restore(
            long centerId,
            RoutingEngine engine,
            RoutingRequest request,
            Map<String, RoutingEvent.AgentStateChanged> states,
            long[] written) {
        routingLog.append(centerId, engine.now(), request.getClass().getSimpleName(), json.writeValueAsString(request));
        written[0]++;
        try {
            for (RoutingEvent event : engine.apply(request.toCommand())) {
                if (event instanceof RoutingEvent.AgentStateChanged changed) {
                    states.put(changed.agent().value(), changed);
                }
            }
        } catch (RoutingRejected cannotRestore) {
            log.warn("Center {}: {} could not be carried over: {}", centerId, request, cannotRestore.getMessage());
        }
    }
}
