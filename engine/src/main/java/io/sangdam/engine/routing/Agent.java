package io.sangdam.engine.routing;

import java.util.ArrayList;
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

  /** Order of first login; the last tie-break of every strategy, so choices are deterministic. */
  final int index;
  final AgentId id;
  AgentProfile profile;
  final int[] capacity = new int[Channels.COUNT];
  boolean voiceExclusive;

  boolean loggedIn;
  @Nullable String notReadyReason;
  long wrapUpUntil = NONE;
  long recoveryUntil = NONE;
  int wrapUpGeneration;
  int recoveryGeneration;

  @Nullable Contact offered;
  final int[] active = new int[Channels.COUNT];
  int activeTotal;
  final List<Contact> held = new ArrayList<>(2);
  int missedInRow;

  long idleSince;
  long busyMillis;
  long busySince;
  long lastOfferOrdinal;

  /** Every pool whose contacts this agent may take (it pulls from all of them). */
  Pool[] pools = NO_POOLS;
  /** {@code pools[i].index}, so routing can read {@link PoolHeads} without touching the pools. */
  int[] poolIndexes = new int[0];
  /** {@code pools[i].channel}, for the same reason. */
  int[] poolChannels = new int[0];
  /** Per queue and lane, the lowest-stage pool of {@link #pools}: where it is listed as available. */
  Pool[] homes = NO_POOLS;
  long[] skillScores = new long[0];
  long[] tokens = new long[0];
  long nextToken = 1;

  /** Contacts waiting for this agent as their preferred agent, oldest first. */
  final List<Contact> preferredBy = new ArrayList<>(0);

  AgentState state = AgentState.OFFLINE;

  Agent(int index, AgentId id, AgentProfile profile) {
    this.index = index;
    this.id = id;
    this.profile = profile;
  }

  boolean canTake(int channel) {
    if (active[channel] >= capacity[channel]) {
      return false;
    }
    if (!voiceExclusive) {
      return true;
    }
    return channel == Channels.VOICE ? activeTotal == 0 : active[Channels.VOICE] == 0;
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
