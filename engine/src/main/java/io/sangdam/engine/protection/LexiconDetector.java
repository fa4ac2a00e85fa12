package io.sangdam.engine.protection;

import io.sangdam.engine.protection.Normaliser.Reading;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rule-based detector: normalise, find every lexicon phrase in one Aho-Corasick pass, drop
 * terms that lie inside an allowed phrase, map what is left back to the original text.
 *
 * <p>Text containing Latin letters is read twice, once as typed ("ssibal", "fuck") and once as the
 * Hangul on the same keys of a 2-set keyboard ("tlqkf" → 시발); findings from both are merged.
 *
 * <p>Immutable and thread-safe; build one per lexicon version and share it. Building costs a few
 * tens of milliseconds (every pattern is expanded and normalised), detecting a chat message a few
 * microseconds.
 */
public final class LexiconDetector implements AbuseDetector {

    /**
     * A literal in the automaton: a term's expansion, or an allowed phrase when {@code term} is null.
     * {@code spansWords}: written with a space in the lexicon, so it may match across word
     * boundaries.
     */
    private record Phrase(@Nullable LexiconTerm term, int length, boolean spansWords) {}

    private record PhraseIdentity(
            String key, boolean spansWords, @Nullable LexiconTerm term) {}

    private static final Comparator<Finding> BY_CATEGORY_START_LONGEST_FIRST = Comparator.comparing(Finding::category)
            .thenComparingInt(Finding::start)
            .thenComparing(Comparator.comparingInt(Finding::end).reversed())
            .thenComparing(Finding::severity, Comparator.reverseOrder());

    private static final Comparator<Finding> BY_POSITION = Comparator.comparingInt(Finding::start)
            .thenComparingInt(Finding::end)
            .thenComparing(Finding::category);

    /** Final consonants that Korean verb and adjective endings attach to an open syllable. */
    private static final String INFLECTION_FINALS = "ㄴㄹㅁㅂㅆ";

    private final Lexicon lexicon;
    private final Phrase[] phrases;
    private final PhraseAutomaton automaton;

    public LexiconDetector(Lexicon lexicon) {
        this.lexicon = lexicon;
        List<String> keys = new ArrayList<>();
        List<Phrase> compiled = new ArrayList<>();
        Set<PhraseIdentity> seen = new HashSet<>();
        for (LexiconTerm term : lexicon.terms()) {
            add(term.pattern(), term, keys, compiled, seen);
        }
        for (String allowed : lexicon.allowedPhrases()) {
            add(allowed, null, keys, compiled, seen);
        }
        this.phrases = compiled.toArray(Phrase[]::new);
        this.automaton = new PhraseAutomaton(keys);
    }

