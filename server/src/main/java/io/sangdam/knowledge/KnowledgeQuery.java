package io.sangdam.knowledge;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One search of the knowledge base. The text is taken as words, never as query syntax: quotes,
 * brackets, colons, {@code *}, {@code ~} and AND/OR are searched as the characters they are.
 *
 * @param centerId the caller's center: its own articles and the shared headquarters ones are seen
 * @param category a category path; articles in it and in its sub-categories ({@code 요금} finds
 *     {@code 요금/해지})
 * @param on the day effective dates are judged by; an article outside its dates is left out unless
 *     {@code includeIneffective}
 */
public record KnowledgeQuery(
        String text,
        int size,
        long centerId,
        @Nullable String category,
        @Nullable Audience audience,
        @Nullable ArticleKind kind,
        boolean includeArchived,
        boolean includeIneffective,
        LocalDate on) {

    /** A search of everything the center sees that is in effect and not archived. */
    public static KnowledgeQuery of(String text, int size, long centerId, LocalDate on) {
        return new KnowledgeQuery(text, size, centerId, null, null, null, false, false, on);
    }

    public KnowledgeQuery withCategory(@Nullable String path) {
        return new KnowledgeQuery(text, size, centerId, path, audience, kind, includeArchived, includeIneffective, on);
    }

    public KnowledgeQuery withAudience(@Nullable Audience only) {
        return new KnowledgeQuery(text, size, centerId, category, only, kind, includeArchived, includeIneffective, on);
    }

    public KnowledgeQuery withKind(@Nullable ArticleKind only) {
        return new KnowledgeQuery(
                text, size, centerId, category, audience, only, includeArchived, includeIneffective, on);
    }

    public KnowledgeQuery includingArchived(boolean archived) {
        return new KnowledgeQuery(text, size, centerId, category, audience, kind, archived, includeIneffective, on);
    }

    public KnowledgeQuery includingIneffective(boolean ineffective) {
        return new KnowledgeQuery(text, size, centerId, category, audience, kind, includeArchived, ineffective, on);
    }
}
