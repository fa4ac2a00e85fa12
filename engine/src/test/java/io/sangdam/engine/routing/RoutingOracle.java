package io.sangdam.engine.routing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who may serve whom, worked out again from the configuration by brute force and independently of
 * the engine's pools and heaps. The property tests compare the engine's decisions with it.
 */
final class RoutingOracle {
    private final RoutingConfiguration configuration;

    RoutingOracle(RoutingConfiguration configuration) {
        this.configuration = configuration;
    }

    /** May this agent serve this contact at its current overflow stage (ignoring current load)? */
    boolean mayServe(Agent agent, Contact contact) {
        if (!agent.loggedIn || contact.excludes(agent)) {
            return false;
        }
        if (agent.profile.capacityFor(contact.channel) <= 0) {
            return false;
        }
        if (contact.waitingForPreferred) {
            return agent == contact.preferred;
        }
        QueueDefinition queue = contact.queue.definition;
        Map<SkillId, Integer> minimums = new HashMap<>();
        for (SkillRequirement requirement : queue.requiredSkills()) {
            minimums.put(requirement.skill(), requirement.minimumLevel());
        }
        Set<AgentGroupId> groups = new HashSet<>(queue.agentGroups());
        for (int step = 0; step < contact.stepsApplied; step++) {
            switch (queue.overflow().get(step).action()) {
                case OverflowAction.LowerMinimumLevel lower -> minimums.merge(lower.skill(), lower.level(), Math::min);
                case OverflowAction.WidenToGroup widen -> {
                    if (!groups.isEmpty()) {
                        groups.add(widen.group());
                    }
                }
                case OverflowAction.MoveToQueue move ->
                    throw new AssertionError("a moved contact has no steps applied in its new queue yet");
            }
        }
        for (Map.Entry<SkillId, Integer> minimum : minimums.entrySet()) {
            if (agent.profile.skills().getOrDefault(minimum.getKey(), 0) < minimum.getValue()) {
                return false;
            }
        }
        for (ContactAttribute attribute : ContactAttribute.values()) {
            AgentGroupId lane = configuration.lanes().get(attribute);
            if (lane != null && contact.attributes.contains(attribute)) {
                return agent.profile.groups().contains(lane);
            }
        }
        return groups.isEmpty() || agent.profile.groups().stream().anyMatch(groups::contains);
    }

    /** Could this agent take a new contact on this channel right now? */
    static boolean free(Agent agent, Channel channel) {
        if (!agent.loggedIn
                || agent.notReadyReason != null
                || agent.offered != null
                || agent.wrapUpUntil != Agent.NONE
                || agent.recoveryUntil != Agent.NONE) {
            return false;
        }
        int sameChannel = 0;
        int voice = 0;
        for (Contact held : agent.heldContacts()) {
            if (held.channel == channel) {
                sameChannel++;
            }
            if (held.channel == Channel.VOICE) {
                voice++;
            }
        }
        if (sameChannel >= agent.profile.capacityFor(channel)) {
            return false;
        }
        if (agent.profile.voiceExcludesOtherWork()) {
            return channel == Channel.VOICE ? agent.heldContacts().isEmpty() : voice == 0;
        }
        return true;
    }

    /** Capacity and the "nobody waits while an eligible agent is free" rule, or null when all holds. */
    @Nullable
    String stateProblem(RoutingEngine engine) {
        for (Agent agent : engine.knownAgents()) {
            Map<Channel, Integer> load = new HashMap<>();
            for (Contact held : agent.heldContacts()) {
                if (held.status != Contact.Status.ASSIGNED || held.agent != agent) {
                    return "agent " + agent.id + " holds " + held.id + " which is " + held.status;
                }
                load.merge(held.channel, 1, Integer::sum);
            }
            for (Map.Entry<Channel, Integer> entry : load.entrySet()) {
                if (entry.getValue() > agent.profile.capacityFor(entry.getKey())) {
                    return "agent " + agent.id + " above " + entry.getKey() + " capacity: " + entry.getValue();
                }
            }
            if (agent.profile.voiceExcludesOtherWork() && load.getOrDefault(Channel.VOICE, 0) > 0 && load.size() > 1) {
                return "agent " + agent.id + " has a call and other work";
            }
            Contact offered = agent.offered;
            if (offered != null && (offered.status != Contact.Status.OFFERED || offered.agent != agent)) {
                return "agent " + agent.id + " reserved for " + offered.id + " which is " + offered.status;
            }
            if (!agent.loggedIn && (offered != null || !agent.heldContacts().isEmpty())) {
                return "offline agent " + agent.id + " holds work";
            }
        }
        for (Contact contact : engine.liveContacts()) {
            if (contact.status != Contact.Status.WAITING) {
                continue;
            }
            for (Agent agent : engine.knownAgents()) {
                if (free(agent, contact.channel) && mayServe(agent, contact)) {
                    return "contact " + contact.id + " waits while agent " + agent.id + " is free and eligible";
                }
            }
        }
        return null;
    }

    /**
     * At the moment {@code contact} is offered to {@code agent}: is an older contact of the same
     * queue and priority waiting that this agent could have served instead?
     */
    @Nullable
    String olderContactSkipped(RoutingEngine engine, Contact contact, Agent agent) {
        for (Contact other : engine.liveContacts()) {
            if (other != contact
                    && other.status == Contact.Status.WAITING
                    && other.queue == contact.queue
                    && other.priority == contact.priority
                    && other.originalArrival < contact.originalArrival
                    && mayServe(agent, other)) {
                return "offered " + contact.id + " to " + agent.id + " while older " + other.id
                        + " of the same queue and priority waited";
            }
        }
        return null;
    }
}