    /** A detector over {@link Lexicon#defaults()}. */
    public static LexiconDetector withDefaultLexicon() {
        return new LexiconDetector(Lexicon.defaults());
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    private static void add(
            String pattern,
            @Nullable LexiconTerm term,
            List<String> keys,
            List<Phrase> compiled,
            Set<PhraseIdentity> seen) {
        for (String literal : PatternExpansion.expand(pattern, 0)) {
            String key = Normaliser.normalise(literal).text();
            boolean spansWords = literal.strip().indexOf(' ') >= 0;
            // The same literal may come from two overlapping patterns; one path is enough.
            PhraseIdentity identity = new PhraseIdentity(key, spansWords, term);
            if (seen.add(identity)) {
                for (String form : inflected(key)) {
                    keys.add(form);
                    compiled.add(new Phrase(term, form.length(), spansWords));
                }
            }
        }
    }

    /**
     * The key, and if it ends on an open syllable, that syllable closed by the consonants Korean
     * endings add: 패버리 must also match 패버린다, 패버릴, 패버림 and 패버립니다 (contractions such as 패버렸, 리 + 었,
     * still need their own entry). Matching works on whole syllables, so without this a term written
     * as a stem would miss every inflected form. Only for keys of three or more characters: on two
     * (자지 → 자진, 자질) the closed forms are everyday words.
     */
    private static List<String> inflected(String key) {
        char last = key.charAt(key.length() - 1);
        if (key.length() < 3 || !Hangul.isSyllable(last) || Hangul.hasFinal(last)) {
            return List.of(key);
        }
        String stem = key.substring(0, key.length() - 1);
        List<String> forms = new ArrayList<>(INFLECTION_FINALS.length() + 1);
        forms.add(key);
        for (int i = 0; i < INFLECTION_FINALS.length(); i++) {
            forms.add(stem + Hangul.withFinal(last, INFLECTION_FINALS.charAt(i)));
        }
        return forms;
    }

    @Override
    public Detection detect(String text) {
        if (text.isEmpty()) {
            return Detection.clean();
        }
        List<Finding> findings = new ArrayList<>();
        collect(Normaliser.normalise(text, Reading.AS_TYPED), findings);
        if (Normaliser.containsLatinLetter(text)) {
            collect(Normaliser.normalise(text, Reading.KOREAN_KEYBOARD), findings);
        }
        if (findings.isEmpty()) {
            return Detection.clean();
        }
        return new Detection(merged(findings));
    }

    private void collect(NormalisedText normalised, List<Finding> findings) {
        if (normalised.length() == 0) {
            return;
        }
        Occurrences occurrences = new Occurrences(normalised);
        automaton.scan(normalised.text(), occurrences);
        occurrences.reportOutsideAllowedPhrases(findings);
    }

    /**
     * Collects one scan's hits. Allowed phrases are kept as "furthest end of an allowed phrase
     * starting at or before p", so checking whether a term lies inside one is a single lookup: a
     * pairwise check would be quadratic on a 100 KB message full of 시발점.
     */
    private final class Occurrences implements PhraseAutomaton.Occurrences {

        private final NormalisedText normalised;
        private final List<int[]> termHits = new ArrayList<>();
        private int @Nullable [] allowedReach;

        Occurrences(NormalisedText normalised) {
            this.normalised = normalised;
        }

        @Override
        public void found(int phraseIndex, int end) {
            Phrase phrase = phrases[phraseIndex];
            int start = end - phrase.length();
            if (!phrase.spansWords() && crossesWordBoundary(normalised, start, end)) {
                return;
            }
            if (phrase.term() != null) {
                termHits.add(new int[] {phraseIndex, start, end});
                return;
            }
            if (allowedReach == null) {
                allowedReach = new int[normalised.length()];
                Arrays.fill(allowedReach, -1);
            }
            allowedReach[start] = Math.max(allowedReach[start], end);
        }

        void reportOutsideAllowedPhrases(List<Finding> findings) {
            int[] reach = allowedReach;
            if (reach != null) {
                for (int p = 1; p < reach.length; p++) {
                    reach[p] = Math.max(reach[p], reach[p - 1]);
                }
            }
            for (int[] hit : termHits) {
                int start = hit[1];
                int end = hit[2];
                if (reach != null && reach[start] >= end) {
                    continue; // inside an allowed phrase: 시발 in 시발점
                }
                LexiconTerm term = Objects.requireNonNull(phrases[hit[0]].term());
                findings.add(new Finding(
                        term.category(),
                        term.severity(),
                        normalised.originalStart(start),
                        normalised.originalEnd(end - 1),
                        term.pattern()));
            }
        }
    }

    private static boolean crossesWordBoundary(NormalisedText normalised, int start, int end) {
        for (int i = start + 1; i < end; i++) {
            if (normalised.wordBoundaryBefore(i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One finding per stretch of abuse and category: 씨발 inside 씨발놈 is not reported twice, and the two
     * readings of Latin text do not double up. The longer span wins and keeps the higher severity.
     */
    private static List<Finding> merged(List<Finding> findings) {
        findings.sort(BY_CATEGORY_START_LONGEST_FIRST);
        List<Finding> kept = new ArrayList<>(findings.size());
        Finding current = null;
        for (Finding finding : findings) {
            if (current != null
                    && current.category() == finding.category()
                    && finding.start() >= current.start()
                    && finding.end() <= current.end()) {
                if (finding.severity().compareTo(current.severity()) > 0) {
                    current = new Finding(
                            current.category(), finding.severity(), current.start(), current.end(), current.term());
                    kept.set(kept.size() - 1, current);
                }
                continue;
            }
            kept.add(finding);
            current = finding;
        }
        kept.sort(BY_POSITION);
        return kept;
    }
}
