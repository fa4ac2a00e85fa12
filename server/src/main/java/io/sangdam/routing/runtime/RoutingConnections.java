package io.sangdam.routing.runtime;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The database connections the centers' routing workers store their batches with: a small pool of
 * their own ({@value #POOL_SIZE_PROPERTY}), beside the pool that serves requests, so that routing
 * never holds a connection a sign-in or a page needs, however many centers there are. A worker
 * borrows one for a batch, keeps it while its inbox keeps delivering and no other worker waits, and
 * gives it back when its center falls quiet: a busy center's batches do not queue for a connection,
 * and a quiet center holds none, so fifty centers share a handful.
 *
 * <p>The pool is a copy of the request pool's settings (URL, credentials, driver properties,
 * timeouts) with its own name ({@code <request pool>-routing}) and size, started at the first
 * borrow. When the request pool is not Hikari's, workers borrow from it and give back after every
 * batch, so that they still never keep one.
 *
 * <p>Hazards: a borrowed connection is bound on the worker's thread under the request pool's
 * {@link DataSource} (so the transaction manager and every repository use it) and must be unbound
 * before it is given back; it must be given back on every path, or the pool shrinks for good.
 */
@Component
class RoutingConnections implements DisposableBean {

    static final String POOL_SIZE_PROPERTY = "sangdam.routing.pool-size";
    private static final Logger log = LoggerFactory.getLogger(RoutingConnections.class);

    private final DataSource requests;
    private final @Nullable HikariDataSource pool;

    RoutingConnections(
            DataSource requests,
            @Value("${" + POOL_SIZE_PROPERTY + ":8}") int size,
            ObjectProvider<MeterRegistry> meters) {
        if (size < 1) {
            throw new IllegalArgumentException(POOL_SIZE_PROPERTY + " must be at least 1, not " + size);
        }
        this.requests = requests;
        this.pool = requests instanceof HikariDataSource hikari ? copyOf(hikari, size, meters.getIfAvailable()) : null;
    }

    private static HikariDataSource copyOf(HikariDataSource requests, int size, @Nullable MeterRegistry meters) {
        // Not started here: Hikari starts a pool made by its no-argument constructor at the first borrow.
        HikariDataSource routing = new HikariDataSource();
        requests.copyStateTo(routing);
        routing.setPoolName((requests.getPoolName() == null ? "sangdam" : requests.getPoolName()) + "-routing");
        routing.setMaximumPoolSize(size);
        routing.setMinimumIdle(size);
        // A database that is down when routing first stores makes the borrow fail (and its batch answer
        // 503), not the pool's start: the next borrow tries again.
        routing.setInitializationFailTimeout(-1);
        if (meters != null && routing.getMetricsTrackerFactory() == null && routing.getMetricRegistry() == null) {
            // What operators size the pool by: hikaricp_connections_pending{pool="…-routing"} (docs/operations.md).
            routing.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        }
        return routing;
    }

    /** A connection for a worker's batches; waits for one at most the pool's connection timeout. */
    Connection borrow() throws SQLException {
        return pool != null ? pool.getConnection() : requests.getConnection();
    }

    /**
     * Whether a worker holding a connection should give it back now rather than keep it for its next
     * batch: always when the connections are the request pool's, else when another worker waits.
     */
    boolean wanted() {
        if (pool == null) {
            return true;
        }
        HikariPoolMXBean state = pool.getHikariPoolMXBean();
        return state != null && state.getThreadsAwaitingConnection() > 0;
    }

    /** Gives a connection back; one that broke on the way is discarded by the pool. */
    void giveBack(@Nullable Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException alreadyGone) {
            log.debug("A routing worker's connection was already gone", alreadyGone);
        }
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.close();
        }
    }
}
