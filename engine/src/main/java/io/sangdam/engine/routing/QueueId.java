package io.sangdam.engine.routing;

import java.util.Objects;

/** Identifies one queue; the engine never interprets the text, it only compares it. */
public record QueueId(String value) {
    public QueueId {
        Objects.requireNonNull(value, "value");
    }

    public static QueueId of(String value) {
        return new QueueId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
