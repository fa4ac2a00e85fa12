package io.sangdam.engine.protection;

/**
 * Text after {@link Normaliser}, with the way back to the original: every normalised character
 * knows the range of UTF-16 offsets [{@code originalStart}, {@code originalEnd}) it came from, so a
 * match at normalised positions i..j covers original offsets {@code originalStart(i)} to {@code
 * originalEnd(j - 1)}, including any noise dropped in between.
 *
 * <p>Not a record: it holds arrays, and records would compare them by identity.
 */
public final class NormalisedText {

    private final String text;
    private final int[] originalStarts;
    private final int[] originalEnds;
    private final boolean[] wordBoundaries;

    NormalisedText(String text, int[] originalStarts, int[] originalEnds, boolean[] wordBoundaries) {
        this.text = text;
        this.originalStarts = originalStarts;
        this.originalEnds = originalEnds;
        this.wordBoundaries = wordBoundaries;
    }

    /** The normalised characters: composed syllables, lone jamo, lower-case Latin, digits. */
    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    public int originalStart(int index) {
        return originalStarts[index];
    }

    public int originalEnd(int index) {
        return originalEnds[index];
    }

    /**
     * Whether a space between two real words (each at least two letters long) came before this
     * character. Spaces next to one-letter "words" are not boundaries: "씨 발" is spacing used to evade
     * a filter, while "다시 발급" is two words whose letters only happen to spell 시발 across the gap.
     */
    public boolean wordBoundaryBefore(int index) {
        return wordBoundaries[index];
    }

    @Override
    public String toString() {
        return text;
    }
}
