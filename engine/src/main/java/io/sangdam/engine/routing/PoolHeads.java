package io.sangdam.engine.routing;

/**
 * The best waiting contact of every pool, copied into flat arrays indexed by pool number. A freed
 * agent compares the heads of all its pools; reading them here touches a few cache lines instead
 * of three objects per pool (pool, heap, heap array), which in a busy center had dropped out of the
 * cache since the agent's last decision. Hazard: {@link WaitingContacts} must publish after every
 * change of its top, or agents compare against a stale head.
 */
final class PoolHeads {
    /** No live contact. */
    static final byte EMPTY = 0;
    /** The head below is live and keeps no agent away: usable as is. */
    static final byte READY = 1;
    /** Ask the heap itself (dead entries on top, or the head keeps some agents away). */
    static final byte ASK = 2;

    final byte[] state;
    final double[] key;
    final long[] arrival;
    final long[] sequence;
    /** The pool's channel ordinal; fixed at configuration. */
    final byte[] channel;

    PoolHeads(int pools) {
        channel = new byte[pools];
        state = new byte[pools];
        key = new double[pools];
        arrival = new long[pools];
        sequence = new long[pools];
    }
}
