package io.sangdam.engine.routing;

import org.jspecify.annotations.Nullable;

/**
 * Every agent that ever logged in, by id: open addressing with linear probing over one array of
 * agents, like {@link ContactsById} and for the same reason (a lookup reads a slot and the agent
 * it wanted anyway, no hash-map node in between). Agents are never removed.
 */
final class AgentsById {
    private Agent[] slots = new Agent[64];
    private int size;

    @Nullable
    Agent get(AgentId id) {
        int hash = ContactsById.spread(id.hashCode());
        Agent[] table = slots;
        int mask = table.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Agent agent = table[i];
            if (agent == null) {
                return null;
            }
            if (agent.idHash == hash && (agent.id == id || agent.id.equals(id))) {
                return agent;
            }
        }
    }

    /** Adds an agent whose id is not in the table. */
    void add(Agent agent) {
        if (4 * (size + 1) > slots.length) {
            Agent[] bigger = new Agent[slots.length * 2];
            for (Agent known : slots) {
                if (known != null) {
                    insert(bigger, known);
                }
            }
            slots = bigger;
        }
        insert(slots, agent);
        size++;
    }

    private static void insert(Agent[] table, Agent agent) {
        int mask = table.length - 1;
        int i = agent.idHash & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = agent;
    }
}
