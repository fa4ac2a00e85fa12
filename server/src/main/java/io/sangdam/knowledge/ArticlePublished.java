package io.sangdam.knowledge;

import java.util.UUID;

/**
 * An article's version came into force (published, imported as published, or restored from the
 * archive): the search index should hold it now ({@link Articles#indexable(UUID)}).
 */
public record ArticlePublished(UUID articleId, long centerId) {}
