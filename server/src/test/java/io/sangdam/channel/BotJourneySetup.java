package io.sangdam.channel;

import java.time.Instant;
import org.springframework.context.ApplicationContext;

/** For the browser journeys (another package): the bot turned on for a test center, and what it answers. */
public final class BotJourneySetup {

    /** A question the answer source answers with {@link #ANSWER_TITLE} alone. */
    public static final String ANSWERED_QUESTION = "해지하면 위약금이 있나요?";

    public static final String ANSWER_TITLE = "해지 위약금 안내";

    /** A question it finds nothing for. */
    public static final String UNANSWERED_QUESTION = "포인트 적립은 어떻게 하나요";

    private BotJourneySetup() {}

    public static void turnOn(ApplicationContext context, long center) {
        context.getBean(BotSettings.class).set(center, true, "test", Instant.now());
    }
}
