package io.sangdam.engine.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LexiconDetectorTest {

    private static final LexiconDetector DETECTOR = LexiconDetector.withDefaultLexicon();

    @Test
    void reportsOffsetsIntoTheOriginalText() {
        String text = "아니 ㅅㅣ1ㅂㅏㄹ 진짜 왜 이래요";
        Detection detection = DETECTOR.detect(text);
        assertThat(detection.abusive()).isTrue();
        Finding finding = detection.findings().getFirst();
        assertThat(finding.category()).isEqualTo(AbuseCategory.PROFANITY);
        assertThat(text.substring(finding.start(), finding.end())).isEqualTo("ㅅㅣ1ㅂㅏㄹ");
    }

    @Test
    void readsLatinTypedOnAKoreanKeyboard() {
        String text = "아 tlqkf 진짜";
        Detection detection = DETECTOR.detect(text);
        assertThat(detection.categories()).containsExactly(AbuseCategory.PROFANITY);
        Finding finding = detection.findings().getFirst();
        assertThat(text.substring(finding.start(), finding.end())).isEqualTo("tlqkf");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "시발점으로 돌아가서 다시 생각해 볼게요",
                "시발역에서 출발하는 기차예요",
                "수박씨 발라 먹기 귀찮아요",
                "수박씨발라 주세요",
                "카드 다시 발급해 주세요",
                "오후 2시 발송 예정인가요?",
                "새끼손가락을 다쳤어요",
                "개나리가 피었네요",
                "개발자 분께 전달해 주세요",
                "일이 너무 많아서 죽겠네요",
            })
    void innocentLookAlikesAreClean(String text) {
        assertThat(DETECTOR.detect(text).findings()).isEmpty();
    }

    @Test
    void aTermInsideALongerTermOfTheSameCategoryIsReportedOnce() {
        Detection detection = DETECTOR.detect("이 씨발놈아");
        assertThat(detection.findings()).hasSize(1);
        assertThat(detection.findings().getFirst().severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void theAllowListDoesNotHideAbuseNextToAnInnocentWord() {
        assertThat(DETECTOR.detect("시발점 씨발").abusive()).isTrue();
        assertThat(DETECTOR.detect("시발 역겹네").abusive()).isTrue();
    }

    @Test
    void badInputIsClassifiedWithoutError() {
        assertThat(DETECTOR.detect("").abusive()).isFalse();
        assertThat(DETECTOR.detect("   ").abusive()).isFalse();
        assertThat(DETECTOR.detect("\uD800\uDC00\uD800 \uDFFF\u0000\uFFFE").abusive())
                .isFalse();
        assertThat(DETECTOR.detect("😀🙏🏻👍 ㅋㅋㅋ ㅠㅠ Привет 你好 مرحبا").abusive()).isFalse();
        assertThat(DETECTOR.detect("🤬씨🤬발🤬").abusive()).isTrue();

        StringBuilder longText = new StringBuilder();
        while (longText.length() < 100_000) {
            longText.append("배송이 언제 오나요? 주문번호 20261124-0001 확인 부탁드립니다. ");
        }
        String hundredKilobytes = longText.toString();
        assertThat(DETECTOR.detect(hundredKilobytes).abusive()).isFalse();
        Detection withAbuseAtTheEnd = DETECTOR.detect(hundredKilobytes + "씨발");
        assertThat(withAbuseAtTheEnd.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.start()).isEqualTo(hundredKilobytes.length()));
    }

    @Test
    void randomGarbageNeverThrowsAndOffsetsStayInsideTheText() {
        long seed = 20261124L;
        Random random = new Random(seed);
        for (int round = 0; round < 2_000; round++) {
            int length = random.nextInt(200);
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) {
                chars[i] = switch (random.nextInt(4)) {
                    case 0 -> (char) random.nextInt(0x10000);
                    case 1 -> (char) ('\uAC00' + random.nextInt(11172));
                    case 2 -> (char) ('\u3131' + random.nextInt(51));
                    default -> "tlqkf 1@.~ㅋ\u200B".charAt(random.nextInt(12));
                };
            }
            String text = new String(chars);
            Detection detection = DETECTOR.detect(text);
            for (Finding finding : detection.findings()) {
                assertThat(finding.end()).as("seed %d round %d", seed, round).isLessThanOrEqualTo(text.length());
            }
        }
    }

    @Test
    void anEditedLexiconIsUsedAsGiven() {
        Lexicon edited = Lexicon.parse("""
            # a center's own words
            INSULT\tMEDIUM\t(월급|봉급) 도둑
            ALLOW\t-\t월급 도둑 잡는 법
            """);
        LexiconDetector detector = new LexiconDetector(edited);
        assertThat(detector.detect("이 월급도둑아").categories()).containsExactly(AbuseCategory.INSULT);
        assertThat(detector.detect("월급 도둑 잡는 법 알려주세요").abusive()).isFalse();
        assertThat(detector.detect("씨발").abusive()).isFalse();
        assertThat(Lexicon.parse(edited.toText())).isEqualTo(edited);
    }

    @Test
    void badLexiconLinesAreRefusedWithTheirLineNumber() {
        assertThatThrownBy(() -> Lexicon.parse("PROFANITY\tHIGH\t시발\nRUDENESS\tLOW\t바보"))
                .isInstanceOfSatisfying(
                        InvalidLexiconException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> Lexicon.parse("PROFANITY\tHIGH\t(시|씨발")).isInstanceOf(InvalidLexiconException.class);
        assertThatThrownBy(() -> Lexicon.parse("PROFANITY\tHIGH\t!!!"))
                .isInstanceOf(InvalidLexiconException.class)
                .hasMessageContaining("no letters");
        assertThatThrownBy(() -> new Lexicon(
                        List.of(new LexiconTerm(
                                "(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)",
                                AbuseCategory.INSULT,
                                Severity.LOW)),
                        List.of()))
                .isInstanceOf(InvalidLexiconException.class);
    }

    @Test
    void oneDetectorServesManyThreadsAtOnce() {
        List<String> messages = IntStream.range(0, 2_000)
                .mapToObj(i -> i % 3 == 0 ? "아 씨발 " + i + "번째" : "배송 문의 " + i + " tlqkf? 아니요")
                .toList();
        List<Detection> sequential = messages.stream().map(DETECTOR::detect).toList();
        List<Detection> parallel =
                messages.parallelStream().map(DETECTOR::detect).toList();
        assertThat(parallel).isEqualTo(sequential);
    }

    @Test
    void theDefaultLexiconSurvivesARoundTripThroughItsTextForm() {
        Lexicon defaults = Lexicon.defaults();
        assertThat(Lexicon.parse(defaults.toText())).isEqualTo(defaults);
        assertThat(defaults.terms()).hasSizeGreaterThan(100);
    }

    @Test
    void hundredKilobytesOfOneKindOfNoiseStayLinear() {
        // Each of these once risked a rescan per character; 2 s is far above the linear cost.
        List<String> hostile = List.of(
                "a" + "!".repeat(100_000) + "b",
                "시" + "1".repeat(100_000) + "발",
                "ㅋ".repeat(100_000),
                "씨" + "이".repeat(100_000) + "발",
                "시발점".repeat(33_000) + "씨발",
                "ㅅ ".repeat(50_000),
                "tlqkf".repeat(20_000));
        for (String text : hostile) {
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> DETECTOR.detect(text));
        }
        assertThat(DETECTOR.detect("시" + "1".repeat(100_000) + "발").abusive()).isTrue();
        assertThat(DETECTOR.detect("시발점".repeat(33_000) + "씨발").findings()).hasSize(1);
    }
}
