package io.sangdam.knowledge;

import io.sangdam.knowledge.search.SearchDictionary;
import io.sangdam.platform.RequestRejected;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.jspecify.annotations.Nullable;

/**
 * How the search dictionary's entries are read: first as text (letters the user dictionary format
 * can hold, lengths, segmentations that add up), then by Lucene itself, which loads the whole
 * dictionary the way the analyzer will. Whatever passes here the analyzer can build from; whatever
 * Lucene refuses is refused before it is stored, with Lucene's reason.
 *
 * <p>The analyzer used to read synonyms is {@link #analyzer}: Nori with the user words, compounds
 * replaced by their parts, Lucene's default part-of-speech stop tags. The index must build its
 * synonym filter on the same chain, or a term checked here may read differently there.
 */
final class DictionaryRules {

    static final int MAXIMUM_WORD_LENGTH = 30;
    static final int MAXIMUM_TERM_LENGTH = 30;
    static final int MAXIMUM_GROUP_SIZE = 20;

    /** A user word as Nori's user dictionary holds it: the word, then its parts if it is split. */
    record Word(String word, @Nullable String segmentation) {

        String line() {
            return segmentation == null ? word : word + " " + segmentation;
        }
    }

    /** The dictionary as Lucene loaded it: what the analyzer and the preview are built from. */
    record Loaded(
            @Nullable UserDictionary userDictionary,
            @Nullable SynonymMap synonyms) {}

    private DictionaryRules() {}

    /**
     * @throws RequestRejected {@code dictionary-word-empty}, {@code dictionary-word-too-long},
     *     {@code dictionary-control-character}, {@code dictionary-malformed-text}, {@code
     *     dictionary-word-characters}, {@code dictionary-segmentation-mismatch} or {@code
     *     dictionary-rejected-by-analyzer}
     */
    static Word word(@Nullable String word, @Nullable String segmentation) {
        String checkedWord = text(word, MAXIMUM_WORD_LENGTH, "dictionary-word-empty", "dictionary-word-too-long");
        if (!checkedWord.chars().allMatch(DictionaryRules::wordCharacter)) {
            throw RequestRejected.badRequest("dictionary-word-characters", checkedWord);
        }
        String checkedSegmentation = null;
        if (segmentation != null && !segmentation.isBlank()) {
            requireClean(segmentation);
            String[] parts = Normalizer.normalize(segmentation, Normalizer.Form.NFC)
                    .strip()
                    .split("\\s+");
            checkedSegmentation = String.join(" ", parts);
            boolean lettersOnly = checkedSegmentation.chars().allMatch(c -> c == ' ' || wordCharacter(c));
            if (!lettersOnly || parts.length < 2 || !String.join("", parts).equals(checkedWord)) {
                throw RequestRejected.badRequest("dictionary-segmentation-mismatch", checkedSegmentation, checkedWord);
            }
        }
        Word checked = new Word(checkedWord, checkedSegmentation);
        // Nori's own reading of the line, alone: its refusal names this word, not the whole dictionary.
        userDictionary(List.of(checked.line()));
        return checked;
    }

    /**
     * A group's terms, stripped and with single spaces, in the order given, repeats (ignoring case)
     * dropped.
     *
     * @throws RequestRejected {@code synonym-group-too-small} (fewer than two distinct terms),
     *     {@code synonym-group-too-large}, {@code synonym-term-empty}, {@code
     *     synonym-term-too-long}, {@code dictionary-control-character}, {@code
     *     dictionary-malformed-text} or {@code synonym-term-characters}
     */
    static List<String> terms(@Nullable List<@Nullable String> terms) {
        if (terms == null || terms.size() < 2) {
            throw RequestRejected.badRequest("synonym-group-too-small");
        }
        if (terms.size() > MAXIMUM_GROUP_SIZE) {
            throw RequestRejected.badRequest("synonym-group-too-large", MAXIMUM_GROUP_SIZE);
        }
        Map<String, String> distinct = new LinkedHashMap<>();
        for (String term : terms) {
            String checked = String.join(
                    " ",
                    text(term, MAXIMUM_TERM_LENGTH, "synonym-term-empty", "synonym-term-too-long")
                            .split("\\s+"));
            if (!checked.chars().allMatch(c -> c == ' ' || wordCharacter(c))) {
                throw RequestRejected.badRequest("synonym-term-characters", checked);
            }
            distinct.putIfAbsent(checked.toLowerCase(Locale.ROOT), checked);
        }
        if (distinct.size() < 2) {
            throw RequestRejected.badRequest("synonym-group-too-small");
        }
        return List.copyOf(distinct.values());
    }

