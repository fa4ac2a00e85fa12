package io.sangdam.channel;

import io.sangdam.channel.BotAnswers.BotAnswer;
import io.sangdam.channel.BotSessions.Kind;
import io.sangdam.channel.BotSessions.Session;
import io.sangdam.channel.BotSessions.Turn;
import io.sangdam.contact.TextMasking;
import io.sangdam.platform.RequestRejected;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The widget's bot, before a chat is queued: it answers a customer's question from public articles
 * ({@link BotReplyRule}), asks whether the answer helped, and passes the customer to an agent
 * ({@link HandoffReason}) when they ask, after two unhelpful answers, or when their words show
 * frustration or abuse ({@link HandoffCues}). Questions are masked before they are searched or
 * stored, like every chat message. Like a chat, a session is proved by a token only the customer's
 * browser received; its hash is stored.
 */
@Service
class ChatBot {

    /** Longer is not a question but a letter: the customer is better served by an agent or a left message. */
    static final int MAXIMUM_QUESTION_LENGTH = 500;
    /** Two answers that did not help, and the bot stops trying. */
    static final int UNHELPFUL_BEFORE_HANDOFF = 2;
    /** Answers searched for; the rule looks at the first two. */
    static final int CANDIDATES = 3;

    private final BotSessions sessions;
    private final BotSettings settings;
    private final ObjectProvider<BotAnswers> answers;
    private final BotReplyRule rule;
    private final HandoffCues cues;
    private final TextMasking masking;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ChatBot(
            BotSessions sessions,
            BotSettings settings,
            ObjectProvider<BotAnswers> answers,
            BotReplyRule rule,
            HandoffCues cues,
            TextMasking masking,
            Clock clock) {
        this.sessions = sessions;
        this.settings = settings;
        this.answers = answers;
        this.rule = rule;
        this.cues = cues;
        this.masking = masking;
        this.clock = clock;
    }

    /** What the customer is shown of a turn: the answers (one, or two to choose from) and whether it handed off. */
    record TurnView(
            long turn,
            String kind,
            List<BotAnswer> answers,
            @Nullable String handoff) {

        static TurnView of(Turn turn) {
            List<BotAnswer> shown = turn.kind() == Kind.CHOICE && turn.chosen() != null
                    ? turn.answers().stream()
                            .filter(a -> a.id().equals(turn.chosen()))
                            .toList()
                    : turn.answers();
            String kind = turn.kind() == Kind.CHOICE && turn.chosen() != null
                    ? Kind.ANSWER.name()
                    : turn.kind().name();
            return new TurnView(
                    turn.id(),
                    kind,
                    shown,
                    turn.handoff() == null ? null : turn.handoff().name());
        }
    }

    /** @param token only when the question opened the session; afterwards the customer holds it */
    record Asked(String session, @Nullable String token, TurnView turn) {}

    /** @param handoff set when this word made the bot pass the customer to an agent */
    record Feedback(@Nullable String handoff) {}

    /** Whether the center's widget asks the bot first: turned on, and an answer source wired in. */
    boolean enabled(long center) {
        return available() && settings.of(center).enabled();
    }

    /** Whether anything answers the bot's questions (the knowledge search's adapter). */
    boolean available() {
        return answers.getIfAvailable() != null;
    }

    /** The first question: opens the session, whose token the answer carries. */
    @Transactional
    Asked open(long center, @Nullable String question, Locale locale) {
        String text = checked(question);
        if (!enabled(center)) {
            throw RequestRejected.conflict("bot-off");
        }
        String id = UUID.randomUUID().toString();
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        sessions.add(id, center, hash(token), locale.getLanguage(), clock.instant());
        return answer(sessions.locked(id).orElseThrow(), text, token, locale);
    }

    @Transactional
    Asked ask(String sessionId, String token, @Nullable String question, Locale locale) {
        String text = checked(question);
        Session session = talking(sessionId, token);
        if (!enabled(session.centerId())) {
            throw RequestRejected.conflict("bot-off");
        }
        return answer(session, text, null, locale);
    }

    private Asked answer(Session session, String text, @Nullable String newToken, Locale locale) {
        Instant now = clock.instant();
        long center = session.centerId();
        String masked = masking.mask(text).masked();
        Optional<HandoffReason> cue = cues.in(masked);
        if (cue.isPresent()) {
            Turn turn = sessions.addTurn(session.id(), masked, Kind.HANDOFF, List.of(), null, cue.get(), now);
            sessions.handedOff(session.id(), cue.get(), now);
            return new Asked(session.id(), newToken, TurnView.of(turn));
        }
        List<BotAnswer> found = List.copyOf(answers.getObject().find(masked, center, locale, CANDIDATES));
        Turn turn = switch (rule.reply(found)) {
            case BotReplyRule.Confident confident ->
                sessions.addTurn(
                        session.id(),
                        masked,
                        Kind.ANSWER,
                        List.of(confident.answer()),
                        confident.answer().id(),
                        null,
                        now);
            case BotReplyRule.Close close ->
                sessions.addTurn(
                        session.id(), masked, Kind.CHOICE, List.of(close.first(), close.second()), null, null, now);
            case BotReplyRule.Nothing nothing -> {
                // Finding nothing is an unhelpful answer too: two, and a person takes over.
                sessions.unhelpful(session.id(), now);
                HandoffReason handoff =
                        session.unhelpful() + 1 >= UNHELPFUL_BEFORE_HANDOFF ? HandoffReason.TWO_UNHELPFUL : null;
                if (handoff != null) {
                    sessions.handedOff(session.id(), handoff, now);
                }
                yield sessions.addTurn(session.id(), masked, Kind.NONE, List.of(), null, handoff, now);
            }
        };
        return new Asked(session.id(), newToken, TurnView.of(turn));
    }

