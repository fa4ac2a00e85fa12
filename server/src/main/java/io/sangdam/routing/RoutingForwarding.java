package io.sangdam.routing;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.sangdam.engine.routing.AgentState;
import io.sangdam.engine.routing.ContactId;
import io.sangdam.engine.routing.RoutingEvent;
import io.sangdam.engine.routing.RoutingSnapshot;
import io.sangdam.engine.routing.WaitingPosition;
import io.sangdam.platform.ClusterSecret;
import io.sangdam.platform.ClusterSignals;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.runtime.RoutingHost;
import io.sangdam.routing.runtime.RoutingRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing commands for a center this node does not route go to the node that does (docs/adr/0009):
 * each holder writes its address beside its lease ({@code routing.center_holder}), and a node that
 * is asked for another's center calls that node's internal endpoint with the cluster secret and
 * hands back its events (or its refusal) as if it had decided them. Events are published as
 * {@link RoutingEventsOccurred} on the holder only.
 *
 * <p>A change of a center's routing configuration made on another node is announced to all
 * ({@link ClusterSignals}); the holder applies it to its engine as a checkpoint. A holder that may
 * have missed such a signal compares each of its engines with the stored configuration and applies
 * what differs.
 *
 * <p>A forwarded command is never forwarded again: the holder answers from its own engine or
 * refuses. Each carries an id ({@value #COMMAND_ID}): a call that timed out or whose connection
 * dropped is sent once more with the same id, and the holder, which remembers its recent answers
 * ({@link AnsweredCommands}), answers a repeat with the first answer instead of applying the
 * command twice. When the holder cannot be reached even so the answer is {@code routing-unavailable}
 * (503): whether the command was applied, its events (pushed to every node) tell.
 */
@Component
class RoutingForwarding implements DisposableBean {

    static final String PATH = "/internal/routing/centers/";
    /** The header with a forwarded command's id, the same when it is sent again. */
    static final String COMMAND_ID = "X-Sangdam-Command-Id";
    /** How long the forwarding node waits for one answer of the holder. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** How often a holder writes its row, and how old a row may be before its node counts as gone. */
    static final Duration REFRESH = Duration.ofSeconds(5);

    static final Duration FRESH = Duration.ofSeconds(15);
    /** How long a node remembers where a center is routed before it reads the table again. */
    static final Duration REMEMBERED = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(RoutingForwarding.class);

    /** Where a center is routed, as read at {@code read}. */
    record Holder(String node, String baseUrl, Instant read) {}

    /** What a forwarded command comes back with: its events, or the holder's refusal. */
    record Answer(
            @Nullable List<RoutingEvent> events, @Nullable Refusal refused) {}

    record Refusal(int status, String code, List<String> arguments) {}

    // The engine's events and states are sealed types: on the wire they carry their simple name.
    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(RoutingEvent.ContactQueued.class),
        @JsonSubTypes.Type(RoutingEvent.ContactOffered.class),
        @JsonSubTypes.Type(RoutingEvent.OfferMissed.class),
        @JsonSubTypes.Type(RoutingEvent.ContactAssigned.class),
        @JsonSubTypes.Type(RoutingEvent.ContactOverflowed.class),
        @JsonSubTypes.Type(RoutingEvent.PreferredAgentWaitEnded.class),
        @JsonSubTypes.Type(RoutingEvent.ContactAbandoned.class),
        @JsonSubTypes.Type(RoutingEvent.ContactCompleted.class),
        @JsonSubTypes.Type(RoutingEvent.ContactTransferred.class),
        @JsonSubTypes.Type(RoutingEvent.ContactMoved.class),
        @JsonSubTypes.Type(RoutingEvent.ContactTurnedAway.class),
        @JsonSubTypes.Type(RoutingEvent.AgentStateChanged.class)
    })
    private interface TypedEvent {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(AgentState.Offline.class),
        @JsonSubTypes.Type(AgentState.Available.class),
        @JsonSubTypes.Type(AgentState.NotReady.class),
        @JsonSubTypes.Type(AgentState.Reserved.class),
        @JsonSubTypes.Type(AgentState.Busy.class),
        @JsonSubTypes.Type(AgentState.WrapUp.class),
        @JsonSubTypes.Type(AgentState.Recovery.class)
    })
    private interface TypedState {}

    private final RoutingHost host;
    private final RoutingQueues queues;
    private final JdbcClient jdbc;
    private final ClusterSignals cluster;
    private final ClusterSecret secret;
    private final JsonMapper json;
    private final JsonMapper wire;
    private final Clock clock;
    private final Map<Long, Optional<Holder>> remembered = new ConcurrentHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("routing-holder").daemon().factory());
    private volatile String baseUrl;
    private final AnsweredCommands answered;

    RoutingForwarding(
            RoutingHost host,
            RoutingQueues queues,
            JdbcClient jdbc,
            ClusterSignals cluster,
            ClusterSecret secret,
            JsonMapper json,
            Clock clock,
            @Value("${sangdam.cluster.base-url:}") String baseUrl) {
        this.host = host;
        this.queues = queues;
        this.jdbc = jdbc;
        this.cluster = cluster;
        this.secret = secret;
        this.json = json;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.wire = wire(json);
        this.answered = new AnsweredCommands(clock, RoutingHost.ANSWER_TIMEOUT, AnsweredCommands.KEPT);
        cluster.receive(
                RECONFIGURED,
                center -> {
                    // Its own transaction: the change is stored; a configuration the engine refuses is logged there.
                    host.reconfigure(Long.parseLong(center));
                },
                host::reconfigureWhereChanged);
    }

    static final String RECONFIGURED = "routing.reconfigured";

    /** Tells the node that routes the center, if another one does, that its queues, skills or capacities changed. */
    void reconfigured(long center) {
        if (!host.routes(center)) {
            cluster.announce(RECONFIGURED, Long.toString(center));
        }
    }

    static JsonMapper wire(JsonMapper json) {
        return json.rebuild()
                .addMixIn(RoutingEvent.class, TypedEvent.class)
                .addMixIn(AgentState.class, TypedState.class)
                .build();
    }

    /** Unless configured ({@code sangdam.cluster.base-url}), other nodes reach this one on its port here. */
    @EventListener
    void serving(WebServerInitializedEvent started) {
        if (baseUrl.isEmpty() && started.getApplicationContext().getServerNamespace() == null) {
            baseUrl = "http://127.0.0.1:" + started.getWebServer().getPort();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void startRefreshing() {
        refresher.scheduleWithFixedDelay(this::refresh, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A rebuild happens only on the node that holds the center's lease: it is the holder now. */
    @EventListener
    void rebuilt(RoutingEngineRebuilt rebuilt) {
        hold(rebuilt.center().value());
    }

    private void refresh() {
        try {
            for (long center : queues.centersWithQueues()) {
                if (host.routes(center)) {
                    hold(center);
                }
            }
        } catch (RuntimeException failed) {
            log.warn("Cannot tell the other nodes which centers this node routes: {}", failed.getMessage());
        }
    }

    private void hold(long center) {
        if (baseUrl.isEmpty()) {
            return;
        }
        jdbc.sql("""
            insert into routing.center_holder (center_id, node_id, base_url, updated_at) values (?, ?, ?, ?)
            on conflict (center_id) do update set node_id = excluded.node_id, base_url = excluded.base_url,
                updated_at = excluded.updated_at\
            """)
                .params(center, cluster.node(), baseUrl, Timestamp.from(clock.instant()))
                .update();
    }

    /** The other node that routes the center now, if one does. */
    Optional<Holder> holderElsewhere(long center) {
        Optional<Holder> known = remembered.get(center);
        Instant now = clock.instant();
        if (known != null && (known.isEmpty() ? now : known.get().read()).isAfter(now.minus(REMEMBERED))) {
            return known;
        }
        Optional<Holder> holder = jdbc.sql("""
            select node_id, base_url from routing.center_holder
            where center_id = ? and node_id <> ? and updated_at > ?\
            """)
                .params(center, cluster.node(), Timestamp.from(now.minus(FRESH)))
                .query((row, n) -> new Holder(row.getString("node_id"), row.getString("base_url"), now))
                .optional();
        // A center nobody else holds is asked again next time: it may be taken over any second.
        if (holder.isPresent()) {
            remembered.put(center, holder);
        }
        return holder;
    }

    List<RoutingEvent> handle(long center, RoutingRequest request) {
        Holder holder = holderElsewhere(center).orElse(null);
        if (holder == null) {
            return here(() -> host.handle(center, request), center);
        }
        String body = call(
                holder,
                center,
                HttpRequest.newBuilder(uri(
                                holder,
                                center,
                                "/commands/" + request.getClass().getSimpleName()))
                        .header("Content-Type", "application/json")
                        .header(COMMAND_ID, java.util.UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(
                                json.writeValueAsString(request), StandardCharsets.UTF_8)));
        Answer answer = wire.readValue(body, Answer.class);
        if (answer.refused() != null) {
            Refusal refused = answer.refused();
            throw new RequestRejected(
                    HttpStatus.valueOf(refused.status()),
                    refused.code(),
                    refused.arguments().toArray());
        }
        return answer.events() == null ? List.of() : answer.events();
    }

    RoutingSnapshot snapshot(long center) {
        Holder holder = holderElsewhere(center).orElse(null);
        if (holder == null) {
            return here(() -> host.snapshot(center), center);
        }
        return wire.readValue(
                call(
                        holder,
                        center,
                        HttpRequest.newBuilder(uri(holder, center, "/snapshot")).GET()),
                RoutingSnapshot.class);
    }

    /**
     * The holder's engine counts it: which agents can answer a contact depends on the queue's pools,
     * which only the engine has (a snapshot has the agents' skills, not what each overflow stage admits).
     */
    Optional<WaitingPosition> waitingPosition(long center, String contact) {
        Holder holder = holderElsewhere(center).orElse(null);
        if (holder == null) {
            return here(() -> host.read(center, engine -> engine.waitingPosition(ContactId.of(contact))), center);
        }
        String body = call(
                holder,
                center,
                HttpRequest.newBuilder(uri(
                                holder,
                                center,
                                "/waiting/" + java.net.URLEncoder.encode(contact, StandardCharsets.UTF_8)))
                        .GET());
        return Optional.ofNullable(wire.readValue(body, WaitingPosition.class));
    }

    /** This node's engine's answer to {@link #waitingPosition}, for a node that forwards (JSON null when not waiting). */
    String waitingPositionHere(long center, String contact) {
        return wire.writeValueAsString(host.read(center, engine -> engine.waitingPosition(ContactId.of(contact)))
                .orElse(null));
    }

    /**
     * The holder's side of a forwarded command: this node's engine, never another forward. A command
     * with an id answered here lately gets that answer again and is not applied twice. One whose id
     * is in the routing log already was applied by the node that routed the center before this one
     * took it over, which gave the events: it is answered as done, without them.
     */
    String execute(long center, String type, String request, @Nullable String id) {
        if (id == null || id.isBlank()) {
            return apply(center, type, request, null);
        }
        return answered.answer(
                center,
                id,
                () -> host.applied(id)
                        ? wire.writeValueAsString(new Answer(List.of(), null))
                        : apply(center, type, request, id));
    }

    private String apply(long center, String type, String request, @Nullable String id) {
        Answer answer;
        try {
            answer = new Answer(host.handle(center, json.readValue(request, RoutingRequest.type(type)), id), null);
        } catch (RequestRejected refused) {
            answer = new Answer(
                    null,
                    new Refusal(
                            refused.status().value(),
                            refused.code(),
                            Arrays.stream(refused.arguments())
                                    .map(String::valueOf)
                                    .toList()));
        }
        return wire.writeValueAsString(answer);
    }

    String snapshotHere(long center) {
        return wire.writeValueAsString(host.snapshot(center));
    }

    private <T> T here(java.util.function.Supplier<T> local, long center) {
        try {
            return local.get();
        } catch (RequestRejected refused) {
            if (refused.code().equals("routing-elsewhere")) {
                // Another node holds the lease but has not said where: it is starting, or gone.
                throw new RequestRejected(HttpStatus.SERVICE_UNAVAILABLE, "routing-unavailable", center);
            }
            throw refused;
        }
    }

    private URI uri(Holder holder, long center, String rest) {
        return URI.create(holder.baseUrl() + PATH + center + rest);
    }

    /** Sends the request, and once more as it was (a command with the same id) if it timed out or its connection dropped. */
    private String call(Holder holder, long center, HttpRequest.Builder request) {
        HttpRequest built = request.header(ClusterSecret.HEADER, secret.value())
                .header("Accept", "application/json")
                .timeout(CALL_TIMEOUT)
                .build();
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                HttpResponse<String> response =
                        http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() == 200) {
                    return response.body();
                }
                log.warn(
                        "Node {} answered {} for center {}: {}",
                        holder.node(),
                        response.statusCode(),
                        center,
                        response.body());
                break;
            } catch (IOException failed) {
                if (attempt == 1) {
                    log.info(
                            "No answer from node {} for center {} ({}); asking once more",
                            holder.node(),
                            center,
                            failed.toString());
                } else {
                    log.warn(
                            "Node {} at {} cannot be reached for center {}: {}",
                            holder.node(),
                            holder.baseUrl(),
                            center,
                            failed.toString());
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        remembered.remove(center);
        throw new RequestRejected(HttpStatus.SERVICE_UNAVAILABLE, "routing-unavailable", center);
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
