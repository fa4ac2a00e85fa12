package io.sangdam.engine.routing;

import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The engine's working record of one contact, from arrival until it ends. Mutable, engine thread
 * only.
 *
 * <p>Hazard: {@link #heapTicket} belongs to {@link WaitingContacts}: non-zero exactly while the
 * contact is live in the heap of {@link #pool}. A contact is in at most one pool's heap, and only
 * while {@link #status} is WAITING and it is not waiting for its preferred agent.
 */
final class Contact {
    enum Status {
        WAITING,
        OFFERED,
        ASSIGNED,
        ENDED
    }

    private static final Agent[] NO_AGENTS = new Agent[0];

    final ContactId id;
    /** {@code ContactsById.spread(id.hashCode())}, kept so lookups compare it before the id. */
    final int idHash;
    /** Arrival order in the engine; the last tie-break. */
    final long sequence;

    final Channel channel;
    final int channelIndex;
    final int ownPriority;
    final Set<ContactAttribute> attributes;
    final long originalArrival;
    final int laneIndex;

    Status status = Status.WAITING;
    ContactQueue queue;
    int priority;
    /**
     * priority - aging * (originalArrival - epoch): the priority-plus-aging score minus the part every
     * contact of the queue gains alike with time. It never changes while the contact waits, so heaps
     * stay ordered without re-keying; see {@link RoutingEngine#score}.
     */
    double key;

    long queuedAt;
    int stepsApplied;
    int stage;
    Pool pool;
    long heapTicket;
    /**
     * Where the live entry is in its pool's {@link WaitingContacts}: the run and the entry's number
     * there, or -1 when it is in the pool's heap or in no pool. Owned by {@link WaitingContacts}.
     */
    int waitingRun = -1;

    long waitingNumber;

    @Nullable
    Agent preferred;

    long preferredUntil;
    boolean waitingForPreferred;

    /** The agent it is offered to or assigned to. */
    @Nullable
    Agent agent;

    int offerGeneration;
    /** Number of the current offer's timer in the engine's offer lane, or -1; see {@code Timers.cancel}. */
    long offerTimer = -1;

    int overflowGeneration;
    int preferredGeneration;
    int exclusionGeneration;

    Agent[] excluded = NO_AGENTS;
    int excludedCount;

    Contact(
            ContactId id,
            long sequence,
            Channel channel,
            int ownPriority,
            Set<ContactAttribute> attributes,
            long originalArrival,
            int laneIndex,
            ContactQueue queue) {
        this.id = id;
        this.idHash = ContactsById.spread(id.hashCode());
        this.sequence = sequence;
        this.channel = channel;
        this.channelIndex = channel.ordinal();
        this.ownPriority = ownPriority;
        this.attributes = attributes;
        this.originalArrival = originalArrival;
        this.laneIndex = laneIndex;
        this.queue = queue;
        this.pool = queue.pools[0][laneIndex];
    }

    boolean excludes(Agent agent) {
        for (int i = 0; i < excludedCount; i++) {
            if (excluded[i] == agent) {
                return true;
            }
        }
        return false;
    }

    void exclude(Agent agent) {
        if (excludes(agent)) {
            return;
        }
        if (excludedCount == excluded.length) {
            excluded = Arrays.copyOf(excluded, Math.max(2, excluded.length * 2));
        }
        excluded[excludedCount++] = agent;
    }

    void clearExclusions() {
        Arrays.fill(excluded, 0, excludedCount, null);
        excludedCount = 0;
    }
}
