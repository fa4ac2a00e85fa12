package io.sangdam.engine.protection;

import java.util.ArrayList;
import java.util.List;

/** Expands {@code (a|b|c)} groups in a lexicon pattern into every literal combination. */
final class PatternExpansion {

    /**
     * A cap on combinations per pattern. Every combination becomes a path in the automaton; a
     * careless pattern like (a|b|c|d)×8 would add 65,536 and slow every message down.
     */
    static final int MAXIMUM_COMBINATIONS = 2_048;

    private PatternExpansion() {}

    static List<String> expand(String pattern, int line) {
        List<String> results = new ArrayList<>();
        results.add("");
        int index = 0;
        while (index < pattern.length()) {
            char c = pattern.charAt(index);
            if (c == ')' || c == '|') {
                throw new InvalidLexiconException(line, "'" + c + "' outside a group in " + pattern);
            }
            List<String> alternatives;
            if (c == '(') {
                int close = pattern.indexOf(')', index);
                if (close < 0) {
                    throw new InvalidLexiconException(line, "unclosed group in " + pattern);
                }
                String body = pattern.substring(index + 1, close);
                if (body.indexOf('(') >= 0) {
                    throw new InvalidLexiconException(line, "nested groups are not supported in " + pattern);
                }
                alternatives = List.of(body.split("\\|", -1));
                index = close + 1;
            } else {
                alternatives = List.of(String.valueOf(c));
                index++;
            }
            if ((long) results.size() * alternatives.size() > MAXIMUM_COMBINATIONS) {
                throw new InvalidLexiconException(
                        line, "more than " + MAXIMUM_COMBINATIONS + " combinations in " + pattern);
            }
            List<String> next = new ArrayList<>(results.size() * alternatives.size());
            for (String prefix : results) {
                for (String alternative : alternatives) {
                    next.add(prefix + alternative);
                }
            }
            results = next;
        }
        return results;
    }
}
