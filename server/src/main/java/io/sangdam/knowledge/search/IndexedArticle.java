package io.sangdam.knowledge.search;

import io.sangdam.knowledge.ArticleKind;
import io.sangdam.knowledge.Audience;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the index holds of an article's published version. The text is the Markdown source with
 * personal data already masked: nothing unmasked may reach the index, which lives on disk outside the
 * access log's reach.
 *
 * @param externalId the source system's id from an import, answered instead of {@code articleId}
 *     when present
 * @param centerId the center that owns it; an article of the headquarters center is shared with all
 * @param category the category path from the root, e.g. {@code 요금/해지}
 * @param archived archived articles stay findable for audit but leave default searches
 */
public record IndexedArticle(
        UUID articleId,
        @Nullable String externalId,
        long centerId,
        boolean shared,
        ArticleKind kind,
        String title,
        String text,
        @Nullable String category,
        List<String> tags,
        Audience audience,
        @Nullable LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo,
        boolean archived,
        Instant publishedAt) {

    public IndexedArticle {
        tags = List.copyOf(tags);
    }

    /** The id callers see: the imported id when there is one. */
    public String answerId() {
        return externalId != null ? externalId : articleId.toString();
    }
}
