package io.sangdam.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Accounts {

    private static final String COLUMNS = """
        a.id, a.username, a.display_name, a.password_hash, a.center_id, a.team, a.language, a.enabled,
        a.failed_sign_ins, a.locked_until, a.password_changed_at, a.created_at,
        exists (select 1 from identity.center c where c.id = a.center_id and c.kind = 'HQ') as at_headquarters,
        coalesce((select string_agg(r.role, ',') from identity.account_role r where r.account_id = a.id), '') as roles
        """;

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from identity.account a where lower(a.username) = lower(?)")
                .param(username)
                .query(Accounts::map)
                .optional();
    }

    Optional<Account> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from identity.account a where a.id = ?")
                .param(id)
                .query(Accounts::map)
                .optional();
    }

    /** A page of accounts matching the filter, newest first within a center, plus the total count. */
    Page search(AccountFilter filter, int offset, int limit) {
        var where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (filter.centerId() != null) {
            where.append(" and a.center_id = :center");
            params.put("center", filter.centerId());
        }
        if (filter.role() != null) {
            where.append(
                    " and exists (select 1 from identity.account_role r where r.account_id = a.id and r.role = :role)");
            params.put("role", filter.role().name());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (a.username ilike :text or a.display_name ilike :text or a.team ilike :text)");
            params.put("text", "%" + filter.text().strip().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.enabled() != null) {
            where.append(" and a.enabled = :enabled");
            params.put("enabled", filter.enabled());
        }
        long total = jdbc.sql("select count(*) from identity.account a" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("offset", offset);
        params.put("limit", limit);
        List<Account> rows = jdbc.sql("select " + COLUMNS + " from identity.account a" + where
                        + " order by a.center_id, a.team nulls first, a.username offset :offset limit :limit")
                .params(params)
                .query(Accounts::map)
                .list();
        return new Page(rows, total);
    }

    record Page(List<Account> rows, long total) {}

    List<Account> inCenter(long centerId) {
        return jdbc.sql("select " + COLUMNS
                        + " from identity.account a where a.center_id = ? order by a.team nulls first, a.username")
                .param(centerId)
                .query(Accounts::map)
                .list();
    }

    List<Account> withRole(Role role) {
        return jdbc.sql("select " + COLUMNS
                        + " from identity.account a join identity.account_role r on r.account_id = a.id"
                        + " where r.role = ? order by a.center_id, a.username")
                .param(role.name())
                .query(Accounts::map)
                .list();
    }

    /** Counts of enabled users per center and role, for overviews. */
    Map<Long, Map<Role, Long>> countsByCenterAndRole() {
        Map<Long, Map<Role, Long>> counts = new HashMap<>();
        jdbc.sql("select a.center_id, r.role, count(*) as n from identity.account a join identity.account_role r"
                        + " on r.account_id = a.id where a.enabled group by a.center_id, r.role")
                .query(row -> {
                    counts.computeIfAbsent(row.getLong("center_id"), k -> new java.util.EnumMap<>(Role.class))
                            .put(Role.valueOf(row.getString("role")), row.getLong("n"));
                });
        return counts;
    }

    /** Enabled accounts per center, whatever their roles. */
    Map<Long, Long> enabledPerCenter() {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("select center_id, count(*) as n from identity.account where enabled group by center_id")
                .query(row -> {
                    counts.put(row.getLong("center_id"), row.getLong("n"));
                });
        return counts;
    }

    record Totals(long accounts, long disabled, long locked) {}

    Totals totals(Instant now) {
        return jdbc.sql("""
            select count(*) as accounts, count(*) filter (where not enabled) as disabled,
                   count(*) filter (where locked_until > ?) as locked from identity.account\
            """)
                .param(Timestamp.from(now))
                .query((row, n) -> new Totals(row.getLong("accounts"), row.getLong("disabled"), row.getLong("locked")))
                .single();
    }

    long add(NewAccount account, String passwordHash, Instant now) {
        long id = jdbc.sql("""
            insert into identity.account (username, display_name, password_hash, center_id, team, language,
                password_changed_at, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?) returning id\
            """)
                .params(
                        account.username(),
                        account.displayName(),
                        passwordHash,
                        account.centerId(),
                        account.team(),
                        account.language(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        replaceRoles(id, account.roles());
        return id;
    }

    void replaceRoles(long accountId, Set<Role> roles) {
        jdbc.sql("delete from identity.account_role where account_id = ?")
                .param(accountId)
                .update();
        for (Role role : roles) {
            jdbc.sql("insert into identity.account_role (account_id, role) values (?, ?)")
                    .params(accountId, role.name())
                    .update();
        }
    }

    void update(long id, String displayName, long centerId, @Nullable String team) {
        jdbc.sql("update identity.account set display_name = ?, center_id = ?, team = ? where id = ?")
                .params(displayName, centerId, team, id)
                .update();
    }

    void setEnabled(long id, boolean enabled, Instant now) {
        jdbc.sql("update identity.account set enabled = ?, deactivated_at = ? where id = ?")
                .params(enabled, enabled ? null : Timestamp.from(now), id)
                .update();
    }

    void setLanguage(long id, String language) {
        jdbc.sql("update identity.account set language = ? where id = ?")
                .params(language, id)
                .update();
    }

    void setPassword(long id, String passwordHash, Instant now) {
        jdbc.sql("update identity.account set password_hash = ?, password_changed_at = ? where id = ?")
                .params(passwordHash, Timestamp.from(now), id)
                .update();
    }

    /** Counts a failed sign-in, for the administrators' list; returns the new count (0 for no such account). */
    int recordFailedSignIn(String username) {
        return jdbc.sql("""
            update identity.account set failed_sign_ins = failed_sign_ins + 1
             where lower(username) = lower(?)
            returning failed_sign_ins\
            """).param(username).query(Integer.class).optional().orElse(0);
    }

    void clearFailedSignIns(String username) {
        jdbc.sql("update identity.account set failed_sign_ins = 0, locked_until = null where lower(username) = lower(?)"
                        + " and (failed_sign_ins <> 0 or locked_until is not null)")
                .param(username)
                .update();
    }

    void unlock(long id) {
        jdbc.sql("update identity.account set failed_sign_ins = 0, locked_until = null where id = ?")
                .param(id)
                .update();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from identity.account where lower(username) = lower(?)")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long count() {
        return jdbc.sql("select count(*) from identity.account")
                .query(Long.class)
                .single();
    }

    private static Account map(ResultSet row, int number) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : row.getString("roles").split(",")) {
            if (!role.isEmpty()) {
                roles.add(Role.valueOf(role));
            }
        }
        Timestamp locked = row.getTimestamp("locked_until");
        return new Account(
                row.getLong("id"),
                row.getString("username"),
                row.getString("display_name"),
                row.getString("password_hash"),
                row.getLong("center_id"),
                row.getBoolean("at_headquarters"),
                row.getString("team"),
                roles,
                row.getString("language"),
                row.getBoolean("enabled"),
                row.getInt("failed_sign_ins"),
                locked == null ? null : locked.toInstant(),
                row.getTimestamp("password_changed_at").toInstant(),
                row.getTimestamp("created_at").toInstant());
    }
}
