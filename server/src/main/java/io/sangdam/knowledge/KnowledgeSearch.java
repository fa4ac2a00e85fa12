package io.sangdam.knowledge;

import io.sangdam.identity.CurrentUser;
import io.sangdam.knowledge.search.IndexedArticle;
import io.sangdam.knowledge.search.KnowledgeIndex;
import io.sangdam.knowledge.search.SearchDictionary;
import io.sangdam.platform.RequestRejected;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Searching the knowledge base, and keeping its index in step with the database. Searches see the
 * caller's center and the shared headquarters articles; archived articles and those outside their
 * effective dates only when asked. Bad questions are refused with a stable problem code.
 *
 * <p>Keeping in step: {@link #put} on publish, {@link #remove} on archive or delete (or {@link #put}
 * with {@code archived} set, to keep it findable for audit), and at start {@link #isCurrent} with the
 * database's fingerprint, then {@link #rebuild} when it is not.
 */
@Service
public class KnowledgeSearch {

    /** Long questions are welcome (a customer's whole message); a pasted page is not a question. */
    public static final int LONGEST_QUESTION = 1_000;

    public static final int MOST_RESULTS = 50;

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final KnowledgeIndex index;
    private final Clock clock;

    KnowledgeSearch(KnowledgeIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    /**
     * A staff member's search of what their center sees.
     *
     * @throws RequestRejected {@code knowledge-query-empty}, {@code knowledge-query-too-long} or
     *     {@code knowledge-size-out-of-range}
     */
    public KnowledgeHits search(
            CurrentUser caller,
            @Nullable String question,
            int size,
            @Nullable String category,
            @Nullable Audience audience,
            boolean includeArchived) {
        return search(KnowledgeQuery.of(checked(question), checked(size), caller.centerId(), today())
                .withCategory(category)
                .withAudience(audience)
                .includingArchived(includeArchived));
    }

    /** A search built by the caller (the bot: public articles of one center); checked the same way. */
    public KnowledgeHits search(KnowledgeQuery query) {
        checked(query.text());
        checked(query.size());
        return index.search(query);
    }

    /**
     * Articles for agent assist, chosen by what sets the customer's last messages apart. Longer
     * conversations are cut to their last {@value #LONGEST_QUESTION} characters.
     */
    public KnowledgeHits suggest(CurrentUser caller, List<String> lastMessages, int size) {
        String text = String.join("\n", lastMessages);
        if (text.length() > LONGEST_QUESTION) {
            text = text.substring(text.length() - LONGEST_QUESTION);
        }
        if (text.isBlank()) {
            return KnowledgeHits.none();
        }
        return index.moreLikeThis(KnowledgeQuery.of(text, checked(size), caller.centerId(), today()));
    }

    /** Adds or replaces a published article; searchable when this returns. */
    public void put(IndexedArticle article) {
        index.put(article);
    }

    public void putAll(Collection<IndexedArticle> articles) {
        index.putAll(articles);
    }

    public void remove(UUID articleId) {
        index.remove(articleId);
    }

    /** Whether the index on disk holds the database state with this fingerprint, analyzed as now. */
    public boolean isCurrent(String fingerprint) {
        return index.isCurrent(fingerprint);
    }

    /** The database fingerprint the index was last committed with, if it was committed whole. */
    public java.util.Optional<String> fingerprint() {
        return index.fingerprint();
    }

    /** Replaces the index with these articles, the database state with this fingerprint. */
    public void rebuild(Stream<IndexedArticle> articles, String fingerprint) {
        index.rebuild(articles, fingerprint);
    }

    /** Commits what was put as the database state with this fingerprint (after a publish, say). */
    public void recordFingerprint(String fingerprint) {
        index.recordFingerprint(fingerprint);
    }

    /**
     * Uses the administrators' dictionary; answers whether the articles were analyzed again (new user
     * words) rather than only the questions (new synonyms).
     */
    public boolean apply(SearchDictionary dictionary, Supplier<Stream<IndexedArticle>> articles, String fingerprint) {
        return index.apply(dictionary, articles, fingerprint);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SEOUL));
    }

    private static String checked(@Nullable String question) {
        if (question == null || question.isBlank()) {
            throw RequestRejected.badRequest("knowledge-query-empty");
        }
        if (question.length() > LONGEST_QUESTION) {
            throw RequestRejected.badRequest("knowledge-query-too-long", LONGEST_QUESTION, question.length());
        }
        return question;
    }

    private static int checked(int size) {
        if (size < 1 || size > MOST_RESULTS) {
            throw RequestRejected.badRequest("knowledge-size-out-of-range", 1, MOST_RESULTS, size);
        }
        return size;
    }
}
