package io.sangdam.engine.routing;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The contacts waiting in one pool, best first: highest priority-plus-aging, then oldest original
 * arrival, then engine arrival order. A binary heap with the ordering keys in parallel arrays, so
 * sifting compares plain numbers and never touches a contact object (with 50,000 waiting contacts
 * each touch would be a cache miss).
 *
 * <p>Removal from the middle (abandon, overflow to another pool) is lazy: the contact's {@code
 * heapTicket} is cleared and its entry becomes a tombstone, dropped when it reaches the top or when
 * tombstones outnumber live entries (then the heap is rebuilt, amortised O(1) per removal). Hazard:
 * an entry is live only while {@code contact.pool == this} and the contact's ticket equals the
 * entry's; every path that takes a contact out must go through {@link #remove} or {@link #take}.
 */
final class WaitingContacts {
  private Contact[] heap = new Contact[16];
  private double[] keys = new double[16];
  private long[] arrivals = new long[16];
  private long[] sequences = new long[16];
  private long[] tickets = new long[16];
  /** Whether the contact had agents kept away when it entered; false means no need to look. */
  private boolean[] restricted = new boolean[16];
  private int size;
  private int live;
  private long nextTicket = 1;
  /**
   * The top entry is known to be live, so routing can read it without touching the contact (a
   * cache miss per pool otherwise). A live top only dies through {@link #remove}, which pops it, so
   * this only turns false when the top is replaced by an entry nobody has checked.
   */
  private boolean topChecked;
  private final Pool pool;

  WaitingContacts(Pool pool) {
    this.pool = pool;
  }

  /** Live contacts (tombstones not counted). */
  int size() {
    return live;
  }

  static boolean before(Contact a, Contact b) {
    if (a.key != b.key) {
      return a.key > b.key;
    }
    if (a.originalArrival != b.originalArrival) {
      return a.originalArrival < b.originalArrival;
    }
    return a.sequence < b.sequence;
  }

  private boolean before(int i, int j) {
    if (keys[i] != keys[j]) {
      return keys[i] > keys[j];
    }
    if (arrivals[i] != arrivals[j]) {
      return arrivals[i] < arrivals[j];
    }
    return sequences[i] < sequences[j];
  }

  private boolean isLive(int position) {
    Contact contact = heap[position];
    return contact.heapTicket == tickets[position] && contact.pool == pool;
  }

  void add(Contact contact) {
    if (contact.heapTicket != 0) {
      throw new IllegalStateException("contact " + contact.id + " is already waiting in a pool");
    }
    if (contact.pool != pool) {
      throw new IllegalStateException("contact " + contact.id + " belongs to another pool");
    }
    if (size == heap.length) {
      int capacity = size * 2;
      heap = Arrays.copyOf(heap, capacity);
      keys = Arrays.copyOf(keys, capacity);
      arrivals = Arrays.copyOf(arrivals, capacity);
      sequences = Arrays.copyOf(sequences, capacity);
      tickets = Arrays.copyOf(tickets, capacity);
      restricted = Arrays.copyOf(restricted, capacity);
    }
    contact.heapTicket = nextTicket++;
    put(size, contact, contact.key, contact.originalArrival, contact.sequence, contact.heapTicket,
        contact.excludedCount > 0);
    size++;
    live++;
    siftUp(size - 1);
  }

  /** Takes a contact out of the pool wherever it is (lazily, see the class comment). */
  void remove(Contact contact) {
    if (contact.heapTicket == 0 || contact.pool != pool) {
      throw new IllegalStateException("contact " + contact.id + " is not in this pool");
    }
    contact.heapTicket = 0;
    live--;
    if (heap[0] == contact) {
      // The usual case (the best contact was just offered): drop it now, no tombstone.
      popTop();
    } else if (size > 64 && size > 2 * live) {
      compact();
    }
  }

  /**
   * The position of the best contact this agent may take, or -1. Read it with {@link #contactAt}
   * and the key accessors before changing this heap.
   */
  int bestFor(Agent agent) {
    dropDeadTop();
    if (size == 0) {
      return -1;
    }
    if (!restricted[0] || !heap[0].excludes(agent)) {
      return 0;
    }
    // Walk the heap best-first (a node's children are never better than the node) until an
    // allowed live contact turns up. It visits about twice as many nodes as there are refused or
    // dead entries ahead of the answer, so it stays short.
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
      if (isLive(node) && !heap[node].excludes(agent)) {
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

  Contact contactAt(int position) {
    return heap[position];
  }

  double keyAt(int position) {
    return keys[position];
  }

  long arrivalAt(int position) {
    return arrivals[position];
  }

  long sequenceAt(int position) {
    return sequences[position];
  }

  private void dropDeadTop() {
    if (topChecked) {
      return;
    }
    while (size > 0 && !isLive(0)) {
      popTop();
    }
    topChecked = size > 0;
  }

  private void popTop() {
    topChecked = false;
    size--;
    tickets[0] = 0;
    if (size > 0) {
      put(0, heap[size], keys[size], arrivals[size], sequences[size], tickets[size], restricted[size]);
      heap[size] = null;
      siftDown(0);
    } else {
      heap[0] = null;
    }
  }

  private void compact() {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (isLive(i)) {
        put(kept++, heap[i], keys[i], arrivals[i], sequences[i], tickets[i], restricted[i]);
      }
    }
    Arrays.fill(heap, kept, size, null);
    size = kept;
    topChecked = false;
    for (int i = (size >>> 1) - 1; i >= 0; i--) {
      siftDown(i);
    }
  }

  private void put(int position, Contact contact, double key, long arrival, long sequence, long ticket,
      boolean hasExclusions) {
    heap[position] = contact;
    restricted[position] = hasExclusions;
    keys[position] = key;
    arrivals[position] = arrival;
    sequences[position] = sequence;
    tickets[position] = ticket;
  }

  private void siftUp(int position) {
    Contact moving = heap[position];
    double key = keys[position];
    long arrival = arrivals[position];
    long sequence = sequences[position];
    long ticket = tickets[position];
    boolean hasExclusions = restricted[position];
    while (position > 0) {
      int parent = (position - 1) >>> 1;
      boolean better = key != keys[parent] ? key > keys[parent]
          : arrival != arrivals[parent] ? arrival < arrivals[parent] : sequence < sequences[parent];
      if (!better) {
        break;
      }
      put(position, heap[parent], keys[parent], arrivals[parent], sequences[parent], tickets[parent],
          restricted[parent]);
      position = parent;
    }
    put(position, moving, key, arrival, sequence, ticket, hasExclusions);
    if (position == 0) {
      // siftUp only moves entries that were just added, which are live.
      topChecked = true;
    }
  }

  private void siftDown(int position) {
    Contact moving = heap[position];
    double key = keys[position];
    long arrival = arrivals[position];
    long sequence = sequences[position];
    long ticket = tickets[position];
    boolean hasExclusions = restricted[position];
    int half = size >>> 1;
    while (position < half) {
      int child = 2 * position + 1;
      int right = child + 1;
      if (right < size && before(right, child)) {
        child = right;
      }
      boolean childBetter = keys[child] != key ? keys[child] > key
          : arrivals[child] != arrival ? arrivals[child] < arrival : sequences[child] < sequence;
      if (!childBetter) {
        break;
      }
      put(position, heap[child], keys[child], arrivals[child], sequences[child], tickets[child],
          restricted[child]);
      position = child;
    }
    put(position, moving, key, arrival, sequence, ticket, hasExclusions);
  }
}
