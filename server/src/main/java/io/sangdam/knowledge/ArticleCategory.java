package io.sangdam.knowledge;

import org.jspecify.annotations.Nullable;

/**
 * A node of a center's category tree.
 *
 * @param path the names from the root joined by {@code /}, e.g. {@code 요금/해지}
 * @param position the order among its siblings, smallest first
 */
public record ArticleCategory(
        long id, long centerId, @Nullable Long parentId, String name, int position, String path) {

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count();
    }
}
