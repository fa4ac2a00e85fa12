package io.sangdam.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One saved version of an article: what was written, by whom, and whether (and by whom) it was
 * approved. Versions are never changed after they are saved, only marked reviewed and published.
 *
 * @param categoryPath the category's path from the root, e.g. {@code 요금/해지}
 * @param reviewedBy null for an imported version published at once, which no one reviewed
 */
public record ArticleVersion(
        int number,
        String title,
        String body,
        @Nullable Long categoryId,
        @Nullable String categoryPath,
        List<String> tags,
        Audience audience,
        @Nullable LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo,
        String author,
        Instant createdAt,
        @Nullable String reviewedBy,
        @Nullable Instant publishedAt) {

    public ArticleVersion {
        tags = List.copyOf(tags);
    }

    /** Past its effective-to date on this day (an ended promotion): shown, but marked expired. */
    public boolean expiredOn(LocalDate today) {
        return effectiveTo != null && effectiveTo.isBefore(today);
    }

    /** Not yet in effect on this day. */
    public boolean pendingOn(LocalDate today) {
        return effectiveFrom != null && effectiveFrom.isAfter(today);
    }
}
