package io.sangdam.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sangdam.platform.RequestRejected;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTests {

    @ParameterizedTest
    @ValueSource(strings = {"abcd123!", "상담상담12!@", "abcdefgh12", "1234567890!", "sangdam2026!"})
    void acceptsEightCharactersOfThreeKindsOrTenOfTwo(String password) {
        assertThatCode(() -> PasswordRules.check(password)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc12!", "abcdefgh1", "abcdefghijkl", "1234567890", "          "})
    void refusesShorterOrSimplerPasswords(String password) {
        assertThatThrownBy(() -> PasswordRules.check(password))
                .isInstanceOf(RequestRejected.class)
                .hasMessage("password-too-weak");
    }
}
