package io.sangdam.engine.routing;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * Pending timers, earliest first (ties by scheduling order).
 *
 * <p>Why not one priority queue: most timers are "now plus a fixed delay" (offer timeout, wrap-up
 * of a queue, an overflow step of a queue), so within one such lane they come due in the order they
 * were scheduled. Each lane is a plain FIFO (O(1) to add, most offer timers die unread), and only
 * the lanes' heads sit in a small heap. A timer that would break its lane's order (e.g. an overflow
 * step rescheduled after a missed offer) and timers with free-form times go to a fallback priority
 * queue. With 50,000 waiting contacts this removes the log(n) pointer-chasing of one big heap.
 */
final class Timers {
  private final ArrayDeque<Timer>[] lanes;
  /** Heap of lane indexes ordered by their head timer; position of each lane in it, or -1. */
  private final int[] heap;
  private final int[] positionOfLane;
  /** Each lane's head time and sequence, copied out so the lane heap compares plain numbers. */
  private final long[] headAt;
  private final long[] headSequence;
  private int heapSize;
  private final PriorityQueue<Timer> others = new PriorityQueue<>(Timer::compare);

  @SuppressWarnings("unchecked")
  Timers(int laneCount) {
    lanes = new ArrayDeque[laneCount];
    for (int i = 0; i < laneCount; i++) {
      lanes[i] = new ArrayDeque<>();
    }
    heap = new int[laneCount];
    positionOfLane = new int[laneCount];
    headAt = new long[laneCount];
    headSequence = new long[laneCount];
    Arrays.fill(positionOfLane, -1);
  }

  /** Adds to {@code lane} (or, with lane -1 or when it would break the lane's order, elsewhere). */
  void add(int lane, Timer timer) {
    if (lane < 0) {
      others.add(timer);
      return;
    }
    ArrayDeque<Timer> queue = lanes[lane];
    Timer tail = queue.peekLast();
    if (tail != null && tail.at() > timer.at()) {
      others.add(timer);
      return;
    }
    queue.addLast(timer);
    if (queue.size() == 1) {
      headAt[lane] = timer.at();
      headSequence[lane] = timer.sequence();
      positionOfLane[lane] = heapSize;
      heap[heapSize++] = lane;
      siftUp(heapSize - 1);
    }
  }

  @Nullable Timer peek() {
    Timer fromLanes = heapSize == 0 ? null : lanes[heap[0]].peekFirst();
    Timer fromOthers = others.peek();
    if (fromLanes == null) {
      return fromOthers;
    }
    if (fromOthers == null) {
      return fromLanes;
    }
    return Timer.compare(fromLanes, fromOthers) <= 0 ? fromLanes : fromOthers;
  }

  @Nullable Timer poll() {
    Timer first = peek();
    if (first == null) {
      return null;
    }
    if (first == others.peek()) {
      return others.poll();
    }
    int lane = heap[0];
    lanes[lane].pollFirst();
    if (lanes[lane].isEmpty()) {
      positionOfLane[lane] = -1;
      heapSize--;
      if (heapSize > 0) {
        heap[0] = heap[heapSize];
        positionOfLane[heap[0]] = 0;
        siftDown(0);
      }
    } else {
      Timer head = lanes[lane].peekFirst();
      headAt[lane] = head.at();
      headSequence[lane] = head.sequence();
      siftDown(0);
    }
    return first;
  }

  boolean isEmpty() {
    return heapSize == 0 && others.isEmpty();
  }

  private boolean before(int laneA, int laneB) {
    return headAt[laneA] != headAt[laneB] ? headAt[laneA] < headAt[laneB] : headSequence[laneA] < headSequence[laneB];
  }

  private void siftUp(int position) {
    while (position > 0) {
      int parent = (position - 1) >>> 1;
      if (!before(heap[position], heap[parent])) {
        return;
      }
      swap(position, parent);
      position = parent;
    }
  }

  private void siftDown(int position) {
    while (true) {
      int child = 2 * position + 1;
      if (child >= heapSize) {
        return;
      }
      if (child + 1 < heapSize && before(heap[child + 1], heap[child])) {
        child++;
      }
      if (!before(heap[child], heap[position])) {
        return;
      }
      swap(position, child);
      position = child;
    }
  }

  private void swap(int i, int j) {
    int lane = heap[i];
    heap[i] = heap[j];
    heap[j] = lane;
    positionOfLane[heap[i]] = i;
    positionOfLane[heap[j]] = j;
  }
}
