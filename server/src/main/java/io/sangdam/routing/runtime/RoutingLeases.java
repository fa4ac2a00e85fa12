package io.sangdam.routing.runtime;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases that make exactly one node route a center: PostgreSQL session advisory locks, all
 * held on one dedicated connection outside the pool (a pooled one would be borrowed forever and
 * could hand its locks to whoever gets it next). When that connection dies the locks go with it,
 * which {@link #alive()} tells the host, so it stops routing until it has them back.
 */
final class RoutingLeases implements AutoCloseable {

    /** First key of the advisory lock; the second is the center id. */
    static final int NAMESPACE = 0x5A4E_4441;

    private static final Logger log = LoggerFactory.getLogger(RoutingLeases.class);

    private final DataSource dataSource;
    private @Nullable Connection connection;

    RoutingLeases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    synchronized boolean take(long centerId) {
        try {
            try (var lock = connection().prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                lock.setInt(1, NAMESPACE);
                lock.setInt(2, Math.toIntExact(centerId));
                try (var result = lock.executeQuery()) {
                    result.next();
                    return result.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            log.warn("Cannot take the routing lease of center {}: {}", centerId, e.getMessage());
            drop();
            return false;
        }
    }

    /** False once the lease connection is lost (and with it every lock it held). */
    synchronized boolean alive() {
        if (connection == null) {
            return true;
        }
        try {
            if (connection.isValid(2)) {
                return true;
            }
        } catch (SQLException invalid) {
            log.warn("Routing lease connection failed: {}", invalid.getMessage());
        }
        drop();
        return false;
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = dataSource instanceof HikariDataSource hikari
                    ? DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword())
                    : dataSource.getConnection();
        }
        return connection;
    }

    private void drop() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // already gone
        }
        connection = null;
    }

    @Override
    public synchronized void close() {
        drop();
    }
}
