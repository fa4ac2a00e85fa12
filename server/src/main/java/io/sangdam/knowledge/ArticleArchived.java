package io.sangdam.knowledge;

import java.util.UUID;

/**
 * An article was archived: it leaves default searches but stays findable for audit, so the index
 * keeps it marked archived ({@link Articles#indexable(UUID)} answers it with {@code archived}).
 */
public record ArticleArchived(UUID articleId, long centerId) {}
