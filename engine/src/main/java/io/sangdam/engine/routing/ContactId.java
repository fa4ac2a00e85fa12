package io.sangdam.engine.routing;

import java.util.Objects;

/** Identifies one contact; the engine never interprets the text, it only compares it. */
public record ContactId(String value) {
    public ContactId {
        Objects.requireNonNull(value, "value");
    }

    public static ContactId of(String value) {
        return new ContactId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
