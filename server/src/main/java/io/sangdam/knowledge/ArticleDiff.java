package io.sangdam.knowledge;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What changed from one version to another, for a reviewer: the title with its changed words
 * marked, category, tags, audience and dates as before and after, and the body line by line.
 */
public record ArticleDiff(
        int from,
        int to,
        TextDiff.DiffLine title,
        @Nullable String categoryBefore,
        @Nullable String categoryAfter,
        List<String> tagsAdded,
        List<String> tagsRemoved,
        Audience audienceBefore,
        Audience audienceAfter,
        @Nullable LocalDate effectiveFromBefore,
        @Nullable LocalDate effectiveFromAfter,
        @Nullable LocalDate effectiveToBefore,
        @Nullable LocalDate effectiveToAfter,
        List<TextDiff.DiffLine> body) {

    public ArticleDiff {
        tagsAdded = List.copyOf(tagsAdded);
        tagsRemoved = List.copyOf(tagsRemoved);
        body = List.copyOf(body);
    }

    public boolean categoryChanged() {
        return !java.util.Objects.equals(categoryBefore, categoryAfter);
    }

    public boolean audienceChanged() {
        return audienceBefore != audienceAfter;
    }

    public boolean datesChanged() {
        return !java.util.Objects.equals(effectiveFromBefore, effectiveFromAfter)
                || !java.util.Objects.equals(effectiveToBefore, effectiveToAfter);
    }

    static ArticleDiff between(ArticleVersion before, ArticleVersion after) {
        TextDiff.DiffLine title = before.title().equals(after.title())
                ? new TextDiff.DiffLine(
                        TextDiff.Change.SAME,
                        List.of(new TextDiff.DiffSegment(before.title(), false)),
                        List.of(new TextDiff.DiffSegment(after.title(), false)))
                : TextDiff.changed(before.title(), after.title());
        return new ArticleDiff(
                before.number(),
                after.number(),
                title,
                before.categoryPath(),
                after.categoryPath(),
                after.tags().stream()
                        .filter(tag -> !before.tags().contains(tag))
                        .toList(),
                before.tags().stream()
                        .filter(tag -> !after.tags().contains(tag))
                        .toList(),
                before.audience(),
                after.audience(),
                before.effectiveFrom(),
                after.effectiveFrom(),
                before.effectiveTo(),
                after.effectiveTo(),
                TextDiff.lines(before.body(), after.body()));
    }
}
