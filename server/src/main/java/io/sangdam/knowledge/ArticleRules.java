package io.sangdam.knowledge;

import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.Role;
import io.sangdam.platform.RequestRejected;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The knowledge base's rules, without Spring or SQL: what a version may contain, who owns the
 * knowledge base, and which workflow step may follow which. The same checks serve the pages, the
 * API and the import, so all three refuse the same text with the same code.
 */
final class ArticleRules {

    /** Who writes and reviews articles; agents and executives read. */
    static final Set<Role> OWNERS =
            EnumSet.of(Role.SUPERVISOR, Role.CENTER_MANAGER, Role.ADMINISTRATOR, Role.PROTECTION_TEAM);

    static final int MAXIMUM_TITLE = 200;
    static final int MAXIMUM_BODY = 100_000;
    static final int MAXIMUM_TAGS = 20;
    static final int MAXIMUM_TAG = 50;
    static final int MAXIMUM_COMMENT = 2000;

    /** A version's text once checked: trimmed, tags distinct, audience known. */
    record Content(
            String title,
            String body,
            @Nullable Long categoryId,
            List<String> tags,
            Audience audience,
            @Nullable LocalDate effectiveFrom,
            @Nullable LocalDate effectiveTo) {

        Content {
            tags = List.copyOf(tags);
        }

        boolean sameAs(ArticleVersion version) {
            return title.equals(version.title())
                    && body.equals(version.body())
                    && java.util.Objects.equals(categoryId, version.categoryId())
                    && tags.equals(version.tags())
                    && audience == version.audience()
                    && java.util.Objects.equals(effectiveFrom, version.effectiveFrom())
                    && java.util.Objects.equals(effectiveTo, version.effectiveTo());
        }
    }

    private ArticleRules() {}

    static boolean owns(CurrentUser user) {
        return OWNERS.stream().anyMatch(user::has);
    }

    static void requireOwner(CurrentUser user) {
        if (!owns(user)) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "knowledge-owners-only");
        }
    }

    /**
     * @throws RequestRejected article-title-missing, article-title-too-long, article-text-missing,
     *     article-text-too-long, article-unsafe-markup, article-tags-invalid, article-dates-reversed
     */
    static Content content(
            @Nullable String title,
            @Nullable String body,
            @Nullable Long categoryId,
            @Nullable List<String> tags,
            Audience audience,
            @Nullable LocalDate effectiveFrom,
            @Nullable LocalDate effectiveTo) {
        String checkedTitle = title == null ? "" : title.strip();
        if (checkedTitle.isEmpty()) {
            throw RequestRejected.badRequest("article-title-missing");
        }
        if (checkedTitle.length() > MAXIMUM_TITLE || checkedTitle.contains("\n")) {
            throw RequestRejected.badRequest("article-title-too-long", MAXIMUM_TITLE);
        }
        String checkedBody = body == null ? "" : body.replace("\r\n", "\n").strip();
        if (checkedBody.isEmpty()) {
            throw RequestRejected.badRequest("article-text-missing");
        }
        if (checkedBody.length() > MAXIMUM_BODY) {
            throw RequestRejected.badRequest("article-text-too-long", MAXIMUM_BODY);
        }
        String unsafe = ArticleMarkdown.unsafeMarkup(checkedTitle + "\n" + checkedBody);
        if (unsafe != null) {
            throw RequestRejected.badRequest("article-unsafe-markup", unsafe);
        }
        if (effectiveFrom != null && effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw RequestRejected.badRequest("article-dates-reversed", effectiveFrom, effectiveTo);
        }
        return new Content(checkedTitle, checkedBody, categoryId, tags(tags), audience, effectiveFrom, effectiveTo);
    }

    static List<String> tags(@Nullable List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String tag : tags) {
            String stripped = tag == null ? "" : tag.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            if (stripped.length() > MAXIMUM_TAG || stripped.chars().anyMatch(Character::isISOControl)) {
                throw RequestRejected.badRequest("article-tags-invalid", MAXIMUM_TAGS, MAXIMUM_TAG);
            }
            distinct.add(stripped);
        }
        if (distinct.size() > MAXIMUM_TAGS) {
            throw RequestRejected.badRequest("article-tags-invalid", MAXIMUM_TAGS, MAXIMUM_TAG);
        }
        return new ArrayList<>(distinct);
    }

    /** {@code agents} when nothing is said; otherwise {@code agents} or {@code public}, in any case. */
    static Audience audience(@Nullable String audience) {
        if (audience == null || audience.isBlank()) {
            return Audience.AGENTS;
        }
        for (Audience known : Audience.values()) {
            if (known.code().equals(audience.strip().toLowerCase(Locale.ROOT))) {
                return known;
            }
        }
        throw RequestRejected.badRequest("article-audience-unknown", audience);
    }

    // The workflow. Each step names the state it needs, so a stale page cannot skip review.

    static ArticleStatus edited(ArticleStatus from) {
        if (from == ArticleStatus.ARCHIVED) {
            throw RequestRejected.conflict("article-archived");
        }
        return ArticleStatus.DRAFT;
    }

    static ArticleStatus submitted(ArticleStatus from) {
        if (from != ArticleStatus.DRAFT) {
            throw RequestRejected.conflict("article-not-draft", from);
        }
        return ArticleStatus.IN_REVIEW;
    }

    /** Four eyes: the reviewer who publishes a version is never the one who wrote it. */
    static ArticleStatus published(ArticleStatus from, String author, String reviewer) {
        if (from != ArticleStatus.IN_REVIEW) {
            throw RequestRejected.conflict("article-not-in-review", from);
        }
        if (author.equals(reviewer)) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "article-own-review");
        }
        return ArticleStatus.PUBLISHED;
    }

    static String sendBackComment(ArticleStatus from, @Nullable String comment) {
        if (from != ArticleStatus.IN_REVIEW) {
            throw RequestRejected.conflict("article-not-in-review", from);
        }
        String stripped = comment == null ? "" : comment.strip();
        if (stripped.isEmpty()) {
            throw RequestRejected.badRequest("article-comment-missing");
        }
        if (stripped.length() > MAXIMUM_COMMENT) {
            throw RequestRejected.badRequest("article-comment-too-long", MAXIMUM_COMMENT);
        }
        return stripped;
    }

    static ArticleStatus archived(ArticleStatus from) {
        if (from == ArticleStatus.ARCHIVED) {
            throw RequestRejected.conflict("article-archived");
        }
        return ArticleStatus.ARCHIVED;
    }

    /** Back as it was: published when its newest version is the one in force, else a draft. */
    static ArticleStatus restored(ArticleStatus from, int latestVersion, @Nullable Integer publishedVersion) {
        if (from != ArticleStatus.ARCHIVED) {
            throw RequestRejected.conflict("article-not-archived", from);
        }
        return publishedVersion != null && publishedVersion == latestVersion
                ? ArticleStatus.PUBLISHED
                : ArticleStatus.DRAFT;
    }
}
