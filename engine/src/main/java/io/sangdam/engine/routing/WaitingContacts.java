package io.sangdam.engine.routing;

import java.util.Arrays;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The contacts waiting in one pool, best first: highest priority-plus-aging, then oldest original
 * arrival, then engine arrival order. An indexed binary heap: add, remove-anywhere (abandons) and
 * peek are O(log n) or better; each contact remembers its own position.
 */
final class WaitingContacts {
  private Contact[] heap = new Contact[16];
  private int size;

  int size() {
    return size;
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

  void add(Contact contact) {
    if (contact.heapPosition >= 0) {
      throw new IllegalStateException("contact " + contact.id + " is already waiting in a pool");
    }
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = contact;
    contact.heapPosition = size;
    size++;
    siftUp(size - 1);
  }

  void remove(Contact contact) {
    int position = contact.heapPosition;
    if (position < 0 || position >= size || heap[position] != contact) {
      throw new IllegalStateException("contact " + contact.id + " is not in this pool");
    }
    size--;
    Contact last = heap[size];
    heap[size] = null;
    contact.heapPosition = -1;
    if (position < size) {
      heap[position] = last;
      last.heapPosition = position;
      siftDown(position);
      siftUp(last.heapPosition);
    }
  }

  /**
   * The best contact this agent may take: the head, unless the head was kept away from the agent,
   * in which case the heap is walked best-first (a node's children are never better than the node)
   * until an allowed contact turns up. The walk visits at most twice as many nodes as there are
   * refused contacts ahead of the answer, so it stays short.
   */
  @Nullable Contact firstAllowed(Agent agent) {
    if (size == 0) {
      return null;
    }
    Contact head = heap[0];
    if (head.excludedCount == 0 || !head.excludes(agent)) {
      return head;
    }
    int[] frontier = new int[8];
    int frontierSize = 0;
    frontier[frontierSize++] = 0;
    while (frontierSize > 0) {
      int best = 0;
      for (int i = 1; i < frontierSize; i++) {
        if (before(heap[frontier[i]], heap[frontier[best]])) {
          best = i;
        }
      }
      int node = frontier[best];
      frontier[best] = frontier[--frontierSize];
      Contact candidate = heap[node];
      if (!candidate.excludes(agent)) {
        return candidate;
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

  void forEach(Consumer<Contact> action) {
    for (int i = 0; i < size; i++) {
      action.accept(heap[i]);
    }
  }

  private void siftUp(int position) {
    Contact moving = heap[position];
    while (position > 0) {
      int parent = (position - 1) >>> 1;
      Contact above = heap[parent];
      if (!before(moving, above)) {
        break;
      }
      heap[position] = above;
      above.heapPosition = position;
      position = parent;
    }
    heap[position] = moving;
    moving.heapPosition = position;
  }

  private void siftDown(int position) {
    Contact moving = heap[position];
    int half = size >>> 1;
    while (position < half) {
      int child = 2 * position + 1;
      int right = child + 1;
      if (right < size && before(heap[right], heap[child])) {
        child = right;
      }
      if (!before(heap[child], moving)) {
        break;
      }
      heap[position] = heap[child];
      heap[position].heapPosition = position;
      position = child;
    }
    heap[position] = moving;
    moving.heapPosition = position;
  }
}
