package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.engine.protection.LexiconDetector;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * When the bot stops answering, without Spring: abuse by protection's default lexicon, a request for
 * a person in words, signs of frustration; and ordinary questions, including ones that mention a
 * 사람, that must not hand off.
 */
class HandoffCuesTests {

    private static final LexiconDetector DETECTOR = LexiconDetector.withDefaultLexicon();

    private final HandoffCues cues =
            new HandoffCues(text -> DETECTOR.detect(text).abusive());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "상담사 연결해 주세요",
                "상담원이랑 얘기할래요",
                "사람",
                "사람이요",
                "진짜 사람!",
                "사람이랑 통화하고 싶어요",
                "사람 좀 바꿔줘",
                "사람 불러 주세요",
                "담당자 연결",
                "I want a human",
                "talk to an agent please"
            })
    void aRequestForAPersonInWordsHandsOffAsAsked(String question) {
        assertThat(cues.in(question)).as(question).contains(HandoffReason.ASKED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "요금이 왜 이렇게 나왔어요??",
                "장난해?",
                "장난하냐 진짜",
                "아 답답하네",
                "짜증나요",
                "몇 번을 물어봐야 돼",
                "말이 안 통하네",
                "환불 언제 돼요?!",
                "ㅡㅡ",
                "this is useless"
            })
    void frustrationHandsOff(String question) {
        assertThat(cues.in(question)).as(question).contains(HandoffReason.FRUSTRATION);
    }

    @Test
    void abuseByProtectionsLexiconHandsOffBeforeAnythingElse() {
        assertThat(cues.in("시1발 왜 안 돼")).contains(HandoffReason.ABUSE);
        // Abuse wins over a request for an agent: the agent is warned by the reason.
        assertThat(cues.in("시1발 상담사 바꿔")).contains(HandoffReason.ABUSE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "요금제 변경은 어떻게 하나요?",
                "다른 사람 명의로 가입할 수 있나요",
                "사람 많은 곳에서 통화가 끊겨요",
                "해지하면 위약금이 얼마예요",
                "배송이 늦어요!",
                "데이터 쉐어링이 뭔가요",
                "가족 결합 할인"
            })
    void anOrdinaryQuestionIsAnswered(String question) {
        assertThat(cues.in(question)).as(question).isEqualTo(Optional.empty());
    }
}
