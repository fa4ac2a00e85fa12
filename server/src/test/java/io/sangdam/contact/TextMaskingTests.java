package io.sangdam.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.contact.MaskedText.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextMaskingTests {

    private final TextMasking masking = new TextMasking();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "주민번호는 711231-1234567 입니다|주민번호는 711231-******* 입니다|RRN",
                "주민번호 7112311234567|주민번호 711231*******|RRN",
                "주민등록번호 711231 - 2234567 맞나요|주민등록번호 711231 - ******* 맞나요|RRN",
                "계좌번호랑 주민번호 711231-1234567|계좌번호랑 주민번호 711231-*******|RRN",
                "농협 351-1234-5678-13 으로|농협 ***-****-**78-13 으로|ACCOUNT",
                "2000년생 001015-3123456|2000년생 001015-*******|RRN",
                "외국인등록번호 850315-5123456|외국인등록번호 850315-*******|FOREIGNER_NUMBER",
                "카드 4111-1111-1111-1111 로 결제|카드 4111-11**-****-1111 로 결제|CARD",
                "카드번호 4111111111111111|카드번호 411111******1111|CARD",
                "card 5500 0000 0000 0004 please|card 5500 00** **** 0004 please|CARD",
                "아멕스 378282246310005|아멕스 378282*****0005|CARD",
                "아멕스 3782-822463-10005 로|아멕스 3782-82****-*0005 로|CARD",
                "amex 3782 822463 10005|amex 3782 82**** *0005|CARD",
                "다이너스 3056 930902 5904|다이너스 3056 93**** 5904|CARD",
                "주민번호 711231 1234567 요|주민번호 711231 ******* 요|RRN",
                "연락처 010-1234-5678 입니다|연락처 010-****-5678 입니다|PHONE",
                "연락처 01012345678|연락처 010****5678|PHONE",
                "010 1234 5678 로 전화|010 **** 5678 로 전화|PHONE",
                "집 02-123-4567|집 02-***-4567|PHONE",
                "사무실 031-987-6543 번|사무실 031-***-6543 번|PHONE",
                "+82 10-1234-5678|+82 10-****-5678|PHONE",
                "메일 kim.minsu@example.com 으로|메일 ki*.*****@example.com 으로|EMAIL",
                "계좌 110-123-456789 로 입금|계좌 ***-***-**6789 로 입금|ACCOUNT",
                "국민은행 123456-01-123456|국민은행 ******-**-**3456|ACCOUNT",
                "입금 계좌번호: 1002123456789|입금 계좌번호: *********6789|ACCOUNT",
                "여권번호 M12345678|여권번호 M1*******|PASSPORT",
                "서울 (02) 1234-5678 로|서울 (02) ****-5678 로|PHONE",
                "대전 042.123.4567 번|대전 042.***.4567 번|PHONE",
                "+82-2-1234-5678|+82-2-****-5678|PHONE",
                "주민번호 711231–1234567|주민번호 711231–*******|RRN",
                "메일 ab@example.com|메일 a*@example.com|EMAIL",
                "계좌 110 123 456789 로|계좌 *** *** **6789 로|ACCOUNT",
                "passport: AB1234567|passport: AB1******|PASSPORT"
            })
    void masksEachKindWithTheOneRule(String text, String masked, PersonalDataKind kind) {
        MaskedText result = masking.mask(text);
        assertThat(result.masked()).isEqualTo(masked);
        assertThat(result.spans()).extracting(Span::kind).containsExactly(kind);
        assertOnlyHiddenCharactersChanged(text, result);
    }

    /** The same length and separators: a span indexes the masked text as well as the original. */
    private static void assertOnlyHiddenCharactersChanged(String text, MaskedText result) {
        assertThat(result.masked()).hasSameSizeAs(text);
        for (int i = 0; i < text.length(); i++) {
            char original = text.charAt(i);
            char masked = result.masked().charAt(i);
            int at = i;
            boolean inSpan = result.spans().stream().anyMatch(span -> span.start() <= at && at < span.end());
            if (!inSpan || !Character.isLetterOrDigit(original)) {
                assertThat(masked).as("character %d of %s", i, text).isEqualTo(original);
            } else {
                assertThat(masked).as("character %d of %s", i, text).isIn(original, '*');
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "주문번호 20261124-000123 확인 부탁드립니다",
                "주문번호 2026-1124-0001 입니다",
                "송장번호 6070-1234-5678 조회",
                "결제 금액은 1,200,000원입니다",
                "120000원 환불해 주세요",
                "2026-11-24 오전 09:30에 방문했어요",
                "대표번호 1588-1234 로 전화했어요",
                "고객센터 1577-1000",
                "모델명 SM-S928N 입니다",
                "우편번호 06236",
                "회원번호 C0001234",
                "카드 4111-1111-1111-1112 는 유효하지 않은 번호",
                "카드 3782-822463-10006 은 유효하지 않은 번호",
                "주문 991332 1234567 건",
                "생일이 991332 인데요",
                "버전 1.2.3 업데이트",
                "3개월 할부 12개월 무이자",
                "사업자등록번호 220-81-62517 로 세금계산서 발행해 주세요",
                "공급자 124-81-00998 삼성전자",
                "영수증에 214-86-18758 이라고 찍혀 있어요",
                "국민은행 사업자등록번호 220-81-62517 맞나요",
                "사업자번호 2208162517 입니다"
            })
    void leavesOrderNumbersDatesAmountsAndBusinessNumbersAlone(String text) {
        MaskedText result = masking.mask(text);
        assertThat(result.masked()).isEqualTo(text);
        assertThat(result.spans()).isEmpty();
    }

    @Test
    void findsSeveralPiecesInOneMessageWithOffsetsIntoTheOriginal() {
        String text = "김민수 고객님 010-1234-5678, 711231-1234567, minsu@example.com 확인했습니다";
        MaskedText result = masking.mask(text);
        assertThat(result.masked()).isEqualTo("김민수 고객님 010-****-5678, 711231-*******, mi***@example.com 확인했습니다");
        assertThat(result.spans())
                .extracting(Span::kind)
                .containsExactly(PersonalDataKind.PHONE, PersonalDataKind.RRN, PersonalDataKind.EMAIL);
        for (Span span : result.spans()) {
            assertThat(text.substring(span.start(), span.end()))
                    .doesNotContain(" ")
                    .isNotBlank();
        }
        assertThat(text.substring(
                        result.spans().getFirst().start(),
                        result.spans().getFirst().end()))
                .isEqualTo("010-1234-5678");
        assertOnlyHiddenCharactersChanged(text, result);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // Named as an account: an account wins, even with a valid business check digit.
                "입금 계좌 220-81-62517 로|입금 계좌 ***-**-*2517 로",
                "이체는 220-81-62517 로 해 주세요|이체는 ***-**-*2517 로 해 주세요",
                "은행 사업자 계좌 220-81-62517|은행 사업자 계좌 ***-**-*2517",
                // 3-2-5 with a wrong check digit is not known to be a public number: masked as before.
                "사업자등록번호 123-45-67890 인데요|사업자등록번호 ***-**-*7890 인데요"
            })
    void masksABusinessShapedNumberThatIsAnAccountOrFailsItsCheckDigit(String text, String masked) {
        MaskedText result = masking.mask(text);
        assertThat(result.masked()).isEqualTo(masked);
        assertThat(result.spans()).extracting(Span::kind).containsExactly(PersonalDataKind.ACCOUNT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "220-81-62517,true",
        "124-81-00998,true",
        "214-86-18758,true",
        "123-45-67890,false",
        "220-81-62518,false",
        "2208162517,false",
        "220-816-2517,false"
    })
    void businessRegistrationNumbersAreRecognisedByShapeAndCheckDigit(String number, boolean business) {
        assertThat(TextMasking.isBusinessRegistration(number)).isEqualTo(business);
    }

    /**
     * Decision: a 법인등록번호 (110111-1234567) is masked like an RRN, even when named. Nothing in
     * the number tells it from an RRN (post-2020 RRNs have no check digit) and the label is what
     * a customer typed; see TextMasking's comment.
     */
    @Test
    void corporateRegistrationNumbersAreMaskedLikeResidentRegistrationNumbers() {
        MaskedText result = masking.mask("법인등록번호 110111-1234567 입니다");
        assertThat(result.masked()).isEqualTo("법인등록번호 110111-******* 입니다");
        assertThat(result.spans()).extracting(Span::kind).containsExactly(PersonalDataKind.RRN);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"010-9876-5432", "01098765432", "010 9876 5432", "011-123-4567", "02-123-4567", "031-987-6543"})
    void screensAndTextsHideTheSameDigitsOfAPhone(String phone) {
        assertThat(masking.mask(phone).masked().replaceAll("[^0-9*]", ""))
                .isEqualTo(Masking.phone(phone).replaceAll("[^0-9*]", ""));
    }

    @Test
    void aSeoulNumberHidesItsWholeMiddleGroupWhichIsMoreThanScreensHide() {
        assertThat(Masking.phone("02-1234-5678")).isEqualTo("021-***-5678");
        assertThat(masking.mask("02-1234-5678").masked()).isEqualTo("02-****-5678");
    }

    @Test
    void emptyAndLongTextsAreFine() {
        assertThat(masking.mask("").masked()).isEmpty();
        String big = "안녕하세요 010-1234-5678 ".repeat(5000);
        MaskedText result = masking.mask(big);
        assertThat(result.spans()).hasSize(5000);
        assertThat(result.masked()).doesNotContain("1234-5678");
    }
}
