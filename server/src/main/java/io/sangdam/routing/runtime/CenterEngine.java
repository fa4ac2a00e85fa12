package io.sangdam.routing.runtime;

import io.sangdam.engine.routing.RoutingEngine;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A center's engine, its inbox and the state of its worker. Everything that touches the engine
 * holds {@link #lock}.
 *
 * <p>The lock is a {@link java.util.concurrent.locks.ReentrantLock}, not {@code synchronized}:
 * commands do JDBC under it, and on JDK 21-23 a blocked virtual thread inside a monitor pins its
 * carrier.
 */
final class CenterEngine {

    final long centerId;
    final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
    volatile boolean held;
    /** Null when a failure dropped it: the next user rebuilds it from the log ({@link Replay#engineOf}). */
    @Nullable
    RoutingEngine engine;

    final LinkedBlockingQueue<Pending> inbox = new LinkedBlockingQueue<>();
    final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicBoolean working = new AtomicBoolean();
    volatile @Nullable Thread worker;
    /** Set when storing failed: the worker's borrowed connection may be broken and is given back. */
    volatile boolean connectionInDoubt;

    /** Commands in the log since the last checkpoint (or the start of the log): what a rebuild would replay. */
    long sinceCheckpoint;
    /** A periodic checkpoint found it would change an agent waits until so many commands since the last one. */
    long checkpointDeferredUntil;
    /** When the last checkpoint was taken, or the engine was rebuilt. */
    Instant checkpointedAt = Instant.EPOCH;

    CenterEngine(long centerId) {
        this.centerId = centerId;
    }

    /** Starts the center's worker unless it runs. */
    void startWorker(Consumer<CenterEngine> work) {
        if (working.compareAndSet(false, true)) {
            worker = Thread.ofVirtual().name("routing-center-" + centerId).start(() -> {
                try {
                    work.accept(this);
                } finally {
                    // A worker that died (an Error) is replaced by the next command, rather than
                    // leaving every later caller to time out.
                    working.set(false);
                }
            });
        }
    }

    boolean held() {
        return held;
    }
}
