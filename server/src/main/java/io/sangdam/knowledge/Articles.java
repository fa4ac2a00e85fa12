package io.sangdam.knowledge;

import io.sangdam.contact.TextMasking;
import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.knowledge.ArticleRules.Content;
import io.sangdam.knowledge.ArticleStore.Stored;
import io.sangdam.knowledge.search.IndexedArticle;
import io.sangdam.platform.RequestRejected;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base's articles: written as drafts, saved as new versions, reviewed and published
 * by someone other than the author, sent back with a comment, archived (kept for audit) and
 * restored. Publishing and archiving raise {@link ArticlePublished} and {@link ArticleArchived}
 * (durable: the search index follows them), and {@link #indexable(UUID)} answers what the index
 * should hold of an article, with personal data masked.
 *
 * <p>Every method takes the user it acts for and applies the center rule of {@link
 * KnowledgeCenters}: one's own center's articles and headquarters' shared ones are readable;
 * another center's are unknown (404).
 */
@Service
public class Articles {

    private final ArticleStore store;
    private final Categories categories;
    private final KnowledgeCenters centers;
    private final CenterDirectory centerDirectory;
    private final TextMasking masking;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Articles(
            ArticleStore store,
            Categories categories,
            KnowledgeCenters centers,
            CenterDirectory centerDirectory,
            TextMasking masking,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.categories = categories;
        this.centers = centers;
        this.centerDirectory = centerDirectory;
        this.masking = masking;
        this.events = events;
        this.clock = clock;
    }

    /** Whether this user writes and reviews articles (of the centers they see). */
    public static boolean mayWrite(CurrentUser user) {
        return ArticleRules.owns(user);
    }

    /** Whether this user may change this article (owner role, and not headquarters' article seen from a partner center). */
    public boolean mayEdit(CurrentUser user, Article article) {
        return centers.mayWrite(user, article.centerId());
    }

    /**
     * A new article, as a draft (version 1) of the center asked for, or of the user's own.
     *
     * @throws RequestRejected the content codes of {@link #edit}, knowledge-owners-only, knowledge-shared-read-only
     */
    @Transactional
    public Article create(CurrentUser user, @Nullable Long centerId, ArticleKind kind, ArticleText text) {
        Center center = centers.working(user, centerId);
        centers.requireWrite(user, center.id(), "unknown-center", center.id());
        Content content = content(center.id(), text);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        store.insertArticle(id, center.id(), null, kind, user.username(), ArticleStatus.DRAFT, null, now);
        store.insertVersion(id, 1, content, user.username(), now, null, null);
        return require(id);
    }

    /**
     * Saves an edit as a new version, a draft (a version in review goes back to draft; a published
     * version stays in force until the new one is published).
     *
     * @throws RequestRejected article-title-missing, article-title-too-long, article-text-missing,
     *     article-text-too-long, article-unsafe-markup, article-tags-invalid, article-audience-unknown,
     *     article-dates-reversed, unknown-knowledge-category, article-archived
     */
    @Transactional
    public Article edit(CurrentUser user, UUID id, ArticleText text) {
        Stored article = writable(user, id);
        ArticleRules.edited(article.status());
        Content content = content(article.centerId(), text);
        int number = article.latest().number() + 1;
        Instant now = clock.instant();
        store.insertVersion(id, number, content, user.username(), now, null, null);
        store.newVersion(id, number, ArticleStatus.DRAFT, now);
        return require(id);
    }

    /** @throws RequestRejected article-not-draft */
    @Transactional
    public Article submit(CurrentUser user, UUID id) {
        Stored article = writable(user, id);
        store.status(id, ArticleRules.submitted(article.status()), null, clock.instant());
        return require(id);
    }

    /**
     * Puts the version in review in force.
     *
     * @throws RequestRejected article-not-in-review, article-own-review (403: the author may not approve their own version)
     */
    @Transactional
    public Article publish(CurrentUser user, UUID id) {
        Stored article = writable(user, id);
        ArticleRules.published(article.status(), article.latest().author(), user.username());
        store.published(id, article.latest().number(), user.username(), clock.instant());
        events.publishEvent(new ArticlePublished(id, article.centerId()));
        return require(id);
    }

    /** @throws RequestRejected article-not-in-review, article-comment-missing, article-comment-too-long */
    @Transactional
    public Article sendBack(CurrentUser user, UUID id, @Nullable String comment) {
        Stored article = writable(user, id);
        String checked = ArticleRules.sendBackComment(article.status(), comment);
        store.status(id, ArticleStatus.DRAFT, checked, clock.instant());
        return require(id);
    }

    /** Takes the article out of use; it stays readable and findable for audit. @throws RequestRejected article-archived */
    @Transactional
    public Article archive(CurrentUser user, UUID id) {
        Stored article = writable(user, id);
        ArticleRules.archived(article.status());
        store.archived(id, user.username(), clock.instant());
        events.publishEvent(new ArticleArchived(id, article.centerId()));
        return require(id);
    }

    /** Back from the archive: published again when its newest version was in force. @throws RequestRejected article-not-archived */
    @Transactional
    public Article restore(CurrentUser user, UUID id) {
        Stored article = writable(user, id);
        Integer published =
                article.published() == null ? null : article.published().number();
        ArticleStatus status =
                ArticleRules.restored(article.status(), article.latest().number(), published);
        store.restored(id, status, clock.instant());
        if (published != null) {
            events.publishEvent(new ArticlePublished(id, article.centerId()));
        }
        return require(id);
    }

    /** @throws RequestRejected unknown-article (404) when it does not exist or belongs to another center */
    @Transactional(readOnly = true)
    public Article get(CurrentUser user, UUID id) {
        return article(readable(user, id));
    }

    @Transactional(readOnly = true)
    public List<ArticleVersion> versions(CurrentUser user, UUID id) {
        Stored article = readable(user, id);
        Map<Long, String> paths = categories.paths(List.of(article.centerId()));
        return store.versions(id).stream()
                .map(version -> withPath(version, paths))
                .toList();
    }

    /** @throws RequestRejected unknown-article-version */
    @Transactional(readOnly = true)
    public ArticleVersion version(CurrentUser user, UUID id, int number) {
        Stored article = readable(user, id);
        Map<Long, String> paths = categories.paths(List.of(article.centerId()));
        return store.version(id, number)
                .map(version -> withPath(version, paths))
                .orElseThrow(() -> RequestRejected.notFound("unknown-article-version", number));
    }

    @Transactional(readOnly = true)
    public ArticleDiff diff(CurrentUser user, UUID id, int from, int to) {
        return ArticleDiff.between(version(user, id, from), version(user, id, to));
    }

    /**
     * A center's articles with headquarters' shared ones, newest change first; archived ones only
     * when the filter asks for ARCHIVED.
     */
    @Transactional(readOnly = true)
    public ArticlePage list(CurrentUser user, ArticleFilter filter, int offset, int limit) {
        Center center = centers.working(user, filter.center());
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(center.id());
        ids.addAll(centers.headquarters());
        Map<Long, String> paths = categories.paths(ids);
        Set<Long> wanted = null;
        if (filter.category() != null) {
            wanted = new HashSet<>();
            String path = paths.get(filter.category());
            if (path != null) {
                for (var entry : paths.entrySet()) {
                    if (entry.getValue().equals(path) || entry.getValue().startsWith(path + "/")) {
                        wanted.add(entry.getKey());
                    }
                }
            }
            wanted.add(filter.category());
        }
        var page = store.search(
                new ArticleStore.Filter(ids, filter.status(), false, filter.audience(), wanted, filter.text()),
                Math.max(0, offset),
                Math.clamp(limit, 1, 500));
        Set<Long> headquarters = centers.headquarters();
        Map<Long, ZoneId> zones = new HashMap<>();
        List<Article> rows = new ArrayList<>();
        for (Stored stored : page.rows()) {
            rows.add(article(stored, paths, headquarters.contains(stored.centerId()), zones));
        }
        return new ArticlePage(rows, page.total());
    }

    /** What the index should hold of this article: its version in force, masked; empty when none is. */
    @Transactional(readOnly = true)
    public Optional<IndexedArticle> indexable(UUID id) {
        return store.find(id)
                .flatMap(stored ->
                        indexed(stored, categories.paths(List.of(stored.centerId())), centers.headquarters()));
    }

    /**
     * Everything the index should hold (archived articles too, marked), one at a time from a
     * database cursor so a rebuild of many thousands of articles holds only one in memory.
     * Call inside a transaction of the caller's or let this one run.
     */
    @Transactional(readOnly = true)
    public void forEachIndexable(Consumer<IndexedArticle> action) {
        Set<Long> headquarters = centers.headquarters();
        Map<Long, String> paths =
                categories.paths(centerDirectory.all().stream().map(Center::id).toList());
        store.forEachPublished(stored -> indexed(stored, paths, headquarters).ifPresent(action));
    }

    /** {@link #forEachIndexable} gathered in a list: for tests and small knowledge bases. */
    @Transactional(readOnly = true)
    public List<IndexedArticle> allIndexable() {
        List<IndexedArticle> all = new ArrayList<>();
        forEachIndexable(all::add);
        return all;
    }

    Content content(long centerId, ArticleText text) {
        if (text.category() != null) {
            categories.requireOfCenter(text.category(), centerId);
        }
        return ArticleRules.content(
                text.title(),
                text.body(),
                text.category(),
                text.tags(),
                ArticleRules.audience(text.audience()),
                text.effectiveFrom(),
                text.effectiveTo());
    }

    private Optional<IndexedArticle> indexed(Stored stored, Map<Long, String> paths, Set<Long> headquarters) {
        ArticleVersion published = stored.published();
        if (published == null || published.publishedAt() == null) {
            return Optional.empty();
        }
        List<String> tags =
                published.tags().stream().map(tag -> masking.mask(tag).masked()).toList();
        return Optional.of(new IndexedArticle(
                stored.id(),
                stored.externalId(),
                stored.centerId(),
                headquarters.contains(stored.centerId()),
                stored.kind(),
                masking.mask(published.title()).masked(),
                masking.mask(published.body()).masked(),
                published.categoryId() == null ? null : paths.get(published.categoryId()),
                tags,
                published.audience(),
                published.effectiveFrom(),
                published.effectiveTo(),
                stored.status() == ArticleStatus.ARCHIVED,
                published.publishedAt()));
    }

    private Stored readable(CurrentUser user, UUID id) {
        Stored stored = store.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-article", id));
        if (!centers.mayRead(user, stored.centerId())) {
            throw RequestRejected.notFound("unknown-article", id);
        }
        return stored;
    }

    private Stored writable(CurrentUser user, UUID id) {
        Stored stored = store.lock(id).orElseThrow(() -> RequestRejected.notFound("unknown-article", id));
        if (!centers.mayRead(user, stored.centerId())) {
            throw RequestRejected.notFound("unknown-article", id);
        }
        centers.requireWrite(user, stored.centerId(), "unknown-article", id);
        return stored;
    }

    private Article require(UUID id) {
        return article(store.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-article", id)));
    }

    Article article(Stored stored) {
        return article(
                stored,
                categories.paths(List.of(stored.centerId())),
                centers.isHeadquarters(stored.centerId()),
                new HashMap<>());
    }

    private Article article(Stored stored, Map<Long, String> paths, boolean shared, Map<Long, ZoneId> zones) {
        ArticleVersion published = stored.published() == null ? null : withPath(stored.published(), paths);
        ZoneId zone = zones.computeIfAbsent(
                stored.centerId(),
                center -> centerDirectory.find(center).map(Center::timeZone).orElse(ZoneId.of("Asia/Seoul")));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return new Article(
                stored.id(),
                stored.externalId(),
                stored.centerId(),
                shared,
                stored.kind(),
                stored.status(),
                stored.owner(),
                withPath(stored.latest(), paths),
                published,
                (published != null ? published : stored.latest()).expiredOn(today),
                stored.reviewComment(),
                stored.createdAt(),
                stored.updatedAt(),
                stored.archivedAt(),
                stored.archivedBy());
    }

    private static ArticleVersion withPath(ArticleVersion version, Map<Long, String> paths) {
        if (version.categoryId() == null) {
            return version;
        }
        return new ArticleVersion(
                version.number(),
                version.title(),
                version.body(),
                version.categoryId(),
                paths.get(version.categoryId()),
                version.tags(),
                version.audience(),
                version.effectiveFrom(),
                version.effectiveTo(),
                version.author(),
                version.createdAt(),
                version.reviewedBy(),
                version.publishedAt());
    }
}
