package io.sangdam.routing;

/**
 * Where a waiting contact stands: how many contacts of its queue wait before it, and how many
 * agents are logged in (to estimate the wait with).
 */
public record PlaceInQueue(int ahead, int agentsLoggedIn) {}
