package io.sangdam.engine.protection;

/**
 * The standard Korean 2-set keyboard (두벌식, KS X 5002). A customer who forgets to switch the input
 * language types "tlqkf" for 시발 and "qudtls" for 병신; filters that only look at Hangul miss it, and
 * it is one of the most common ways abuse slips through. Shift gives the tense consonants and ㅒ, ㅖ.
 */
final class TwoSetKeyboard {

    private static final String LOWER = "ㅁㅠㅊㅇㄷㄹㅎㅗㅑㅓㅏㅣㅡㅜㅐㅔㅂㄱㄴㅅㅕㅍㅈㅌㅛㅋ";

    private TwoSetKeyboard() {}

    /** The jamo under an ASCII letter key; {@code c} must be in a..z or A..Z. */
    static char jamoOf(char c) {
        return switch (c) {
            case 'Q' -> 'ㅃ';
            case 'W' -> 'ㅉ';
            case 'E' -> 'ㄸ';
            case 'R' -> 'ㄲ';
            case 'T' -> 'ㅆ';
            case 'O' -> 'ㅒ';
            case 'P' -> 'ㅖ';
            default -> LOWER.charAt(Character.toLowerCase(c) - 'a');
        };
    }
}
