package io.sangdam.engine.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The engine's working record of one agent. Mutable and owned by the engine's single thread.
 *
 * <p>Hazard: {@link #homes}, {@link #skillScores} and {@link #tokens} are parallel arrays; {@code
 * tokens[i]} is the token of the agent's live entry in {@code homes[i].available}, or 0 when it has
 * none. Only {@link
 * AvailableAgents} may change a token (see there why tokens never repeat).
 */
final class Agent {
    static final long NONE = Long.MIN_VALUE;
    /** {@link #wrapUpUntil} of a wrap-up without a timer, which only {@code WrapUpEnded} ends. */
    static final long UNTIL_ENDED = Long.MAX_VALUE;

    static final Pool[] NO_POOLS = new Pool[0];
    private static final Contact[] NO_CONTACTS = new Contact[0];

    /** Order of first login; the last tie-break of every strategy, so choices are deterministic. */
    final int index;

    final AgentId id;
    /** {@code ContactsById.spread(id.hashCode())}, kept so {@link AgentsById} compares it before the id. */
    final int idHash;

    AgentProfile profile;
    /**
     * Capacity and contacts held per channel, as fields of the agent rather than an array: the freed
     * agent is read from memory anyway, an array would be one more cache miss per decision. Hazard:
     * the switches below use the ordinals of {@link Channel} (0 voice, 1 chat, 2 e-mail); a new
     * channel needs fields here.
     */
    int voiceCapacity;

    int chatCapacity;
    int emailCapacity;
    int voiceHeld;
    int chatHeld;
    int emailHeld;
    boolean voiceExclusive;

    boolean loggedIn;

    @Nullable
    String notReadyReason;

    long wrapUpUntil = NONE;
    long recoveryUntil = NONE;
    int wrapUpGeneration;
    int recoveryGeneration;

    @Nullable
    Contact offered;

    int activeTotal;
    /**
     * Contacts assigned to the agent: {@link #firstHeld} when there is one, the rest in {@code
     * moreHeld[0..heldCount - 1)}. The first is a field so that the usual agent with one call is
     * released without reading another object.
     */
    @Nullable
    Contact firstHeld;

    Contact[] moreHeld = NO_CONTACTS;
    int heldCount;
    int missedInRow;

    long idleSince;
    long busyMillis;
    long busySince;
    long lastOfferOrdinal;

    /** Every pool whose contacts this agent may take (it pulls from all of them). */
    Pool[] pools = NO_POOLS;
    /**
     * {@code pools[i].index}, so routing can read {@link PoolHeads} without touching the pools. Only
     * the numbers (the channel is in {@link PoolHeads#channel}): a freed agent reads this array from
     * memory, and the fewer cache lines it spans the better.
     */
    int[] poolIndexes = new int[0];
    /** Per queue and lane, the lowest-stage pool of {@link #pools}: where it is listed as available. */
    Pool[] homes = NO_POOLS;

    long[] skillScores = new long[0];
    long[] tokens = new long[0];
    /**
     * How many of {@link #tokens} are non-zero: in how many heaps the agent is listed. Lets an agent
     * that is neither eligible nor listed anywhere (the busy case) skip its homes without reading
     * them. Kept by {@link AvailableAgents}, reset with the tokens at login.
     */
    int listings;

    long nextToken = 1;

    /**
     * Contacts waiting for this agent as their preferred agent, oldest first, in {@code
     * preferredBy[0..preferredCount)}. An array and a count in the agent rather than a list, so the
     * usual answer "nobody" costs no read of another object.
     */
    Contact[] preferredBy = NO_CONTACTS;

    int preferredCount;

    AgentState state = AgentState.OFFLINE;
    /**
     * {@link #state} as plain fields: its kind, its time or contact count, its contact id or reason.
     * Hazard: change only together with {@link #state} (the engine's {@code showState}).
     */
    byte shownKind = SHOWS_OFFLINE;

    long shownNumber;

    @Nullable
    Object shownDetail;

