package io.sangdam.knowledge;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an import did: articles new to the center, articles that got a new version, lines whose
 * article was already exactly so (nothing written: an import run twice changes nothing), and the
 * lines it refused, each with its number (from 1), the line's id when it had one, and why.
 */
public record ImportReport(int imported, int updated, int unchanged, List<RejectedLine> rejected) {

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    /** A refused line: a stable code, as in problem details, and a readable message. */
    public record RejectedLine(int line, @Nullable String id, String code, String message) {}
}
