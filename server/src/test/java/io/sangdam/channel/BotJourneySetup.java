package io.sangdam.channel;

import java.time.Instant;
import org.springframework.context.ApplicationContext;

/** For the browser journeys (another package): the bot turned on for a test center, and what it answers. */
public final class BotJourneySetup {

    /** A question the center's articles ({@link #turnOn}) answer with {@link #ANSWER_TITLE} alone. */
    public static final String ANSWERED_QUESTION = "휴대폰 해지하려면 뭘 준비해야 하나요?";

    public static final String ANSWER_TITLE = "휴대폰 해지 방법과 준비물";

    /** A question they find nothing for. */
    public static final String UNANSWERED_QUESTION = "주차장 이용 시간이 궁금합니다";

    private BotJourneySetup() {}

    /** The bot on for the center, with two demo articles of its own in the knowledge index (해지, 유심 분실). */
    public static void turnOn(ApplicationContext context, long center) {
        context.getBean(BotSettings.class).set(center, true, "test", Instant.now());
        BotArticles.index(context, center, "KB-1071", "KB-2023");
    }
}
