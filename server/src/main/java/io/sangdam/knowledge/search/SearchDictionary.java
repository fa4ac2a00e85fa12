package io.sangdam.knowledge.search;

import java.util.List;

/**
 * The words administrators teach the analyzer: user words Nori should keep whole (product names,
 * {@code 5G요금제}) and groups of synonyms searched as one ({@code 해지 = 해약}).
 *
 * @param userWords one entry a line in Nori's user dictionary format: a word, optionally followed by
 *     its segmentation ({@code 세종시 세종 시})
 * @param synonyms groups of two or more words or phrases that mean the same
 */
public record SearchDictionary(List<String> userWords, List<List<String>> synonyms) {

    public static final SearchDictionary EMPTY = new SearchDictionary(List.of(), List.of());

    public SearchDictionary {
        userWords = List.copyOf(userWords);
        synonyms = synonyms.stream().map(List::copyOf).toList();
    }
}
