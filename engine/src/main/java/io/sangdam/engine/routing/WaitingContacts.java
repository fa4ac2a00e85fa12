package io.sangdam.engine.routing;

import java.util.Arrays;

/**
 * The contacts waiting in one pool, best first: highest priority-plus-aging, then oldest original
 * arrival, then engine arrival order. Ordering keys are stored inline, four longs per entry in one
 * array (key, arrival, sequence, ticket), so ordering compares plain numbers and never touches a
 * contact object (with 50,000 waiting contacts each touch would be a cache miss).
 *
 * <p>Most contacts arrive already in order: within one priority, a new contact's key is never better
 * than that of a contact that arrived before it (the key is {@code priority - aging * arrival}). So
 * entries go into a few <em>runs</em>, plain FIFO arrays each in order, appended at the tail and
 * taken at the head: taking the best contact is then reading the next entry of an array, where a
 * binary heap of a thousand contacts sifts ten levels with a cache miss or two on each. An entry that
 * fits no run (a contact back after a missed offer, a transfer with an old original arrival) goes
 * to a binary heap beside the runs. The best contact is the best of the run heads and the heap top.
 *
 * <p>Removal from the middle (abandon, overflow to another pool) is lazy: the contact's {@code
 * heapTicket} is cleared (and a run entry marked {@link #DEAD}, so that taking the best never reads
 * a contact to learn whether the next entry still waits) and its entry becomes a tombstone, dropped
 * when it reaches the top or when
 * tombstones outnumber live entries (then everything is compacted, amortised O(1) per removal).
 * Hazard: an entry is live only while {@code contact.pool == this pool} and the contact's ticket
 * equals the entry's; every path that takes a contact out must go through {@link #remove}.
 *
 * <p>Positions handed out by {@link #bestFor} encode where the entry is (heap or run, see {@link
 * #RUN_SHIFT}); they are valid only until this structure next changes.
 */
final class WaitingContacts {
    /** Position meaning "the current best entry", for callers that read the published head. */
    static final int HEAD = -2;

    private static final int STRIDE = 4;
    private static final int KEY = 0;
    private static final int ARRIVAL = 1;
    private static final int SEQUENCE = 2;
    /** ticket << 2 | DEAD | KEEPS_AWAY. */
    private static final int TICKET = 3;
    /** The contact had agents kept away when it entered. */
    private static final long KEEPS_AWAY = 1;
    /**
     * Set on a run entry when its contact leaves; run entries never move while they live (see {@link
     * Contact#waitingRun}), so liveness is read here instead of from the contact. Heap entries move
     * at every sift, so they keep comparing tickets with the contact.
     */
    private static final long DEAD = 2;
    /**
     * Runs per pool. One per contact priority in use is enough for the usual case; more would make
     * every choice of the best compare more heads.
     */
    private static final int RUNS = 4;
    /** A position is {@code (run + 1) << RUN_SHIFT | index} for a run entry, the heap index otherwise. */
    private static final int RUN_SHIFT = 27;

    private static final int INDEX_MASK = (1 << RUN_SHIFT) - 1;

    /**
     * Entries in order, each before the next: {@code [head, tail)} of the arrays. Entry {@code i} has
     * the number {@code first + i}, which stays the same when the entries slide down the array.
     */
    private static final class Run {
        Contact[] contacts = new Contact[16];
        long[] data = new long[16 * STRIDE];
        int head;
        int tail;
        long first;

        boolean isEmpty() {
            return head == tail;
        }
    }

    private final Run[] runs = new Run[RUNS];
    private Contact[] heap = new Contact[16];
    private long[] data = new long[16 * STRIDE];
    private int size;
    /** Entries in runs and heap, tombstones included. */
    private int entries;

