package io.sangdam.knowledge.search;

/**
 * How much a match counts by where it is: a word of the title says more about what an article
 * answers than the same word deep in its text. Tune on questions-2 only, never on the held-out
 * questions-1 (docs/knowledge-search.md).
 *
 * @param bigram the weight of a bigram match relative to a morpheme match of the same field
 * @param ngram the weight of a character n-gram match relative to a morpheme match
 * @param fuzzy the weight of a one-letter-off match of a word the index does not know (a typo)
 */
public record SearchWeights(
        float title, float tags, float category, float text, float bigram, float ngram, float fuzzy) {

    public static final SearchWeights DEFAULT = new SearchWeights(3.0f, 2.0f, 1.5f, 1.0f, 0.6f, 0.3f, 0.3f);
}
