package io.sangdam.knowledge;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a search found, best first.
 *
 * @param total how many articles match in all, not only the ones returned
 * @param facets counts over all matches, by category path and by tag, most first
 * @param didYouMean the question with near misses replaced by words the index knows, when some word
 *     of it is unknown and a close one exists
 */
public record KnowledgeHits(
        List<Hit> results,
        long total,
        Facets facets,
        @Nullable String didYouMean) {

    public KnowledgeHits {
        results = List.copyOf(results);
    }

    public static KnowledgeHits none() {
        return new KnowledgeHits(List.of(), 0, new Facets(List.of(), List.of()), null);
    }

    /**
     * @param id the id callers see ({@code IndexedArticle.answerId()}): the imported id when there is one
     * @param snippet HTML-safe: the article's text escaped, the matched words in {@code <mark>}
     */
    public record Hit(
            String id,
            UUID articleId,
            String title,
            String snippet,
            float score,
            @Nullable String category,
            List<String> tags,
            Audience audience,
            ArticleKind kind,
            boolean archived) {

        public Hit {
            tags = List.copyOf(tags);
        }
    }

    public record Facets(List<FacetCount> categories, List<FacetCount> tags) {

        public Facets {
            categories = List.copyOf(categories);
            tags = List.copyOf(tags);
        }
    }

    public record FacetCount(String value, long count) {}
}
