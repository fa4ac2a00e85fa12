package io.sangdam.engine.protection;

import java.util.Objects;

/**
 * One lexicon entry: a pattern, its category and severity.
 *
 * <p>The pattern is written as the protection team would type it, with optional groups {@code
 * (a|b|c)} that expand to every combination: {@code (시|씨)(발|빨)} stands for 시발, 시빨, 씨발 and 씨빨. A
 * space in a pattern means the words may be written apart or together ("가만 안 둬" matches 가만안둬 and 가만
 * 안 둬); without a space the term only matches inside one word, never across two real words (so 시발
 * is not found in "다시 발급").
 */
public record LexiconTerm(String pattern, AbuseCategory category, Severity severity) {

    public LexiconTerm {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
    }
}
