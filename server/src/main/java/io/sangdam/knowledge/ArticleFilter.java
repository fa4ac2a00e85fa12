package io.sangdam.knowledge;

import org.jspecify.annotations.Nullable;

/**
 * Which articles a list shows.
 *
 * @param center the center whose knowledge base (with headquarters' shared articles); null for the user's own
 * @param status null for every state but archived
 * @param category a category id; its sub-categories are included
 * @param text words the title, body or imported id contain
 */
public record ArticleFilter(
        @Nullable Long center,
        @Nullable ArticleStatus status,
        @Nullable Audience audience,
        @Nullable Long category,
        @Nullable String text) {

    public static ArticleFilter none() {
        return new ArticleFilter(null, null, null, null, null);
    }
}
