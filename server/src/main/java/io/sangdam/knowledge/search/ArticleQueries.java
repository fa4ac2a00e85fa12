package io.sangdam.knowledge.search;

import static io.sangdam.knowledge.search.ArticleDocuments.field;

import io.sangdam.knowledge.KnowledgeQuery;
import io.sangdam.knowledge.search.AnalyzerChoice.Variant;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Turns a question into Lucene queries by analysis, never by a query parser: whatever the user
 * types ({@code "}, {@code (}, {@code :}, {@code *}, {@code ~}, AND/OR) is text, and the analyzers
 * drop punctuation like any other.
 */
final class ArticleQueries {

    /**
     * Questions are cut to this many distinct words before analysis, which bounds the clauses of a
     * query (a pasted page must not cost more than a long question).
     */
    static final int MOST_WORDS = 64;

    private final KoreanAnalysis analysis;
    private final SearchWeights weights;

    ArticleQueries(KoreanAnalysis analysis, SearchWeights weights) {
        this.analysis = analysis;
        this.weights = weights;
    }

    /** The scoring part: every variant of every searched field, weighted; null when no word is left. */
    @Nullable
    Query scoring(String text, IndexSearcher searcher) throws IOException {
        String words = distinctWords(text);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (Variant variant : analysis.choice().variants()) {
            QueryBuilder builder = new QueryBuilder(analysis.queryAnalyzer(variant));
            for (String name : ArticleDocuments.SEARCHED) {
                Query query = builder.createBooleanQuery(field(name, variant), words, Occur.SHOULD);
                if (query != null) {
                    all.add(new BoostQuery(query, fieldWeight(name) * variantWeight(variant)), Occur.SHOULD);
                    clauses++;
                }
            }
        }
        if (clauses == 0) {
            return null;
        }
        List<Correction> corrections = corrections(text, searcher.getIndexReader());
        if (!corrections.isEmpty()) {
            // A typo's likely word counts, but less than what was typed: 로밈 searches 로밍.
            String corrected = String.join(
                    " ", corrections.stream().map(Correction::replacement).toList());
            for (Variant variant : analysis.choice().variants()) {
                QueryBuilder builder = new QueryBuilder(analysis.queryAnalyzer(variant));
                for (String name : ArticleDocuments.SEARCHED) {
                    Query query = builder.createBooleanQuery(field(name, variant), corrected, Occur.SHOULD);
                    if (query != null) {
                        all.add(
                                new BoostQuery(query, fieldWeight(name) * variantWeight(variant) * weights.fuzzy()),
                                Occur.SHOULD);
                    }
                }
            }
        }
        return all.build();
    }

    /** The filters of a search: visibility, archive, audience, kind, category and effective dates. */
    Query filter(KnowledgeQuery query) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        filter.add(
                new BooleanQuery.Builder()
                        .add(LongField.newExactQuery(ArticleDocuments.CENTER, query.centerId()), Occur.SHOULD)
                        .add(new TermQuery(new Term(ArticleDocuments.SHARED, "true")), Occur.SHOULD)
                        .setMinimumNumberShouldMatch(1)
                        .build(),
                Occur.FILTER);
        if (!query.includeArchived()) {
            filter.add(new TermQuery(new Term(ArticleDocuments.ARCHIVED, "false")), Occur.FILTER);
        }
        if (query.audience() != null) {
            filter.add(
                    new TermQuery(
                            new Term(ArticleDocuments.AUDIENCE, query.audience().name())),
                    Occur.FILTER);
        }
        if (query.kind() != null) {
            filter.add(
                    new TermQuery(new Term(ArticleDocuments.KIND, query.kind().name())), Occur.FILTER);
        }
        if (query.category() != null
                && !ArticleDocuments.normalizedPath(query.category()).isEmpty()) {
            filter.add(
                    new TermQuery(new Term(
                            ArticleDocuments.CATEGORY_PATH, ArticleDocuments.normalizedPath(query.category()))),
                    Occur.FILTER);
        }
        if (!query.includeIneffective()) {
            long today = query.on().toEpochDay();
            filter.add(LongField.newRangeQuery(ArticleDocuments.EFFECTIVE_FROM, Long.MIN_VALUE, today), Occur.FILTER);
            filter.add(LongField.newRangeQuery(ArticleDocuments.EFFECTIVE_TO, today, Long.MAX_VALUE), Occur.FILTER);
        }
        return filter.build();
    }

    /**
     * The question with each word the index does not know replaced by the closest one it does, or
     * null when every word is known or nothing close exists.
     */
    @Nullable
    String didYouMean(String text, IndexSearcher searcher) throws IOException {
        List<Correction> corrections = corrections(text, searcher.getIndexReader());
        if (corrections.isEmpty()) {
            return null;
        }
        StringBuilder corrected = new StringBuilder(text);
        // From the end, so that earlier offsets stay valid as replacements change lengths.
        for (Correction correction : corrections.reversed()) {
            corrected.replace(correction.start(), correction.end(), correction.replacement());
        }
        return corrected.toString();
    }

    /** A word of the question that is likely a typo, and the word the index knows instead. */
    record Correction(int start, int end, String replacement) {}

    /**
     * Korean typos mostly change one syllable (a wrong jamo): 로밈 for 로밍, 위약굼 for 위약금. Nori splits
     * such a word into fragments, so the check works on the typed word itself: the word, then the word
     * without one or two trailing syllables (particles: 로밍을), is looked up; the first form the index
     * knows, directly or through a synonym, means no typo; otherwise a known word of the same length
     * one syllable away is taken. Only the first words of a question are checked, which bounds the
     * cost of a long one.
     */
    private List<Correction> corrections(String text, IndexReader reader) throws IOException {
        if (!analysis.choice().variants().contains(Variant.NORI) || reader.numDocs() == 0) {
            return List.of();
        }
        DirectSpellChecker spelling = new DirectSpellChecker();
        spelling.setMinPrefix(0);
        spelling.setMinQueryLength(2);
        spelling.setMaxEdits(1);
        spelling.setAccuracy(0.5f);
        List<Correction> corrections = new ArrayList<>();
        java.util.regex.Matcher words = WORD.matcher(text);
        int checked = 0;
        while (words.find() && checked < CHECKED_WORDS) {
            String word = words.group();
            for (int cut = 0; cut <= 2 && word.length() - cut >= 2; cut++) {
                String form = word.substring(0, word.length() - cut);
                if (knownWithSynonyms(form, reader)) {
                    break;
                }
                checked++;
                @Nullable String replacement = sameLengthSuggestion(spelling, form, reader);
                if (replacement != null) {
                    corrections.add(new Correction(words.start(), words.start() + form.length(), replacement));
                    break;
                }
            }
        }
        return corrections;
    }

    /** Hangul syllables (a typo check of Latin words would mostly "correct" product names). */
    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[가-힣]{2,}");

    private static final int CHECKED_WORDS = 8;

    private boolean knownWithSynonyms(String form, IndexReader reader) throws IOException {
        if (known(form, reader)) {
            return true;
        }
        for (Token token : tokens(analysis.queryAnalyzer(Variant.NORI), form)) {
            // A synonym of the whole word (해약 for 해지) that the index knows.
            boolean whole = token.start() == 0 && token.end() == form.length();
            if (whole && !token.term().equals(form) && known(token.term(), reader)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String sameLengthSuggestion(DirectSpellChecker spelling, String form, IndexReader reader)
            throws IOException {
        for (String name : new String[] {ArticleDocuments.TITLE, ArticleDocuments.TEXT}) {
            for (SuggestWord suggestion :
                    spelling.suggestSimilar(new Term(field(name, Variant.NORI), form), 3, reader)) {
                if (suggestion.string.length() == form.length()) {
                    return suggestion.string;
                }
            }
        }
        return null;
    }

    /** The terms that set a text apart, in titles and texts, weighted by how rare they are. */
    @Nullable
    Query like(String text, IndexSearcher searcher) throws IOException {
        Variant primary = analysis.choice().primary();
        MoreLikeThis likeness = new MoreLikeThis(searcher.getIndexReader());
        likeness.setAnalyzer(analysis.splitAnalyzer(primary));
        likeness.setMinTermFreq(1);
        likeness.setMinDocFreq(1);
        likeness.setMinWordLen(primary == Variant.NORI ? 2 : 1);
        likeness.setMaxQueryTerms(25);
        likeness.setBoost(true);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (String name : new String[] {ArticleDocuments.TITLE, ArticleDocuments.TEXT}) {
            String field = field(name, primary);
            likeness.setFieldNames(new String[] {field});
            Query query = likeness.like(field, new StringReader(distinctWords(text)));
            if (query instanceof BooleanQuery bool && bool.clauses().isEmpty()) {
                continue;
            }
            all.add(new BoostQuery(query, fieldWeight(name)), Occur.SHOULD);
            clauses++;
        }
        return clauses == 0 ? null : all.build();
    }

    private static boolean known(String term, IndexReader reader) throws IOException {
        return reader.docFreq(new Term(field(ArticleDocuments.TEXT, Variant.NORI), term)) > 0
                || reader.docFreq(new Term(field(ArticleDocuments.TITLE, Variant.NORI), term)) > 0;
    }

    private record Token(String term, int start, int end) {}

    private static List<Token> tokens(Analyzer analyzer, String text) throws IOException {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        }
        return tokens;
    }

    /** At most {@link #MOST_WORDS} distinct whitespace-separated words, in their first order. */
    static String distinctWords(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : text.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
                if (words.size() == MOST_WORDS) {
                    break;
                }
            }
        }
        return String.join(" ", words);
    }

    private float fieldWeight(String name) {
        return switch (name) {
            case ArticleDocuments.TITLE -> weights.title();
            case ArticleDocuments.TAGS -> weights.tags();
            case ArticleDocuments.CATEGORY -> weights.category();
            default -> weights.text();
        };
    }

    private float variantWeight(Variant variant) {
        return switch (variant) {
            case NORI -> 1.0f;
            case BIGRAM -> weights.bigram();
            case NGRAM -> weights.ngram();
        };
    }
}
