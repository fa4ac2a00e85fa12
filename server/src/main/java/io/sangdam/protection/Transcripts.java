package io.sangdam.protection;

import java.time.Instant;
import java.util.List;

/**
 * The messages of a contact as they were stored (masked), with the words the screening flagged.
 * Implemented by the channel that carried the contact (protection does not know channels); used
 * for the evidence pack.
 */
public interface Transcripts {

    record Flag(String category, String severity, int start, int end) {}

    /** @param sender CUSTOMER, AGENT or SYSTEM (notices and warnings) */
    record Line(String sender, String body, Instant at, List<Flag> flags) {

        public Line {
            flags = List.copyOf(flags);
        }
    }

    /** Empty when this channel does not know the contact. */
    List<Line> of(String contact);
}
