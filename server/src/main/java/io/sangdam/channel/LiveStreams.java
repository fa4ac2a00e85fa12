package io.sangdam.channel;

import io.sangdam.platform.AfterCommit;
import io.sangdam.platform.ClusterSignals;
import io.sangdam.platform.EventStreams;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-sent event streams of this node, by key (a conversation for its customer, an agent for
 * their desktop, a conversation's agents-only notes for its monitors, a center's list of chats in
 * progress). A stream may hear several keys. What is pushed is already stored: a browser that
 * loses its stream reloads the history and misses nothing.
 *
 * <p>Streams live in this node's memory: with several nodes on one database, every push is also
 * announced to the others ({@link ClusterSignals}), which deliver it to their own streams. A push
 * this node may have missed cannot be replayed; instead every stream of this node is closed, a
 * browser's {@code EventSource} opens it again (each after its own delay, so they do not all come
 * back at once), and the pages reload: the chat widget and the monitor fetch the stored
 * conversation on the stream's error, and the desk stream starts with the agent's state and
 * connected chats with their messages. An offer missed so is not shown again; it times out and is
 * offered anew.
 */
@Component
class LiveStreams {

    static final Duration TIMEOUT = Duration.ofMinutes(30);

    static final String PUSHED_ELSEWHERE = "channel.pushed";
    /** Streams closed after missed pushes are opened again by their browsers within this time, spread out. */
    static final Duration REOPEN_WITHIN = Duration.ofSeconds(15);

    private final Map<String, List<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final ClusterSignals cluster;
    private final JsonMapper json;
    private final EventStreams all;

    LiveStreams(ClusterSignals cluster, JsonMapper json, EventStreams all) {
        this.cluster = cluster;
        this.json = json;
        this.all = all;
        cluster.receive(PUSHED_ELSEWHERE, this::pushedElsewhere, this::reopenAll);
    }

    /** What a stream starts with, sent before any push can reach it. */
    @FunctionalInterface
    interface FirstEvents {
        void send(SseEmitter emitter) throws IOException;
    }

    SseEmitter open(String key) throws IOException {
        return open(key, emitter -> {});
    }

    /**
     * Opens a stream that starts with {@code first}, read after the stream is registered so that a
     * change made meanwhile is pushed too. Hazard: such a push may be sent just before the older
     * first events; the pages ask again after a while (the widget's status check, the desk's reload).
     */
    SseEmitter open(String key, FirstEvents first) throws IOException {
        return open(List.of(key), first);
    }

    /**
     * Opens a stream of one key that keeps at most {@code limit} streams open: the oldest beyond it
     * is closed (its browser, if still there, opens it again). For keys whose owner is not trusted
     * to be reasonable: a customer's chat.
     */
    SseEmitter open(String key, int limit, FirstEvents first) throws IOException {
        List<SseEmitter> surplus = new java.util.ArrayList<>();
        streams.computeIfPresent(key, (k, list) -> {
            while (list.size() >= limit) {
                surplus.add(list.removeFirst());
            }
            return list.isEmpty() ? null : list;
        });
        // Completed outside compute: completing runs the removal callbacks, which touch the map.
        surplus.forEach(SseEmitter::complete);
        return open(List.of(key), first);
    }

    /**
     * One stream that hears several keys: a supervisor's monitor hears what the customer hears and
     * what only agents read (transfer notes), which are pushed under keys of their own.
     */
    SseEmitter open(List<String> keys, FirstEvents first) throws IOException {
        var emitter = new SseEmitter(TIMEOUT.toMillis());
        for (String key : keys) {
            streams.compute(key, (k, list) -> {
                List<SseEmitter> emitters = list == null ? new CopyOnWriteArrayList<>() : list;
                emitters.add(emitter);
                return emitters;
            });
        }
        // The key goes with its last stream, or every conversation ever opened would stay in memory.
        Runnable remove = () -> keys.forEach(key -> streams.computeIfPresent(key, (k, list) -> {
            list.remove(emitter);
            return list.isEmpty() ? null : list;
        }));
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(failure -> remove.run());
        // Without a first line a waiting chat's stream sends not even its headers until something
        // happens: the browser shows it as still connecting, and a proxy may cut it as idle.
        if (!greet(emitter)) {
            remove.run();
        }
        first.send(emitter);
        // Last: a node that is stopping closes the stream at once, after what it starts with.
        return all.opened(emitter);
    }

    /** A comment line on every stream, so proxies that close idle connections (nginx: 60 s) leave them open. */
    @org.springframework.scheduling.annotation.Scheduled(initialDelay = 25_000, fixedDelay = 25_000)
    void keepOpen() {
        for (List<SseEmitter> list : streams.values()) {
            for (SseEmitter emitter : list) {
                if (!greet(emitter)) {
                    list.remove(emitter);
                }
            }
        }
    }

    /**
     * The keys starting with {@code prefix} that still have an open stream here, without the prefix.
     * Each stream is written to first: a closed tab is noticed only when a write to it fails (the
     * first write after the browser went may still succeed), so asking every few seconds finds it
     * gone within two asks.
     */
    List<String> liveKeys(String prefix) {
        List<String> live = new java.util.ArrayList<>();
        streams.forEach((key, list) -> {
            if (key.startsWith(prefix)) {
                list.removeIf(emitter -> !greet(emitter));
                if (!list.isEmpty()) {
                    live.add(key.substring(prefix.length()));
                }
            }
        });
        return live;
    }

    /** Sends the comment line; false when the stream is gone. */
    private static boolean greet(SseEmitter emitter) {
        try {
            emitter.send(SseEmitter.event().comment("open"));
            return true;
        } catch (IOException | IllegalStateException gone) {
            return false;
        }
    }

    /**
     * Sends an event to the topic's open streams; inside a transaction only after it commits, so
     * that what a push announces is stored when the browser acts on it.
     */
    void push(String key, String event, Object data) {
        AfterCommit.run(() -> {
            deliver(key, event, data);
            announce(key, event, data);
        });
    }

    /** To this node's streams only. */
    private void deliver(String key, String event, Object data) {
        List<SseEmitter> list = streams.get(key);
        if (list == null) {
            return;
        }
        for (SseEmitter emitter : list) {
            try {
                emitter.send(SseEmitter.event().name(event).data(data));
            } catch (IOException | IllegalStateException gone) {
                list.remove(emitter);
            }
        }
    }

    /** Closes every stream of this node; each browser opens its stream again within {@link #REOPEN_WITHIN} and reloads. */
    private void reopenAll() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        for (List<SseEmitter> list : streams.values()) {
            for (SseEmitter emitter : list) {
                try {
                    emitter.send(SseEmitter.event()
                            .reconnectTime(random.nextLong(1000, REOPEN_WITHIN.toMillis()))
                            .comment("reopen"));
                    emitter.complete();
                } catch (IOException | IllegalStateException gone) {
                    list.remove(emitter);
                }
            }
        }
    }

    /** A push made on another node, for the streams of this one. */
    record Pushed(String key, String event, JsonNode data) {}

    private void announce(String key, String event, Object data) {
        if (!cluster.alone()) {
            cluster.announce(PUSHED_ELSEWHERE, json.writeValueAsString(new Pushed(key, event, json.valueToTree(data))));
        }
    }

    private void pushedElsewhere(String payload) {
        Pushed pushed = json.readValue(payload, Pushed.class);
        // A text was sent as it is (not as JSON); anything else the way Spring writes it, as JSON.
        deliver(
                pushed.key(),
                pushed.event(),
                pushed.data().isString() ? pushed.data().asString() : pushed.data());
    }
}
