package io.sangdam.channel;

import io.sangdam.channel.BotAnswers.BotAnswer;
import java.util.List;

/**
 * What the bot makes of the ranked answers: one answer when the best is clearly ahead, a choice when
 * the first two are close, nothing when none is good enough. A search's scores have no fixed scale,
 * so "confident" is two tests: the best reaches {@code minimumScore}, and the second stays below
 * {@code closeRatio} of it. A second article just under the best means the question fits both, and
 * the customer, not the bot, knows which they meant.
 *
 * @param minimumScore below this the best answer is a guess, and the bot says it found nothing
 * @param closeRatio a second answer scoring at least this share of the best is offered beside it
 */
record BotReplyRule(double minimumScore, double closeRatio) {

    /**
     * For the knowledge search's scores (KnowledgeBotAnswersTests, demo articles): an answered question
     * scored 21 and 23, an unrelated one 0.55; short questions score lower than long ones, hence low.
     */
    static final double DEFAULT_MINIMUM_SCORE = 2.0;

    BotReplyRule {
        if (minimumScore < 0 || closeRatio <= 0 || closeRatio >= 1) {
            throw new IllegalArgumentException("minimum score >= 0 and 0 < close ratio < 1");
        }
    }

    /** What the bot replies; the answers best first. */
    sealed interface Reply {}

    record Confident(BotAnswer answer) implements Reply {}

    record Close(BotAnswer first, BotAnswer second) implements Reply {}

    record Nothing() implements Reply {}

    Reply reply(List<BotAnswer> ranked) {
        if (ranked.isEmpty() || ranked.get(0).score() < minimumScore) {
            return new Nothing();
        }
        BotAnswer best = ranked.get(0);
        if (ranked.size() > 1) {
            BotAnswer second = ranked.get(1);
            if (second.score() >= minimumScore && second.score() >= best.score() * closeRatio) {
                return new Close(best, second);
            }
        }
        return new Confident(best);
    }
}
