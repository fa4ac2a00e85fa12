package io.sangdam.channel;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the knowledge owner learns from the bot, per day of the center's calendar: how many
 * customers it answered without an agent (deflection), why the others were handed off, and the
 * questions it could not answer (to write articles from).
 *
 * <p>Deflected: the customer said an answer helped, never went to an agent, and left: ended the
 * bot conversation, or went quiet for {@link #GONE_AFTER} (closing the tab says nothing to the server).
 */
@Repository
class BotReport {

    static final Duration GONE_AFTER = Duration.ofMinutes(30);

    /**
     * @param rate deflected of all sessions, in percent; null on a day without sessions
     */
    record Day(
            LocalDate day,
            int sessions,
            int deflected,
            int handedOff,
            Map<HandoffReason, Integer> reasons,
            int unanswered,
            @org.jspecify.annotations.Nullable Integer rate) {}

    /** A question the bot found no answer to ({@code NONE}), or whose answer the customer said did not help. */
    record Unanswered(
            Instant askedAt,
            String question,
            String kind,
            @org.jspecify.annotations.Nullable String shown) {}

    private final JdbcClient jdbc;

    BotReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The last {@code days} days up to today, oldest first; days without sessions are there with zeros. */
    List<Day> days(long center, ZoneId zone, LocalDate today, int days, Instant now) {
        LocalDate first = today.minusDays(days - 1L);
        Instant from = first.atStartOfDay(zone).toInstant();
        Map<LocalDate, int[]> counts = new LinkedHashMap<>();
        Map<LocalDate, Map<HandoffReason, Integer>> reasons = new LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            counts.put(day, new int[4]);
            reasons.put(day, new EnumMap<>(HandoffReason.class));
        }
        jdbc.sql("""
            select (started_at at time zone ?)::date as day, count(*) as sessions,
                   count(*) filter (where resolved_at is not null and handoff_reason is null
                                      and (ended_at is not null or last_at < ?)) as deflected,
                   count(*) filter (where handoff_reason is not null) as handed_off
              from channel.bot_session where center_id = ? and started_at >= ?
             group by 1\
            """)
                .params(zone.getId(), Timestamp.from(now.minus(GONE_AFTER)), center, Timestamp.from(from))
                .query(row -> {
                    int[] day = counts.get(row.getDate("day").toLocalDate());
                    if (day != null) {
                        day[0] = row.getInt("sessions");
                        day[1] = row.getInt("deflected");
                        day[2] = row.getInt("handed_off");
                    }
                });
        jdbc.sql("""
            select (started_at at time zone ?)::date as day, handoff_reason, count(*) as n
              from channel.bot_session where center_id = ? and started_at >= ? and handoff_reason is not null
             group by 1, 2\
            """).params(zone.getId(), center, Timestamp.from(from)).query(row -> {
            var day = reasons.get(row.getDate("day").toLocalDate());
            if (day != null) {
                day.put(HandoffReason.valueOf(row.getString("handoff_reason")), row.getInt("n"));
            }
        });
        jdbc.sql("""
            select (t.asked_at at time zone ?)::date as day, count(*) as n
              from channel.bot_turn t join channel.bot_session s on s.id = t.session_id
             where s.center_id = ? and t.asked_at >= ? and (t.kind = 'NONE' or t.helpful = false)
             group by 1\
            """).params(zone.getId(), center, Timestamp.from(from)).query(row -> {
            int[] day = counts.get(row.getDate("day").toLocalDate());
            if (day != null) {
                day[3] = row.getInt("n");
            }
        });
        List<Day> result = new ArrayList<>();
        counts.forEach((day, n) -> result.add(new Day(
                day,
                n[0],
                n[1],
                n[2],
                java.util.Objects.requireNonNull(reasons.get(day)),
                n[3],
                n[0] == 0 ? null : Math.round(100f * n[1] / n[0]))));
        return result;
    }

    /** The newest unanswered questions since {@code from}, masked as stored. */
    List<Unanswered> unanswered(long center, Instant from, int limit) {
        return jdbc.sql("""
            select t.asked_at, t.question, t.kind, t.answers, t.chosen, t.helpful
              from channel.bot_turn t join channel.bot_session s on s.id = t.session_id
             where s.center_id = ? and t.asked_at >= ? and (t.kind = 'NONE' or t.helpful = false)
             order by t.asked_at desc limit ?\
            """)
                .params(center, Timestamp.from(from), limit)
                .query((row, n) -> new Unanswered(
                        row.getTimestamp("asked_at").toInstant(),
                        row.getString("question"),
                        row.getString("kind"),
                        row.getString("chosen")))
                .list();
    }
}
