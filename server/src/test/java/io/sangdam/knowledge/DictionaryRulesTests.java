package io.sangdam.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sangdam.knowledge.SearchDictionaries.PreviewTerm;
import io.sangdam.knowledge.SearchDictionaries.PreviewToken;
import io.sangdam.knowledge.search.SearchDictionary;
import io.sangdam.platform.RequestRejected;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The dictionary's entries are read as text first, then by Lucene, which must accept the whole. */
class DictionaryRulesTests {

    @Test
    void aWordIsKeptWholeOrSplitIntoPartsThatConcatenateToIt() {
        assertThat(DictionaryRules.word(" 5G ", null)).isEqualTo(new DictionaryRules.Word("5G", null));
        assertThat(DictionaryRules.word("명의이전", "  명의   이전 ").line()).isEqualTo("명의이전 명의 이전");
        assertThat(DictionaryRules.word("세종시", " ")).isEqualTo(new DictionaryRules.Word("세종시", null));
        // Hangul typed on a Mac arrives decomposed (NFD); stored composed, it matches what customers type.
        assertThat(DictionaryRules.word("\u1112\u1162\u110c\u1175", null).word())
                .isEqualTo("해지");
    }

    @Test
    void aWordNoriCouldNotReadOrThatWouldBreakItsLineIsRefusedWithItsOwnCode() {
        refused(() -> DictionaryRules.word(null, null), "dictionary-word-empty");
        refused(() -> DictionaryRules.word("   ", null), "dictionary-word-empty");
        refused(() -> DictionaryRules.word("가".repeat(31), null), "dictionary-word-too-long");
        refused(() -> DictionaryRules.word("해지\t해약", null), "dictionary-control-character");
        refused(() -> DictionaryRules.word("해지\n해약", null), "dictionary-control-character");
        refused(() -> DictionaryRules.word("해\u200B지", null), "dictionary-control-character");
        refused(() -> DictionaryRules.word("해지\uD800", null), "dictionary-malformed-text");
        refused(() -> DictionaryRules.word("\uDC00해지", null), "dictionary-malformed-text");
        // '#' starts a comment in Nori's user dictionary: "요금#제" would silently become "요금".
        refused(() -> DictionaryRules.word("요금#제", null), "dictionary-word-characters");
        refused(() -> DictionaryRules.word("요금 제", null), "dictionary-word-characters");
        refused(() -> DictionaryRules.word("ㅎㅈ", null), "dictionary-word-characters");
        // Nori itself accepts parts that do not add up to the word (명의이전 → 명의 전): checked here.
        refused(() -> DictionaryRules.word("명의이전", "명의 전"), "dictionary-segmentation-mismatch");
        refused(() -> DictionaryRules.word("명의이전", "명의이전"), "dictionary-segmentation-mismatch");
        refused(() -> DictionaryRules.word("명의이전", "명의 이전 신청"), "dictionary-segmentation-mismatch");
        refused(() -> DictionaryRules.word("명의이전", "명의 이#전"), "dictionary-segmentation-mismatch");
        refused(() -> DictionaryRules.word("명의이전", "명의\t이전"), "dictionary-control-character");
    }

    @Test
    void aGroupNeedsTwoDistinctTermsEachOfLettersDigitsAndSpaces() {
        assertThat(DictionaryRules.terms(List.of(" 해지 ", "해약", "해지"))).containsExactly("해지", "해약");
        assertThat(DictionaryRules.terms(List.of("USIM", "usim", "유심"))).containsExactly("USIM", "유심");
        assertThat(DictionaryRules.terms(List.of("해지  수수료", "위약금"))).containsExactly("해지 수수료", "위약금");
        refused(() -> DictionaryRules.terms(null), "synonym-group-too-small");
        refused(() -> DictionaryRules.terms(List.of()), "synonym-group-too-small");
        refused(() -> DictionaryRules.terms(List.of("해지")), "synonym-group-too-small");
        refused(() -> DictionaryRules.terms(List.of("해지", " 해지")), "synonym-group-too-small");
        refused(() -> DictionaryRules.terms(Arrays.asList("해지", null)), "synonym-term-empty");
        refused(() -> DictionaryRules.terms(List.of("해지", " ")), "synonym-term-empty");
        refused(() -> DictionaryRules.terms(List.of("해지", "해약\u0000")), "dictionary-control-character");
        refused(() -> DictionaryRules.terms(List.of("해지", "해약, 취소")), "synonym-term-characters");
        refused(() -> DictionaryRules.terms(List.of("해지", "해약 => 취소")), "synonym-term-characters");
        refused(() -> DictionaryRules.terms(List.of("해지", "가".repeat(31))), "synonym-term-too-long");
        refused(
                () -> DictionaryRules.terms(List.of(
                        "가1", "가2", "가3", "가4", "가5", "가6", "가7", "가8", "가9", "가10", "가11", "가12", "가13", "가14", "가15",
                        "가16", "가17", "가18", "가19", "가20", "가21")),
                "synonym-group-too-large");
    }

