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
  static final Pool[] NO_POOLS = new Pool[0];
  private static final Contact[] NO_CONTACTS = new Contact[0];

  /** Order of first login; the last tie-break of every strategy, so choices are deterministic. */
  final int index;
  final AgentId id;
  AgentProfile profile;
  /**
   * Per channel c: capacity at {@code [2c]}, contacts held at {@code [2c + 1]}. One array for both
   * so checking capacity costs one cache line, not two.
   */
  final int[] channelLoad = new int[2 * Channels.COUNT];
  boolean voiceExclusive;

  boolean loggedIn;
  @Nullable String notReadyReason;
  long wrapUpUntil = NONE;
  long recoveryUntil = NONE;
  int wrapUpGeneration;
  int recoveryGeneration;

  @Nullable Contact offered;
  int activeTotal;
  /** Contacts assigned to the agent, in {@code held[0..heldCount)}; an array, not a list, to spare a hop. */
  Contact[] held = new Contact[2];
  int heldCount;
  int missedInRow;

  long idleSince;
  long busyMillis;
  long busySince;
  long lastOfferOrdinal;

  /** Every pool whose contacts this agent may take (it pulls from all of them). */
  Pool[] pools = NO_POOLS;
  /**
   * {@code pools[i].index} at {@code [2i]} and {@code pools[i].channel} at {@code [2i + 1]}, so
   * routing can read {@link PoolHeads} without touching the pools.
   */
  int[] poolRefs = new int[0];
  /** Per queue and lane, the lowest-stage pool of {@link #pools}: where it is listed as available. */
  Pool[] homes = NO_POOLS;
  long[] skillScores = new long[0];
  long[] tokens = new long[0];
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
  @Nullable Object shownDetail;

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
    this.profile = profile;
  }

  boolean canTake(int channel) {
    int[] load = channelLoad;
    if (load[2 * channel + 1] >= load[2 * channel]) {
      return false;
    }
    if (!voiceExclusive) {
      return true;
    }
    return channel == Channels.VOICE ? activeTotal == 0 : load[2 * Channels.VOICE + 1] == 0;
  }

  int capacity(int channel) {
    return channelLoad[2 * channel];
  }

  void hold(Contact contact) {
    if (heldCount == held.length) {
      held = Arrays.copyOf(held, heldCount * 2);
    }
    held[heldCount++] = contact;
    channelLoad[2 * contact.channelIndex + 1]++;
    activeTotal++;
  }

  void release(Contact contact) {
    for (int i = 0; i < heldCount; i++) {
      if (held[i] == contact) {
        held[i] = held[--heldCount];
        held[heldCount] = null;
        channelLoad[2 * contact.channelIndex + 1]--;
        activeTotal--;
        return;
      }
    }
    throw new IllegalStateException("agent " + id + " does not hold " + contact.id);
  }

  List<Contact> heldContacts() {
    return List.of(Arrays.copyOf(held, heldCount));
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