    static final byte SHOWS_OFFLINE = 0;
    static final byte SHOWS_RECOVERY = 1;
    static final byte SHOWS_WRAP_UP = 2;
    static final byte SHOWS_RESERVED = 3;
    static final byte SHOWS_BUSY = 4;
    static final byte SHOWS_NOT_READY = 5;
    static final byte SHOWS_AVAILABLE = 6;

    Agent(int index, AgentId id, AgentProfile profile) {
        this.index = index;
        this.id = id;
        this.idHash = ContactsById.spread(id.hashCode());
        this.profile = profile;
    }

    boolean canTake(int channel) {
        if (held(channel) >= capacity(channel)) {
            return false;
        }
        if (!voiceExclusive) {
            return true;
        }
        return channel == Channels.VOICE ? activeTotal == 0 : voiceHeld == 0;
    }

    int capacity(int channel) {
        return switch (channel) {
            case 0 -> voiceCapacity;
            case 1 -> chatCapacity;
            default -> emailCapacity;
        };
    }

    void capacity(int channel, int capacity) {
        switch (channel) {
            case 0 -> voiceCapacity = capacity;
            case 1 -> chatCapacity = capacity;
            default -> emailCapacity = capacity;
        }
    }

    private int held(int channel) {
        return switch (channel) {
            case 0 -> voiceHeld;
            case 1 -> chatHeld;
            default -> emailHeld;
        };
    }

    private void countHeld(int channel, int change) {
        switch (channel) {
            case 0 -> voiceHeld += change;
            case 1 -> chatHeld += change;
            default -> emailHeld += change;
        }
    }

    void hold(Contact contact) {
        if (heldCount == 0) {
            firstHeld = contact;
        } else {
            int more = heldCount - 1;
            if (more == moreHeld.length) {
                moreHeld = Arrays.copyOf(moreHeld, Math.max(2, more * 2));
            }
            moreHeld[more] = contact;
        }
        heldCount++;
        countHeld(contact.channelIndex, 1);
        activeTotal++;
    }

    void release(Contact contact) {
        if (heldCount > 0 && firstHeld == contact) {
            heldCount--;
            if (heldCount > 0) {
                firstHeld = moreHeld[heldCount - 1];
                moreHeld[heldCount - 1] = null;
            } else {
                firstHeld = null;
            }
        } else {
            int more = heldCount - 1;
            int i = 0;
            while (i < more && moreHeld[i] != contact) {
                i++;
            }
            if (i >= more) {
                throw new IllegalStateException("agent " + id + " does not hold " + contact.id);
            }
            moreHeld[i] = moreHeld[more - 1];
            moreHeld[more - 1] = null;
            heldCount--;
        }
        countHeld(contact.channelIndex, -1);
        activeTotal--;
    }

    List<Contact> heldContacts() {
        if (heldCount == 0) {
            return List.of();
        }
        List<Contact> contacts = new ArrayList<>(heldCount);
        contacts.add(firstHeld);
        for (int i = 0; i < heldCount - 1; i++) {
            contacts.add(moreHeld[i]);
        }
        return List.copyOf(contacts);
    }

    void preferredBy(Contact contact) {
        if (preferredCount == preferredBy.length) {
            preferredBy = Arrays.copyOf(preferredBy, Math.max(2, preferredCount * 2));
        }
        preferredBy[preferredCount++] = contact;
    }

    /** Removes a contact waiting for this agent, keeping the others in order; absent is a no-op. */
    void noLongerPreferredBy(Contact contact) {
        for (int i = 0; i < preferredCount; i++) {
            if (preferredBy[i] == contact) {
                System.arraycopy(preferredBy, i + 1, preferredBy, i, preferredCount - i - 1);
                preferredBy[--preferredCount] = null;
                return;
            }
        }
    }

    /** Ready for a new offer on this channel right now. */
    boolean eligibleFor(int channel) {
        return loggedIn
                && notReadyReason == null
                && wrapUpUntil == NONE
                && recoveryUntil == NONE
                && offered == null
                && canTake(channel);
    }
}
