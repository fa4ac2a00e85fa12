package io.sangdam.channel;

import io.sangdam.platform.RequestRejected;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How each center lets its agents verify that a chat's customer is the customer the link claims
 * (a center setting). A center that never chose verifies by date of birth: it needs nothing beyond
 * the customer record.
 */
@Repository
class VerificationMethods {

    /** A way to check what the customer tells the agent against the customer record. */
    enum Method {
        /** The agent asks for the date of birth and types it; the server compares, the agent never reads the record's. */
        BIRTH_DATE,
        /**
         * A code sent by SMS to the mobile phone on record (not to the number typed), read back by the
         * customer. Needs an SMS gateway; without one it cannot be chosen and is not offered.
         */
        ONE_TIME_CODE
    }

    static final List<Method> DEFAULT = List.of(Method.BIRTH_DATE);

    /** {@code changedBy} and {@code changedAt} are null while the center uses the default. */
    record Setting(
            long centerId,
            List<Method> methods,
            @Nullable String changedBy,
            @Nullable Instant changedAt) {

        Setting {
            methods = List.copyOf(methods);
        }
    }

    private final JdbcClient jdbc;

    VerificationMethods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Setting of(long centerId) {
        return jdbc.sql("select * from channel.customer_verification where center_id = ?")
                .param(centerId)
                .query((row, n) -> new Setting(
                        centerId,
                        parse(row.getString("methods")),
                        row.getString("changed_by"),
                        row.getTimestamp("changed_at").toInstant()))
                .optional()
                .orElse(new Setting(centerId, DEFAULT, null, null));
    }

    /** @throws RequestRejected {@code verification-methods-required} when none is chosen: a link could never be verified */
    Setting choose(long centerId, List<Method> methods, String by, Instant at) {
        var chosen = new LinkedHashSet<>(methods);
        if (chosen.isEmpty()) {
            throw RequestRejected.badRequest("verification-methods-required");
        }
        String stored = String.join(",", chosen.stream().map(Method::name).toList());
        jdbc.sql("""
            insert into channel.customer_verification (center_id, methods, changed_by, changed_at) values (?, ?, ?, ?)
            on conflict (center_id) do update set methods = excluded.methods, changed_by = excluded.changed_by,
                changed_at = excluded.changed_at\
            """).params(centerId, stored, by, Timestamp.from(at)).update();
        return of(centerId);
    }

    /** A stored method the code no longer knows is skipped, not a failure of every desk of the center. */
    private static List<Method> parse(String stored) {
        List<Method> methods = Arrays.stream(stored.split(","))
                .map(String::strip)
                .filter(name ->
                        Arrays.stream(Method.values()).anyMatch(m -> m.name().equals(name)))
                .map(Method::valueOf)
                .toList();
        return methods.isEmpty() ? DEFAULT : methods;
    }
}
