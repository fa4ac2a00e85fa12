package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sangdam.channel.BotAnswers.BotAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bot's decision between one answer, a choice of two and nothing, without Spring. */
class BotReplyRuleTests {

    private final BotReplyRule rule = new BotReplyRule(2.0, 0.8);

    @Test
    void aBestAnswerClearlyAheadIsGivenAlone() {
        var best = answer("KB-1001", 10.0);
        var reply = rule.reply(List.of(best, answer("KB-1002", 7.9), answer("KB-1003", 3.0)));
        assertThat(reply).isEqualTo(new BotReplyRule.Confident(best));
    }

    @Test
    void aSingleGoodAnswerIsGivenAlone() {
        var only = answer("KB-1001", 2.0);
        assertThat(rule.reply(List.of(only))).isEqualTo(new BotReplyRule.Confident(only));
    }

    @Test
    void twoCloseAnswersAreOfferedAsAChoiceBestFirst() {
        var first = answer("KB-1001", 10.0);
        var second = answer("KB-1002", 8.0);
        assertThat(rule.reply(List.of(first, second, answer("KB-1003", 7.5))))
                .isEqualTo(new BotReplyRule.Close(first, second));
    }

    @Test
    void aCloseSecondBelowTheMinimumIsNoChoice() {
        var first = answer("KB-1001", 2.2);
        var weak = answer("KB-1002", 1.9);
        assertThat(rule.reply(List.of(first, weak))).isEqualTo(new BotReplyRule.Confident(first));
    }

    @Test
    void nothingWhenNoneIsFoundOrTheBestIsAGuess() {
        assertThat(rule.reply(List.of())).isEqualTo(new BotReplyRule.Nothing());
        assertThat(rule.reply(List.of(answer("KB-1001", 1.99), answer("KB-1002", 1.98))))
                .isEqualTo(new BotReplyRule.Nothing());
    }

    @Test
    void thresholdsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new BotReplyRule(-1, 0.8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BotReplyRule(1, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BotReplyRule(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static BotAnswer answer(String id, double score) {
        return new BotAnswer(id, "제목 " + id, "본문 " + id, score);
    }
}
