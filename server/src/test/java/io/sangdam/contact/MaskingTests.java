package io.sangdam.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTests {

    @ParameterizedTest
    @CsvSource({"김민수,김*수", "이준,이*", "남궁민수,남**수", "김,*", "' 박서연 ',박*연"})
    void namesKeepFirstAndLastCharacter(String name, String masked) {
        assertThat(Masking.name(name)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
        "010-1234-5678,010-****-5678",
        "01012345678,010-****-5678",
        "011-123-4567,011-***-4567",
        "02-123-4567,02-***-4567",
        "02-1234-5678,021-***-5678"
    })
    void phonesHideTheMiddleGroupOnly(String phone, String masked) {
        assertThat(Masking.phone(phone)).isEqualTo(masked);
    }

    @Test
    void theSameNumberWrittenDifferentlyIsMaskedTheSameWay() {
        assertThat(Masking.phone("010 1234 5678")).isEqualTo(Masking.phone("010-1234-5678"));
    }

    @ParameterizedTest
    @CsvSource({"customer0001@example.com,cu***@example.com", "ab@example.com,a***@example.com", "x@y.kr,x***@y.kr"})
    void emailsKeepTwoCharactersAndTheDomain(String email, String masked) {
        assertThat(Masking.email(email)).isEqualTo(masked);
    }

    @Test
    void birthDatesKeepTheYear() {
        assertThat(Masking.birthDate(LocalDate.of(1971, 12, 31))).isEqualTo("1971-**-**");
    }

    @Test
    void missingValuesBecomeEmpty() {
        assertThat(Masking.name(null)).isEmpty();
        assertThat(Masking.phone(null)).isEmpty();
        assertThat(Masking.email(null)).isEmpty();
        assertThat(Masking.birthDate(null)).isEmpty();
    }
}
