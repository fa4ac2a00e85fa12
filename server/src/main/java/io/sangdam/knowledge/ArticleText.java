package io.sangdam.knowledge;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an author writes for a version, as it arrives (unchecked): {@link Articles} checks it and
 * answers a problem code for each mistake.
 *
 * @param category a category id of the article's center, or null
 * @param audience {@code agents} (the default) or {@code public}
 */
public record ArticleText(
        @Nullable String title,
        @Nullable String body,
        @Nullable Long category,
        @Nullable List<String> tags,
        @Nullable String audience,
        @Nullable LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo) {}
