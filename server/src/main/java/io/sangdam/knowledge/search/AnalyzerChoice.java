package io.sangdam.knowledge.search;

import java.util.List;

/**
 * How article text becomes terms: which analyzed variants of each field the index keeps. The
 * evaluation (KnowledgeSearchEvaluation, docs/knowledge-search.md) compares them on the demo
 * knowledge base; the server uses the one set in {@code sangdam.knowledge.analyzer}.
 */
public enum AnalyzerChoice {
    /** Nori morphemes only: precise, but a misspelt or unknown word finds nothing. */
    NORI(List.of(Variant.NORI)),
    /** Lucene's CJK bigrams only: no dictionary, tolerant of spacing, noisy on long questions. */
    CJK_BIGRAM(List.of(Variant.BIGRAM)),
    /** Both fields, scored together: morphemes for precision, bigrams for spacing and typos. */
    NORI_WITH_BIGRAM(List.of(Variant.NORI, Variant.BIGRAM)),
    /** Nori morphemes plus character 2- and 3-grams of each morpheme. */
    NORI_WITH_NGRAM(List.of(Variant.NORI, Variant.NGRAM));

    /** One analyzed form of a field, indexed as {@code <field>.<suffix>}. */
    public enum Variant {
        NORI("nori"),
        BIGRAM("bigram"),
        NGRAM("ngram");

        private final String suffix;

        Variant(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }
    }

    private final List<Variant> variants;

    AnalyzerChoice(List<Variant> variants) {
        this.variants = variants;
    }

    public List<Variant> variants() {
        return variants;
    }

    /** The variant snippets, "did you mean" and more-like-this read: the first. */
    public Variant primary() {
        return variants.getFirst();
    }
}
