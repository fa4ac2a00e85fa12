package io.sangdam.routing;

/** The center whose engine routes a contact or an agent (identity's center id). */
public record CenterId(long value) {

    public static CenterId of(long value) {
        return new CenterId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
