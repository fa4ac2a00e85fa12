package io.sangdam.routing;

/** The medium a contact arrives on; an agent holds a separate number of contacts of each. */
public enum ContactChannel {
    VOICE,
    CHAT,
    EMAIL
}
