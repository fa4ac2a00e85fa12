package io.sangdam.knowledge;

import io.sangdam.knowledge.search.SearchDictionary;
import io.sangdam.platform.RequestRejected;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search dictionary administrators edit: user words Nori keeps whole or splits as told, and
 * groups of synonyms searched as one. One dictionary for the whole deployment, as there is one index
 * for all centers (docs/adr/0025). Every change is loaded with Lucene as a whole dictionary before it
 * is stored, is written to an append-only history, and publishes {@link SearchDictionaryChanged} in
 * its transaction; the index is rebuilt from it, since a changed analyzer changes every document's
 * terms.
 *
 * <p>Who may change it is decided by identity's write permissions (administrators); the methods take
 * the acting user's name for the history.
 */
@Service
public class SearchDictionaries {

    static final int HISTORY_SIZE = 100;

    /** A word in Nori's user dictionary; {@code segmentation} is its parts separated by spaces, or null. */
    public record UserWord(long id, String word, @Nullable String segmentation, Instant addedAt, String addedBy) {}

    /** Two or more terms searched as one, in the order the administrator wrote them. */
    public record SynonymGroup(long id, List<String> terms, Instant changedAt, String changedBy) {

        public SynonymGroup {
            terms = List.copyOf(terms);
        }
    }

    public enum DictionaryAction {
        WORD_ADDED,
        WORD_REMOVED,
        SYNONYMS_ADDED,
        SYNONYMS_CHANGED,
        SYNONYMS_REMOVED
    }

    /**
     * One line of the history; its revision is the one {@link SearchDictionaryChanged} carries.
     *
     * @param entry the user word's line or the group's terms separated by commas, as stored
     * @param previous the group's terms before a change, otherwise null
     */
    public record DictionaryChange(
            long revision,
            Instant changedAt,
            String changedBy,
            DictionaryAction action,
            String entry,
            @Nullable String previous) {}

    /**
     * A morpheme as Nori's tokenizer gives it.
     *
     * @param partOfSpeech the Sejong tag, e.g. {@code NNG}; of a word that is inflected, the first
     * @param indexed false when the index drops it (particles, endings: Lucene's default stop tags)
     * @param userWord whether the token is a user word or one of its parts
     */
    public record PreviewToken(String term, String partOfSpeech, boolean indexed, boolean userWord) {}

    /** A term searched for: the indexed tokens, lower-cased, and the synonyms added beside them. */
    public record PreviewTerm(String term, boolean synonym) {}

    public record DictionaryAnalysis(List<PreviewToken> tokens, List<PreviewTerm> searchTerms) {

        public DictionaryAnalysis {
            tokens = List.copyOf(tokens);
            searchTerms = List.copyOf(searchTerms);
        }
    }

    /**
     * @param withWord the same sentence with a user word not yet saved added to the dictionary, or
     *     null when none was given
     */
    public record AnalysisPreview(
            String text,
            DictionaryAnalysis current,
            @Nullable DictionaryAnalysis withWord) {}

    private final SearchDictionaryTables tables;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SearchDictionaries(SearchDictionaryTables tables, ApplicationEventPublisher events, Clock clock) {
        this.tables = tables;
        this.events = events;
        this.clock = clock;
    }

    /** What the analyzer is built from now. */
    @Transactional(readOnly = true)
    public SearchDictionary current() {
        return dictionary(tables.userWords(), tables.synonymGroups());
    }

    /** The last change's revision, 0 before the first: a rebuild from {@link #current()} covers it. */
    public long revision() {
        return tables.revision();
    }

    public List<UserWord> userWords() {
        return tables.userWords();
    }

    @Transactional(readOnly = true)
    public List<SynonymGroup> synonymGroups() {
        return tables.synonymGroups();
    }

    /** The latest changes first. */
    public List<DictionaryChange> history(int limit) {
        return tables.history(Math.clamp(limit, 1, 1000));
    }

