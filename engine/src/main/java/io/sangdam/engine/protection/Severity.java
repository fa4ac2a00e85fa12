package io.sangdam.engine.protection;

/** How grave a lexicon term is; declared in ascending order so {@code compareTo} ranks them. */
public enum Severity {
    /** Vulgar or rude but common as an intensifier (존나, 미쳤냐). */
    LOW,
    /** Plain abuse (병신, 꺼져). */
    MEDIUM,
    /**
     * The gravest terms: strong profanity, attacks on family, threats of violence, sexual remarks.
     */
    HIGH
}
