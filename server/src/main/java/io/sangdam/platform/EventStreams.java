package io.sangdam.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Every server-sent event stream this node has open (chats, desks, boards), so that stopping the
 * node closes them first.
 *
 * <p>An open stream is a request still running: the web server's graceful shutdown would wait for
 * each one until its time-out (30 s) and only then stop, with the database and the routing engines
 * still up meanwhile. Closed here, just before the graceful shutdown begins, every browser gets a
 * reconnect delay, comes back (to another node, or to this one restarted) and reloads what it shows:
 * pushes are made only of what is already stored, so nothing is lost by the close.
 */
@Component
public class EventStreams implements SmartLifecycle {

    /** Browsers come back within this time, spread out so that they do not all come back at once. */
    static final Duration REOPEN_WITHIN = Duration.ofSeconds(5);

    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    /** From the stop on; not before the start, as the web server takes requests before this starts. */
    private volatile boolean stopping;

    /**
     * Registers a new stream until it ends. A stream opened while the node is stopping is closed at
     * once with a reconnect delay, so that it does not hold the shutdown up.
     */
    public SseEmitter opened(SseEmitter emitter) {
        open.add(emitter);
        Runnable forget = () -> open.remove(emitter);
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(failure -> forget.run());
        if (stopping) {
            close(emitter);
        }
        return emitter;
    }

    /** How many streams are open now. */
    public int count() {
        return open.size();
    }

    @Override
    public void start() {
        stopping = false;
        running = true;
    }

    /** Closes every open stream, each with a reconnect delay of its own. */
    @Override
    public void stop() {
        stopping = true;
        running = false;
        for (SseEmitter emitter : open) {
            close(emitter);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown (a lower phase) starts waiting for requests. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE;
    }

    private void close(SseEmitter emitter) {
        open.remove(emitter);
        try {
            emitter.send(SseEmitter.event()
                    .reconnectTime(ThreadLocalRandom.current().nextLong(500, REOPEN_WITHIN.toMillis()))
                    .comment("closing"));
            emitter.complete();
        } catch (IOException | IllegalStateException gone) {
            // already gone: nothing to close
        }
    }
}
