package io.sangdam.channel;

import io.sangdam.channel.BotAnswers.BotAnswer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The bot's talks with customers and their turns, on channel's tables. */
@Repository
class BotSessions {

    enum Kind {
        /** One answer, with "did it help?". */
        ANSWER,
        /** Two close answers for the customer to choose from. */
        CHOICE,
        /** Nothing good enough was found: an unanswered question for the knowledge owner. */
        NONE,
        /** The bot stopped answering and passed the customer to an agent. */
        HANDOFF
    }

    record Session(
            String id,
            long centerId,
            String tokenHash,
            String language,
            Instant startedAt,
            int unhelpful,
            @Nullable Instant resolvedAt,
            @Nullable Instant endedAt,
            @Nullable HandoffReason handoffReason,
            @Nullable String conversationId) {

        boolean handedOff() {
            return handoffReason != null;
        }
    }

    /**
     * @param answers what the bot showed, best first (one for an answer, two for a choice)
     * @param chosen the article the customer chose (of a choice) or was shown (of an answer)
     * @param helpful the customer's word on it; null until they say
     */
    record Turn(
            long id,
            String sessionId,
            String question,
            Kind kind,
            List<BotAnswer> answers,
            @Nullable String chosen,
            @Nullable Boolean helpful,
            @Nullable HandoffReason handoff,
            Instant askedAt) {

        Turn {
            answers = List.copyOf(answers);
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BotSessions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(String id, long centerId, String tokenHash, String language, Instant at) {
        jdbc.sql("""
            insert into channel.bot_session (id, center_id, token_hash, language, started_at, last_at)
            values (?, ?, ?, ?, ?, ?)\
            """)
                .params(id, centerId, tokenHash, language, Timestamp.from(at), Timestamp.from(at))
                .update();
    }

    Optional<Session> find(String id) {
        return jdbc.sql("select * from channel.bot_session where id = ?")
                .param(id)
                .query(BotSessions::session)
                .optional();
    }

    /** The session, locked until the transaction ends: a turn's unhelpful count is read and written at once. */
    Optional<Session> locked(String id) {
        return jdbc.sql("select * from channel.bot_session where id = ? for update")
                .param(id)
                .query(BotSessions::session)
                .optional();
    }

    Optional<Session> ofConversation(String conversationId) {
        return jdbc.sql("select * from channel.bot_session where conversation_id = ? order by started_at desc limit 1")
                .param(conversationId)
                .query(BotSessions::session)
                .optional();
    }

    Turn addTurn(
            String sessionId,
            String question,
            Kind kind,
            List<BotAnswer> answers,
            @Nullable String chosen,
            @Nullable HandoffReason handoff,
            Instant at) {
        long id = jdbc.sql("""
            insert into channel.bot_turn (session_id, question, kind, answers, chosen, handoff, asked_at)
            values (?, ?, ?, ?::jsonb, ?, ?, ?) returning id\
            """)
                .params(
                        sessionId,
                        question,
                        kind.name(),
                        json.writeValueAsString(answers),
                        chosen,
                        handoff == null ? null : handoff.name(),
                        Timestamp.from(at))
                .query(Long.class)
                .single();
        touched(sessionId, at);
        return new Turn(id, sessionId, question, kind, answers, chosen, null, handoff, at);
    }

    Optional<Turn> turn(String sessionId, long turnId) {
        return jdbc.sql("select * from channel.bot_turn where session_id = ? and id = ?")
                .params(sessionId, turnId)
                .query(this::turn)
                .optional();
    }

    List<Turn> turns(String sessionId) {
        return jdbc.sql("select * from channel.bot_turn where session_id = ? order by id")
                .param(sessionId)
                .query(this::turn)
                .list();
    }

    void chosen(long turnId, String article) {
        jdbc.sql("update channel.bot_turn set chosen = ? where id = ?")
                .params(article, turnId)
                .update();
    }

    void answered(String sessionId, long turnId, boolean helpful, Instant at) {
        jdbc.sql("update channel.bot_turn set helpful = ? where id = ?")
                .params(helpful, turnId)
                .update();
        if (helpful) {
            jdbc.sql("update channel.bot_session set resolved_at = coalesce(resolved_at, ?), last_at = ? where id = ?")
                    .params(Timestamp.from(at), Timestamp.from(at), sessionId)
                    .update();
        } else {
            unhelpful(sessionId, at);
        }
    }

    void unhelpful(String sessionId, Instant at) {
        jdbc.sql("update channel.bot_session set unhelpful = unhelpful + 1, last_at = ? where id = ?")
                .params(Timestamp.from(at), sessionId)
                .update();
    }

    void handedOff(String sessionId, HandoffReason reason, Instant at) {
        jdbc.sql("""
            update channel.bot_session set handoff_reason = ?, handed_off_at = ?, last_at = ?
             where id = ? and handoff_reason is null\
            """)
                .params(reason.name(), Timestamp.from(at), Timestamp.from(at), sessionId)
                .update();
    }

    /** The chat routing was given for this session; once only. */
    void attached(String sessionId, String conversationId) {
        jdbc.sql("update channel.bot_session set conversation_id = ? where id = ? and conversation_id is null")
                .params(conversationId, sessionId)
                .update();
    }

    void ended(String sessionId, Instant at) {
        jdbc.sql("update channel.bot_session set ended_at = ?, last_at = ? where id = ? and ended_at is null")
                .params(Timestamp.from(at), Timestamp.from(at), sessionId)
                .update();
    }

    private void touched(String sessionId, Instant at) {
        jdbc.sql("update channel.bot_session set last_at = ? where id = ?")
                .params(Timestamp.from(at), sessionId)
                .update();
    }

    private static Session session(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        String reason = row.getString("handoff_reason");
        return new Session(
                row.getString("id"),
                row.getLong("center_id"),
                row.getString("token_hash"),
                row.getString("language"),
                row.getTimestamp("started_at").toInstant(),
                row.getInt("unhelpful"),
                instant(row.getTimestamp("resolved_at")),
                instant(row.getTimestamp("ended_at")),
                reason == null ? null : HandoffReason.valueOf(reason),
                row.getString("conversation_id"));
    }

    private Turn turn(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        String handoff = row.getString("handoff");
        Object helpful = row.getObject("helpful");
        return new Turn(
                row.getLong("id"),
                row.getString("session_id"),
                row.getString("question"),
                Kind.valueOf(row.getString("kind")),
                List.of(json.readValue(row.getString("answers"), BotAnswer[].class)),
                row.getString("chosen"),
                (Boolean) helpful,
                handoff == null ? null : HandoffReason.valueOf(handoff),
                row.getTimestamp("asked_at").toInstant());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
