package io.sangdam.knowledge.search;

import io.sangdam.knowledge.KnowledgeHits;
import io.sangdam.knowledge.KnowledgeQuery;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.jspecify.annotations.Nullable;

/**
 * The embedded index of published articles. It follows the database and never leads it: callers
 * {@link #put} an article when it is published, {@link #remove} it when it leaves, and
 * {@link #rebuild} everything from the database when {@link #isCurrent} says the index on disk is
 * missing or stale.
 *
 * <p>Durability: puts are searchable at once (near-real-time) but reach the disk only with the next
 * commit, which {@link #recordFingerprint}, {@link #rebuild} and {@link #close} make. The stored
 * fingerprint therefore never runs ahead of the stored documents: after a crash that lost puts, the
 * fingerprint on disk is older than the database's, and the next start rebuilds.
 */
public final class KnowledgeIndex implements Closeable {

    static {
        // A long question searched in four fields and two variants needs more clauses than the default.
        IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), 8192));
    }

    private static final String FINGERPRINT = "fingerprint";
    private static final String ANALYSIS = "analysis";
    /** Written when a rebuild failed half way: matches no database fingerprint, so the next start rebuilds. */
    private static final String INCOMPLETE = "incomplete";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final SearchWeights weights;
    private final Object writing = new Object();
    private final ArticleSearches searches;
    private volatile KoreanAnalysis analysis;
    private volatile Map<String, String> committed;
    private Closeable afterClose = () -> {};

    private KnowledgeIndex(Directory directory, KoreanAnalysis analysis, SearchWeights weights) throws IOException {
        this.directory = directory;
        this.analysis = analysis;
        this.weights = weights;
        this.committed = DirectoryReader.indexExists(directory)
                ? Map.copyOf(SegmentInfos.readLatestCommit(directory).getUserData())
                : Map.of();
        // Documents go through whichever analysis is current, so a new dictionary needs no new writer.
        Analyzer current = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return KnowledgeIndex.this.analysis.indexAnalyzer();
            }
        };
        IndexWriterConfig config = new IndexWriterConfig(current)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
        this.searches = new ArticleSearches();
    }

    /** Opens (or creates) the index in a directory; the caller closes both, the index first. */
    public static KnowledgeIndex open(Directory directory, KoreanAnalysis analysis, SearchWeights weights) {
        try {
            return new KnowledgeIndex(directory, analysis, weights);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    public static KnowledgeIndex open(Directory directory, KoreanAnalysis analysis) {
        return open(directory, analysis, SearchWeights.DEFAULT);
    }

    /**
     * Opens (or creates) the index in a folder that it owns: closing the index closes the folder, and
     * deletes it when {@code throwAway} (tests: one index per application context).
     */
    public static KnowledgeIndex openFolder(
            java.nio.file.Path folder, boolean throwAway, KoreanAnalysis analysis, SearchWeights weights) {
        try {
            java.nio.file.Files.createDirectories(folder);
            Directory directory = org.apache.lucene.store.FSDirectory.open(folder);
            KnowledgeIndex index = new KnowledgeIndex(directory, analysis, weights);
            index.afterClose = () -> {
                directory.close();
                if (throwAway) {
                    org.apache.lucene.util.IOUtils.rm(folder);
                }
            };
            return index;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    public KoreanAnalysis analysis() {
        return analysis;
    }

    /** Adds or replaces one article; searchable when this returns. */
    public void put(IndexedArticle article) {
        putAll(java.util.List.of(article));
    }

    /** Adds or replaces articles, then makes them searchable together. */
    public void putAll(Collection<IndexedArticle> articles) {
        synchronized (writing) {
            try {
                for (IndexedArticle article : articles) {
                    writer.updateDocument(
                            new Term(ArticleDocuments.ID, article.articleId().toString()),
                            ArticleDocuments.document(article, analysis.choice()));
                }
                searchers.maybeRefreshBlocking();
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
    }

    /** Takes an article out (archived with no audit search, deleted); nothing happens if it is not in. */
    public void remove(UUID articleId) {
        synchronized (writing) {
            try {
                writer.deleteDocuments(new Term(ArticleDocuments.ID, articleId.toString()));
                searchers.maybeRefreshBlocking();
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
    }

    public void rebuild(Collection<IndexedArticle> articles, String fingerprint) {
        rebuild(articles.stream(), fingerprint);
    }

    /**
     * Replaces the whole index with these articles and stores the fingerprint of the database state
     * they came from. Searches keep seeing the old index until the new one is committed.
     */
    public void rebuild(Stream<IndexedArticle> articles, String fingerprint) {
        synchronized (writing) {
            try {
                writer.deleteAll();
                articles.forEach(article -> {
                    try {
                        writer.addDocument(ArticleDocuments.document(article, analysis.choice()));
                    } catch (IOException failure) {
                        throw new UncheckedIOException(failure);
                    }
                });
                commit(fingerprint);
            } catch (IOException | RuntimeException failure) {
                try {
                    commit(INCOMPLETE);
                } catch (IOException | RuntimeException alsoFailed) {
                    failure.addSuppressed(alsoFailed);
                }
                throw failure instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) failure;
            } finally {
                refresh();
            }
        }
    }

    /**
     * Whether the index on disk was built from this database state with the current analysis; when
     * not (missing, stale, other user words, an interrupted rebuild) the caller rebuilds.
     */
    public boolean isCurrent(String fingerprint) {
        Map<String, String> data = committed;
        return fingerprint.equals(data.get(FINGERPRINT))
                && analysis.fingerprint().equals(data.get(ANALYSIS));
    }

    /** The database fingerprint stored with the last commit, if any. */
    public Optional<String> fingerprint() {
        return Optional.ofNullable(committed.get(FINGERPRINT)).filter(stored -> !stored.equals(INCOMPLETE));
    }

    /** Commits what was put so far as the state of the database with this fingerprint. */
    public void recordFingerprint(String fingerprint) {
        synchronized (writing) {
            try {
                commit(fingerprint);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
    }

    /**
     * Uses a new dictionary from now on. Synonyms apply to questions only; new user words change how
     * documents split, so then the articles are analyzed again (a rebuild) and this answers true.
     *
     * @throws IllegalArgumentException when the user words are not in Nori's format
     */
    public boolean apply(SearchDictionary dictionary, Supplier<Stream<IndexedArticle>> articles, String fingerprint) {
        KoreanAnalysis next = new KoreanAnalysis(analysis.choice(), dictionary);
        synchronized (writing) {
            // Compared with what the index on disk was analyzed with, not with this node's memory: a
            // node that starts with the dictionary the index was built with rebuilds nothing.
            boolean reanalyze = !next.fingerprint().equals(committed.get(ANALYSIS));
            analysis = next;
            if (reanalyze) {
                rebuild(articles.get(), fingerprint);
            }
            return reanalyze;
        }
    }

    /** How many articles the index holds (archived ones included). */
    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Articles for the question, with snippets, facets and a "did you mean". */
    public KnowledgeHits search(KnowledgeQuery query) {
        KoreanAnalysis current = analysis;
        return withSearcher(searcher -> {
            var queries = new ArticleQueries(current, weights);
            Query scoring = queries.scoring(query.text(), searcher);
            @Nullable String didYouMean = queries.didYouMean(query.text(), searcher);
            if (scoring == null) {
                return new KnowledgeHits(
                        KnowledgeHits.none().results(), 0, KnowledgeHits.none().facets(), didYouMean);
            }
            return searches.run(searcher, current, scoring, queries.filter(query), query.size(), didYouMean);
        });
    }

    /**
     * Articles like a text (a customer's last messages), for agent assist: the words that set the text
     * apart choose the articles. {@code query.text()} is that text; the filters apply as in a search.
     */
    public KnowledgeHits moreLikeThis(KnowledgeQuery query) {
        KoreanAnalysis current = analysis;
        return withSearcher(searcher -> {
            var queries = new ArticleQueries(current, weights);
            Query like = queries.like(query.text(), searcher);
            if (like == null) {
                return KnowledgeHits.none();
            }
            return searches.run(searcher, current, like, queries.filter(query), query.size(), null);
        });
    }

    @Override
    public void close() throws IOException {
        synchronized (writing) {
            searchers.close();
            if (writer.hasUncommittedChanges()) {
                writer.setLiveCommitData(committed.entrySet());
                writer.commit();
            }
            writer.close();
        }
        afterClose.close();
    }

    Directory directory() {
        return directory;
    }

    private void commit(String fingerprint) throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(FINGERPRINT, fingerprint);
        data.put(ANALYSIS, analysis.fingerprint());
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        committed = Map.copyOf(data);
    }

    private void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
