package io.sangdam.identity;

import io.sangdam.platform.RequestRejected;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * At least 8 characters of three kinds (letters, digits, symbols) or 10 of two kinds: the rule
 * Korean guidance for personal-data systems has long used, and one people can remember.
 */
final class PasswordRules {

    static final int MAXIMUM_LENGTH = 128;

    private PasswordRules() {}

    static void check(String password) {
        if (password.length() > MAXIMUM_LENGTH) {
            throw RequestRejected.badRequest("password-too-long", MAXIMUM_LENGTH);
        }
        int kinds = 0;
        if (password.chars().anyMatch(Character::isLetter)) {
            kinds++;
        }
        if (password.chars().anyMatch(Character::isDigit)) {
            kinds++;
        }
        if (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c) && !Character.isWhitespace(c))) {
            kinds++;
        }
        boolean strongEnough = (password.length() >= 8 && kinds >= 3) || (password.length() >= 10 && kinds >= 2);
        if (!strongEnough) {
            throw RequestRejected.badRequest("password-too-weak");
        }
    }

    /** The stored hash of a password; Spring Security's encoder answers null only for a null password. */
    static String hash(PasswordEncoder encoder, String password) {
        String hash = encoder.encode(password);
        if (hash == null) {
            throw new IllegalStateException("the password encoder gave no hash");
        }
        return hash;
    }
}
