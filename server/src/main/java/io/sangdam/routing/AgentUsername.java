package io.sangdam.routing;

import java.util.Objects;

/** An agent as routing knows them: their username (identity's {@code StaffMember.username()}). */
public record AgentUsername(String value) {

    public AgentUsername {
        Objects.requireNonNull(value, "value");
    }

    public static AgentUsername of(String value) {
        return new AgentUsername(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
