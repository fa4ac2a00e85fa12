package io.sangdam.identity;

import io.sangdam.platform.RequestRejected;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal and service API tokens: made with a name, scopes (roles), a center and an expiry, shown
 * once, kept as a SHA-256 of the secret, revocable. A call with a token acts as its owner with the
 * scopes the owner still holds, limited to the token's center; a deactivated owner's tokens stop.
 */
@Service
class ApiTokens {

    static final String PREFIX = "sdm_";
    static final int MAXIMUM_ACTIVE_PER_ACCOUNT = 20;
    static final int MAXIMUM_DAYS = 365;
    static final int DEFAULT_DAYS = 90;
    static final int MAXIMUM_NAME_LENGTH = 100;
    /** The last use is written at most this often per token, not on every call. */
    static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String COLUMNS = """
        t.id, t.account_id, t.name, t.scopes, t.center_id, t.hint, t.created_at, t.expires_at, t.last_used_at,
        t.revoked_at, t.created_by, o.username as owner, c.username as creator\
        """;
    private static final String FROM = " from identity.api_token t join identity.account o on o.id = t.account_id"
            + " join identity.account c on c.id = t.created_by";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Centers centers;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Accounts accounts, Centers centers, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.centers = centers;
        this.clock = clock;
    }

    /** A new token and its secret, which is not kept and cannot be shown again. */
    record Issued(ApiToken token, String secret) {}

    @Transactional
    Issued issue(
            CurrentUser creator,
            @Nullable String ownerName,
            String name,
            Set<Role> scopes,
            @Nullable Long centerId,
            @Nullable Integer days) {
        Account owner =
                ownerName == null || ownerName.isBlank() || ownerName.strip().equalsIgnoreCase(creator.username())
                        ? accounts.find(creator.id()).orElseThrow()
                        : otherAccount(creator, ownerName.strip());
        String label = name.strip();
        if (label.isEmpty() || label.length() > MAXIMUM_NAME_LENGTH) {
            throw RequestRejected.badRequest("invalid-token-name", MAXIMUM_NAME_LENGTH);
        }
        if (scopes.isEmpty()) {
            throw RequestRejected.badRequest("token-scopes-required");
        }
        if (!owner.roles().containsAll(scopes)) {
            var missing = EnumSet.copyOf(scopes);
            missing.removeAll(owner.roles());
            throw RequestRejected.badRequest(
                    "token-scope-not-held",
                    owner.username(),
                    missing.stream().map(Role::name).collect(Collectors.joining(", ")));
        }
        int lifetime = days == null ? DEFAULT_DAYS : days;
        if (lifetime < 1 || lifetime > MAXIMUM_DAYS) {
            throw RequestRejected.badRequest("invalid-token-expiry", MAXIMUM_DAYS);
        }
        long center = centerId == null ? owner.centerId() : centerId;
        if (centers.find(center).isEmpty() || !owner.asCurrentUser().canSee(center)) {
            throw RequestRejected.badRequest("token-center-not-visible", center);
        }
        Instant now = clock.instant();
        long active = jdbc.sql("""
            select count(*) from identity.api_token where account_id = ? and revoked_at is null and expires_at > ?\
            """)
                .params(owner.id(), Timestamp.from(now))
                .query(Long.class)
                .single();
        if (active >= MAXIMUM_ACTIVE_PER_ACCOUNT) {
            throw RequestRejected.conflict("too-many-tokens", MAXIMUM_ACTIVE_PER_ACCOUNT);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        long id = jdbc.sql("""
            insert into identity.api_token (account_id, created_by, name, scopes, center_id, secret_hash, hint,
                created_at, expires_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id\
            """)
                .params(
                        owner.id(),
                        creator.id(),
                        label,
                        scopesText(scopes),
                        center,
                        hash(secret),
                        secret.substring(0, PREFIX.length() + 6),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(Duration.ofDays(lifetime))))
                .query(Long.class)
                .single();
        return new Issued(find(id).orElseThrow(), secret);
    }

    /** The caller's own tokens and those they made; an administrator sees every token. */
    List<ApiToken> visibleTo(CurrentUser user) {
        String where =
                user.has(Role.ADMINISTRATOR) ? " where true" : " where (t.account_id = :me or t.created_by = :me)";
        return jdbc.sql("select " + COLUMNS + FROM + where
                        + " order by t.revoked_at nulls first, t.created_at desc, t.id desc" + " limit 500")
                .param("me", user.id())
                .query(this::map)
                .list();
    }

    /** Revokes a token of the caller's, or one they made; administrators may revoke any. */
    @Transactional
    ApiToken revoke(CurrentUser user, long id) {
        ApiToken token = find(id).filter(t -> user.has(Role.ADMINISTRATOR)
                        || t.owner().equalsIgnoreCase(user.username())
                        || t.createdBy().equalsIgnoreCase(user.username()))
                .orElseThrow(() -> RequestRejected.notFound("unknown-token", id));
        jdbc.sql("update identity.api_token set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), user.id(), token.id())
                .update();
        return find(id).orElseThrow();
    }

    /** Who a call with this secret acts as, if the token is good now: one indexed look-up, no slow hash. */
    Optional<TokenCaller> authenticate(String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        record Row(
                long id,
                long accountId,
                Set<Role> scopes,
                long centerId,
                Instant expiresAt,
                @Nullable Instant lastUsedAt,
                @Nullable Instant revokedAt) {}
        Optional<Row> found = jdbc.sql("""
            select id, account_id, scopes, center_id, expires_at, last_used_at, revoked_at
              from identity.api_token where secret_hash = ?\
            """)
                .param(hash(secret))
                .query((row, n) -> new Row(
                        row.getLong("id"),
                        row.getLong("account_id"),
                        scopes(row.getString("scopes")),
                        row.getLong("center_id"),
                        row.getTimestamp("expires_at").toInstant(),
                        instant(row.getTimestamp("last_used_at")),
                        instant(row.getTimestamp("revoked_at"))))
                .optional();
        Instant now = clock.instant();
        if (found.isEmpty()
                || found.get().revokedAt() != null
                || !found.get().expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        Row token = found.get();
        Optional<Account> owner = accounts.find(token.accountId()).filter(Account::enabled);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        Set<Role> effective = EnumSet.noneOf(Role.class);
        effective.addAll(token.scopes());
        effective.retainAll(owner.get().roles());
        Optional<Center> center = centers.find(token.centerId());
        if (effective.isEmpty()
                || center.isEmpty()
                || !owner.get().asCurrentUser().canSee(token.centerId())) {
            return Optional.empty();
        }
        if (token.lastUsedAt() == null
                || token.lastUsedAt().plus(USE_RECORDED_EVERY).isBefore(now)) {
            // Guarded again in SQL: several nodes or concurrent calls write once a minute at most.
            jdbc.sql("""
                update identity.api_token set last_used_at = :now
                 where id = :id and (last_used_at is null or last_used_at < :stale)\
                """)
                    .param("now", Timestamp.from(now))
                    .param("id", token.id())
                    .param("stale", Timestamp.from(now.minus(USE_RECORDED_EVERY)))
                    .update();
        }
        Account account = owner.get();
        var user = new CurrentUser(
                account.id(),
                account.username(),
                account.displayName(),
                token.centerId(),
                center.get().isHeadquarters(),
                effective,
                account.language(),
                !center.get().isHeadquarters());
        return Optional.of(new TokenCaller(token.id(), user));
    }

    /** A call made with a token: which token, and whom it acts as. */
    record TokenCaller(long tokenId, CurrentUser user) {}

    Optional<ApiToken> find(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where t.id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    private Account otherAccount(CurrentUser creator, String username) {
        if (!creator.has(Role.ADMINISTRATOR)) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "access-denied");
        }
        return accounts.findByUsername(username)
                .filter(Account::enabled)
                .orElseThrow(() -> RequestRejected.badRequest("unknown-token-owner", username));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

    private ApiToken map(ResultSet row, int number) throws SQLException {
        Instant revoked = instant(row.getTimestamp("revoked_at"));
        Instant expires = row.getTimestamp("expires_at").toInstant();
        String state = revoked != null ? "REVOKED" : expires.isAfter(clock.instant()) ? "ACTIVE" : "EXPIRED";
        return new ApiToken(
                row.getLong("id"),
                row.getString("name"),
                row.getString("owner"),
                row.getString("creator"),
                row.getLong("account_id") == row.getLong("created_by") ? "PERSONAL" : "SERVICE",
                scopes(row.getString("scopes")),
                row.getLong("center_id"),
                row.getString("hint"),
                row.getTimestamp("created_at").toInstant(),
                expires,
                instant(row.getTimestamp("last_used_at")),
                revoked,
                state);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String scopesText(Set<Role> scopes) {
        return scopes.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> scopes(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : text.split(",")) {
            if (!role.isBlank()) {
                roles.add(Role.valueOf(role.strip()));
            }
        }
        return roles;
    }
}
