package io.sangdam.contact;

import io.sangdam.contact.MaskedText.Span;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Masks personal data in free text (chat transcripts, consultation notes) before it is stored,
 * with the same rule as every screen ({@link Masking}): two places that hide different parts of
 * one number would together reveal it.
 *
 * <p>What it finds: resident and foreigner registration numbers (a real date and a valid 7th
 * digit), Luhn-valid card numbers, Korean mobile and landline numbers, e-mail addresses, bank
 * account numbers (grouped like Korean banks print them, or any 10–14 digits after a word such as
 * 계좌 or 입금), and passport numbers after 여권/passport. What it leaves: dates, amounts, times,
 * order and parcel numbers that start with a date, business numbers such as 1588-1234, and
 * business registration numbers (사업자등록번호, 3-2-5 with a valid check digit), which are public
 * and printed on every receipt: a consultation about a tax invoice needs them. After an account
 * word (계좌, 입금 ...) such a number is an account all the same, unless 사업자 names it.
 *
 * <p>Corporate registration numbers (법인등록번호, 110111-1234567) are masked like resident
 * registration numbers, even after the word 법인등록번호: they have an RRN's shape, their first six
 * digits are often a real date, and RRNs issued since October 2020 carry no check digit, so
 * nothing in the number tells the two apart, and a label typed by a customer is no proof. A masked
 * corporate number costs a look-up in the register; an unmasked RRN is a breach.
 *
 * <p>A masked piece keeps the original's length and separators (hyphens, spaces, dots,
 * parentheses): only the digits and letters it hides become {@code *}, so {@code 010 1234 5678}
 * becomes {@code 010 **** 5678} and a span's offsets index the masked text as well as the original.
 * Which digits are hidden is the rule of {@link Masking}.
 *
 * <p>Hazard: recognition is by pattern, so a number typed in an unusual shape can slip through;
 * the tests list the shapes covered. When in doubt it masks (a masked order number is a nuisance,
 * an unmasked RRN is a breach).
 */
@Component
public class TextMasking {

    // A number is never picked out of the middle of a longer one ("12-3456-7890-12" is one thing).
    private static final String NOT_DIGIT_BEFORE = "(?<![0-9A-Za-z]|[0-9][-.])";
    private static final String NOT_DIGIT_AFTER = "(?![0-9]|[-.][0-9])";

    private static final Pattern EMAIL =
            Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** yymmdd, a dash (perhaps spaced) or a single space, then the 7th digit and six more. */
    private static final Pattern REGISTRATION = Pattern.compile(
            NOT_DIGIT_BEFORE + "(\\d{2})(\\d{2})(\\d{2})(?:\\s?[-–]\\s?| )([0-9])(\\d{6})" + NOT_DIGIT_AFTER);
    /** The same without a separator: 13 digits, which may also be an account after 계좌 (checked first). */
    private static final Pattern UNSEPARATED_REGISTRATION =
            Pattern.compile(NOT_DIGIT_BEFORE + "(\\d{2})(\\d{2})(\\d{2})([0-9])(\\d{6})" + NOT_DIGIT_AFTER);
    /** 4-4-4-4 (and longer), or 4-6-5 and 4-6-4 as American Express and Diners Club print theirs. */
    private static final Pattern CARD = Pattern.compile(
            NOT_DIGIT_BEFORE + "(?:(?:\\d{4}[ -]?){3}\\d{1,7}|\\d{4}[ -]?\\d{6}[ -]?\\d{4,5})" + NOT_DIGIT_AFTER);

