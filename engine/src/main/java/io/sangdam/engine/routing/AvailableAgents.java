package io.sangdam.engine.routing;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The agents of one pool who could take a contact right now, best first by the queue's strategy
 * (smaller keys first, then agent login order). An indexed binary heap stored as parallel arrays.
 *
 * <p>One agent sits in many pools at once, so the agent's position in this heap lives in {@code
 * agent.positions[slot]}, where {@code slot} is this pool's index in {@code agent.pools}. Hazard:
 * keys are copied in at {@link #add}; if an agent's ordering changes, the engine must remove and
 * add it again, or the heap order silently breaks.
 */
final class AvailableAgents {
  private Agent[] agents = new Agent[16];
  private int[] slots = new int[16];
  private long[] primary = new long[16];
  private long[] secondary = new long[16];
  private int size;

  int size() {
    return size;
  }

  private boolean before(int i, int j) {
    if (primary[i] != primary[j]) {
      return primary[i] < primary[j];
    }
    if (secondary[i] != secondary[j]) {
      return secondary[i] < secondary[j];
    }
    return agents[i].index < agents[j].index;
  }

  void add(Agent agent, int slot, long primaryKey, long secondaryKey) {
    if (size == agents.length) {
      int capacity = size * 2;
      agents = Arrays.copyOf(agents, capacity);
      slots = Arrays.copyOf(slots, capacity);
      primary = Arrays.copyOf(primary, capacity);
      secondary = Arrays.copyOf(secondary, capacity);
    }
    agents[size] = agent;
    slots[size] = slot;
    primary[size] = primaryKey;
    secondary[size] = secondaryKey;
    agent.positions[slot] = size;
    size++;
    siftUp(size - 1);
  }

  void remove(Agent agent, int slot) {
    int position = agent.positions[slot];
    if (position < 0 || position >= size || agents[position] != agent) {
      throw new IllegalStateException("agent " + agent.id + " is not in this pool");
    }
    agent.positions[slot] = -1;
    size--;
    if (position < size) {
      move(size, position);
      agents[size] = null;
      siftDown(position);
      siftUp(position);
    } else {
      agents[size] = null;
    }
  }

  /** The best agent not kept away from this contact; see {@link WaitingContacts#firstAllowed}. */
  @Nullable Agent firstAllowed(Contact contact) {
    if (size == 0) {
      return null;
    }
    if (contact.excludedCount == 0 || !contact.excludes(agents[0])) {
      return agents[0];
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
      if (!contact.excludes(agents[node])) {
        return agents[node];
      }
      for (int child = 2 * node + 1; child <= 2 * node + 2 && child < size; child++) {
        if (frontierSize == frontier.length) {
          frontier = Arrays.copyOf(frontier, frontierSize * 2);
        }
        frontier[frontierSize++] = child;
      }
    }
    return null;
  }

  private void move(int from, int to) {
    agents[to] = agents[from];
    slots[to] = slots[from];
    primary[to] = primary[from];
    secondary[to] = secondary[from];
    agents[to].positions[slots[to]] = to;
  }

  private void swap(int i, int j) {
    Agent agent = agents[i];
    int slot = slots[i];
    long first = primary[i];
    long second = secondary[i];
    move(j, i);
    agents[j] = agent;
    slots[j] = slot;
    primary[j] = first;
    secondary[j] = second;
    agent.positions[slot] = j;
  }

  private void siftUp(int position) {
    while (position > 0) {
      int parent = (position - 1) >>> 1;
      if (!before(position, parent)) {
        return;
      }
      swap(position, parent);
      position = parent;
    }
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
