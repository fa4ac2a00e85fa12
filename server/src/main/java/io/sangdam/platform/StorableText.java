package io.sangdam.platform;

import org.jspecify.annotations.Nullable;

/**
 * What text may be stored: checked once where requests are read (JSON bodies by
 * {@code web.CheckedJson}, parameters and paths by {@code web.RequestTextFilter}), so no module has
 * to remember it, and again by routing for commands raised inside the server, with the same rule.
 *
 * <p>Why each rule: PostgreSQL cannot store NUL in text, and one NUL in a routing command once
 * threw away a whole batch of other people's commands; other control characters have no place in
 * names, reasons or messages and hide text from the people who read it; a lone surrogate is not a
 * character at all and the database driver silently stored it as {@code ?}. Tab, line feed and
 * carriage return stay allowed: multi-line text (messages, notes, a browser's text area, which
 * sends CR LF) needs them. The length limit keeps one field from taking the server's memory and
 * time; a field that documents a longer limit ({@code @Size(max = …)}) may use it.
 */
public final class StorableText {

    /** The longest single string a request may carry unless its field documents more. */
    public static final int MAXIMUM_LENGTH = 10_000;

    /** Why a text was refused; each has its own problem code. */
    public enum Fault {
        CONTROL_CHARACTER("invalid-text"),
        LONE_SURROGATE("invalid-text"),
        TOO_LONG("text-too-long");

        private final String code;

        Fault(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private StorableText() {}

    /** The first rule {@code text} breaks, or null when it may be stored as it is. */
    public static @Nullable Fault faultIn(String text, int maximumLength) {
        if (text.length() > maximumLength && text.codePointCount(0, text.length()) > maximumLength) {
            return Fault.TOO_LONG;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Fault.LONE_SURROGATE;
            }
            if (Character.isLowSurrogate(c)) {
                return Fault.LONE_SURROGATE;
            }
            if (isControl(c)) {
                return Fault.CONTROL_CHARACTER;
            }
        }
        return null;
    }

    /** C0 controls but tab, line feed and carriage return; DEL; the C1 controls. */
    private static boolean isControl(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        return c >= 0x7f && c <= 0x9f;
    }
}
