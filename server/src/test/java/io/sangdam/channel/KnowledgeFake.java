package io.sangdam.channel;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A knowledge base in memory for the desk's tests, until the knowledge module's search answers the
 * port: each test puts articles for its own center; words are matched after Nori's analysis, as the
 * passages are, and the snippet marks the words found.
 */
public final class KnowledgeFake implements AssistSuggestions {

    /** Brings the fake into a test's application context (one context for every class that imports it). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Setup {

        @Bean
        KnowledgeFake knowledgeFake() {
            return new KnowledgeFake();
        }
    }

    private final Map<Long, List<FoundArticle>> byCenter = new ConcurrentHashMap<>();

    /** An article of the center: id, title and Markdown text. */
    public void put(long centerId, String id, String title, String markdown) {
        byCenter.computeIfAbsent(centerId, center -> new CopyOnWriteArrayList<>())
                .add(new FoundArticle(id, title, "", markdown));
    }

    @Override
    public List<FoundArticle> search(String query, long centerId, int size) {
        return matching(query, centerId, size);
    }

    @Override
    public List<FoundArticle> suggest(String customerWords, long centerId, int size) {
        return matching(customerWords, centerId, size);
    }

    @Override
    public Optional<FoundArticle> article(String id, long centerId) {
        return byCenter.getOrDefault(centerId, List.of()).stream()
                .filter(article -> article.id().equals(id))
                .findFirst();
    }

    private List<FoundArticle> matching(String words, long centerId, int size) {
        Set<String> wanted = ArticlePassages.terms(words);
        record Scored(FoundArticle article, long shared) {}
        return byCenter.getOrDefault(centerId, List.of()).stream()
                .map(article -> new Scored(
                        article,
                        ArticlePassages.terms(article.title() + "\n" + article.text()).stream()
                                .filter(wanted::contains)
                                .count()))
                .filter(scored -> scored.shared() > 0)
                .sorted(Comparator.comparingLong(Scored::shared).reversed())
                .limit(size)
                .map(scored -> new FoundArticle(
                        scored.article().id(),
                        scored.article().title(),
                        snippet(
                                ArticlePassages.best(scored.article().text(), words, 1)
                                        .getFirst(),
                                wanted),
                        scored.article().text()))
                .toList();
    }

    // As the real highlighter does: the text escaped, each word found in <mark>.
    private static String snippet(String passage, Set<String> wanted) {
        String escaped = passage.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        for (String word : wanted) {
            if (word.length() > 1) {
                escaped = escaped.replace(word, "<mark>" + word + "</mark>");
            }
        }
        return escaped;
    }
}
