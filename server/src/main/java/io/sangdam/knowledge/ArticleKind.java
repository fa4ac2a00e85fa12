package io.sangdam.knowledge;

/**
 * The kinds of text the knowledge base keeps in one place: answers, the short snippets agents type
 * with {@code /} in the message box, and CX case stories centers share with each other.
 */
public enum ArticleKind {
    ARTICLE,
    SNIPPET,
    CASE
}
