package io.sangdam.identity;

import org.jspecify.annotations.Nullable;

/**
 * Whose personal data was accessed: a kind of record ({@code customer}, {@code contact}, ...) and
 * its id. The label helps the reviewer recognise the record and must already be masked.
 */
public record DataSubject(String type, String id, @Nullable String maskedLabel) {

    public DataSubject {
        if (type.isBlank() || id.isBlank()) {
            throw new IllegalArgumentException("A data subject needs a type and an id");
        }
    }
}
