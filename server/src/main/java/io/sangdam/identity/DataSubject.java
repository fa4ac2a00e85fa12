package io.sangdam.identity;

import org.jspecify.annotations.Nullable;

/**
 * Whose personal data was accessed: a kind of record and its id (a customer number, a chat id). The
 * label is what lets a reviewer recognise the record (a masked name, a masked query) and must
 * already be masked.
 */
public record DataSubject(
        DataSubjectType type, String id, @Nullable String maskedLabel) {

    public DataSubject {
        if (id.isBlank()) {
            throw new IllegalArgumentException("A data subject needs an id");
        }
    }
}
