package io.sangdam.engine.routing;

import java.util.Arrays;

/**
 * The contacts waiting in one pool, best first: highest priority-plus-aging, then oldest original
 * arrival, then engine arrival order. A binary heap whose ordering keys are stored inline, four
 * longs per entry in one array (key, arrival, sequence, ticket), so sifting compares plain numbers
 * in one or two cache lines per level and never touches a contact object (with 50,000 waiting
 * contacts each touch would be a cache miss).
 *
 * <p>Removal from the middle (abandon, overflow to another pool) is lazy: the contact's {@code
 * heapTicket} is cleared and its entry becomes a tombstone, dropped when it reaches the top or when
 * tombstones outnumber live entries (then the heap is rebuilt, amortised O(1) per removal). Hazard:
 * an entry is live only while {@code contact.pool == this pool} and the contact's ticket equals the
 * entry's; every path that takes a contact out must go through {@link #remove}.
 */
final class WaitingContacts {
  private static final int STRIDE = 4;
  private static final int KEY = 0;
  private static final int ARRIVAL = 1;
  private static final int SEQUENCE = 2;
  /** ticket << 1 | 1 when the contact had agents kept away when it entered. */
  private static final int TICKET = 3;

  private Contact[] heap = new Contact[16];
  private long[] data = new long[16 * STRIDE];
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
  private final PoolHeads heads;
  private final int index;

  WaitingContacts(Pool pool, PoolHeads heads) {
    this.pool = pool;
    this.heads = heads;
    this.index = pool.index;
  }

  /** Copies the current head into {@link PoolHeads}; call after every change at the top. */
  private void publish() {
    if (live == 0) {
      heads.state[index] = PoolHeads.EMPTY;
    } else if (topChecked && (data[TICKET] & 1) == 0) {
      heads.state[index] = PoolHeads.READY;
      heads.key[index] = Double.longBitsToDouble(data[KEY]);
      heads.arrival[index] = data[ARRIVAL];
      heads.sequence[index] = data[SEQUENCE];
    } else {
      heads.state[index] = PoolHeads.ASK;
    }
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
    int a = i * STRIDE;
    int b = j * STRIDE;
    double keyA = Double.longBitsToDouble(data[a + KEY]);
    double keyB = Double.longBitsToDouble(data[b + KEY]);
    if (keyA != keyB) {
      return keyA > keyB;
    }
    if (data[a + ARRIVAL] != data[b + ARRIVAL]) {
      return data[a + ARRIVAL] < data[b + ARRIVAL];
    }
    return data[a + SEQUENCE] < data[b + SEQUENCE];
  }

  private boolean isLive(int position) {
    Contact contact = heap[position];
    return contact.heapTicket == (data[position * STRIDE + TICKET] >>> 1) && contact.pool == pool;
  }

  void add(Contact contact) {
    if (contact.heapTicket != 0) {
      throw new IllegalStateException("contact " + contact.id + " is already waiting in a pool");
    }
    if (contact.pool != pool) {
      throw new IllegalStateException("contact " + contact.id + " belongs to another pool");
    }
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
      data = Arrays.copyOf(data, size * 2 * STRIDE);
    }
    contact.heapTicket = nextTicket++;
    heap[size] = contact;
    int at = size * STRIDE;
    data[at + KEY] = Double.doubleToRawLongBits(contact.key);
    data[at + ARRIVAL] = contact.originalArrival;
    data[at + SEQUENCE] = contact.sequence;
    data[at + TICKET] = contact.heapTicket << 1 | (contact.excludedCount > 0 ? 1 : 0);
    size++;
    live++;
    if (siftUp(size - 1) == 0) {
      // A just-added entry is live.
      topChecked = true;
    }
    publish();
  }

  /** Takes a contact out of the pool wherever it is (lazily, see the class comment). */
  void remove(Contact contact) {
    if (contact.heapTicket == 0 || contact.pool != pool) {
      throw new IllegalStateException("contact " + contact.id + " is not in this pool");
    }
    contact.heapTicket = 0;
    live--;
    if (heap[0] == contact) {
      // The usual case (the best contact was just offered): drop it now, no tombstone, and check
      // the new top while its line is warm so the next agent can use the published head.
      popTop();
      dropDeadTop();
    } else if (size > 64 && size > 2 * live) {
      compact();
      dropDeadTop();
    }
    publish();
  }

  /**
   * The position of the best contact this agent may take, or -1. Read it with {@link #contactAt}
   * and the key accessors before changing this heap.
   */
  int bestFor(Agent agent) {
    if (!topChecked) {
      dropDeadTop();
      publish();
    }
    if (size == 0) {
      return -1;
    }
    if ((data[TICKET] & 1) == 0 || !heap[0].excludes(agent)) {
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
    return Double.longBitsToDouble(data[position * STRIDE + KEY]);
  }

  long arrivalAt(int position) {
    return data[position * STRIDE + ARRIVAL];
  }

  long sequenceAt(int position) {
    return data[position * STRIDE + SEQUENCE];
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
    if (size > 0) {
      move(size, 0);
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
        move(i, kept++);
      }
    }
    Arrays.fill(heap, kept, size, null);
    size = kept;
    topChecked = false;
    for (int i = (size >>> 1) - 1; i >= 0; i--) {
      siftDown(i);
    }
  }

  private void move(int from, int to) {
    heap[to] = heap[from];
    System.arraycopy(data, from * STRIDE, data, to * STRIDE, STRIDE);
  }

  private void swap(int i, int j) {
    Contact contact = heap[i];
    heap[i] = heap[j];
    heap[j] = contact;
    int a = i * STRIDE;
    int b = j * STRIDE;
    for (int k = 0; k < STRIDE; k++) {
      long value = data[a + k];
      data[a + k] = data[b + k];
      data[b + k] = value;
    }
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
