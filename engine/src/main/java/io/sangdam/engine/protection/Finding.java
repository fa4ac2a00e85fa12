package io.sangdam.engine.protection;

/**
 * One abusive span in a message. {@code start} and {@code end} are UTF-16 offsets into the text
 * exactly as received ({@code text.substring(start, end)} is what the agent's screen highlights);
 * {@code term} is the lexicon pattern that matched, so the protection team can see which entry
 * fired.
 */
public record Finding(AbuseCategory category, Severity severity, int start, int end, String term) {

    public Finding {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("finding needs 0 <= start < end, was " + start + ".." + end);
        }
    }
}
