package io.sangdam.channel;

import io.sangdam.identity.CenterDirectory;
import io.sangdam.knowledge.ArticleKind;
import io.sangdam.knowledge.Audience;
import io.sangdam.knowledge.KnowledgeHits;
import io.sangdam.knowledge.KnowledgeQuery;
import io.sangdam.knowledge.KnowledgeSearch;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The bot's answers from the knowledge search: published articles (not snippets or CX cases) for
 * the public only, of the customer's center and the shared headquarters ones, in effect today on the
 * center's calendar, archived ones left out. The passage is the search's snippet as plain text: the
 * widget sets it as text, so the search's highlighting marks and escapes are undone here, never
 * rendered.
 */
@Component
class KnowledgeBotAnswers implements BotAnswers {

    /** A passage longer than this is cut at a word: the widget shows an answer, the article is where the rest is. */
    static final int LONGEST_PASSAGE = 300;

    private final KnowledgeSearch search;
    private final CenterDirectory centers;
    private final Clock clock;

    KnowledgeBotAnswers(KnowledgeSearch search, CenterDirectory centers, Clock clock) {
        this.search = search;
        this.centers = centers;
        this.clock = clock;
    }

    @Override
    public List<BotAnswer> find(String question, long center, Locale language, int limit) {
        String text = question.length() > KnowledgeSearch.LONGEST_QUESTION
                ? question.substring(0, KnowledgeSearch.LONGEST_QUESTION)
                : question;
        LocalDate today =
                LocalDate.ofInstant(clock.instant(), centers.get(center).timeZone());
        KnowledgeHits hits = search.search(KnowledgeQuery.of(text, limit, center, today)
                .withAudience(Audience.PUBLIC)
                .withKind(ArticleKind.ARTICLE));
        return hits.results().stream()
                .map(hit -> new BotAnswer(hit.id(), hit.title(), passage(hit.snippet()), hit.score()))
                .toList();
    }

    /** The snippet as the customer reads it: no highlight tags, entities back to characters, no Markdown marks. */
    static String passage(String snippet) {
        String plain = HtmlUtils.htmlUnescape(snippet.replaceAll("</?mark>", ""))
                .replaceAll("(?m)^\\s{0,3}#{1,6}\\s+", "")
                .replaceAll("\\*\\*|__|`", "")
                .replaceAll("\\s+", " ")
                .strip();
        if (plain.length() <= LONGEST_PASSAGE) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', LONGEST_PASSAGE);
        return plain.substring(0, cut > LONGEST_PASSAGE / 2 ? cut : LONGEST_PASSAGE) + "…";
    }
}
