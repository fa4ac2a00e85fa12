package io.sangdam.engine.routing;

/** The medium a contact arrives on; agents have a separate capacity for each. */
public enum Channel {
    VOICE,
    CHAT,
    EMAIL
}
