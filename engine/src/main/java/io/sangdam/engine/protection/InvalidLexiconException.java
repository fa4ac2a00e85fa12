package io.sangdam.engine.protection;

/**
 * Lexicon data that cannot be used: an unknown category, a pattern that normalises to nothing (and
 * would match everywhere or nowhere), unbalanced groups, too many combinations. Carries the 1-based
 * line number when the data came as text, so the editing page can point at the line, and a stable
 * code.
 */
public final class InvalidLexiconException extends IllegalArgumentException {

    private final int line;

    public InvalidLexiconException(int line, String problem) {
        super(line > 0 ? "line " + line + ": " + problem : problem);
        this.line = line;
    }

    /** 1-based line of the lexicon text, or 0 when the data did not come as text. */
    public int line() {
        return line;
    }

    /** A stable error code, the same for every invalid lexicon. */
    public String code() {
        return "protection.invalid-lexicon";
    }
}
