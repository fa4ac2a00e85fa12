package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.channel.BotAnswers.BotAnswer;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.knowledge.KnowledgeSearch;
import io.sangdam.testing.TestCenter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The bot's answers from the real knowledge index: public articles of the customer's center and the
 * shared headquarters ones in effect today, never agents-only, another center's or expired ones; and
 * the reply rule's minimum fitted to its scores (an answered question is answered, an unrelated one
 * finds nothing). Demo articles put into the index for centers of this class's own.
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeBotAnswersTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    BotAnswers answers;

    @Autowired
    BotReplyRule rule;

    TestCenter center;
    TestCenter other;

    @BeforeAll
    void indexArticles() {
        center = TestCenter.in(context, "botanswers")
                .chatQueue("BILLING", "BILLING", 3)
                .create();
        other = TestCenter.in(context, "botother")
                .chatQueue("BILLING", "BILLING", 3)
                .create();
        long headquarters = context.getBean(CenterDirectory.class).all().stream()
                .filter(c -> c.isHeadquarters())
                .findFirst()
                .orElseThrow()
                .id();
        var search = context.getBean(KnowledgeSearch.class);
        LocalDate yesterday = LocalDate.now().minusDays(2);
        search.putAll(List.of(
                BotArticles.article("KB-1071", center.id(), false, null),
                BotArticles.article("KB-2023", center.id(), false, null),
                BotArticles.article("KB-1080", center.id(), false, null),
                BotArticles.article("KB-1090", center.id(), false, yesterday),
                BotArticles.article("KB-1075", other.id(), false, null),
                BotArticles.article("KB-2012", headquarters, true, null)));
    }

    @Test
    void anAnsweredQuestionGetsItsArticleWithAPlainPassage() {
        List<BotAnswer> found = answers.find("휴대폰 해지하려면 뭘 준비해야 하나요?", center.id(), Locale.KOREAN, 3);
        System.out.println("bot scores (answered): " + found);
        assertThat(found).isNotEmpty();
        assertThat(found.get(0).id()).isEqualTo("BOT-KB-1071");
        assertThat(found.get(0).title()).isEqualTo("휴대폰 해지 방법과 준비물");
        assertThat(found.get(0).passage()).isNotBlank().doesNotContain("<mark>", "&lt;", "**", "##");
        assertThat(rule.reply(found)).isEqualTo(new BotReplyRule.Confident(found.get(0)));

        List<BotAnswer> lost = answers.find("유심을 잃어버렸어요", center.id(), Locale.KOREAN, 3);
        System.out.println("bot scores (usim): " + lost);
        assertThat(lost).first().extracting(BotAnswer::id).isEqualTo("BOT-KB-2023");
    }

    @Test
    void agentsOnlyAnotherCentersAndExpiredArticlesAreNeverAnswersButSharedOnesAre() {
        List<String> ids = ids(answers.find("해지 위임장 대리인 상담원 응대 요령 해지 취소 철회", center.id(), Locale.KOREAN, 10));
        assertThat(ids).doesNotContain("BOT-KB-1080", "BOT-KB-1075", "BOT-KB-1090");
        assertThat(ids(answers.find("수리 중 임대폰 빌리기", center.id(), Locale.KOREAN, 3)))
                .as("the headquarters' shared article")
                .contains("BOT-KB-2012");
        assertThat(ids(answers.find("가족 대리인 해지 위임장", other.id(), Locale.KOREAN, 3)))
                .contains("BOT-KB-1075");
    }

    @Test
    void anUnrelatedQuestionFindsNothingWorthAnswering() {
        List<BotAnswer> found = answers.find("주차장 이용 시간이 궁금합니다", center.id(), Locale.KOREAN, 3);
        System.out.println("bot scores (unrelated): " + found);
        assertThat(rule.reply(found)).isEqualTo(new BotReplyRule.Nothing());
    }

    private static List<String> ids(List<BotAnswer> found) {
        return found.stream().map(BotAnswer::id).toList();
    }
}
