package io.sangdam.channel;

import io.sangdam.channel.Conversations.Conversation;
import io.sangdam.identity.Staff;
import io.sangdam.identity.StaffMember;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monitoring list's rows: each chat in progress with its agent's name, queue, how long it has
 * gone on, and what a supervisor looks for first (an abusive message, a protection lane, a customer
 * waiting for an answer past the center's thresholds). Three reads for the whole list, not per row.
 */
@Component
class MonitorRows {

    /**
     * @param since when the chat began (the customer's arrival), for the duration the page counts on
     * @param unansweredSince the customer's first message since the last answer; null when answered
     * @param registered the customer is in the abusive-customer registry (the specialist lane)
     * @param lane the lane the customer chose (SENIOR, ACCESSIBILITY), if any
     */
    record Row(
            String id,
            String queueName,
            String agentName,
            @Nullable String customer,
            Instant since,
            String duration,
            boolean abusive,
            boolean registered,
            @Nullable String lane,
            @Nullable Instant unansweredSince,
            MonitorSettings.Level answerWait,
            String waited,
            boolean takenOver) {}

    private final Conversations conversations;
    private final Chats chats;
    private final Staff staff;
    private final MonitorSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;

    MonitorRows(
            Conversations conversations,
            Chats chats,
            Staff staff,
            MonitorSettings settings,
            JdbcClient jdbc,
            Clock clock) {
        this.conversations = conversations;
        this.chats = chats;
        this.staff = staff;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Row> of(long centerId, Map<String, String> queueNames) {
        List<Conversation> connected = conversations.connectedIn(centerId);
        Map<String, String> names = new HashMap<>();
        for (StaffMember member : staff.inCenter(centerId)) {
            names.put(member.username().toLowerCase(Locale.ROOT), member.displayName());
        }
        Map<String, Activity> activity = activity(connected);
        MonitorSettings.AnswerWait thresholds = settings.answerWait(centerId);
        Instant now = clock.instant();
        return connected.stream()
                .map(c -> {
                    Activity seen = activity.getOrDefault(c.id(), Activity.NONE);
                    long waited = seen.unansweredSince() == null
                            ? 0
                            : Math.max(
                                    0,
                                    Duration.between(seen.unansweredSince(), now)
                                            .toSeconds());
                    return new Row(
                            c.id(),
                            queueNames.getOrDefault(c.queue(), c.queue()),
                            name(c.agent(), names),
                            c.customerLabel(),
                            c.createdAt(),
                            clockText(Duration.between(c.createdAt(), now).toSeconds()),
                            seen.abusive(),
                            chats.flagged(c).isPresent(),
                            c.lane(),
                            seen.unansweredSince(),
                            seen.unansweredSince() == null ? MonitorSettings.Level.NONE : thresholds.level(waited),
                            clockText(waited),
                            c.takenOverBy() != null);
                })
                .toList();
    }

    /** What the messages say of a chat: whether any was abusive, and since when the customer waits. */
    private record Activity(boolean abusive, @Nullable Instant unansweredSince) {
        static final Activity NONE = new Activity(false, null);
    }

    private Map<String, Activity> activity(List<Conversation> chats) {
        Map<String, Activity> activity = new HashMap<>();
        if (chats.isEmpty()) {
            return activity;
        }
        // Answered: by the agent or a supervisor who joined; system notices and whispers answer nobody.
        jdbc.sql("""
            with m as (
              select conversation_id, sender, sent_at, flags,
                     max(sent_at) filter (where sender in ('AGENT', 'SUPERVISOR')) over (partition by conversation_id) as answered
                from channel.message where conversation_id = any(?))
            select conversation_id,
                   bool_or(flags <> '[]'::jsonb) as abusive,
                   min(sent_at) filter (where sender = 'CUSTOMER' and (answered is null or sent_at > answered)) as unanswered
              from m group by conversation_id\
            """)
                .param(chats.stream().map(Conversation::id).toArray(String[]::new))
                .query(row -> {
                    Timestamp unanswered = row.getTimestamp("unanswered");
                    activity.put(
                            row.getString("conversation_id"),
                            new Activity(
                                    row.getBoolean("abusive"), unanswered == null ? null : unanswered.toInstant()));
                });
        return activity;
    }

    private String name(@Nullable String username, Map<String, String> names) {
        if (username == null) {
            return "";
        }
        String known = names.get(username.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        // A supervisor from headquarters who took the chat over is not of this center.
        return staff.findByUsername(username).map(StaffMember::displayName).orElse(username);
    }

    /** m:ss, or h:mm:ss from an hour. */
    static String clockText(long seconds) {
        long s = Math.max(0, seconds);
        return s >= 3600
                ? "%d:%02d:%02d".formatted(s / 3600, (s % 3600) / 60, s % 60)
                : "%d:%02d".formatted(s / 60, s % 60);
    }
}
