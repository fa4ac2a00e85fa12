package io.sangdam.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signals between the server nodes that share one PostgreSQL (docs/adr/0009): what one node
 * pushed to its browsers, or changed in its memory, the others repeat for theirs. Sent with
 * {@code pg_notify} on a connection of their own and received on another dedicated connection that
 * {@code LISTEN}s; a signal larger than a notification may carry waits in
 * {@code platform.cluster_payload} and travels by its id.
 *
 * <p>A node alone sends nothing: nodes beat every {@link #HEARTBEAT} in {@code platform.cluster_node},
 * and signals go out only while another node beat within {@link #STALE}. A node that starts says
 * so at once, so the others fan out from its first second.
 *
 * <p>Delivery is at most once: while the listening connection is being re-made a node misses what
 * was sent, and a node whose sending failed has lost what it meant to send. Neither can be
 * replayed, so the node catches up instead: once it listens again (or once a node that lost
 * outgoing signals tells the others so, {@value #MISSED}), every receiver's catch-up runs (given
 * with {@link #receive(String, Consumer, Runnable)}) and reloads from the database what that
 * receiver keeps in memory. A signal that arrives after the catch-up is applied after it.
 *
 * <p>Hazards: receivers and catch-ups run one after another on the listening thread, in the order
 * signals were sent; they must stay quick. What another node pushed to browsers meanwhile cannot be
 * replayed; the streams' catch-up makes their browsers reconnect and reload (channel's LiveStreams).
 */
@Component
public class ClusterSignals implements DisposableBean {

    static final String CHANNEL = "sangdam_signals";
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final Duration STALE = Duration.ofSeconds(15);
    /** NOTIFY refuses payloads of 8000 bytes or more; the envelope needs a few of them. */
    static final int INLINE_LIMIT = 7800;

    private static final String JOINED = "cluster.joined";
    /** Sent by a node that lost outgoing signals: the others catch up as after a reconnect. */
    static final String MISSED = "cluster.missed";
    /** How operators (and tests) find the listening connection in {@code pg_stat_activity}. */
    public static final String LISTENER_NAME = "sangdam-signals";
    /** The sending connection in {@code pg_stat_activity}. */
    public static final String SENDER_NAME = "sangdam-signals-send";

    private static final Logger log = LoggerFactory.getLogger(ClusterSignals.class);

    private final String node = nodeName();
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Map<String, Consumer<String>> receivers = new ConcurrentHashMap<>();
    private final Map<String, Runnable> catchUps = new ConcurrentHashMap<>();
    private final Queue<String> outgoing = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong sequence = new AtomicLong();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("cluster-signals-send").daemon().factory());
    private volatile boolean othersAlive;
    private volatile boolean running = true;
    private volatile boolean listening;
    private volatile int listeningBackend;
    /** Used by the sender thread only; opened again after it failed. */
    private @Nullable Connection sending;

    private volatile int sendingBackend;
    /** Set when outgoing signals were lost; the next heartbeat tells the others to catch up. */
    private final AtomicBoolean lostOutgoing = new AtomicBoolean();

    private final AtomicLong catchUpCount = new AtomicLong();

    ClusterSignals(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** This node's name among the nodes, unique for each start. */
    public String node() {
        return node;
    }

    /** True while no other node is known to be alive: then nothing is sent. */
    public boolean alone() {
        return !othersAlive;
    }

    /**
     * What to do when another node sends a signal of this topic; one receiver per topic. The
     * receiver runs on the listening thread and should be quick. For a receiver that keeps nothing
     * a missed signal could leave stale; otherwise give a catch-up with
     * {@link #receive(String, Consumer, Runnable)}.
     */
    public void receive(String topic, Consumer<String> receiver) {
        receive(topic, receiver, () -> {});
    }

    /**
     * As {@link #receive(String, Consumer)}, with what to do when signals of this topic may have been
     * missed (this node listened again after its connection failed, or another node lost what it
     * sent): reload what the receiver keeps from the database, as if every signal had been missed.
     * Runs on the listening thread, before any signal received after it.
     */
    public void receive(String topic, Consumer<String> receiver, Runnable catchUp) {
        if (topic.contains("\n") || receivers.putIfAbsent(topic, receiver) != null) {
            throw new IllegalArgumentException(
                    "A receiver for " + topic + " is registered already, or the name has a line break");
        }
        catchUps.put(topic, catchUp);
    }

    /**
     * Tells the other nodes, asynchronously and in order; nothing when this node is alone. Call it
     * where the change is made known on this node (after its commit): the others act on it at once.
     */
    public void announce(String topic, String payload) {
        if (othersAlive && running) {
            enqueue(topic, payload);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread.ofPlatform().name("cluster-signals-listen").daemon().start(this::listen);
        sender.scheduleWithFixedDelay(this::beat, 0, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void enqueue(String topic, String payload) {
        outgoing.add(topic + "\n" + payload);
        if (draining.compareAndSet(false, true)) {
            sender.execute(this::drain);
        }
    }

    /** Sends everything queued in one statement (one round trip, one transaction, order kept). */
    private void drain() {
        draining.set(false);
        List<String> envelopes = new ArrayList<>();
        for (String next = outgoing.poll(); next != null; next = outgoing.poll()) {
            int split = next.indexOf('\n');
            String topic = next.substring(0, split);
            String payload = next.substring(split + 1);
            // The sequence makes every notification distinct: PostgreSQL drops repeated ones within a transaction.
            String head = node + "\n" + sequence.incrementAndGet() + "\n" + topic + "\n";
            try {
                if ((head + payload).getBytes(StandardCharsets.UTF_8).length + 1 < INLINE_LIMIT) {
                    envelopes.add(head + "=" + payload);
                } else {
                    long id = jdbc.sql("insert into platform.cluster_payload (body) values (?) returning id")
                            .param(payload)
                            .query(Long.class)
                            .single();
                    envelopes.add(head + "@" + id);
                }
            } catch (RuntimeException failed) {
                lostOutgoing.set(true);
                log.warn("A {} signal could not be stored for the other nodes: {}", topic, failed.getMessage());
            }
        }
        if (envelopes.isEmpty()) {
            return;
        }
        // A connection of its own, not the pool's: signals do not wait in line with the requests for
        // one, and a failed send is seen as such (the pool would hide a broken connection by taking another).
        try {
            Connection connection = sendingConnection();
            try (var notify = connection.prepareStatement("select count(pg_notify(?, p)) from unnest(?) as p")) {
                notify.setString(1, CHANNEL);
                notify.setArray(2, connection.createArrayOf("text", envelopes.toArray()));
                notify.executeQuery().close();
            }
        } catch (SQLException | RuntimeException failed) {
            closeSending();
            lostOutgoing.set(true);
            log.warn(
                    "{} signals to the other nodes were lost; they will be told to catch up: {}",
                    envelopes.size(),
                    failed.getMessage());
        }
    }

    private Connection sendingConnection() throws SQLException {
        Connection connection = sending;
        if (connection == null || connection.isClosed()) {
            connection = separateConnection();
            sending = connection;
            sendingBackend = backendNamed(connection, SENDER_NAME);
        }
        return connection;
    }

    private void closeSending() {
        Connection connection = sending;
        sending = null;
        sendingBackend = 0;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException alreadyBroken) {
                log.debug("The sending connection was broken already", alreadyBroken);
            }
        }
    }

    /** Registers this node, learns whether another one is alive, and clears what nobody needs anymore. */
    private void beat() {
        try {
            jdbc.sql("""
                insert into platform.cluster_node (node_id, started_at, heartbeat_at) values (?, now(), now())
                on conflict (node_id) do update set heartbeat_at = now()\
                """).param(node).update();
            boolean before = othersAlive;
            othersAlive = jdbc.sql("""
                select exists (select 1 from platform.cluster_node
                               where node_id <> ? and heartbeat_at > now() - make_interval(secs => ?))\
                """)
                    .params(node, STALE.toSeconds())
                    .query(Boolean.class)
                    .single();
            if (othersAlive != before) {
                log.info(
                        othersAlive
                                ? "Another server node is alive: live pushes fan out to it"
                                : "This server node is alone now");
            }
            if (othersAlive && lostOutgoing.compareAndSet(true, false)) {
                enqueue(MISSED, node);
            }
            jdbc.sql("delete from platform.cluster_payload where created_at < now() - interval '1 minute'")
                    .update();
            jdbc.sql("delete from platform.cluster_node where heartbeat_at < now() - interval '1 day'")
                    .update();
        } catch (RuntimeException failed) {
            log.warn("Cluster heartbeat failed: {}", failed.getMessage());
        }
    }

    private void listen() {
        boolean announced = false;
        while (running) {
            try (Connection connection = separateConnection()) {
                try (var statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                listeningBackend = backendNamed(connection, LISTENER_NAME);
                if (!announced) {
                    listening = true;
                    // Registered and listening before telling: a node that answers at once reaches us.
                    beat();
                    enqueue(JOINED, node);
                    announced = true;
                } else {
                    // Listening again: what was sent meanwhile is lost; the receivers reload instead.
                    log.info("Listening to the other server nodes again; catching up on what may have been missed");
                    catchUp();
                    listening = true;
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                long checked = System.nanoTime();
                while (running) {
                    PGNotification[] received = notifications.getNotifications(1000);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            dispatch(notification.getParameter());
                        }
                    }
                    // A connection that silently died would wait for ever: a query now and then finds out.
                    if (System.nanoTime() - checked > STALE.toNanos()) {
                        try (var statement = connection.createStatement()) {
                            statement.execute("select 1");
                        }
                        checked = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException failed) {
                listening = false;
                listeningBackend = 0;
                if (running) {
                    log.warn(
                            "Listening to the other server nodes failed, listening again in a second: {}",
                            failed.getMessage());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }
    }

    /** True once this node receives signals, and again once it caught up after listening again (tests wait for it). */
    public boolean listening() {
        return listening;
    }

    /** The PostgreSQL process id of the listening connection, 0 while there is none (for operators and tests). */
    public int listeningBackend() {
        return listeningBackend;
    }

    /** How many times this node caught up on signals it may have missed. */
    public long catchUps() {
        return catchUpCount.get();
    }

    /** Every receiver reloads what it keeps; one that fails does not keep the others from it. */
    private void catchUp() {
        catchUps.forEach((topic, catchUp) -> {
            try {
                catchUp.run();
            } catch (RuntimeException failed) {
                log.warn("Catching up on missed {} signals failed here: {}", topic, failed.toString());
            }
        });
        catchUpCount.incrementAndGet();
    }

    private void dispatch(String envelope) {
        String[] parts = envelope.split("\n", 4);
        if (parts.length < 4 || parts[0].equals(node)) {
            return;
        }
        othersAlive = true;
        String topic = parts[2];
        if (topic.equals(JOINED)) {
            log.info("Server node {} joined", parts[0]);
            return;
        }
        if (topic.equals(MISSED)) {
            log.info("Server node {} lost signals it sent; catching up", parts[0]);
            catchUp();
            return;
        }
        Consumer<String> receiver = receivers.get(topic);
        if (receiver == null || parts[3].isEmpty()) {
            return;
        }
        try {
            String payload = parts[3].charAt(0) == '@'
                    ? jdbc.sql("select body from platform.cluster_payload where id = ?")
                            .param(Long.parseLong(parts[3].substring(1)))
                            .query(String.class)
                            .optional()
                            .orElse(null)
                    : parts[3].substring(1);
            if (payload != null) {
                receiver.accept(payload);
            }
        } catch (RuntimeException failed) {
            log.warn("A {} signal from node {} failed here: {}", topic, parts[0], failed.toString());
        }
    }

    /** The PostgreSQL process id of the sending connection, 0 before the first signal and after a failed one (for tests). */
    public int sendingBackend() {
        return sendingBackend;
    }

    /** Names the connection for {@code pg_stat_activity} and returns its process id. */
    private static int backendNamed(Connection connection, String name) throws SQLException {
        try (var statement = connection.createStatement();
                var backend =
                        statement.executeQuery("select pg_backend_pid() from (select set_config('application_name', '"
                                + name + "', false)) named")) {
            backend.next();
            return backend.getInt(1);
        }
    }

    // Outside the pool: a pooled connection would be borrowed for ever.
    private Connection separateConnection() throws SQLException {
        return dataSource instanceof HikariDataSource hikari
                ? DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword())
                : dataSource.getConnection();
    }

    private static String nodeName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.-]", "");
        } catch (java.io.IOException unknown) {
            host = "node";
        }
        return host + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void destroy() {
        running = false;
        sender.shutdown();
        try {
            sender.awaitTermination(2, TimeUnit.SECONDS);
            closeSending();
            // Gone at once for the others, rather than after STALE.
            jdbc.sql("delete from platform.cluster_node where node_id = ?")
                    .param(node)
                    .update();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException databaseGone) {
            // The row goes stale by itself.
        }
    }
}