    private int live;
    private long nextTicket = 1;
    /** Position of the best entry; meaningful only while {@link #topChecked}. */
    private int top;
    /**
     * The best entry is known to be live and sits at {@link #top}, so routing can read it without
     * touching the contact (a cache miss per pool otherwise). A live top only dies through {@link
     * #remove}, which pops it, so this only turns false when the top is replaced by an entry nobody
     * has checked.
     */
    private boolean topChecked;

    private final Pool pool;
    private final PoolHeads heads;
    private final int index;

    WaitingContacts(Pool pool, PoolHeads heads) {
        this.pool = pool;
        this.heads = heads;
        this.index = pool.index;
        for (int i = 0; i < RUNS; i++) {
            runs[i] = new Run();
        }
    }

    /** Copies the current head into {@link PoolHeads}; call after every change at the top. */
    private void publish() {
        if (live == 0) {
            heads.state[index] = PoolHeads.EMPTY;
        } else if (topChecked && (field(top, TICKET) & KEEPS_AWAY) == 0) {
            heads.state[index] = PoolHeads.READY;
            heads.key[index] = Double.longBitsToDouble(field(top, KEY));
            heads.arrival[index] = field(top, ARRIVAL);
            heads.sequence[index] = field(top, SEQUENCE);
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

    private static boolean before(long[] da, int a, long[] db, int b) {
        double keyA = Double.longBitsToDouble(da[a + KEY]);
        double keyB = Double.longBitsToDouble(db[b + KEY]);
        if (keyA != keyB) {
            return keyA > keyB;
        }
        if (da[a + ARRIVAL] != db[b + ARRIVAL]) {
            return da[a + ARRIVAL] < db[b + ARRIVAL];
        }
        return da[a + SEQUENCE] < db[b + SEQUENCE];
    }

    /** Heap entry i before heap entry j. */
    private boolean before(int i, int j) {
        return before(data, i * STRIDE, data, j * STRIDE);
    }

    /** Entry at position a before entry at position b (anywhere). */
    private boolean positionBefore(int a, int b) {
        return before(dataOf(a), (a & INDEX_MASK) * STRIDE, dataOf(b), (b & INDEX_MASK) * STRIDE);
    }

    private long[] dataOf(int position) {
        int run = position >>> RUN_SHIFT;
        return run == 0 ? data : runs[run - 1].data;
    }

    private long field(int position, int field) {
        return dataOf(position)[(position & INDEX_MASK) * STRIDE + field];
    }

    private static int runPosition(int run, int entry) {
        return (run + 1) << RUN_SHIFT | entry;
    }

    private boolean isLive(int position) {
        if (position >>> RUN_SHIFT != 0) {
            return (field(position, TICKET) & DEAD) == 0;
        }
        Contact contact = heap[position];
        return contact.heapTicket == (data[position * STRIDE + TICKET] >>> 2) && contact.pool == pool;
    }

    void add(Contact contact) {
        if (contact.heapTicket != 0) {
            throw new IllegalStateException("contact " + contact.id + " is already waiting in a pool");
        }
        if (contact.pool != pool) {
            throw new IllegalStateException("contact " + contact.id + " belongs to another pool");
        }
        contact.heapTicket = nextTicket++;
        long key = Double.doubleToRawLongBits(contact.key);
        long ticket = contact.heapTicket << 2 | (contact.excludedCount > 0 ? KEEPS_AWAY : 0);
        int position;
        int run = runFor(contact);
        if (run >= 0) {
            position = append(run, contact, key, ticket);
        } else {
            contact.waitingRun = -1;
            if (size == heap.length) {
                if (size * 2 > INDEX_MASK) {
                    throw new IllegalStateException("more waiting contacts in one pool than positions can address");
                }
                heap = Arrays.copyOf(heap, size * 2);
                data = Arrays.copyOf(data, size * 2 * STRIDE);
            }
            heap[size] = contact;
            put(data, size * STRIDE, key, contact, ticket);
            size++;
            position = siftUp(size - 1);
            // A heap top that moved down is no longer at 0; only an entry that reached 0 is better.
        }
        entries++;
        live++;
        if (topChecked) {
            if (position != top && positionBefore(position, top)) {
                top = position;
            }
        } else if (live == 1) {
            // A just-added entry is live; with nothing else live it is the top once the dead are gone.
            dropDeadTop();
        }
        publish();
    }

    private static void put(long[] into, int at, long key, Contact contact, long ticket) {
        into[at + KEY] = key;
        into[at + ARRIVAL] = contact.originalArrival;
        into[at + SEQUENCE] = contact.sequence;
        into[at + TICKET] = ticket;
    }

    /**
     * The run this contact can be appended to without breaking its order: of the runs whose tail
     * comes before it, the one whose tail is last (so runs stay apart by priority); else an empty
     * run; else -1 (the heap).
     */
    private int runFor(Contact contact) {
        int chosen = -1;
        int empty = -1;
        for (int r = 0; r < RUNS; r++) {
            Run run = runs[r];
            if (run.isEmpty()) {
                if (empty < 0) {
                    empty = r;
                }
                continue;
            }
            int tail = (run.tail - 1) * STRIDE;
            if (!tailBefore(run.data, tail, contact)) {
                continue;
            }
            if (chosen < 0) {
                chosen = r;
            } else {
                Run best = runs[chosen];
                if (before(best.data, (best.tail - 1) * STRIDE, run.data, tail)) {
                    chosen = r;
                }
            }
        }
        return chosen >= 0 ? chosen : empty;
    }

    private static boolean tailBefore(long[] runData, int tail, Contact contact) {
        double tailKey = Double.longBitsToDouble(runData[tail + KEY]);
        if (tailKey != contact.key) {
            return tailKey > contact.key;
        }
        if (runData[tail + ARRIVAL] != contact.originalArrival) {
            return runData[tail + ARRIVAL] < contact.originalArrival;
        }
        return runData[tail + SEQUENCE] < contact.sequence;
    }

    private int append(int r, Contact contact, long key, long ticket) {
        Run run = runs[r];
        if (run.tail == run.contacts.length) {
            int count = run.tail - run.head;
            if (run.head >= run.contacts.length / 2) {
                // Slide down rather than grow: the head has moved past half the array.
                int shift = run.head;
                System.arraycopy(run.contacts, run.head, run.contacts, 0, count);
                Arrays.fill(run.contacts, count, run.tail, null);
                System.arraycopy(run.data, run.head * STRIDE, run.data, 0, count * STRIDE);
                run.head = 0;
                run.tail = count;
                run.first += shift;
                if (topChecked && top >>> RUN_SHIFT == r + 1) {
                    top -= shift;
                }
            } else {
                if (run.contacts.length * 2 > INDEX_MASK) {
                    throw new IllegalStateException("more waiting contacts in one pool than positions can address");
                }
                run.contacts = Arrays.copyOf(run.contacts, run.contacts.length * 2);
                run.data = Arrays.copyOf(run.data, run.data.length * 2);
            }
        }
        int entry = run.tail++;
        run.contacts[entry] = contact;
        contact.waitingRun = r;
        contact.waitingNumber = run.first + entry;
        put(run.data, entry * STRIDE, key, contact, ticket);
        return runPosition(r, entry);
    }

    /** Takes a contact out of the pool wherever it is (lazily, see the class comment). */
    void remove(Contact contact) {
        if (contact.heapTicket == 0 || contact.pool != pool) {
            throw new IllegalStateException("contact " + contact.id + " is not in this pool");
        }
        contact.heapTicket = 0;
        live--;
        if (topChecked && contactAt(top) == contact) {
            // The usual case (the best contact was just offered): drop it now, no tombstone, and check
            // the new top while its line is warm so the next agent can use the published head.
            pop(top);
            dropDeadTop();
        } else {
            if (contact.waitingRun >= 0) {
                Run run = runs[contact.waitingRun];
                run.data[(int) (contact.waitingNumber - run.first) * STRIDE + TICKET] |= DEAD;
            }
            if (entries > 64 && entries > 2 * live) {
                compact();
                dropDeadTop();
            }
        }
        contact.waitingRun = -1;
        publish();
    }

    /**
     * The position of the best contact this agent may take, or -1. Read it with {@link #contactAt}
     * and the key accessors before changing this structure.
     */
    int bestFor(Agent agent) {
        if (!topChecked) {
            dropDeadTop();
            publish();
        }
        if (live == 0) {
            return -1;
        }
        if ((field(top, TICKET) & KEEPS_AWAY) == 0 || !contactAt(top).excludes(agent)) {
            return top;
        }
        // The top keeps this agent away: the first allowed live entry of each run, the best allowed
        // one of the heap, and the best of those.
        int best = bestInHeapFor(agent);
        for (int r = 0; r < RUNS; r++) {
            Run run = runs[r];
            for (int entry = run.head; entry < run.tail; entry++) {
                int position = runPosition(r, entry);
                if (best >= 0 && positionBefore(best, position)) {
                    break;
                }
                if (isLive(position) && !run.contacts[entry].excludes(agent)) {
                    best = position;
                    break;
                }
            }
        }
        return best;
    }

    private int bestInHeapFor(Agent agent) {
        if (size == 0) {
            return -1;
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
        if (position == HEAD) {
            position = top;
        }
        int run = position >>> RUN_SHIFT;
        return run == 0 ? heap[position] : runs[run - 1].contacts[position & INDEX_MASK];
    }

    double keyAt(int position) {
        return Double.longBitsToDouble(field(position, KEY));
    }

    long arrivalAt(int position) {
        return field(position, ARRIVAL);
    }

    long sequenceAt(int position) {
        return field(position, SEQUENCE);
    }

    /** Pops dead best entries until the best is live (or nothing is left), and notes where it is. */
    private void dropDeadTop() {
        if (topChecked) {
            return;
        }
        while (entries > 0) {
            int best = bestEntry();
            if (isLive(best)) {
                top = best;
                topChecked = true;
                return;
            }
            pop(best);
        }
    }

    /** The best of the run heads and the heap top, live or dead; there must be an entry. */
    private int bestEntry() {
        int best = size > 0 ? 0 : -1;
        for (int r = 0; r < RUNS; r++) {
            Run run = runs[r];
            if (!run.isEmpty()) {
                int position = runPosition(r, run.head);
                if (best < 0 || positionBefore(position, best)) {
                    best = position;
                }
            }
        }
        return best;
    }

    /** Removes the entry at the head of a run or the top of the heap. */
    private void pop(int position) {
        topChecked = false;
        entries--;
        int r = (position >>> RUN_SHIFT) - 1;
        if (r < 0) {
            popHeapTop();
            return;
        }
        Run run = runs[r];
        run.contacts[run.head] = null;
        run.head++;
        if (run.isEmpty()) {
            run.head = 0;
            run.tail = 0;
        }
    }

    private void popHeapTop() {
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
        for (int r = 0; r < RUNS; r++) {
            Run run = runs[r];
            int kept = 0;
            for (int entry = run.head; entry < run.tail; entry++) {
                if (isLive(runPosition(r, entry))) {
                    Contact contact = run.contacts[entry];
                    run.contacts[kept] = contact;
                    System.arraycopy(run.data, entry * STRIDE, run.data, kept * STRIDE, STRIDE);
                    contact.waitingNumber = run.first + kept;
                    kept++;
                }
            }
            Arrays.fill(run.contacts, kept, Math.max(kept, run.tail), null);
            run.head = 0;
            run.tail = kept;
        }
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (isLive(i)) {
                move(i, kept++);
            }
        }
        Arrays.fill(heap, kept, size, null);
        size = kept;
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i);
        }
        entries = live;
        topChecked = false;
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
