package io.sangdam.knowledge;

import io.sangdam.knowledge.search.IndexedArticle;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's search index on the database, which stays the truth (docs/adr/0023). Triggers
 * write a row to {@code knowledge.index_change} for every change of an article or category; the
 * index stores, with each commit, the last row it applied ({@code changes=<seq>}). Every
 * {@link #EVERY} this node applies the rows after it, so a publish is searchable on every node
 * within a second, and a node that was down, crashed mid-import or lost its index folder catches up
 * or rebuilds on start. No event is needed, so none can be lost.
 *
 * <p>The dictionary works the same way: its revision is compared on every round; new synonyms take
 * effect for the next question, new user words re-analyze every article (a rebuild).
 *
 * <p>Hazard: a rebuild holds every indexable article in memory at once (about 2 KB each); it runs
 * on this class's own thread, never on the shared scheduler, because it can take minutes.
 */
@Component
class KnowledgeIndexFollower implements DisposableBean {

    static final Duration EVERY = Duration.ofMillis(500);
    private static final String PREFIX = "changes=";
    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndexFollower.class);

    private final KnowledgeSearch search;
    private final Articles articles;
    private final SearchDictionaries dictionaries;
    private final JdbcClient jdbc;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread named = new Thread(runnable, "knowledge-index");
        named.setDaemon(true);
        return named;
    });

    /** The last change row applied; -1 until the first round has looked at the index. */
    private volatile long applied = -1;

    private volatile long dictionaryRevision = -1;

    private final boolean following;

    /**
     * @param following off only where articles are put into the index by hand: the test suite's
     *     shared context, whose classes index articles of their own straight away (see the test
     *     resources' application.properties); a node that does not follow serves a stale index
     */
    KnowledgeIndexFollower(
            KnowledgeSearch search,
            Articles articles,
            SearchDictionaries dictionaries,
            JdbcClient jdbc,
            @Value("${sangdam.knowledge.follow-database:true}") boolean following) {
        this.following = following;
        this.search = search;
        this.articles = articles;
        this.dictionaries = dictionaries;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void follow() {
        if (!following) {
            log.warn("This node's knowledge index does not follow the database"
                    + " (sangdam.knowledge.follow-database=false)");
            return;
        }
        thread.scheduleWithFixedDelay(this::round, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            catchUp();
        } catch (RuntimeException failed) {
            // the database or the folder is out of reach for now: the next round tries again
            log.warn("The knowledge index could not follow the database", failed);
        }
    }

    /** Brings the index up to the database's newest change; what a round does. Public for tests. */
    synchronized void catchUp() {
        long revision = dictionaries.revision();
        // Read before the articles: changes made while they are read come again in the next round.
        long newest = newestChange();
        if (revision != dictionaryRevision) {
            if (search.apply(dictionaries.current(), () -> articles.allIndexable().stream(), fingerprint(newest))) {
                log.info("Knowledge index analyzed again for dictionary revision {}", revision);
                applied = newest;
            }
            dictionaryRevision = revision;
        }
        if (applied < 0) {
            Optional<Long> stored = storedChange();
            if (stored.isPresent() && stored.get() <= newest && search.isCurrent(fingerprint(stored.get()))) {
                applied = stored.get();
            } else {
                List<IndexedArticle> all = articles.allIndexable();
                search.rebuild(all.stream(), fingerprint(newest));
                log.info("Knowledge index rebuilt from the database: {} articles", all.size());
                applied = newest;
                return;
            }
        }
        if (newest > applied) {
            List<UUID> changed = jdbc.sql(
                            "select distinct article_id from knowledge.index_change where seq > ? and seq <= ?")
                    .params(applied, newest)
                    .query(UUID.class)
                    .list();
            for (UUID id : changed) {
                articles.indexable(id).ifPresentOrElse(search::put, () -> search.remove(id));
            }
            search.recordFingerprint(fingerprint(newest));
            applied = newest;
        }
    }

    /** The last change this node's index holds. */
    long applied() {
        return applied;
    }

    /** Forgets what this node applied, as a node that starts does: the next round looks at the index. */
    synchronized void forget() {
        applied = -1;
        dictionaryRevision = -1;
    }

    private long newestChange() {
        return jdbc.sql("select coalesce(max(seq), 0) from knowledge.index_change")
                .query(Long.class)
                .single();
    }

    private Optional<Long> storedChange() {
        return search.fingerprint().filter(stored -> stored.startsWith(PREFIX)).flatMap(stored -> {
            try {
                return Optional.of(Long.parseLong(stored.substring(PREFIX.length())));
            } catch (NumberFormatException notOurs) {
                return Optional.empty();
            }
        });
    }

    private static String fingerprint(long change) {
        return PREFIX + change;
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
