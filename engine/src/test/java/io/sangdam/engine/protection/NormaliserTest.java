package io.sangdam.engine.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.engine.protection.Normaliser.Reading;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormaliserTest {

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "시발|시발",
                "ㅅㅂ|ㅅㅂ",
                "ㅅㅣㅂㅏㄹ|시발",
                "시1발|시발",
                "씨 발|씨발",
                "씨@발|씨발",
                "ㅆ.ㅂ|ㅆㅂ",
                "씨~발|씨발",
                "씨이이이발|씨발",
                "씨ㅣㅣ발|씨발",
                "시ㅋㅋㅋ발|시발",
                "병1신|병신",
                "개 새 끼|개새끼",
                "ＳＳＩＢＡＬ|sibal",
                "ssibal|sibal",
                "sh1t|shit",
                "씨\u200B발|씨발",
                "씨🤬발|씨발",
                "ㅋㅋㅋㅋ 좋아요|좋아요",
                "2시 발송|2시발송",
                "18놈|18놈",
                "ㅂㅅ같은|ㅂㅅ같은",
                "앉아|앉아",
                "과자|과자",
            })
    void undoesCommonObfuscations(String text, String expected) {
        assertThat(Normaliser.normalise(text).text()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" on a Korean keyboard → {1}")
    @CsvSource(
            delimiter = '|',
            value = {"tlqkf|시발", "qudtls|병신", "TLQKF|ㅆ", "dkssud 하세요|안녕 하세요", "rotoRl|개새끼"})
    void readsLatinAsTheTwoSetKeyboard(String text, String expected) {
        String normalised = Normaliser.normalise(text, Reading.KOREAN_KEYBOARD).text();
        if (expected.equals("ㅆ")) {
            // Caps Lock gives tense consonants on the shifted keys: ㅆㅣㅃㅏㄹ.
            assertThat(normalised).isEqualTo("씨빨");
        } else {
            assertThat(normalised).isEqualTo(expected.replace(" ", ""));
        }
    }

    @Test
    void decomposedHangulIsComposedAgain() {
        String decomposed = Normalizer.normalize("시발점 앉아서 닭", Normalizer.Form.NFD);
        assertThat(decomposed).hasSizeGreaterThan(8);
        assertThat(Normaliser.normalise(decomposed).text()).isEqualTo("시발점앉아서닭");
    }

    @Test
    void spacesBetweenRealWordsAreBoundariesButNotAroundSingleLetters() {
        NormalisedText between = Normaliser.normalise("다시 발급");
        assertThat(between.text()).isEqualTo("다시발급");
        assertThat(between.wordBoundaryBefore(2)).isTrue();

        NormalisedText spaced = Normaliser.normalise("씨 발 놈");
        assertThat(spaced.text()).isEqualTo("씨발놈");
        assertThat(spaced.wordBoundaryBefore(1)).isFalse();
        assertThat(spaced.wordBoundaryBefore(2)).isFalse();
    }

    @Test
    void everyCharacterMapsBackToItsOriginalRange() {
        String text = "아 ㅅㅣㅂㅏㄹ 진짜";
        NormalisedText normalised = Normaliser.normalise(text);
        assertThat(normalised.text()).isEqualTo("아시발진짜");
        // 시 came from "ㅅㅣ" at 2..4, 발 from "ㅂㅏㄹ" at 4..7
        assertThat(normalised.originalStart(1)).isEqualTo(2);
        assertThat(normalised.originalEnd(1)).isEqualTo(4);
        assertThat(normalised.originalStart(2)).isEqualTo(4);
        assertThat(normalised.originalEnd(2)).isEqualTo(7);
        assertThat(text.substring(normalised.originalStart(3), normalised.originalEnd(4)))
                .isEqualTo("진짜");
    }

    @Test
    void offsetsCountUtf16UnitsAcrossEmojiAndZeroWidthCharacters() {
        String text = "😀😀 씨\u200D발";
        NormalisedText normalised = Normaliser.normalise(text);
        assertThat(normalised.text()).isEqualTo("씨발");
        assertThat(text.substring(normalised.originalStart(0), normalised.originalEnd(1)))
                .isEqualTo("씨\u200D발");
    }

    @Test
    void unpairedSurrogatesAndControlCharactersAreNoise() {
        String text = "씨\uD800발 \uDC00\u0000 좋아요\uFFFF";
        assertThat(Normaliser.normalise(text).text()).isEqualTo("씨발좋아요");
    }

    @Test
    void emptyTextStaysEmpty() {
        assertThat(Normaliser.normalise("").length()).isZero();
        assertThat(Normaliser.normalise("   \t\n").length()).isZero();
    }
}
