package io.sangdam.contact;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The one masking rule for personal data on screens, in exports and in logs. One rule matters:
 * two screens that each hide a different part of the same number together reveal all of it.
 *
 * <ul>
 *   <li>name: first and last character kept, the middle hidden ({@code 김*수}, {@code 김*})</li>
 *   <li>phone: the middle group hidden ({@code 010-****-5678})</li>
 *   <li>e-mail: the first two characters of the local part kept ({@code ki***@example.com})</li>
 *   <li>birth date: month and day hidden ({@code 1971-**-**})</li>
 * </ul>
 */
public final class Masking {

    private Masking() {}

    public static String name(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        int[] characters = name.strip().codePoints().toArray();
        if (characters.length == 1) {
            return "*";
        }
        if (characters.length == 2) {
            return new String(characters, 0, 1) + "*";
        }
        return new String(characters, 0, 1)
                + "*".repeat(characters.length - 2)
                + new String(characters, characters.length - 1, 1);
    }

    public static String phone(@Nullable String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        String last = digits.substring(digits.length() - 4);
        String first = digits.substring(0, digits.length() >= 10 ? 3 : 2);
        int middle = digits.length() - first.length() - 4;
        return first + "-" + "*".repeat(middle) + "-" + last;
    }

    public static String email(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        String local = email.substring(0, at);
        String kept = local.length() <= 2 ? local.substring(0, 1) : local.substring(0, 2);
        return kept + "***" + email.substring(at);
    }

    public static String birthDate(@Nullable LocalDate birthDate) {
        return birthDate == null ? "" : birthDate.getYear() + "-**-**";
    }
}