    /**
     * @param segmentation the word's parts separated by spaces ({@code 명의 이전}), or null or blank
     *     to keep it whole
     * @throws RequestRejected with the codes of {@link DictionaryRules#word}, or {@code
     *     dictionary-word-duplicate} (409) when the word (ignoring case) is already there
     */
    @Transactional
    public UserWord addUserWord(@Nullable String word, @Nullable String segmentation, String by) {
        DictionaryRules.Word checked = DictionaryRules.word(word, segmentation);
        tables.lock();
        List<UserWord> words = tables.userWords();
        for (UserWord existing : words) {
            if (existing.word().equalsIgnoreCase(checked.word())) {
                throw RequestRejected.conflict("dictionary-word-duplicate", existing.word());
            }
        }
        List<String> lines = new ArrayList<>(lines(words));
        lines.add(checked.line());
        DictionaryRules.load(new SearchDictionary(lines, terms(tables.synonymGroups())));
        Instant now = clock.instant();
        long id = tables.addUserWord(checked.word(), checked.segmentation(), now, by);
        changed(now, by, DictionaryAction.WORD_ADDED, checked.line(), null);
        return tables.userWord(id).orElseThrow();
    }

    /** @throws RequestRejected {@code unknown-dictionary-word} (404) */
    @Transactional
    public void removeUserWord(long id, String by) {
        tables.lock();
        UserWord word = tables.userWord(id).orElseThrow(() -> RequestRejected.notFound("unknown-dictionary-word", id));
        List<UserWord> remaining =
                tables.userWords().stream().filter(other -> other.id() != id).toList();
        DictionaryRules.load(dictionary(remaining, tables.synonymGroups()));
        tables.removeUserWord(id);
        changed(clock.instant(), by, DictionaryAction.WORD_REMOVED, line(word), null);
    }

    /**
     * @throws RequestRejected with the codes of {@link DictionaryRules#terms} and {@link
     *     DictionaryRules#load}: {@code synonym-term-conflict} (409) names the group that has a term
     */
    @Transactional
    public SynonymGroup addSynonymGroup(@Nullable List<@Nullable String> terms, String by) {
        List<String> checked = DictionaryRules.terms(terms);
        tables.lock();
        List<SynonymGroup> groups = tables.synonymGroups();
        requireNoConflict(checked, groups, -1);
        List<List<String>> synonyms = new ArrayList<>(terms(groups));
        synonyms.add(checked);
        DictionaryRules.load(new SearchDictionary(lines(tables.userWords()), synonyms));
        Instant now = clock.instant();
        long id = tables.addSynonymGroup(checked, now, by);
        changed(now, by, DictionaryAction.SYNONYMS_ADDED, String.join(", ", checked), null);
        return tables.synonymGroup(id).orElseThrow();
    }

    /**
     * Replaces a group's terms.
     *
     * @throws RequestRejected {@code unknown-synonym-group} (404), or as {@link #addSynonymGroup}
     */
    @Transactional
    public SynonymGroup changeSynonymGroup(long id, @Nullable List<@Nullable String> terms, String by) {
        List<String> checked = DictionaryRules.terms(terms);
        tables.lock();
        SynonymGroup group =
                tables.synonymGroup(id).orElseThrow(() -> RequestRejected.notFound("unknown-synonym-group", id));
        List<SynonymGroup> groups = tables.synonymGroups();
        requireNoConflict(checked, groups, id);
        List<List<String>> synonyms = new ArrayList<>();
        for (SynonymGroup other : groups) {
            synonyms.add(other.id() == id ? checked : other.terms());
        }
        DictionaryRules.load(new SearchDictionary(lines(tables.userWords()), synonyms));
        if (checked.equals(group.terms())) {
            return group;
        }
        Instant now = clock.instant();
        tables.changeSynonymGroup(id, checked, now, by);
        changed(
                now,
                by,
                DictionaryAction.SYNONYMS_CHANGED,
                String.join(", ", checked),
                String.join(", ", group.terms()));
        return tables.synonymGroup(id).orElseThrow();
    }

    /** @throws RequestRejected {@code unknown-synonym-group} (404) */
    @Transactional
    public void removeSynonymGroup(long id, String by) {
        tables.lock();
        SynonymGroup group =
                tables.synonymGroup(id).orElseThrow(() -> RequestRejected.notFound("unknown-synonym-group", id));
        tables.removeSynonymGroup(id);
        changed(clock.instant(), by, DictionaryAction.SYNONYMS_REMOVED, String.join(", ", group.terms()), null);
    }

