package io.sangdam.engine.routing;

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
 *
 * <p>A lane keeps its timers as parallel arrays (time, sequence, kind, target, generation), not as
 * {@link Timer} objects: scheduling allocates nothing, and the clock reads the next timer from
 * arrays it walks in order instead of from an object made thousands of commands ago (a cache miss
 * per timer; a center schedules an offer timer per decision and an overflow timer per arrival).
 *
 * <p>Reading: {@link #isEmpty}, then the {@code next...} accessors describe the earliest timer, and
 * {@link #poll} drops it.
 */
final class Timers {
    private static final Timer.Kind[] KINDS = Timer.Kind.values();
    /** {@link #next} when the earliest timer is in {@link #others}. */
    private static final int OTHERS = -1;
    /** {@link #next} when it must be worked out again. */
    private static final int UNKNOWN = -2;

    /**
     * Timers of one lane in {@code [head, tail)} of the arrays, in time order. Entry {@code i} has
     * the number {@code first + i}, which survives sliding and never repeats.
     */
    private static final class Lane {
        long first;
        long[] at = new long[16];
        long[] sequence = new long[16];
        byte[] kind = new byte[16];

        @Nullable
        Object[] target = new Object[16];

        int[] generation = new int[16];
        int head;
        int tail;

        boolean isEmpty() {
            return head == tail;
        }

        /** Appends a timer and returns its number. */
        long add(long time, long order, Timer.Kind timerKind, Object timerTarget, int timerGeneration) {
            if (tail == at.length) {
                int count = tail - head;
                if (head >= at.length / 2) {
                    // Slide down rather than grow: most of the array is timers already fired.
                    System.arraycopy(at, head, at, 0, count);
                    System.arraycopy(sequence, head, sequence, 0, count);
                    System.arraycopy(kind, head, kind, 0, count);
                    System.arraycopy(target, head, target, 0, count);
                    Arrays.fill(target, count, tail, null);
                    System.arraycopy(generation, head, generation, 0, count);
                    first += head;
                    head = 0;
                    tail = count;
                } else {
                    int capacity = at.length * 2;
                    at = Arrays.copyOf(at, capacity);
                    sequence = Arrays.copyOf(sequence, capacity);
                    kind = Arrays.copyOf(kind, capacity);
                    target = Arrays.copyOf(target, capacity);
                    generation = Arrays.copyOf(generation, capacity);
                }
            }
            at[tail] = time;
            sequence[tail] = order;
            kind[tail] = (byte) timerKind.ordinal();
            target[tail] = timerTarget;
            generation[tail] = timerGeneration;
            return first + tail++;
        }

        void poll() {
            target[head] = null;
            head++;
            if (head == tail) {
                first += tail;
                head = 0;
                tail = 0;
            }
        }
    }

    private final Lane[] lanes;
    /** Heap of lane indexes ordered by their head timer; position of each lane in it, or -1. */
    private final int[] heap;

    private final int[] positionOfLane;
    /** Each lane's head time and sequence, copied out so the lane heap compares plain numbers. */
    private final long[] headAt;

    private final long[] headSequence;
    private int heapSize;
    private final PriorityQueue<Timer> others = new PriorityQueue<>(Timer::compare);
    /** Where the earliest timer is: a lane, {@link #OTHERS}, or {@link #UNKNOWN}. */
    private int next = UNKNOWN;

    Timers(int laneCount) {
        lanes = new Lane[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = new Lane();
        }
        heap = new int[laneCount];
        positionOfLane = new int[laneCount];
        headAt = new long[laneCount];
        headSequence = new long[laneCount];
        Arrays.fill(positionOfLane, -1);
    }

    /**
     * Adds a timer to {@code lane} (or, with lane -1 or when it would break the lane's order,
     * elsewhere). Its target is the contact or agent it guards. Returns its number in the lane, for
     * {@link #cancel}, or -1 when it went elsewhere.
     */
    long add(int lane, long at, long sequence, Timer.Kind kind, Object target, int generation) {
        next = UNKNOWN;
        Lane queue = lane < 0 ? null : lanes[lane];
        if (queue == null || (!queue.isEmpty() && queue.at[queue.tail - 1] > at)) {
            others.add(new Timer(
                    at,
                    sequence,
                    kind,
                    target instanceof Contact contact ? contact : null,
                    target instanceof Agent agent ? agent : null,
                    generation));
            return -1;
        }
        long number = queue.add(at, sequence, kind, target, generation);
        if (queue.tail - queue.head == 1) {
            headAt[lane] = at;
            headSequence[lane] = sequence;
            positionOfLane[lane] = heapSize;
            heap[heapSize++] = lane;
            siftUp(heapSize - 1);
        }
        return number;
    }

    /**
     * Forgets the target of a lane timer that can no longer be live, so that firing it later reads
     * nothing (its target is then null). Cheap only while the entry is recent, as an offer timer is
     * when the offer is accepted; an entry already fired, or -1, is ignored.
     */
    void cancel(int lane, long number) {
        if (number < 0) {
            return;
        }
        Lane queue = lanes[lane];
        long entry = number - queue.first;
        if (entry >= queue.head && entry < queue.tail) {
            queue.target[(int) entry] = null;
        }
    }

    boolean isEmpty() {
        return heapSize == 0 && others.isEmpty();
    }

    /** Where the earliest timer is; there must be one. */
    private int next() {
        if (next == UNKNOWN) {
            Timer fromOthers = others.peek();
            if (heapSize == 0) {
                next = OTHERS;
            } else if (fromOthers == null) {
                next = heap[0];
            } else {
                long at = headAt[heap[0]];
                boolean laneFirst =
                        at != fromOthers.at() ? at < fromOthers.at() : headSequence[heap[0]] <= fromOthers.sequence();
                next = laneFirst ? heap[0] : OTHERS;
            }
        }
        return next;
    }

    /** When the earliest timer is due, or {@code Long.MAX_VALUE} when there is none. */
    long nextAt() {
        if (isEmpty()) {
            return Long.MAX_VALUE;
        }
        int source = next();
        if (source == OTHERS) {
            return required(others.peek()).at();
        }
        Lane lane = lanes[source];
        return lane.at[lane.head];
    }

    Timer.Kind nextKind() {
        int source = next();
        if (source == OTHERS) {
            return required(others.peek()).kind();
        }
        Lane lane = lanes[source];
        return KINDS[lane.kind[lane.head]];
    }

    /** The contact or agent the earliest timer guards; null when it was cancelled. */
    @Nullable
    Object nextTarget() {
        int source = next();
        if (source == OTHERS) {
            Timer timer = required(others.peek());
            Contact contact = timer.contact();
            return contact != null ? contact : required(timer.agent());
        }
        Lane lane = lanes[source];
        return lane.target[lane.head];
    }

    int nextGeneration() {
        int source = next();
        if (source == OTHERS) {
            return required(others.peek()).generation();
        }
        Lane lane = lanes[source];
        return lane.generation[lane.head];
    }

    /** Drops the earliest timer. */
    void poll() {
        if (isEmpty()) {
            return;
        }
        int source = next();
        next = UNKNOWN;
        if (source == OTHERS) {
            others.poll();
            return;
        }
        Lane lane = lanes[source];
        lane.poll();
        if (lane.isEmpty()) {
            positionOfLane[source] = -1;
            heapSize--;
            if (heapSize > 0) {
                heap[0] = heap[heapSize];
                positionOfLane[heap[0]] = 0;
                siftDown(0);
            }
        } else {
            headAt[source] = lane.at[lane.head];
            headSequence[source] = lane.sequence[lane.head];
            siftDown(0);
        }
    }

    private static <T> T required(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("no timer");
        }
        return value;
    }

    private boolean before(int laneA, int laneB) {
        return headAt[laneA] != headAt[laneB]
                ? headAt[laneA] < headAt[laneB]
                : headSequence[laneA] < headSequence[laneB];
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
