package io.sangdam.knowledge;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * Lines of a reader, each at most {@code limit} characters: a longer one is skipped to its end and
 * reported as truncated, so one enormous line cannot take the server's memory.
 */
final class BoundedLines {

    private final Reader reader;
    private final int limit;
    private final char[] buffer = new char[8192];
    private int position;
    private int length;
    private boolean truncated;
    private boolean ended;

    BoundedLines(Reader reader, int limit) {
        this.reader = reader;
        this.limit = limit;
    }

    @Nullable
    String next() {
        if (ended) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        truncated = false;
        boolean any = false;
        try {
            while (true) {
                if (position == length) {
                    length = reader.read(buffer);
                    position = 0;
                    if (length <= 0) {
                        ended = true;
                        length = 0;
                        return any ? finish(line) : null;
                    }
                }
                char c = buffer[position++];
                any = true;
                if (c == '\n') {
                    return finish(line);
                }
                if (line.length() < limit) {
                    line.append(c);
                } else {
                    truncated = true;
                }
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    boolean truncated() {
        return truncated;
    }

    private String finish(StringBuilder line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return truncated ? "" : line.toString();
    }
}
