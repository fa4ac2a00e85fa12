package io.sangdam.engine.protection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The data the detector matches: abusive terms with category and severity, and allowed phrases,
 * innocent words that contain an abusive term's letters (시발점 "starting point", 수박씨 발라 "take the
 * watermelon seeds out"). A term found inside an allowed phrase is not reported.
 *
 * <p>The protection team edits this data; the server stores it and builds a new {@link
 * LexiconDetector} from it. The text form, one entry a line, tab-separated:
 *
 * <pre>
 * # comment
 * PROFANITY	HIGH	(시|씨)(발|빨)
 * THREAT	HIGH	가만 안 (둬|둔다)
 * ALLOW	-	시발점
 * </pre>
 *
 * <p>Categories are the {@link AbuseCategory} names or {@code ALLOW}; severities the {@link
 * Severity} names ({@code -} for ALLOW). See {@link LexiconTerm} for the pattern syntax. Every
 * pattern is checked when the lexicon is made, so a bad edit is refused with its line number
 * instead of silently matching nothing.
 */
public record Lexicon(List<LexiconTerm> terms, List<String> allowedPhrases) {

    private static final String DEFAULT_RESOURCE = "default-lexicon.tsv";
    private static final String ALLOW = "ALLOW";

    public Lexicon {
        terms = List.copyOf(terms);
        allowedPhrases = List.copyOf(allowedPhrases);
        for (LexiconTerm term : terms) {
            check(term.pattern(), 0);
        }
        for (String phrase : allowedPhrases) {
            check(phrase, 0);
        }
    }

    /** The lexicon shipped with Sangdam, the starting point for a center's own. */
    public static Lexicon defaults() {
        try (InputStream in = Lexicon.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default lexicon missing from the class path: " + DEFAULT_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the text form described above.
     *
     * @throws InvalidLexiconException naming the first bad line
     */
    public static Lexicon parse(String text) {
        List<LexiconTerm> terms = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int index = 0; index < lines.length; index++) {
            int lineNumber = index + 1;
            String line = lines[index];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != 3) {
                throw new InvalidLexiconException(
                        lineNumber,
                        "expected 3 tab-separated columns (category, severity, pattern), found " + columns.length);
            }
            String category = columns[0].strip().toUpperCase(Locale.ROOT);
            String severity = columns[1].strip().toUpperCase(Locale.ROOT);
            String pattern = columns[2].strip();
            check(pattern, lineNumber);
            if (category.equals(ALLOW)) {
                allowed.add(pattern);
            } else {
                terms.add(new LexiconTerm(pattern, categoryOf(category, lineNumber), severityOf(severity, lineNumber)));
            }
        }
        return new Lexicon(terms, allowed);
    }

    /**
     * The literal forms a pattern stands for, groups expanded ({@code 시발(점|역)} gives 시발점 and
     * 시발역), so an editor can tell that a new entry is already covered by an existing one.
     *
     * @throws InvalidLexiconException for unbalanced groups or too many combinations
     */
    public static List<String> forms(String pattern) {
        return PatternExpansion.expand(pattern, 0);
    }

    /** The text form, which {@link #parse} reads back to an equal lexicon. */
    public String toText() {
        StringBuilder text = new StringBuilder("# category\tseverity\tpattern\n");
        for (LexiconTerm term : terms) {
            text.append(term.category().name())
                    .append('\t')
                    .append(term.severity().name())
                    .append('\t')
                    .append(term.pattern())
                    .append('\n');
        }
        for (String phrase : allowedPhrases) {
            text.append(ALLOW).append("\t-\t").append(phrase).append('\n');
        }
        return text.toString();
    }

    private static AbuseCategory categoryOf(String name, int line) {
        for (AbuseCategory category : AbuseCategory.values()) {
            if (category.name().equals(name)) {
                return category;
            }
        }
        throw new InvalidLexiconException(line, "unknown category '" + name + "'");
    }

    private static Severity severityOf(String name, int line) {
        for (Severity severity : Severity.values()) {
            if (severity.name().equals(name)) {
                return severity;
            }
        }
        throw new InvalidLexiconException(line, "unknown severity '" + name + "'");
    }

    /**
     * Expands and normalises; a combination that normalises to nothing would match at every position.
     */
    private static void check(String pattern, int line) {
        if (pattern.isBlank()) {
            throw new InvalidLexiconException(line, "empty pattern");
        }
        for (String literal : PatternExpansion.expand(pattern, line)) {
            if (Normaliser.normalise(literal).length() == 0) {
                throw new InvalidLexiconException(
                        line, "'" + literal + "' (from " + pattern + ") has no letters or digits after normalisation");
            }
        }
    }
}
