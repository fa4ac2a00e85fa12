package io.sangdam.protection;

import io.sangdam.engine.protection.AbuseCategory;
import io.sangdam.engine.protection.Detection;
import io.sangdam.engine.protection.Severity;
import io.sangdam.platform.RequestRejected;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of abusive contacts and what the agent did about them. Ending a contact for abuse is
 * the agent's right once the warnings the policy asks for were sent; it is refused before that.
 */
@Service
@EnableConfigurationProperties(ProtectionPolicy.class)
public class Incidents {

    public record Incident(
            String conversation,
            long centerId,
            @Nullable String agent,
            @Nullable String customer,
            String categories,
            String highestSeverity,
            int flaggedMessages,
            int warningsSent,
            boolean endedForAbuse) {}

    private final JdbcClient jdbc;
    private final ProtectionPolicy policy;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Incidents(JdbcClient jdbc, ProtectionPolicy policy, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.clock = clock;
        this.events = events;
    }

    /** Records an abusive message in a conversation (the first opens the incident). */
    @Transactional
    public void flagged(
            String conversation,
            long centerId,
            @Nullable String agent,
            @Nullable String customer,
            Detection detection) {
        String categories =
                detection.categories().stream().map(AbuseCategory::name).collect(Collectors.joining(","));
        String severity = detection.highestSeverity().map(Severity::name).orElse("LOW");
        // Insert-or-nothing first: a warning and a message racing to open the incident must not collide.
        int inserted = jdbc.sql("""
            insert into protection.incident (conversation_id, center_id, agent, customer_label, categories,
                highest_severity, first_flagged_at) values (?, ?, ?, ?, ?, ?, ?)
            on conflict (conversation_id) do nothing\
            """)
                .params(conversation, centerId, agent, customer, categories, severity, Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            Optional<Incident> existing = find(conversation);
            jdbc.sql("""
                update protection.incident set flagged_messages = flagged_messages + 1, agent = coalesce(?, agent),
                       categories = ?, highest_severity = ? where conversation_id = ?\
                """)
                    .params(agent, merge(existing, categories), higher(existing, severity), conversation)
                    .update();
        }
        events.publishEvent(new AbuseAlerted(
                centerId,
                agent,
                conversation,
                AbuseAlerted.Reason.MESSAGE_FLAGGED,
                detection.categories().stream().map(AbuseCategory::name).toList(),
                severity,
                clock.instant()));
    }

    /** Counts a warning sent to the customer; returns which warning it was (1 = first). */
    @Transactional
    public int warningSent(String conversation, long centerId, String agent, @Nullable String customer) {
        // An agent may warn on words the detector missed; the warning opens the incident then.
        jdbc.sql("""
            insert into protection.incident (conversation_id, center_id, agent, customer_label, categories,
                highest_severity, flagged_messages, first_flagged_at) values (?, ?, ?, ?, 'REPORTED_BY_AGENT', 'LOW', 0, ?)
            on conflict (conversation_id) do nothing\
            """)
                .params(conversation, centerId, agent, customer, Timestamp.from(clock.instant()))
                .update();
        int level = jdbc.sql(
                        "update protection.incident set warnings_sent = warnings_sent + 1 where conversation_id = ?"
                                + " returning warnings_sent")
                .param(conversation)
                .query(Integer.class)
                .single();
        jdbc.sql("insert into protection.incident_warning (conversation_id, level, agent, sent_at) values (?, ?, ?, ?)")
                .params(conversation, level, agent, Timestamp.from(clock.instant()))
                .update();
        return level;
    }

    /** @throws RequestRejected {@code warnings-required} before the policy's warnings were sent */
    @Transactional
    public void endingForAbuse(String conversation) {
        int warnings = find(conversation).map(Incident::warningsSent).orElse(0);
        if (warnings < policy.warningsBeforeEnding()) {
            throw RequestRejected.conflict("warnings-required", policy.warningsBeforeEnding(), warnings);
        }
        jdbc.sql("update protection.incident set ended_for_abuse = true, ended_at = ? where conversation_id = ?")
                .params(Timestamp.from(clock.instant()), conversation)
                .update();
        find(conversation)
                .ifPresent(incident -> events.publishEvent(new AbuseAlerted(
                        incident.centerId(),
                        incident.agent(),
                        conversation,
                        AbuseAlerted.Reason.ENDED_FOR_ABUSE,
                        List.of(incident.categories().split(",")).stream()
                                .filter(c -> !c.isBlank())
                                .toList(),
                        incident.highestSeverity(),
                        clock.instant())));
    }

    public int warningsBeforeEnding() {
        return policy.warningsBeforeEnding();
    }

    public Optional<Incident> find(String conversation) {
        return jdbc.sql("select * from protection.incident where conversation_id = ?")
                .param(conversation)
                .query((row, n) -> new Incident(
                        row.getString("conversation_id"),
                        row.getLong("center_id"),
                        row.getString("agent"),
                        row.getString("customer_label"),
                        row.getString("categories"),
                        row.getString("highest_severity"),
                        row.getInt("flagged_messages"),
                        row.getInt("warnings_sent"),
                        row.getBoolean("ended_for_abuse")))
                .optional();
    }

