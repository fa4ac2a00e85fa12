package io.sangdam.protection;

import io.sangdam.identity.Staff;
import io.sangdam.identity.StaffMember;
import java.io.IOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Emotional-labour protection in figures, per month, center and team: incidents by category,
 * warnings sent, contacts ended for abuse, the recovery breaks those started, and counselling
 * requests. The team is the agent's team today (identity's staff directory): an agent who moved
 * teams counts in the new one.
 */
@Service
class ProtectionReport {

    static final List<String> CATEGORIES =
            List.of("PROFANITY", "INSULT", "SEXUAL_HARASSMENT", "THREAT", "REPORTED_BY_AGENT");
    static final String NO_TEAM = "-";

    record Row(
            YearMonth month,
            long centerId,
            String team,
            Map<String, Long> byCategory,
            long incidents,
            long warnings,
            long endedForAbuse,
            long recoveryBreaks,
            long counsellingRequests) {

        public long category(String category) {
            return byCategory.getOrDefault(category, 0L);
        }
    }

    private final JdbcClient jdbc;
    private final Staff staff;

    ProtectionReport(JdbcClient jdbc, Staff staff) {
        this.jdbc = jdbc;
        this.staff = staff;
    }

    /** Months {@code from}..{@code to} inclusive, in the given zone; {@code centerId} null for every center. */
    List<Row> rows(@Nullable Long centerId, YearMonth from, YearMonth to, ZoneId zone) {
        Timestamp start = Timestamp.from(from.atDay(1).atStartOfDay(zone).toInstant());
        Timestamp end =
                Timestamp.from(to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        String tz = zone.getId();
        Map<Key, Totals> totals = new TreeMap<>();
        Map<String, String> teams = new HashMap<>();
        jdbc.sql("""
            select to_char(first_flagged_at at time zone ?, 'YYYY-MM') as month, center_id, agent, categories,
                   warnings_sent, ended_for_abuse
              from protection.incident
             where first_flagged_at >= ? and first_flagged_at < ? and (cast(? as bigint) is null or center_id = ?)\
            """).params(tz, start, end, centerId, centerId).query((RowCallbackHandler) row -> {
            Totals t = totals.computeIfAbsent(
                    new Key(
                            YearMonth.parse(row.getString("month")),
                            row.getLong("center_id"),
                            team(teams, row.getString("agent"))),
                    k -> new Totals());
            t.incidents++;
            t.warnings += row.getInt("warnings_sent");
            if (row.getBoolean("ended_for_abuse")) {
                t.ended++;
            }
            for (String category : row.getString("categories").split(",")) {
                if (!category.isBlank()) {
                    t.byCategory.merge(category, 1L, Long::sum);
                }
            }
        });
        jdbc.sql("""
            select to_char(requested_at at time zone ?, 'YYYY-MM') as month, center_id, agent
              from protection.counselling_request
             where requested_at >= ? and requested_at < ? and (cast(? as bigint) is null or center_id = ?)\
            """).params(tz, start, end, centerId, centerId).query((RowCallbackHandler) row -> {
            totals.computeIfAbsent(
                            new Key(
                                    YearMonth.parse(row.getString("month")),
                                    row.getLong("center_id"),
                                    team(teams, row.getString("agent"))),
                            k -> new Totals())
                    .counselling++;
        });
        List<Row> rows = new ArrayList<>();
        totals.forEach((key, t) -> rows.add(new Row(
                key.month(),
                key.centerId(),
                key.team(),
                Map.copyOf(t.byCategory),
                t.incidents,
                // Every contact ended for abuse starts the agent's recovery break (routing's recovery state).
                t.warnings,
                t.ended,
                t.ended,
                t.counselling)));
        return rows;
    }

    void csv(List<Row> rows, Map<Long, String> centerNames, Writer out) throws IOException {
        out.write('\uFEFF'); // so spreadsheet programs read the Korean as UTF-8
        out.write("month,center,team," + String.join(",", CATEGORIES)
                + ",incidents,warnings_sent,ended_for_abuse,recovery_breaks,counselling_requests\r\n");
        for (Row row : rows) {
            List<String> cells = new ArrayList<>(List.of(
                    row.month().toString(),
                    cell(centerNames.getOrDefault(row.centerId(), String.valueOf(row.centerId()))),
                    cell(row.team())));
            CATEGORIES.forEach(c -> cells.add(String.valueOf(row.category(c))));
            cells.addAll(List.of(
                    String.valueOf(row.incidents()),
                    String.valueOf(row.warnings()),
                    String.valueOf(row.endedForAbuse()),
                    String.valueOf(row.recoveryBreaks()),
                    String.valueOf(row.counsellingRequests())));
            out.write(String.join(",", cells) + "\r\n");
        }
        out.flush();
    }

    private String team(Map<String, String> teams, @Nullable String agent) {
        if (agent == null || agent.isBlank()) {
            return NO_TEAM;
        }
        return teams.computeIfAbsent(
                agent,
                a -> staff.findByUsername(a)
                        .map(StaffMember::team)
                        .filter(t -> t != null && !t.isBlank())
                        .orElse(NO_TEAM));
    }

    /** RFC 4180 quoting, and no formula injection when the file is opened in a spreadsheet. */
    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.equals(NO_TEAM)
                ? "'" + value
                : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\""
                : safe;
    }

    private record Key(YearMonth month, long centerId, String team) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byMonth = month.compareTo(other.month);
            if (byMonth != 0) {
                return byMonth;
            }
            int byCenter = Long.compare(centerId, other.centerId);
            return byCenter != 0 ? byCenter : team.compareTo(other.team);
        }
    }

    private static final class Totals {
        final Map<String, Long> byCategory = new HashMap<>();
        long incidents;
        long warnings;
        long ended;
        long counselling;
    }
}
