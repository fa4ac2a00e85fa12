package io.sangdam.engine.protection;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Brings Korean chat text to one canonical form before matching, remembering where each character
 * came from.
 *
 * <p>The steps, in order (each undoes one way customers write around a filter):
 *
 * <ol>
 *   <li>Code points to "atoms": full-width ASCII and other compatibility forms (NFKC, one code
 *       point at a time so offsets stay exact), conjoining (NFD) jamo to compatibility jamo, Latin
 *       to lower case or, in the {@link Reading#KOREAN_KEYBOARD} reading, to the jamo on the same
 *       2-set key ("tlqkf" is 시발). Zero-width characters, variation selectors and combining marks
 *       vanish; emoji and punctuation become noise; unpaired surrogates are noise, never an error.
 *   <li>Words: noise, and digits between letters of one word, are dropped ("시1발", "씨@발", "ㅆ.ㅂ"); in
 *       Latin words digits become their look-alike letters ("sh1t"). Spaces vanish, but a space
 *       between two words of two or more letters is remembered as a word boundary (see {@link
 *       NormalisedText#wordBoundaryBefore}), so "씨 발" joins and "다시 발급" does not.
 *   <li>Jamo typed one by one are composed as a 2-set keyboard would ("ㅅㅣㅂㅏㄹ" → 시발); runs of
 *       consonants alone stay (ㅅㅂ is matched as written).
 *   <li>Noise letters: laughter and crying (ㅋㅋ, ㅎㅎ, ㅠㅠ, ㅜㅜ) vanish, three or more equal letters
 *       become one (two equal Latin letters become one: "ssibal" and "sibal" meet), and drawn-out
 *       vowels ("씨이이발") are cut.
 * </ol>
 *
 * <p>Lexicon terms go through the same steps, so a term and the text it should match always agree.
 * Hazard: any change here changes what every lexicon entry matches; run the labelled set after it.
 */
public final class Normaliser {

    /** How Latin letters are read. */
    public enum Reading {
        /** Latin as Latin, lower-cased ("ssibal", "fuck"). */
        AS_TYPED,
        /** Latin as the Hangul on the same key of a 2-set keyboard ("tlqkf" → 시발, "qudtls" → 병신). */
        KOREAN_KEYBOARD
    }

    // Kinds of atom. Bytes, not an enum: they sit in an array beside every character of the message.
    private static final byte LETTER = 0;
    private static final byte DIGIT = 1;
    private static final byte SPACE = 2;
    private static final byte NOISE = 3;
    private static final byte INVISIBLE = 4;

    /** Stands for a letter outside the Basic Multilingual Plane: it separates, never matches. */
    private static final char OTHER_LETTER = '\uFFFD';

    private Normaliser() {}

    public static NormalisedText normalise(String text) {
        return normalise(text, Reading.AS_TYPED);
    }

    public static NormalisedText normalise(String text, Reading reading) {
        Run atoms = atomsOf(text, reading);
        Run words = wordsOf(atoms, reading);
        Run composed = composeJamo(words);
        return withoutNoiseLetters(composed).toNormalisedText();
    }

    /** Whether the {@link Reading#KOREAN_KEYBOARD} reading could differ from the text as typed. */
    public static boolean containsLatinLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isAsciiLetter(c) || (c >= '\uFF21' && c <= '\uFF5A')) {
                return true;
            }
        }
        return false;
    }

    // ---- step 1: code points to atoms ----

    private static Run atomsOf(String text, Reading reading) {
        int length = text.length();
        Run atoms = new Run(length + 4);
        int index = 0;
        while (index < length) {
            char c = text.charAt(index);
            int next = index + 1;
            int codePoint = c;
            if (Character.isHighSurrogate(c) && next < length && Character.isLowSurrogate(text.charAt(next))) {
                codePoint = Character.toCodePoint(c, text.charAt(next));
                next++;
            }
            classify(codePoint, index, next, reading, atoms, true);
            index = next;
        }
        return atoms;
    }

    private static void classify(int codePoint, int start, int end, Reading reading, Run atoms, boolean mayDecompose) {
        if (codePoint < 0x80) {
            if (isAsciiLetter(codePoint)) {
                char letter = reading == Reading.KOREAN_KEYBOARD
                        ? TwoSetKeyboard.jamoOf((char) codePoint)
                        : (char) Character.toLowerCase(codePoint);
                atoms.add(letter, LETTER, start, end, false);
            } else if (codePoint >= '0' && codePoint <= '9') {
                atoms.add((char) codePoint, DIGIT, start, end, false);
            } else if (Character.isWhitespace(codePoint)) {
                atoms.add(' ', SPACE, start, end, false);
            } else if (codePoint < 0x20 || codePoint == 0x7F) {
                atoms.add(' ', INVISIBLE, start, end, false);
            } else {
                atoms.add((char) codePoint, NOISE, start, end, false);
            }
            return;
        }
        if (codePoint <= 0xFFFF && Hangul.isSyllable((char) codePoint)) {
            atoms.add((char) codePoint, LETTER, start, end, false);
            return;
        }
        if (codePoint <= 0xFFFF && Hangul.isCompatibilityJamo((char) codePoint)) {
            atoms.add((char) codePoint, LETTER, start, end, false);
            return;
        }
        if (codePoint >= 0x1100 && codePoint <= 0x11FF) {
            char jamo = Hangul.compatibilityOf(codePoint);
            atoms.add(jamo == 0 ? ' ' : jamo, jamo == 0 ? INVISIBLE : LETTER, start, end, false);
            return;
        }
        if (codePoint == 0x3164 || codePoint == 0xFFA0) {
            // Hangul fillers: used to make names and words look empty or split; they are not letters.
            atoms.add(' ', INVISIBLE, start, end, false);
            return;
        }
        if (codePoint >= 0xFF01 && codePoint <= 0xFF5E) {
            classify(codePoint - 0xFEE0, start, end, reading, atoms, false);
            return;
        }
        int type = Character.getType(codePoint);
        if (type == Character.FORMAT
                || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.CONTROL) {
            atoms.add(' ', INVISIBLE, start, end, false);
            return;
        }
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            atoms.add(' ', SPACE, start, end, false);
            return;
        }
        if (mayDecompose && hasCompatibilityForms(codePoint)) {
            String alone = Character.toString(codePoint);
            String compatible = Normalizer.normalize(alone, Normalizer.Form.NFKC);
            if (!compatible.equals(alone)) {
                compatible.codePoints().forEach(part -> classify(part, start, end, reading, atoms, false));
                return;
            }
        }
        if (Character.isDigit(codePoint)) {
            atoms.add((char) ('0' + Character.digit(codePoint, 10)), DIGIT, start, end, false);
        } else if (Character.isLetter(codePoint)) {
            char letter = Character.isBmpCodePoint(codePoint) ? (char) Character.toLowerCase(codePoint) : OTHER_LETTER;
            atoms.add(letter, LETTER, start, end, false);
        } else {
            // Lone surrogates, emoji, punctuation, symbols.
            atoms.add(' ', NOISE, start, end, false);
        }
    }

    /**
     * Ranges whose characters may have compatibility forms worth undoing (halfwidth jamo, circled and
     * mathematical letters, ㉠). NFKC per code point is slow, so common Hangul, CJK and emoji skip it.
     */
    private static boolean hasCompatibilityForms(int codePoint) {
        return codePoint >= 0x2000
                && !(codePoint >= 0x4E00 && codePoint <= 0x9FFF)
                && !(codePoint >= 0x1F300 && codePoint <= 0x1FAFF)
                && !(codePoint >= 0xD800 && codePoint <= 0xDFFF);
    }

    // ---- step 2: words ----

    private static Run wordsOf(Run atoms, Reading reading) {
        Run out = new Run(atoms.size + 4);
        int index = 0;
        int previousWeight = 0;
        boolean spaceSeen = false;
        while (index < atoms.size) {
            if (atoms.kinds[index] == SPACE) {
                spaceSeen = true;
                index++;
                continue;
            }
            int wordStart = index;
            int weight = 0;
            while (index < atoms.size && atoms.kinds[index] != SPACE) {
                if (atoms.kinds[index] == LETTER || atoms.kinds[index] == DIGIT) {
                    weight++;
                }
                index++;
            }
            if (weight == 0) {
                continue; // only symbols or emoji: transparent, as if it were part of the space
            }
            boolean boundary = spaceSeen && previousWeight >= 2 && weight >= 2;
            emitWord(atoms, wordStart, index, boundary, reading, out);
            previousWeight = weight;
            spaceSeen = false;
        }
        return out;
    }

    private static void emitWord(Run atoms, int from, int to, boolean boundary, Reading reading, Run out) {
        int firstLetter = -1;
        int lastLetter = -1;
        for (int i = from; i < to; i++) {
            if (atoms.kinds[i] == LETTER) {
                if (firstLetter < 0) {
                    firstLetter = i;
                }
                lastLetter = i;
            }
        }
        boolean pendingBoundary = boundary;
        char previousLetter = 0;
        // Index of the next letter after i, found once per stretch of non-letters: rescanning for each
        // noise character would make "a!!!…!b" (100 KB of '!') quadratic.
        int nextLetterIndex = from - 1;
        for (int i = from; i < to; i++) {
            byte kind = atoms.kinds[i];
            char c = atoms.chars[i];
            boolean insideWord = firstLetter >= 0 && i > firstLetter && i < lastLetter;
            char emitted = 0;
            if (kind == LETTER) {
                emitted = c;
                previousLetter = c;
            } else if (kind == DIGIT && !insideWord) {
                emitted = c;
            } else if ((kind == DIGIT || kind == NOISE) && insideWord && reading == Reading.AS_TYPED) {
                // Inside a Latin word a digit or symbol usually stands for a letter ("sh1t", "$hit" is at
                // the start and stays noise); inside a Hangul word it is padding ("시1발") and goes.
                if (isAsciiLetter(previousLetter)) {
                    if (nextLetterIndex <= i) {
                        nextLetterIndex = nextLetterIndex(atoms, i, to);
                    }
                    if (nextLetterIndex < to && isAsciiLetter(atoms.chars[nextLetterIndex])) {
                        emitted = lookAlikeLetter(atoms.chars[i]);
                    }
                }
            }
            if (emitted != 0) {
                out.add(emitted, kind, atoms.starts[i], atoms.ends[i], pendingBoundary);
                pendingBoundary = false;
            }
        }
    }

    /** The index of the first letter after {@code after}, or {@code to} when there is none. */
    private static int nextLetterIndex(Run atoms, int after, int to) {
        for (int i = after + 1; i < to; i++) {
            if (atoms.kinds[i] == LETTER) {
                return i;
            }
        }
        return to;
    }

    private static char lookAlikeLetter(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> 0;
        };
    }

    // ---- step 3: jamo composition ----

    private static Run composeJamo(Run in) {
        Run out = new Run(in.size + 4);
        int i = 0;
        while (i < in.size) {
            char c = in.chars[i];
            if (Hangul.canStartSyllable(c) && joins(in, i + 1) && Hangul.isVowel(in.chars[i + 1])) {
                char vowel = in.chars[i + 1];
                int next = i + 2;
                if (joins(in, next) && Hangul.isVowel(in.chars[next])) {
                    char compound = Hangul.combinedVowel(vowel, in.chars[next]);
                    if (compound != 0) {
                        vowel = compound;
                        next++;
                    }
                }
                char finalConsonant = 0;
                if (joins(in, next) && Hangul.canEndSyllable(in.chars[next]) && !vowelFollows(in, next)) {
                    finalConsonant = in.chars[next];
                    next++;
                    if (joins(in, next) && Hangul.isConsonant(in.chars[next]) && !vowelFollows(in, next)) {
                        char compound = Hangul.combinedFinal(finalConsonant, in.chars[next]);
                        if (compound != 0) {
                            finalConsonant = compound;
                            next++;
                        }
                    }
                }
                out.add(
                        Hangul.compose(c, vowel, finalConsonant),
                        LETTER,
                        in.starts[i],
                        in.ends[next - 1],
                        in.boundaries[i]);
                i = next;
            } else {
                out.add(c, in.kinds[i], in.starts[i], in.ends[i], in.boundaries[i]);
                i++;
            }
        }
        return out;
    }

    /** Whether position {@code index} exists and continues the current word. */
    private static boolean joins(Run in, int index) {
        return index < in.size && !in.boundaries[index];
    }

    private static boolean vowelFollows(Run in, int index) {
        return joins(in, index + 1) && Hangul.isVowel(in.chars[index + 1]);
    }

    // ---- step 4: noise letters ----

    private static Run withoutNoiseLetters(Run in) {
        Run out = new Run(in.size + 4);
        boolean pendingBoundary = false;
        int i = 0;
        while (i < in.size) {
            char c = in.chars[i];
            boolean boundary = in.boundaries[i] || pendingBoundary;
            int runEnd = i + 1;
            while (runEnd < in.size && in.chars[runEnd] == c && !in.boundaries[runEnd]) {
                runEnd++;
            }
            int runLength = runEnd - i;
            if (isLaughter(c)) {
                int laughterEnd = i + 1;
                while (laughterEnd < in.size && isLaughter(in.chars[laughterEnd]) && !in.boundaries[laughterEnd]) {
                    laughterEnd++;
                }
                if (laughterEnd - i >= 2) {
                    pendingBoundary = boundary;
                    i = laughterEnd;
                    continue;
                }
            }
            // Only directly after the previous letter: in "너 어디" the 어 is a word of its own, not a held
            // 너.
            boolean adjacent = i > 0 && in.ends[i - 1] == in.starts[i];
            if (!boundary && adjacent && out.size > 0 && isDrawnOutVowel(out.chars[out.size - 1], c)) {
                // Drop the whole adjacent run at once: one character per pass would rescan the run each
                // time, and "씨" followed by 100 KB of 이 would take seconds.
                int next = i + 1;
                while (next < runEnd && in.ends[next - 1] == in.starts[next]) {
                    next++;
                }
                i = next;
                continue;
            }
            if (runLength >= 3 || (runLength == 2 && isAsciiLetter(c))) {
                out.add(c, in.kinds[i], in.starts[i], in.ends[runEnd - 1], boundary);
            } else {
                for (int k = i; k < runEnd; k++) {
                    out.add(c, in.kinds[k], in.starts[k], in.ends[k], k == i ? boundary : false);
                }
            }
            pendingBoundary = false;
            i = runEnd;
        }
        return out;
    }

    private static boolean isLaughter(char c) {
        return c == 'ㅋ' || c == 'ㅎ' || c == 'ㅠ' || c == 'ㅜ';
    }

    /** 이 after 씨, ㅣ after 시, 아 after 바: the vowel sound held, not a new syllable. */
    private static boolean isDrawnOutVowel(char previous, char c) {
        if (!Hangul.isSyllable(previous) || Hangul.hasFinal(previous)) {
            return false;
        }
        char held = Hangul.lastVowelSound(Hangul.vowelOf(previous));
        if (Hangul.isVowel(c)) {
            return c == held;
        }
        return Hangul.isSyllable(c) && Hangul.initialOf(c) == 'ㅇ' && !Hangul.hasFinal(c) && Hangul.vowelOf(c) == held;
    }

    private static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Parallel growable arrays: one entry per character with its kind and original range. */
    private static final class Run {
        char[] chars;
        byte[] kinds;
        int[] starts;
        int[] ends;
        boolean[] boundaries;
        int size;

        Run(int capacity) {
            chars = new char[capacity];
            kinds = new byte[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
            boundaries = new boolean[capacity];
        }

        void add(char c, byte kind, int start, int end, boolean boundary) {
            if (size == chars.length) {
                int capacity = size * 2 + 4;
                chars = Arrays.copyOf(chars, capacity);
                kinds = Arrays.copyOf(kinds, capacity);
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
                boundaries = Arrays.copyOf(boundaries, capacity);
            }
            chars[size] = c;
            kinds[size] = kind;
            starts[size] = start;
            ends[size] = end;
            boundaries[size] = boundary;
            size++;
        }

        NormalisedText toNormalisedText() {
            return new NormalisedText(
                    new String(chars, 0, size),
                    Arrays.copyOf(starts, size),
                    Arrays.copyOf(ends, size),
                    Arrays.copyOf(boundaries, size));
        }
    }
}