    record Warning(int level, String agent, java.time.Instant sentAt) {}

    List<Warning> warnings(String conversation) {
        return jdbc.sql("select level, agent, sent_at from protection.incident_warning where conversation_id = ? order"
                        + " by sent_at, id")
                .param(conversation)
                .query((row, n) -> new Warning(
                        row.getInt("level"),
                        row.getString("agent"),
                        row.getTimestamp("sent_at").toInstant()))
                .list();
    }

    /** When the agent ended the contact for abuse, if they did. */
    Optional<java.time.Instant> endedAt(String conversation) {
        return jdbc.sql("select ended_at from protection.incident where conversation_id = ? and ended_for_abuse")
                .param(conversation)
                .query((row, n) -> row.getTimestamp("ended_at").toInstant())
                .optional();
    }

    record CategoryCount(long centerId, String category, long incidents, long warnings, long endedForAbuse) {}

    /** Incidents per center and category since a time, for the protection team's report. */
    List<CategoryCount> countsSince(java.time.Instant since) {
        return jdbc.sql("""
            select center_id, category, count(*) as incidents, sum(warnings_sent) as warnings,
                   count(*) filter (where ended_for_abuse) as ended
              from protection.incident, unnest(string_to_array(categories, ',')) as category
             where first_flagged_at >= ? group by center_id, category order by center_id, category\
            """)
                .param(Timestamp.from(since))
                .query((row, n) -> new CategoryCount(
                        row.getLong("center_id"),
                        row.getString("category"),
                        row.getLong("incidents"),
                        row.getLong("warnings"),
                        row.getLong("ended")))
                .list();
    }

    List<Incident> recent(@Nullable Long centerId, int limit) {
        return jdbc.sql("""
            select * from protection.incident where (cast(? as bigint) is null or center_id = ?)
             order by first_flagged_at desc limit ?\
            """)
                .params(centerId, centerId, limit)
                .query((row, n) -> new Incident(
                        row.getString("conversation_id"),
                        row.getLong("center_id"),
                        row.getString("agent"),
                        row.getString("customer_label"),
                        row.getString("categories"),
                        row.getString("highest_severity"),
                        row.getInt("flagged_messages"),
                        row.getInt("warnings_sent"),
                        row.getBoolean("ended_for_abuse")))
                .list();
    }

    /**
     * The alerts raised since then, as far as the incidents tell (oldest first): a conversation's
     * first flagged message, and its end for abuse. For a node that may have missed the alerts
     * themselves (reporting's board); later flagged messages of a conversation have no time of
     * their own and are not among them.
     */
    public List<AbuseAlerted> alertsSince(java.time.Instant since) {
        Timestamp from = Timestamp.from(since);
        return jdbc
                .sql("""
                    select conversation_id, center_id, agent, categories, highest_severity, flagged_messages, ended_for_abuse,
                           first_flagged_at, ended_at
                      from protection.incident where first_flagged_at >= ? or ended_at >= ?\
                    """)
                .params(from, from)
                .query((row, n) -> {
                    List<String> categories = List.of(
                                    row.getString("categories").split(","))
                            .stream()
                            .filter(c -> !c.isBlank() && !c.equals("REPORTED_BY_AGENT"))
                            .toList();
                    List<AbuseAlerted> raised = new java.util.ArrayList<>(2);
                    java.time.Instant flaggedAt =
                            row.getTimestamp("first_flagged_at").toInstant();
                    // An incident opened by an agent's warning raised no alert until it ended.
                    if (row.getInt("flagged_messages") > 0 && !flaggedAt.isBefore(since)) {
                        raised.add(new AbuseAlerted(
                                row.getLong("center_id"),
                                row.getString("agent"),
                                row.getString("conversation_id"),
                                AbuseAlerted.Reason.MESSAGE_FLAGGED,
                                categories,
                                row.getString("highest_severity"),
                                flaggedAt));
                    }
                    Timestamp endedAt = row.getTimestamp("ended_at");
                    if (row.getBoolean("ended_for_abuse")
                            && endedAt != null
                            && !endedAt.toInstant().isBefore(since)) {
                        raised.add(new AbuseAlerted(
                                row.getLong("center_id"),
                                row.getString("agent"),
                                row.getString("conversation_id"),
                                AbuseAlerted.Reason.ENDED_FOR_ABUSE,
                                categories,
                                row.getString("highest_severity"),
                                endedAt.toInstant()));
                    }
                    return raised;
                })
                .list()
                .stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparing(AbuseAlerted::at))
                .toList();
    }

    private static String merge(Optional<Incident> existing, String categories) {
        var merged = new TreeSet<String>();
        existing.ifPresent(i -> merged.addAll(List.of(i.categories().split(","))));
        merged.addAll(List.of(categories.split(",")));
        merged.remove("REPORTED_BY_AGENT");
        merged.remove("");
        return String.join(",", merged);
    }

    private static String higher(Optional<Incident> existing, String severity) {
        return java.util.stream.Stream.concat(
                        existing.map(Incident::highestSeverity).stream(), java.util.stream.Stream.of(severity))
                .map(Severity::valueOf)
                .max(Comparator.naturalOrder())
                .map(Severity::name)
                .orElse(severity);
    }
}
