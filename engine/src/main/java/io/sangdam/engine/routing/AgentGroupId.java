package io.sangdam.engine.routing;

import java.util.Objects;

/** Identifies one agent group; the engine never interprets the text, it only compares it. */
public record AgentGroupId(String value) {
    public AgentGroupId {
        Objects.requireNonNull(value, "value");
    }

    public static AgentGroupId of(String value) {
        return new AgentGroupId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