    private static final Pattern PHONE = Pattern.compile(NOT_DIGIT_BEFORE
            + "(?:\\+82[ -]?|\\(?)(0?1[016789]|0?2|0?[3-6][1-5]|0?70|0?50\\d)\\)?[ .-]?(\\d{3,4})[ .-]?(\\d{4})"
            + NOT_DIGIT_AFTER);
    private static final Pattern GROUPED_ACCOUNT =
            Pattern.compile(NOT_DIGIT_BEFORE + "\\d{2,6}-\\d{2,6}-\\d{2,7}(?:-\\d{1,3})?" + NOT_DIGIT_AFTER);
    private static final Pattern ACCOUNT_AFTER_WORD = Pattern.compile(
            "(?:계좌|계좌번호|입금|송금|이체|은행|account)[^0-9\\n]{0,12}(\\d[\\d -]{8,18}\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PASSPORT_AFTER_WORD =
            Pattern.compile("(?:여권|passport)[^A-Za-z0-9\\n]{0,12}([A-Za-z]{1,2}\\d{7,8})", Pattern.CASE_INSENSITIVE);
    /** 사업자등록번호 as printed: tax office, kind of business, serial and check digit. */
    private static final Pattern BUSINESS_REGISTRATION = Pattern.compile("\\d{3}-\\d{2}-\\d{5}");

    private static final Pattern ACCOUNT_WORD = Pattern.compile("계좌|입금|송금|이체|은행|account", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_START =
            Pattern.compile("^(19|20)\\d{2}-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\\d|3[01])");

    public MaskedText mask(String text) {
        List<Found> found = new ArrayList<>();
        find(EMAIL, text, found, m -> new Found(m.start(), m.end(), PersonalDataKind.EMAIL, email(m.group())));
        findRegistrationNumbers(REGISTRATION, text, found);
        find(
                ACCOUNT_AFTER_WORD,
                text,
                found,
                m -> isNamedBusinessRegistration(text, m)
                        ? null
                        : new Found(m.start(1), m.end(1), PersonalDataKind.ACCOUNT, account(m.group(1))));
        findRegistrationNumbers(UNSEPARATED_REGISTRATION, text, found);
        find(
                PASSPORT_AFTER_WORD,
                text,
                found,
                m -> new Found(m.start(1), m.end(1), PersonalDataKind.PASSPORT, passport(m.group(1))));
        findCards(text, found);
        find(
                PHONE,
                text,
                found,
                m -> isPhone(m) ? new Found(m.start(), m.end(), PersonalDataKind.PHONE, phone(m)) : null);
        find(
                GROUPED_ACCOUNT,
                text,
                found,
                m -> isAccount(m.group())
                        ? new Found(m.start(), m.end(), PersonalDataKind.ACCOUNT, account(m.group()))
                        : null);
        return apply(text, found);
    }

    private record Found(int start, int end, PersonalDataKind kind, String replacement) {

        boolean overlaps(Found other) {
            return start < other.end && other.start < end;
        }
    }

    private interface Recogniser {
        @Nullable
        Found recognise(Matcher match);
    }

    /** Earlier recognisers win: a span already claimed (an RRN) is not claimed again (as an account). */
    private static void find(Pattern pattern, String text, List<Found> found, Recogniser recogniser) {
        Matcher match = pattern.matcher(text);
        while (match.find()) {
            @Nullable Found candidate = recogniser.recognise(match);
            if (candidate != null && found.stream().noneMatch(candidate::overlaps)) {
                found.add(candidate);
            }
        }
    }

    private static void findRegistrationNumbers(Pattern pattern, String text, List<Found> found) {
        find(pattern, text, found, m -> {
            int seventh = m.group(4).charAt(0) - '0';
            if (!isBirthDate(m.group(1), m.group(2), m.group(3), seventh)) {
                return null;
            }
            PersonalDataKind kind =
                    seventh >= 5 && seventh <= 8 ? PersonalDataKind.FOREIGNER_NUMBER : PersonalDataKind.RRN;
            return new Found(m.start(), m.end(), kind, hide(m.group(), digit -> digit >= 6));
        });
    }

    private static void findCards(String text, List<Found> found) {
        find(CARD, text, found, m -> {
            String digits = m.group().replaceAll("[^0-9]", "");
            if (digits.length() < 13
                    || digits.length() > 19
                    || !luhn(digits)
                    || DATE_START.matcher(digits).find()) {
                return null;
            }
            return new Found(m.start(), m.end(), PersonalDataKind.CARD, card(m.group(), digits.length()));
        });
    }

    /** A real yymmdd with a 7th digit that fits it: 1-2, 5-6 (1900s), 3-4, 7-8 (2000s), 9, 0 (1800s). */
    private static boolean isBirthDate(String year, String month, String day, int seventh) {
        int century = switch (seventh) {
            case 1, 2, 5, 6 -> 1900;
            case 3, 4, 7, 8 -> 2000;
            case 9, 0 -> 1800;
            default -> -1;
        };
        try {
            LocalDate.of(century + Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return true;
        } catch (DateTimeException notADate) {
            return false;
        }
    }

    private static boolean isPhone(Matcher match) {
        String area = match.group(1);
        String digits = match.group().replaceAll("[^0-9]", "");
        if (match.group().startsWith("+82")) {
            return true;
        }
        // Without the leading 0 it is not a Korean number (and 1588-, 1577- business lines are not personal).
        return area.startsWith("0") && digits.length() >= 9 && digits.length() <= 11;
    }

    /**
     * A business registration number after an account word stays an account ("입금 계좌
     * 220-81-62517"), unless the words closest to it name it as a business number ("국민은행
     * 사업자등록번호 220-81-62517").
     */
    private static boolean isNamedBusinessRegistration(String text, Matcher match) {
        if (!isBusinessRegistration(match.group(1).strip())) {
            return false;
        }
        String words = text.substring(match.start(), match.start(1));
        int named = words.lastIndexOf("사업자");
        return named >= 0 && !ACCOUNT_WORD.matcher(words.substring(named)).find();
    }

    /**
     * 3-2-5 with the National Tax Service's check digit: weights 1,3,7,1,3,7,1,3,5 on the first nine
     * digits, plus the tens of 5 × the ninth; the tenth makes the sum a multiple of ten. A 3-2-5
     * number with a wrong check digit is not known to be public, so it is treated like any other.
     */
    static boolean isBusinessRegistration(String number) {
        if (!BUSINESS_REGISTRATION.matcher(number).matches()) {
            return false;
        }
        String digits = number.replace("-", "");
        int[] weights = {1, 3, 7, 1, 3, 7, 1, 3, 5};
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        sum += (digits.charAt(8) - '0') * 5 / 10;
        return (10 - sum % 10) % 10 == digits.charAt(9) - '0';
    }

    /**
     * Korean banks print accounts as 3-3-6, 3-6-5, 4-3-6, 6-2-6, 3-4-4-2 and the like: the last
     * group is long, or there are four groups. 4-4-4 is how parcel numbers look, and is left alone.
     */
    private static boolean isAccount(String grouped) {
        String digits = grouped.replaceAll("[^0-9]", "");
        String[] groups = grouped.split("-");
        boolean bankShape = groups.length == 4 || groups[groups.length - 1].length() >= 5;
        return bankShape
                && !isBusinessRegistration(grouped)
                && digits.length() >= 10
                && digits.length() <= 14
                && !grouped.startsWith("0")
                && !DATE_START.matcher(grouped).find();
    }

    /**
     * The digits {@link Masking#phone} hides (counted on the national number, with its leading 0),
     * and the whole middle group as written: for 02-1234-5678 the screens' rule alone would show the
     * middle group's first digit. Hiding more than the screens never reveals more in combination.
     */
    private static String phone(Matcher match) {
        String written = match.group();
        int national = written.startsWith("+82") ? (int) digitCount(written) - 1 : (int) digitCount(written);
        // +82 10-…: the country code's two digits stand where the national number's 0 would be.
        int shift = written.startsWith("+82") ? 1 : 0;
        int first = national >= 10 ? 3 : 2;
        int middleStart = (int) digitCount(written.substring(0, match.start(2) - match.start()));
        int middleEnd = middleStart + match.group(2).length();
        return hide(
                written,
                digit -> digit - shift >= first && digit - shift < national - 4
                        || digit >= middleStart && digit < middleEnd);
    }

    /** First six and last four digits shown, as card slips print them. */
    private static String card(String written, int digits) {
        return hide(written, digit -> digit >= 6 && digit < digits - 4);
    }

    /** Only the last four digits shown; the grouping is kept so the teller can read it back. */
    private static String account(String written) {
        long digits = digitCount(written);
        return hide(written, digit -> digit < digits - 4);
    }

    /**
     * The local part's letters and digits after its first two characters (one if it is that short),
     * as screens hide them; its dots, dashes and pluses stay like every other separator.
     */
    private static String email(String written) {
        int at = written.indexOf('@');
        int kept = at <= 2 ? 1 : 2;
        var masked = new StringBuilder(written.length()).append(written, 0, kept);
        for (int i = kept; i < at; i++) {
            char c = written.charAt(i);
            masked.append(Character.isLetterOrDigit(c) ? '*' : c);
        }
        return masked.append(written, at, written.length()).toString();
    }

    /** The digits chosen by their index among the digits replaced by {@code *}; everything else kept. */
    private static String hide(String written, IntPredicate hidden) {
        var masked = new StringBuilder(written.length());
        int digit = 0;
        for (char c : written.toCharArray()) {
            if (c >= '0' && c <= '9') {
                masked.append(hidden.test(digit++) ? '*' : c);
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    private static long digitCount(String written) {
        return written.chars().filter(c -> c >= '0' && c <= '9').count();
    }

    private static String passport(String number) {
        int keep = Math.min(number.length(), Character.isLetter(number.charAt(1)) ? 3 : 2);
        return number.substring(0, keep) + "*".repeat(number.length() - keep);
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static MaskedText apply(String text, List<Found> found) {
        List<Found> ordered =
                found.stream().sorted(Comparator.comparingInt(Found::start)).toList();
        var masked = new StringBuilder(text.length());
        List<Span> spans = new ArrayList<>();
        int position = 0;
        for (Found piece : ordered) {
            masked.append(text, position, piece.start()).append(piece.replacement());
            spans.add(new Span(piece.start(), piece.end(), piece.kind()));
            position = piece.end();
        }
        masked.append(text, position, text.length());
        return new MaskedText(masked.toString(), spans);
    }
}
