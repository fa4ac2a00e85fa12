package io.sangdam.engine.routing;

import java.util.Objects;

/** Identifies one skill; the engine never interprets the text, it only compares it. */
public record SkillId(String value) {
    public SkillId {
        Objects.requireNonNull(value, "value");
    }

    public static SkillId of(String value) {
        return new SkillId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
