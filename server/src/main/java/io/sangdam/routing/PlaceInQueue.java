package io.sangdam.routing;

/**
 * Where a waiting contact stands: how many contacts of its queue wait before it, how many agents
 * are logged in, and how many of those have the skills (and lane) its queue asks for at any of its
 * overflow stages, whatever their state now. None able to answer: no wait time can be promised.
 */
public record PlaceInQueue(int ahead, int agentsLoggedIn, int agentsAbleToAnswer) {}
