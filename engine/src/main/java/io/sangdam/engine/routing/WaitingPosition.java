package io.sangdam.engine.routing;

/**
 * Where a waiting contact stands: how many contacts of its queue wait before it, and how many
 * agents are logged in (to estimate the wait with).
 */
public record WaitingPosition(int ahead, int agentsLoggedIn) {}
