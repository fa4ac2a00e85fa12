package io.sangdam.knowledge;

/**
 * Who may read an article: agents only, or also the bot and customers. Written as {@code agents} and
 * {@code public} in the import and export lines.
 */
public enum Audience {
    AGENTS,
    PUBLIC;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