    /**
     * Loads a whole dictionary with Lucene: the user dictionary, then every synonym group read by
     * {@link #analyzer} with those words, into one synonym map.
     *
     * @throws RequestRejected {@code dictionary-rejected-by-analyzer} (the user dictionary), {@code
     *     synonym-term-unusable} (a term the analyzer reads as nothing, or with a gap where a particle
     *     was dropped), {@code synonym-terms-same} (two terms of a group the analyzer reads alike) or
     *     {@code synonym-term-conflict} (a term read alike in another group)
     */
    static Loaded load(SearchDictionary dictionary) {
        UserDictionary user = userDictionary(dictionary.userWords());
        if (dictionary.synonyms().isEmpty()) {
            return new Loaded(user, null);
        }
        try (Analyzer analyzer = analyzer(user)) {
            var parser = new TermReader(analyzer);
            Map<String, String> groupOfReading = new HashMap<>();
            for (List<String> group : dictionary.synonyms()) {
                String groupText = String.join(", ", group);
                Map<String, String> termOfReading = new LinkedHashMap<>();
                List<CharsRef> readings = new ArrayList<>();
                for (String term : group) {
                    CharsRef reading = parser.read(term);
                    String key = reading.toString();
                    String same = termOfReading.putIfAbsent(key, term);
                    if (same != null) {
                        throw RequestRejected.badRequest("synonym-terms-same", same, term);
                    }
                    String other = groupOfReading.putIfAbsent(key, groupText);
                    if (other != null) {
                        throw RequestRejected.conflict("synonym-term-conflict", term, other);
                    }
                    readings.add(reading);
                }
                for (CharsRef from : readings) {
                    for (CharsRef to : readings) {
                        if (from != to) {
                            parser.add(from, to, true);
                        }
                    }
                }
            }
            return new Loaded(user, parser.build());
        } catch (IOException impossible) {
            // Every reader here is a StringReader.
            throw new IllegalStateException(impossible);
        }
    }

    /** The analysis synonyms are read with, and the index should search with. */
    static Analyzer analyzer(@Nullable UserDictionary user) {
        return new KoreanAnalyzer(
                user, KoreanTokenizer.DecompoundMode.DISCARD, KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS, false);
    }

    static @Nullable UserDictionary userDictionary(List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        try {
            return UserDictionary.open(new StringReader(String.join("\n", lines)));
        } catch (IOException | RuntimeException refused) {
            throw RequestRejected.badRequest("dictionary-rejected-by-analyzer", String.valueOf(refused.getMessage()));
        }
    }

    /** NFC (a Mac may send decomposed Hangul), stripped, checked for length and invisible characters. */
    private static String text(@Nullable String text, int maximumLength, String emptyCode, String tooLongCode) {
        if (text == null) {
            throw RequestRejected.badRequest(emptyCode);
        }
        requireClean(text);
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
        if (normalized.isEmpty()) {
            throw RequestRejected.badRequest(emptyCode);
        }
        if (normalized.codePointCount(0, normalized.length()) > maximumLength) {
            throw RequestRejected.badRequest(tooLongCode, maximumLength);
        }
        return normalized;
    }

    /**
     * Control and format characters (a tab, a line break, a zero-width space) would end a user
     * dictionary line early or make two entries look alike; a lone surrogate is not text at all.
     */
    private static void requireClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw RequestRejected.badRequest("dictionary-malformed-text");
            } else if (c != ' '
                    && (Character.isISOControl(c)
                            || Character.getType(c) == Character.FORMAT
                            || Character.isWhitespace(c))) {
                throw RequestRejected.badRequest("dictionary-control-character", "U+%04X".formatted((int) c));
            }
        }
    }

    /**
     * Hangul syllables, Latin letters and digits: what Nori's user dictionary reads as a word. A
     * {@code #} would start a comment there, other punctuation is dropped by the tokenizer.
     */
    private static boolean wordCharacter(int c) {
        return (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9');
    }

    /** Lucene's own reading of a synonym term, which refuses what the synonym filter could not match. */
    private static final class TermReader extends SynonymMap.Parser {

        TermReader(Analyzer analyzer) {
            super(true, analyzer);
        }

        CharsRef read(String term) throws IOException {
            try {
                return analyze(term, new CharsRefBuilder());
            } catch (IllegalArgumentException refused) {
                throw RequestRejected.badRequest("synonym-term-unusable", term, String.valueOf(refused.getMessage()));
            }
        }

        @Override
        public void parse(Reader in) {
            throw new UnsupportedOperationException("terms are read one by one, not parsed from a file");
        }
    }
}