    @Test
    void luceneLoadsTheWholeDictionaryAndRefusesTermsItWouldMisread() {
        var loaded = DictionaryRules.load(new SearchDictionary(List.of("해지"), List.of(List.of("해지", "해약"))));
        assertThat(loaded.userDictionary()).isNotNull();
        assertThat(loaded.synonyms()).isNotNull();

        // A particle alone is dropped by the analyzer: nothing left to match.
        refused(
                () -> DictionaryRules.load(new SearchDictionary(List.of(), List.of(List.of("해지", "에서")))),
                "synonym-term-unusable");
        // 명의이전 reads as 명+의(dropped)+이전: a gap the synonym filter cannot match, until it is a user word.
        refused(
                () -> DictionaryRules.load(new SearchDictionary(List.of(), List.of(List.of("명의변경", "명의이전")))),
                "synonym-term-unusable");
        DictionaryRules.load(new SearchDictionary(List.of("명의이전 명의 이전"), List.of(List.of("명의변경", "명의이전"))));
        // Different text, the same to the analyzer.
        refused(
                () -> DictionaryRules.load(new SearchDictionary(List.of(), List.of(List.of("유심칩", "유심 칩")))),
                "synonym-terms-same");
        refused(
                () -> DictionaryRules.load(
                        new SearchDictionary(List.of(), List.of(List.of("유심", "유심칩"), List.of("유심 칩", "USIM")))),
                "synonym-term-conflict");
    }

    @Test
    void theDemoSeedLoadsAndEachOfItsWordsMendsASplitNoriGetsWrong() {
        var loaded = DictionaryRules.load(DemoSearchDictionary.SEED);
        var without = DictionaryRules.load(SearchDictionary.EMPTY);
        Set<String> words = Set.of();

        assertThat(tokens("서비스 해지", without)).containsExactly("서비스", "하", "아", "지");
        assertThat(tokens("서비스 해지", loaded)).containsExactly("서비스", "해지");
        assertThat(tokens("무제한요금제", without)).doesNotContain("무제한");
        assertThat(tokens("무제한요금제", loaded)).containsExactly("무제한", "요금제");
        assertThat(tokens("5G요금제", without)).startsWith("5", "G");
        assertThat(tokens("5G요금제", loaded)).containsExactly("5G", "요금제");
        assertThat(tokens("부가서비스", without)).startsWith("부", "가");
        assertThat(tokens("부가서비스", loaded)).containsExactly("부가", "서비스");
        assertThat(tokens("명의이전", without)).startsWith("명", "의");
        assertThat(tokens("명의이전", loaded)).containsExactly("명의", "이전");
        assertThat(tokens("데이터로밍", loaded)).containsExactly("데이터", "로밍");
        assertThat(tokens("일시정지", loaded)).containsExactly("일시", "정지");
        assertThat(tokens("결합할인", loaded)).containsExactly("결합", "할인");
        assertThat(tokens("핸드폰 분실", without)).startsWith("핸드", "폰");
        assertThat(tokens("핸드폰 분실", loaded)).containsExactly("핸드폰", "분실");

        List<PreviewTerm> searched =
                DictionaryPreview.analyze("약정 해지", loaded, words).searchTerms();
        assertThat(searched).contains(new PreviewTerm("해지", false), new PreviewTerm("해약", true));
        assertThat(DictionaryPreview.analyze("USIM 잃어버렸어요", loaded, words).searchTerms())
                .contains(new PreviewTerm("유심", true), new PreviewTerm("분실", true));
    }

    @Test
    void thePreviewMarksWhatTheIndexDropsAndWhatTheUserWordsMade() {
        var loaded = DictionaryRules.load(new SearchDictionary(List.of("명의이전 명의 이전"), List.of()));
        var analysis = DictionaryPreview.analyze("명의이전을 신청해요", loaded, Set.of("명의이전", "명의", "이전"));
        assertThat(analysis.tokens())
                .contains(
                        new PreviewToken("명의", "NNG", true, true),
                        new PreviewToken("이전", "NNG", true, true),
                        new PreviewToken("을", "JKO", false, false));
        assertThat(analysis.searchTerms()).extracting(PreviewTerm::term).containsExactly("명의", "이전", "신청");
        refused(() -> DictionaryPreview.text("  "), "dictionary-preview-empty");
        refused(() -> DictionaryPreview.text("가".repeat(501)), "dictionary-preview-too-long");
    }

    private static List<String> tokens(String text, DictionaryRules.Loaded dictionary) {
        return DictionaryPreview.analyze(text, dictionary, Set.of()).tokens().stream()
                .map(PreviewToken::term)
                .toList();
    }

    private static void refused(ThrowingCallable call, String code) {
        assertThatThrownBy(call)
                .isInstanceOf(RequestRejected.class)
                .extracting(thrown -> ((RequestRejected) thrown).code())
                .isEqualTo(code);
    }
}
