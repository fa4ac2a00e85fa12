package io.sangdam.knowledge;

import io.sangdam.knowledge.SearchDictionaries.DictionaryAnalysis;
import io.sangdam.knowledge.SearchDictionaries.PreviewTerm;
import io.sangdam.knowledge.SearchDictionaries.PreviewToken;
import io.sangdam.platform.RequestRejected;
import java.io.IOException;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeFactory;

/**
 * Shows an administrator what Nori makes of a sentence with a dictionary: the morphemes with their
 * parts of speech (and whether the index keeps them), then the terms searched once synonyms are
 * added. Computed with Lucene's tokenizer and filters directly, nothing stored.
 */
final class DictionaryPreview {

    static final int MAXIMUM_TEXT_LENGTH = 500;

    private DictionaryPreview() {}

    /** @throws RequestRejected {@code dictionary-preview-empty} or {@code dictionary-preview-too-long} */
    static String text(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
        if (normalized.isEmpty()) {
            throw RequestRejected.badRequest("dictionary-preview-empty");
        }
        if (normalized.length() > MAXIMUM_TEXT_LENGTH) {
            throw RequestRejected.badRequest("dictionary-preview-too-long", MAXIMUM_TEXT_LENGTH);
        }
        return normalized;
    }

    /** @param userWords the user words and their parts, to mark the tokens the dictionary made */
    static DictionaryAnalysis analyze(String text, DictionaryRules.Loaded dictionary, Set<String> userWords) {
        try {
            return new DictionaryAnalysis(tokens(text, dictionary, userWords), searchTerms(text, dictionary));
        } catch (IOException impossible) {
            // Every reader here is a StringReader.
            throw new IllegalStateException(impossible);
        }
    }

    private static List<PreviewToken> tokens(String text, DictionaryRules.Loaded dictionary, Set<String> userWords)
            throws IOException {
        List<PreviewToken> tokens = new ArrayList<>();
        try (var tokenizer = new KoreanTokenizer(
                AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY,
                dictionary.userDictionary(),
                KoreanTokenizer.DecompoundMode.DISCARD,
                false)) {
            tokenizer.setReader(new StringReader(text));
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            PartOfSpeechAttribute speech = tokenizer.addAttribute(PartOfSpeechAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                POS.Tag tag = speech.getLeftPOS();
                String tagName = tag == null ? POS.Tag.UNKNOWN.name() : tag.name();
                boolean indexed = tag == null || !KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS.contains(tag);
                String value = term.toString();
                tokens.add(new PreviewToken(value, tagName, indexed, userWords.contains(value)));
            }
            tokenizer.end();
        }
        return tokens;
    }

    private static List<PreviewTerm> searchTerms(String text, DictionaryRules.Loaded dictionary) throws IOException {
        List<PreviewTerm> terms = new ArrayList<>();
        try (Analyzer analyzer = DictionaryRules.analyzer(dictionary.userDictionary());
                TokenStream analyzed = analyzer.tokenStream("preview", text);
                TokenStream stream = dictionary.synonyms() == null
                        ? analyzed
                        : new SynonymGraphFilter(analyzed, dictionary.synonyms(), true)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(new PreviewTerm(term.toString(), SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())));
            }
            stream.end();
        }
        return terms;
    }
}
