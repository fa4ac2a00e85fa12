package io.sangdam.knowledge;

/**
 * Where an article's newest version stands: written, waiting for a reviewer, in force, or taken out
 * of use (kept, and findable, for audit). A published article being edited is DRAFT or IN_REVIEW
 * again while its published version stays in force.
 */
public enum ArticleStatus {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    ARCHIVED
}