    /** Of two close answers, the one the customer meant; they are then asked whether it helped. */
    @Transactional
    TurnView choose(String sessionId, String token, long turnId, String article) {
        Session session = talking(sessionId, token);
        Turn turn = sessions.turn(session.id(), turnId).orElseThrow(() -> RequestRejected.notFound("unknown-bot-turn"));
        if (turn.kind() != Kind.CHOICE || turn.chosen() != null || turn.helpful() != null) {
            throw RequestRejected.conflict("bot-turn-answered");
        }
        if (turn.answers().stream().noneMatch(a -> a.id().equals(article))) {
            throw RequestRejected.badRequest("unknown-bot-answer", article);
        }
        sessions.chosen(turn.id(), article);
        return TurnView.of(sessions.turn(session.id(), turnId).orElseThrow());
    }

    /**
     * The customer's word on an answer. "Helped" marks the session resolved (deflected once they
     * leave without an agent); the second "did not help" (a choice declined counts) hands off.
     */
    @Transactional
    Feedback feedback(String sessionId, String token, long turnId, boolean helpful) {
        Session session = talking(sessionId, token);
        Turn turn = sessions.turn(session.id(), turnId).orElseThrow(() -> RequestRejected.notFound("unknown-bot-turn"));
        boolean answerShown = turn.kind() == Kind.ANSWER || (turn.kind() == Kind.CHOICE && turn.chosen() != null);
        boolean choiceDeclined = turn.kind() == Kind.CHOICE && turn.chosen() == null && !helpful;
        if (turn.helpful() != null || !(answerShown || choiceDeclined)) {
            throw RequestRejected.conflict("bot-turn-answered");
        }
        Instant now = clock.instant();
        sessions.answered(session.id(), turn.id(), helpful, now);
        if (!helpful && session.unhelpful() + 1 >= UNHELPFUL_BEFORE_HANDOFF) {
            sessions.handedOff(session.id(), HandoffReason.TWO_UNHELPFUL, now);
            return new Feedback(HandoffReason.TWO_UNHELPFUL.name());
        }
        return new Feedback(null);
    }

    /** 상담사 연결: the customer asked for an agent. */
    @Transactional
    Feedback handOff(String sessionId, String token) {
        Session session = talking(sessionId, token);
        sessions.handedOff(session.id(), HandoffReason.ASKED, clock.instant());
        return new Feedback(HandoffReason.ASKED.name());
    }

    /** The customer is done with the bot; an answer they said helped, with no agent, is a deflection. */
    void end(String sessionId, String token) {
        Session session = owned(sessionId, token);
        sessions.ended(session.id(), clock.instant());
    }

    /**
     * The session a chat is about to start from, checked before the chat exists so that a wrong
     * token starts nothing. A session the bot had not handed off was left for an agent by the
     * customer's own choice.
     */
    @Transactional
    void handingOver(String sessionId, String token, long center) {
        Session session = owned(sessionId, token);
        if (session.centerId() != center || session.conversationId() != null) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "not-your-conversation");
        }
        sessions.handedOff(session.id(), HandoffReason.ASKED, clock.instant());
    }

    /** The chat routing was given: its agent's pane shows the bot conversation. */
    void attach(String sessionId, String conversationId) {
        sessions.attached(sessionId, conversationId);
    }

    /** What the bot and the customer said before the chat, for its agent; empty when the chat did not come from the bot. */
    record Transcript(String reason, List<Turn> turns) {}

    Optional<Transcript> transcriptOf(String conversationId) {
        return sessions.ofConversation(conversationId)
                .map(session -> new Transcript(
                        session.handoffReason() == null
                                ? HandoffReason.ASKED.name()
                                : session.handoffReason().name(),
                        sessions.turns(session.id())));
    }

    /**
     * @throws RequestRejected empty or too long. Control characters never get here: the platform
     *     refuses them in every request body ({@code invalid-text}, StorableText).
     */
    static String checked(@Nullable String question) {
        String text = question == null ? "" : question.strip();
        if (text.isEmpty()) {
            throw RequestRejected.badRequest("empty-question");
        }
        if (text.length() > MAXIMUM_QUESTION_LENGTH) {
            throw RequestRejected.badRequest("question-too-long", MAXIMUM_QUESTION_LENGTH);
        }
        return text;
    }

    /** The customer's session, still talking with the bot. */
    private Session talking(String sessionId, String token) {
        Session session = owned(sessionId, token);
        session = sessions.locked(session.id()).orElseThrow();
        if (session.handedOff()) {
            throw RequestRejected.conflict("bot-handed-off");
        }
        if (session.endedAt() != null) {
            throw RequestRejected.conflict("bot-session-ended");
        }
        return session;
    }

    private Session owned(String sessionId, String token) {
        Session session = sessions.find(sessionId).orElseThrow(() -> RequestRejected.notFound("unknown-bot-session"));
        if (!MessageDigest.isEqual(
                hash(token).getBytes(StandardCharsets.US_ASCII),
                session.tokenHash().getBytes(StandardCharsets.US_ASCII))) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "not-your-conversation");
        }
        return session;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
