package io.sangdam.knowledge;

import io.sangdam.knowledge.search.SearchDictionary;
import io.sangdam.platform.ModuleInitializer;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * A starting dictionary for the demo's telecom and retail center, on a dictionary never edited. Most
 * user words are here because Nori splits the word badly without them (shown with the preview's code
 * in {@code DictionaryRulesTests}): 서비스 해지 became 하+아+지, 무제한 became 무제+하+ㄴ, 5G became 5+G,
 * 부가서비스 became 부+가+서비스, 명의이전 became 명+의+이전. 휴대폰 and 핸드폰 (휴대+폰, 핸드+폰) are kept
 * whole so that their synonym group matches the word, not the 폰 of every phone. Words Nori splits into
 * the right parts anyway (번호이동, 요금제) are left out.
 */
@Component
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoSearchDictionary implements ModuleInitializer {

    static final SearchDictionary SEED = new SearchDictionary(
            List.of(
                    "해지",
                    "무제한",
                    "5G",
                    "휴대폰",
                    "핸드폰",
                    "명의이전 명의 이전",
                    "결합할인 결합 할인",
                    "약정할인 약정 할인",
                    "부가서비스 부가 서비스",
                    "데이터로밍 데이터 로밍",
                    "일시정지 일시 정지"),
            List.of(
                    List.of("해지", "해약"),
                    List.of("요금제", "플랜"),
                    List.of("유심", "USIM", "유심칩"),
                    List.of("이심", "eSIM"),
                    List.of("분실", "잃어버림"),
                    List.of("명의변경", "명의이전"),
                    List.of("결합할인", "결합혜택"),
                    List.of("휴대폰", "핸드폰", "휴대전화"),
                    List.of("위약금", "해지 수수료"),
                    List.of("자동이체", "자동납부"),
                    List.of("소액결제", "휴대폰결제"),
                    List.of("청구서", "요금 명세서"),
                    List.of("와이파이", "WiFi")));

    private final SearchDictionaries dictionaries;

    DemoSearchDictionary(SearchDictionaries dictionaries) {
        this.dictionaries = dictionaries;
    }

    @Override
    public void initialize() {
        dictionaries.seedIfNeverEdited(SEED, "demo");
    }
}
