package io.sangdam.platform;

import org.jspecify.annotations.Nullable;

/**
 * The reason a person gives for an act that is logged (unmasking, exporting, lifting a
 * registration): what the log shows an auditor later. A reason must say something: blank, a dot,
 * a zero-width space or a no-break space was accepted and left the log with nothing to read. So a
 * reason needs at least one letter or digit, in any script.
 */
public final class Reasons {

    private Reasons() {}

    /** The reason as it is logged (stripped), or null when nothing readable was given. */
    public static @Nullable String given(@Nullable String reason) {
        if (reason == null) {
            return null;
        }
        String stripped = reason.strip();
        return stripped.codePoints().anyMatch(Character::isLetterOrDigit) ? stripped : null;
    }

    /**
     * The reason as it is logged; refuses a missing or unreadable one ({@code reason-required})
     * and one longer than {@code maximumLength} ({@code reason-too-long}).
     */
    public static String required(@Nullable String reason, int maximumLength) {
        String given = given(reason);
        if (given == null) {
            throw RequestRejected.badRequest("reason-required");
        }
        return withinLength(given, maximumLength);
    }

    /** A given reason within the length, or null when none (or nothing readable) was given. */
    public static @Nullable String optional(@Nullable String reason, int maximumLength) {
        String given = given(reason);
        return given == null ? null : withinLength(given, maximumLength);
    }

    private static String withinLength(String given, int maximumLength) {
        if (given.codePointCount(0, given.length()) > maximumLength) {
            throw RequestRejected.badRequest("reason-too-long", maximumLength);
        }
        return given;
    }
}
