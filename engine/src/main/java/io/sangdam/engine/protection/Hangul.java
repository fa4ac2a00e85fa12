package io.sangdam.engine.protection;

/**
 * Arithmetic on Hangul syllables and jamo (Unicode 3.12, "Conjoining Jamo Behavior").
 *
 * <p>Three jamo encodings reach us: compatibility jamo typed on their own (ㅅ, ㅂ, U+3131..U+3163),
 * conjoining jamo from NFD text (U+1100..U+11FF, which the customer's device may send), and the
 * precomposed syllables (U+AC00..U+D7A3). Everything is brought to compatibility jamo first and
 * then composed as a Korean 2-set keyboard would, so that "ㅅㅣㅂㅏㄹ", NFD "시발" and "시발" all become the
 * same two syllables.
 */
final class Hangul {

    static final char FIRST_SYLLABLE = '\uAC00';
    static final char LAST_SYLLABLE = '\uD7A3';

    private static final String INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
    private static final String VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";

    /** Index 0 is "no final consonant". */
    private static final String FINALS = "\0ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";

    private static final int VOWEL_COUNT = 21;
    private static final int FINAL_COUNT = 28;

    private static final String[] COMPOUND_VOWELS = {"ㅗㅏㅘ", "ㅗㅐㅙ", "ㅗㅣㅚ", "ㅜㅓㅝ", "ㅜㅔㅞ", "ㅜㅣㅟ", "ㅡㅣㅢ"};
    private static final String[] COMPOUND_FINALS = {
        "ㄱㅅㄳ", "ㄴㅈㄵ", "ㄴㅎㄶ", "ㄹㄱㄺ", "ㄹㅁㄻ", "ㄹㅂㄼ", "ㄹㅅㄽ", "ㄹㅌㄾ", "ㄹㅍㄿ", "ㄹㅎㅀ", "ㅂㅅㅄ"
    };

    private Hangul() {}

    static boolean isSyllable(char c) {
        return c >= FIRST_SYLLABLE && c <= LAST_SYLLABLE;
    }

    /** Compatibility jamo ㄱ..ㅣ (U+3131..U+3163); the Hangul filler U+3164 is not one. */
    static boolean isCompatibilityJamo(char c) {
        return c >= '\u3131' && c <= '\u3163';
    }

    static boolean isVowel(char c) {
        return c >= 'ㅏ' && c <= 'ㅣ';
    }

    static boolean isConsonant(char c) {
        return c >= 'ㄱ' && c <= 'ㅎ';
    }

    static boolean canStartSyllable(char c) {
        return INITIALS.indexOf(c) >= 0;
    }

    static boolean canEndSyllable(char c) {
        return c != '\0' && FINALS.indexOf(c) > 0;
    }

    /**
     * The compatibility jamo for a conjoining jamo (U+1100 block), or {@code 0} for the archaic jamo
     * and fillers we do not map; those are dropped as noise.
     */
    static char compatibilityOf(int conjoining) {
        if (conjoining >= 0x1100 && conjoining <= 0x1112) {
            return INITIALS.charAt(conjoining - 0x1100);
        }
        if (conjoining >= 0x1161 && conjoining <= 0x1175) {
            return VOWELS.charAt(conjoining - 0x1161);
        }
        if (conjoining >= 0x11A8 && conjoining <= 0x11C2) {
            return FINALS.charAt(conjoining - 0x11A8 + 1);
        }
        return 0;
    }

    static char compose(char initial, char vowel, char finalConsonant) {
        int l = INITIALS.indexOf(initial);
        int v = VOWELS.indexOf(vowel);
        int t = finalConsonant == 0 ? 0 : FINALS.indexOf(finalConsonant);
        return (char) (FIRST_SYLLABLE + (l * VOWEL_COUNT + v) * FINAL_COUNT + t);
    }

    static char combinedVowel(char first, char second) {
        return combined(COMPOUND_VOWELS, first, second);
    }

    static char combinedFinal(char first, char second) {
        return combined(COMPOUND_FINALS, first, second);
    }

    private static char combined(String[] table, char first, char second) {
        for (String entry : table) {
            if (entry.charAt(0) == first && entry.charAt(1) == second) {
                return entry.charAt(2);
            }
        }
        return 0;
    }

    /**
     * The same syllable closed by {@code finalConsonant}: 리 with ㄴ is 린. {@code syllable} must be
     * open.
     */
    static char withFinal(char syllable, char finalConsonant) {
        return (char) (syllable + FINALS.indexOf(finalConsonant));
    }

    static char initialOf(char syllable) {
        return INITIALS.charAt((syllable - FIRST_SYLLABLE) / (VOWEL_COUNT * FINAL_COUNT));
    }

    static char vowelOf(char syllable) {
        return VOWELS.charAt((syllable - FIRST_SYLLABLE) / FINAL_COUNT % VOWEL_COUNT);
    }

    static boolean hasFinal(char syllable) {
        return (syllable - FIRST_SYLLABLE) % FINAL_COUNT != 0;
    }

    /** The vowel a drawn-out syllable ends on: 씨, 쒸 and 싀 all end on ㅣ, so "씨이이" is one 씨. */
    static char lastVowelSound(char vowel) {
        return switch (vowel) {
            case 'ㅘ' -> 'ㅏ';
            case 'ㅙ' -> 'ㅐ';
            case 'ㅚ', 'ㅟ', 'ㅢ' -> 'ㅣ';
            case 'ㅝ' -> 'ㅓ';
            case 'ㅞ' -> 'ㅔ';
            default -> vowel;
        };
    }
}
