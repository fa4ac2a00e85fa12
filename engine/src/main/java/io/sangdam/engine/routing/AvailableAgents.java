package io.sangdam.engine.routing;

import java.util.Arrays;

/**
 * The agents of one pool who could take a contact right now, best first by the queue's strategy
 * (smaller keys first, then agent login order). A binary heap with keys in parallel arrays. An
 * agent is listed only in its home pool of a queue and lane: the lowest overflow stage it qualifies
 * for (it qualifies for every later stage too, so a contact at stage s looks at stages 0 to s).
 *
 * <p>One agent sits in many pools at once. When it stops being available (it got an offer) it
 * would have to leave every one of them; doing that eagerly costs a sift with cache misses per
 * pool, on every offer. So removal is lazy: each entry carries a token, the agent keeps the live
 * token per pool in {@code agent.tokens[slot]} ({@code slot} = this pool's index in {@code
 * agent.homes}), and removing only clears that token. Dead entries are dropped when they reach the
 * top, or all at once when they outnumber the live ones. Hazard: tokens must never repeat for an
 * agent (they come from {@code agent.nextToken}, never reset, not even on a new login), or a dead
 * entry could come back to life.
 */
final class AvailableAgents {
    private Agent[] agents = new Agent[16];
    private int[] slots = new int[16];
    private long[] tokens = new long[16];
    private long[] primary = new long[16];
    private long[] secondary = new long[16];
    private int[] order = new int[16];
    private int size;
    private int live;
    /** The top entry is known live; see {@link WaitingContacts} for the same idea. */
    private boolean topChecked;

    int size() {
        return live;
    }

    private boolean before(int i, int j) {
        if (primary[i] != primary[j]) {
            return primary[i] < primary[j];
        }
        if (secondary[i] != secondary[j]) {
            return secondary[i] < secondary[j];
        }
        return order[i] < order[j];
    }

    private boolean isLive(int position) {
        Agent agent = agents[position];
        int slot = slots[position];
        return slot < agent.tokens.length && agent.tokens[slot] == tokens[position];
    }

    void add(Agent agent, int slot, long primaryKey, long secondaryKey) {
        if (agent.tokens[slot] != 0) {
            throw new IllegalStateException("agent " + agent.id + " is already in this pool");
        }
        if (size == agents.length) {
            int capacity = size * 2;
            agents = Arrays.copyOf(agents, capacity);
            slots = Arrays.copyOf(slots, capacity);
            tokens = Arrays.copyOf(tokens, capacity);
            primary = Arrays.copyOf(primary, capacity);
            secondary = Arrays.copyOf(secondary, capacity);
            order = Arrays.copyOf(order, capacity);
        }
        long token = agent.nextToken++;
        agent.tokens[slot] = token;
        agent.listings++;
        put(size, agent, slot, token, primaryKey, secondaryKey, agent.index);
        size++;
        live++;
        int position = siftUp(size - 1);
        if (position == 0) {
            topChecked = true;
        }
    }

    void remove(Agent agent, int slot) {
        if (agent.tokens[slot] == 0) {
            throw new IllegalStateException("agent " + agent.id + " is not in this pool");
        }
        agent.tokens[slot] = 0;
        agent.listings--;
        live--;
        if (size > 0 && agents[0] == agent && slots[0] == slot) {
            popTop();
        } else if (size > 64 && size > 2 * live) {
            compact();
        }
    }

    /** Position of the best agent not kept away from this contact, or -1; see {@link WaitingContacts#bestFor}. */
    int bestFor(Contact contact) {
        if (!topChecked) {
            while (size > 0 && !isLive(0)) {
                popTop();
            }
            topChecked = size > 0;
        }
        if (size == 0) {
            return -1;
        }
        if (contact.excludedCount == 0 || !contact.excludes(agents[0])) {
            return 0;
        }
        int[] frontier = new int[8];
        int frontierSize = 0;
        frontier[frontierSize++] = 0;
        while (frontierSize > 0) {
            int best = 0;
            for (int i = 1; i < frontierSize; i++) {
                if (before(frontier[i], frontier[best])) {
                    best = i;
                }
            }
            int node = frontier[best];
            frontier[best] = frontier[--frontierSize];
            if (isLive(node) && !contact.excludes(agents[node])) {
                return node;
            }
            for (int child = 2 * node + 1; child <= 2 * node + 2 && child < size; child++) {
                if (frontierSize == frontier.length) {
                    frontier = Arrays.copyOf(frontier, frontierSize * 2);
                }
                frontier[frontierSize++] = child;
            }
        }
        return -1;
    }

    Agent agentAt(int position) {
        return agents[position];
    }

    /** Whether the entry at {@code i} of this heap ranks before the entry at {@code j} of {@code other}. */
    boolean before(int i, AvailableAgents other, int j) {
        if (primary[i] != other.primary[j]) {
            return primary[i] < other.primary[j];
        }
        if (secondary[i] != other.secondary[j]) {
            return secondary[i] < other.secondary[j];
        }
        return order[i] < other.order[j];
    }

    private void popTop() {
        topChecked = false;
        size--;
        if (size > 0) {
            move(size, 0);
            agents[size] = null;
            siftDown(0);
        } else {
            agents[0] = null;
        }
    }

    private void compact() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (isLive(i)) {
                move(i, kept++);
            }
        }
        Arrays.fill(agents, kept, size, null);
        size = kept;
        topChecked = false;
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    private void put(int position, Agent agent, int slot, long token, long first, long second, int loginOrder) {
        agents[position] = agent;
        slots[position] = slot;
        tokens[position] = token;
        primary[position] = first;
        secondary[position] = second;
        order[position] = loginOrder;
    }

    private void move(int from, int to) {
        put(to, agents[from], slots[from], tokens[from], primary[from], secondary[from], order[from]);
    }

    private void swap(int i, int j) {
        Agent agent = agents[i];
        int slot = slots[i];
        long token = tokens[i];
        long first = primary[i];
        long second = secondary[i];
        int loginOrder = order[i];
        move(j, i);
        put(j, agent, slot, token, first, second, loginOrder);
    }

    private int siftUp(int position) {
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (!before(position, parent)) {
                break;
            }
            swap(position, parent);
            position = parent;
        }
        return position;
    }

    private void siftDown(int position) {
        int half = size >>> 1;
        while (position < half) {
            int child = 2 * position + 1;
            int right = child + 1;
            if (right < size && before(right, child)) {
                child = right;
            }
            if (!before(child, position)) {
                return;
            }
            swap(position, child);
            position = child;
        }
    }
}
