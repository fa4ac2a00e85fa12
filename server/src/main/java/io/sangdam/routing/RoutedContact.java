package io.sangdam.routing;

import java.util.Objects;

/**
 * A contact as routing knows it: the id its channel gave it (a chat's conversation id, {@code
 * callback-<id>} for a left message, a PBX's call id). Routing only compares it.
 */
public record RoutedContact(String value) {

    public RoutedContact {
        Objects.requireNonNull(value, "value");
    }

    public static RoutedContact of(String value) {
        return new RoutedContact(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