    /**
     * How Nori reads a sentence with the current dictionary and, when a candidate user word is given,
     * with that word added; nothing is stored.
     *
     * @throws RequestRejected {@code dictionary-preview-empty}, {@code dictionary-preview-too-long},
     *     or a candidate word's codes as in {@link #addUserWord} (a duplicate is not refused: the
     *     preview then shows the dictionary as it is)
     */
    @Transactional(readOnly = true)
    public AnalysisPreview preview(
            @Nullable String text, @Nullable String candidateWord, @Nullable String candidateSegmentation) {
        String sentence = DictionaryPreview.text(text == null ? "" : text);
        List<UserWord> words = tables.userWords();
        List<List<String>> synonyms = terms(tables.synonymGroups());
        Set<String> known =
                tokensOf(words.stream().map(SearchDictionaries::line).toList());
        var current = DictionaryPreview.analyze(
                sentence, DictionaryRules.load(new SearchDictionary(lines(words), synonyms)), known);
        if (candidateWord == null || candidateWord.isBlank()) {
            return new AnalysisPreview(sentence, current, null);
        }
        DictionaryRules.Word candidate = DictionaryRules.word(candidateWord, candidateSegmentation);
        List<String> lines = new ArrayList<>();
        for (UserWord word : words) {
            if (!word.word().equalsIgnoreCase(candidate.word())) {
                lines.add(line(word));
            }
        }
        lines.add(candidate.line());
        var withWord = DictionaryPreview.analyze(
                sentence, DictionaryRules.load(new SearchDictionary(lines, synonyms)), tokensOf(lines));
        return new AnalysisPreview(sentence, current, withWord);
    }

    /**
     * Fills a dictionary that was never edited (no history at all), in one change and one event: a
     * deployment whose administrators emptied theirs keeps it empty.
     *
     * @return whether it was filled
     */
    @Transactional
    boolean seedIfNeverEdited(SearchDictionary seed, String by) {
        tables.lock();
        if (tables.revision() != 0) {
            return false;
        }
        DictionaryRules.load(seed);
        Instant now = clock.instant();
        long revision = 0;
        for (String line : seed.userWords()) {
            String[] parts = line.split(" ", 2);
            var word = DictionaryRules.word(parts[0], parts.length > 1 ? parts[1] : null);
            tables.addUserWord(word.word(), word.segmentation(), now, by);
            revision = tables.recordChange(now, by, DictionaryAction.WORD_ADDED, word.line(), null);
        }
        for (List<String> group : seed.synonyms()) {
            List<String> terms = DictionaryRules.terms(new ArrayList<>(group));
            tables.addSynonymGroup(terms, now, by);
            revision = tables.recordChange(now, by, DictionaryAction.SYNONYMS_ADDED, String.join(", ", terms), null);
        }
        if (revision == 0) {
            return false;
        }
        events.publishEvent(new SearchDictionaryChanged(revision, now));
        return true;
    }

    private void changed(Instant at, String by, DictionaryAction action, String entry, @Nullable String previous) {
        long revision = tables.recordChange(at, by, action, entry, previous);
        events.publishEvent(new SearchDictionaryChanged(revision, at));
    }

    /** A term (ignoring case) may stand in one group only: two groups sharing one would be one group. */
    private static void requireNoConflict(List<String> terms, List<SynonymGroup> groups, long except) {
        for (SynonymGroup group : groups) {
            if (group.id() == except) {
                continue;
            }
            for (String term : terms) {
                for (String existing : group.terms()) {
                    if (existing.toLowerCase(Locale.ROOT).equals(term.toLowerCase(Locale.ROOT))) {
                        throw RequestRejected.conflict("synonym-term-conflict", term, String.join(", ", group.terms()));
                    }
                }
            }
        }
    }

    private static SearchDictionary dictionary(List<UserWord> words, List<SynonymGroup> groups) {
        return new SearchDictionary(lines(words), terms(groups));
    }

    private static List<String> lines(List<UserWord> words) {
        return words.stream().map(SearchDictionaries::line).toList();
    }

    private static String line(UserWord word) {
        return word.segmentation() == null ? word.word() : word.word() + " " + word.segmentation();
    }

    private static List<List<String>> terms(List<SynonymGroup> groups) {
        return groups.stream().map(SynonymGroup::terms).toList();
    }

    /** The words of user dictionary lines and their parts: the tokens the dictionary made. */
    private static Set<String> tokensOf(List<String> lines) {
        Set<String> tokens = new HashSet<>();
        for (String line : lines) {
            tokens.addAll(List.of(line.split(" ")));
        }
        return tokens;
    }
}
