package io.sangdam.routing;

import java.util.Objects;

/** A queue of a center, by its code ({@link QueueSettings#code()}, e.g. {@code BILLING}). */
public record QueueCode(String value) {

    public QueueCode {
        Objects.requireNonNull(value, "value");
    }

    public static QueueCode of(String value) {
        return new QueueCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
