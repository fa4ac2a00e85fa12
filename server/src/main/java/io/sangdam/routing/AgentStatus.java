package io.sangdam.routing;

/**
 * What an agent is doing, as routing sees it; the names are what screens, streams and the live
 * board's read model show and store, so they are kept as they are.
 */
public enum AgentStatus {
    OFFLINE,
    AVAILABLE,
    NOT_READY,
    RESERVED,
    BUSY,
    WRAP_UP,
    RECOVERY
}
