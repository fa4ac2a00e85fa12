package io.sangdam.bench.routing;

import io.sangdam.engine.routing.AgentProfile;
import io.sangdam.engine.routing.QueueDefinition;
import io.sangdam.engine.routing.RoutingConfiguration;
import io.sangdam.engine.routing.SkillRequirement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The baseline the issue asks for: routing by linear scan. A new contact scans every agent for the
 * longest-idle eligible one; a freed agent scans every waiting contact for the highest
 * priority-plus-aging one it may take. Same eligibility rule as the engine's stage 0 (skill levels),
 * no overflow, no offers (assignment is immediate). Deliberately simple: it shows how the cost of a
 * decision grows with the size of the center.
 */
final class NaiveRouter {

    static final class Agent {
        final int[] levels;
        long idleSince;

        @Nullable
        Contact holding;

        Agent(int[] levels) {
            this.levels = levels;
        }
    }

    static final class Contact {
        final int queue;
        final int priority;
        final long arrival;

        Contact(int queue, int priority, long arrival) {
            this.queue = queue;
            this.priority = priority;
            this.arrival = arrival;
        }
    }

    private final int[] requiredSkill;
    private final int[] minimumLevel;
    private final int[] queuePriority;
    private final double[] agingPerMilli;
    final List<Agent> agents = new ArrayList<>();
    final List<Contact> waiting = new ArrayList<>();
    long decisions;

    NaiveRouter(RoutingConfiguration configuration, int skills) {
        int queues = configuration.queues().size();
        requiredSkill = new int[queues];
        minimumLevel = new int[queues];
        queuePriority = new int[queues];
        agingPerMilli = new double[queues];
        for (int i = 0; i < queues; i++) {
            QueueDefinition queue = configuration.queues().get(i);
            SkillRequirement requirement = queue.requiredSkills().getFirst();
            requiredSkill[i] = Integer.parseInt(requirement.skill().value().substring(1));
            minimumLevel[i] = requirement.minimumLevel();
            queuePriority[i] = queue.priority();
            agingPerMilli[i] = queue.agingPerMinute() / 60_000.0;
        }
    }

    void logIn(AgentProfile profile, int skills, long now) {
        int[] levels = new int[skills];
        profile.skills()
                .forEach((skill, level) -> levels[Integer.parseInt(skill.value().substring(1))] = level);
        Agent agent = new Agent(levels);
        agent.idleSince = now;
        agents.add(agent);
    }

    private boolean eligible(Agent agent, int queue) {
        return agent.levels[requiredSkill[queue]] >= minimumLevel[queue];
    }

    /** A contact arrives: scan all agents for the longest idle eligible one, else it waits. */
    void arrive(Contact contact) {
        Agent best = null;
        for (Agent agent : agents) {
            if (agent.holding == null
                    && eligible(agent, contact.queue)
                    && (best == null || agent.idleSince < best.idleSince)) {
                best = agent;
            }
        }
        if (best == null) {
            waiting.add(contact);
        } else {
            best.holding = contact;
            decisions++;
        }
    }

    /** An agent finishes: scan all waiting contacts for the best one it may take. */
    void finish(Agent agent, long now) {
        agent.holding = null;
        agent.idleSince = now;
        int bestIndex = -1;
        double bestScore = 0;
        for (int i = 0; i < waiting.size(); i++) {
            Contact contact = waiting.get(i);
            if (!eligible(agent, contact.queue)) {
                continue;
            }
            double score = queuePriority[contact.queue]
                    + contact.priority
                    + agingPerMilli[contact.queue] * (now - contact.arrival);
            if (bestIndex < 0
                    || score > bestScore
                    || (score == bestScore && contact.arrival < waiting.get(bestIndex).arrival)) {
                bestIndex = i;
                bestScore = score;
            }
        }
        if (bestIndex >= 0) {
            agent.holding = waiting.remove(bestIndex);
            decisions++;
        }
    }
}
