package io.sangdam.engine.routing;

import java.util.Objects;

/** Identifies one agent; the engine never interprets the text, it only compares it. */
public record AgentId(String value) {
    public AgentId {
        Objects.requireNonNull(value, "value");
    }

    public static AgentId of(String value) {
        return new AgentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
