package io.sangdam.knowledge.search;

import io.sangdam.knowledge.ArticleKind;
import io.sangdam.knowledge.Audience;
import io.sangdam.knowledge.KnowledgeHits;
import io.sangdam.knowledge.KnowledgeHits.FacetCount;
import io.sangdam.knowledge.KnowledgeHits.Hit;
import io.sangdam.knowledge.search.AnalyzerChoice.Variant;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.jspecify.annotations.Nullable;

/** Runs a query and turns what it found into hits with snippets and facet counts. */
final class ArticleSearches {

    static final int FACET_VALUES = 10;

    /**
     * Facet ordinals of one reader, built once per refresh rather than once per search: building them
     * reads every facet value. Weak keys let a closed reader's state go with it.
     */
    private final Map<IndexReader.CacheKey, SortedSetDocValuesReaderState> facetStates =
            Collections.synchronizedMap(new WeakHashMap<>());

    KnowledgeHits run(
            IndexSearcher searcher,
            KoreanAnalysis analysis,
            Query scoring,
            Query filter,
            int size,
            @Nullable String didYouMean)
            throws IOException {
        Query query = new BooleanQuery.Builder()
                .add(scoring, Occur.MUST)
                .add(filter, Occur.FILTER)
                .build();
        FacetsCollectorManager.FacetsResult found =
                FacetsCollectorManager.search(searcher, query, Math.max(1, size), new FacetsCollectorManager());
        TopDocs top = found.topDocs();
        ScoreDoc[] shown = Arrays.copyOf(top.scoreDocs, Math.min(size, top.scoreDocs.length));
        String[] snippets = snippets(searcher, analysis, scoring, new TopDocs(top.totalHits, shown));
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < shown.length; i++) {
            Document stored = searcher.storedFields().document(shown[i].doc);
            hits.add(new Hit(
                    stored.get(ArticleDocuments.ANSWER_ID),
                    UUID.fromString(stored.get(ArticleDocuments.ID)),
                    stored.get(ArticleDocuments.TITLE),
                    snippets[i] == null ? "" : snippets[i],
                    shown[i].score,
                    stored.get(ArticleDocuments.CATEGORY),
                    Arrays.stream(stored.getFields(ArticleDocuments.TAG))
                            .map(IndexableField::stringValue)
                            .toList(),
                    Audience.valueOf(stored.get(ArticleDocuments.AUDIENCE)),
                    ArticleKind.valueOf(stored.get(ArticleDocuments.KIND)),
                    Boolean.parseBoolean(stored.get(ArticleDocuments.ARCHIVED))));
        }
        return new KnowledgeHits(hits, top.totalHits.value(), facets(searcher.getIndexReader(), found), didYouMean);
    }

    /**
     * The best passages of each text with the matched words marked. The formatter escapes the article's
     * text, so that the only markup in a snippet is our {@code <mark>}: articles may quote HTML.
     */
    private static String[] snippets(IndexSearcher searcher, KoreanAnalysis analysis, Query scoring, TopDocs top)
            throws IOException {
        if (top.scoreDocs.length == 0) {
            return new String[0];
        }
        Variant primary = analysis.choice().primary();
        UnifiedHighlighter highlighter = new UnifiedHighlighter.Builder(searcher, analysis.indexAnalyzer(primary))
                // The stored text is re-analyzed as the primary variant; query terms of that variant's
                // fields (title, tags, text) are the words to mark.
                .withFieldMatcher(field -> field.endsWith("." + primary.suffix()))
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxNoHighlightPassages(1)
                .withHandleMultiTermQuery(true)
                .withMaxLength(20_000)
                .build();
        return highlighter.highlight(ArticleDocuments.TEXT, scoring, top, 2);
    }

    private KnowledgeHits.Facets facets(IndexReader reader, FacetsCollectorManager.FacetsResult found)
            throws IOException {
        if (reader.numDocs() == 0 || reader.getReaderCacheHelper() == null) {
            return KnowledgeHits.none().facets();
        }
        SortedSetDocValuesReaderState state;
        try {
            state = facetStates.computeIfAbsent(reader.getReaderCacheHelper().getKey(), key -> {
                try {
                    return new DefaultSortedSetDocValuesReaderState(reader, ArticleDocuments.FACETS);
                } catch (IOException failure) {
                    throw new java.io.UncheckedIOException(failure);
                }
            });
        } catch (IllegalArgumentException noFacetsYet) {
            return KnowledgeHits.none().facets();
        }
        Facets counts = new SortedSetDocValuesFacetCounts(state, found.facetsCollector());
        return new KnowledgeHits.Facets(
                top(counts, ArticleDocuments.CATEGORY, state), top(counts, ArticleDocuments.TAG, state));
    }

    private static List<FacetCount> top(Facets counts, String dimension, SortedSetDocValuesReaderState state)
            throws IOException {
        if (state.getOrdRange(dimension) == null) {
            return List.of();
        }
        FacetResult result = counts.getTopChildren(FACET_VALUES, dimension);
        if (result == null) {
            return List.of();
        }
        return Arrays.stream(result.labelValues)
                .map(label -> new FacetCount(label.label, label.value.longValue()))
                .toList();
    }
}
