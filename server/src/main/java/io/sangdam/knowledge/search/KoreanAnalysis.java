package io.sangdam.knowledge.search;

import io.sangdam.knowledge.search.AnalyzerChoice.Variant;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.KoreanTokenizer.DecompoundMode;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyzers of one {@link AnalyzerChoice} with one {@link SearchDictionary}: an index analyzer
 * per field variant and a query analyzer that adds the synonyms. Synonyms apply at query time only,
 * so a new synonym works without touching the documents; user words change how text splits, so a
 * new dictionary means re-analysis (a rebuild), which the {@link #fingerprint()} makes visible.
 */
public final class KoreanAnalysis {

    private static final Logger log = LoggerFactory.getLogger(KoreanAnalysis.class);

    /** Raised when documents are analyzed differently, so that an old index counts as stale. */
    private static final int SCHEMA_VERSION = 1;

    /**
     * Endings, particles, affixes and adverbs carry no topic ("해지하려면" keeps 해지); auxiliary
     * verbs, copulas and dependent nouns neither ("싶어요", "이에요", "것").
     */
    private static final Set<POS.Tag> STOP_TAGS = stopTags();

    private final AnalyzerChoice choice;
    private final SearchDictionary dictionary;
    private final @Nullable UserDictionary userDictionary;
    private final Map<Variant, Analyzer> indexAnalyzers = new EnumMap<>(Variant.class);
    private final Map<Variant, Analyzer> queryAnalyzers = new EnumMap<>(Variant.class);
    private final Map<Variant, Analyzer> splitAnalyzers = new EnumMap<>(Variant.class);
    private final Analyzer perField;
    private final String fingerprint;

    public KoreanAnalysis(AnalyzerChoice choice, SearchDictionary dictionary) {
        this.choice = choice;
        this.dictionary = dictionary;
        this.userDictionary = userDictionary(dictionary);
        for (Variant variant : Variant.values()) {
            Analyzer indexing = analyzer(variant, DecompoundMode.MIXED, null);
            // The query side splits compounds into their parts only: synonyms cannot follow a token graph.
            Analyzer plain = analyzer(variant, DecompoundMode.DISCARD, null);
            indexAnalyzers.put(variant, indexing);
            splitAnalyzers.put(variant, plain);
            queryAnalyzers.put(variant, analyzer(variant, DecompoundMode.DISCARD, synonyms(plain, dictionary)));
        }
        this.perField = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return java.util.Objects.requireNonNull(indexAnalyzers.get(variantOf(fieldName)));
            }
        };
        this.fingerprint = fingerprintOf(choice, dictionary);
    }

    public AnalyzerChoice choice() {
        return choice;
    }

    public SearchDictionary dictionary() {
        return dictionary;
    }

    /** The analyzer documents go through, chosen by the field name's suffix ({@code text.nori}). */
    public Analyzer indexAnalyzer() {
        return perField;
    }

    public Analyzer indexAnalyzer(Variant variant) {
        return java.util.Objects.requireNonNull(indexAnalyzers.get(variant));
    }

    /** The analyzer a question goes through: the same splitting plus the synonym groups. */
    public Analyzer queryAnalyzer(Variant variant) {
        return java.util.Objects.requireNonNull(queryAnalyzers.get(variant));
    }

    /** The question's words as the index knows them, without synonyms: for "did you mean". */
    public Analyzer splitAnalyzer(Variant variant) {
        return java.util.Objects.requireNonNull(splitAnalyzers.get(variant));
    }

    /** Changes whenever documents would be analyzed differently: choice, user words, schema. */
    public String fingerprint() {
        return fingerprint;
    }

    static Variant variantOf(String fieldName) {
        for (Variant variant : Variant.values()) {
            if (fieldName.endsWith("." + variant.suffix())) {
                return variant;
            }
        }
        // Fields stored for the highlighter are re-analyzed as Nori by default; KnowledgeIndex names
        // the variant explicitly when it highlights.
        return Variant.NORI;
    }

    private Analyzer analyzer(Variant variant, DecompoundMode mode, @Nullable SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer;
                TokenStream stream;
                switch (variant) {
                    case NORI, NGRAM -> {
                        tokenizer = new KoreanTokenizer(
                                org.apache.lucene.analysis.TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY,
                                userDictionary,
                                mode,
                                false,
                                true);
                        stream = new KoreanPartOfSpeechStopFilter(tokenizer, STOP_TAGS);
                        stream = new KoreanReadingFormFilter(stream);
                        stream = new LowerCaseFilter(stream);
                        if (variant == Variant.NGRAM) {
                            stream = new NGramTokenFilter(stream, 2, 3, true);
                        }
                    }
                    case BIGRAM -> {
                        tokenizer = new StandardTokenizer();
                        stream = new CJKWidthFilter(tokenizer);
                        stream = new LowerCaseFilter(stream);
                        stream = new CJKBigramFilter(stream);
                    }
                    default -> throw new IllegalStateException("unreachable");
                }
                if (synonyms != null && synonyms.fst != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    private static @Nullable UserDictionary userDictionary(SearchDictionary dictionary) {
        if (dictionary.userWords().isEmpty()) {
            return null;
        }
        try (Reader lines = new StringReader(String.join("\n", dictionary.userWords()))) {
            return UserDictionary.open(lines);
        } catch (IOException | RuntimeException failure) {
            throw new IllegalArgumentException("The user dictionary cannot be read: " + failure.getMessage(), failure);
        }
    }

    /**
     * Every word of a group leads to every other, each analyzed as the question will be. A word that
     * analyzes to nothing (only particles) cannot be matched and is skipped with a warning.
     */
    private static @Nullable SynonymMap synonyms(Analyzer analyzer, SearchDictionary dictionary) {
        if (dictionary.synonyms().isEmpty()) {
            return null;
        }
        SynonymMap.Builder builder = new SynonymMap.Builder(true);
        try {
            for (var group : dictionary.synonyms()) {
                var analyzed = new java.util.ArrayList<CharsRef>();
                for (String word : group) {
                    CharsRef words = analyzed(analyzer, word.strip());
                    if (words.length == 0) {
                        log.warn("Synonym '{}' is left out: it has no searchable word", word);
                    } else {
                        analyzed.add(words);
                    }
                }
                for (CharsRef from : analyzed) {
                    for (CharsRef to : analyzed) {
                        if (!from.equals(to)) {
                            builder.add(from, to, true);
                        }
                    }
                }
            }
            return builder.build();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * The words of a synonym as the analyzer splits them, joined as {@link SynonymMap} expects. Stacked
     * tokens (position increment 0) are left out: a synonym is one path of words.
     */
    private static CharsRef analyzed(Analyzer analyzer, String text) throws IOException {
        CharsRefBuilder words = new CharsRefBuilder();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (term.length() == 0 || (words.length() > 0 && increment.getPositionIncrement() == 0)) {
                    continue;
                }
                if (words.length() > 0) {
                    words.append(SynonymMap.WORD_SEPARATOR);
                }
                words.append(term);
            }
            stream.end();
        }
        return words.get();
    }

    private static String fingerprintOf(AnalyzerChoice choice, SearchDictionary dictionary) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // Synonyms are left out on purpose: they apply to questions, not to what is stored.
            String source = SCHEMA_VERSION + "\n" + choice + "\n" + String.join("\n", dictionary.userWords());
            return choice.name().toLowerCase(java.util.Locale.ROOT) + "-"
                    + HexFormat.of()
                            .formatHex(digest.digest(source.getBytes(StandardCharsets.UTF_8)))
                            .substring(0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Set<POS.Tag> stopTags() {
        Set<POS.Tag> tags = new HashSet<>(KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS);
        tags.addAll(Set.of(POS.Tag.VX, POS.Tag.VCP, POS.Tag.VCN, POS.Tag.NNB));
        return Set.copyOf(tags);
    }
}
