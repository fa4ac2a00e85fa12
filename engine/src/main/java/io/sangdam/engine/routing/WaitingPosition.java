package io.sangdam.engine.routing;

/**
 * Where a waiting contact stands: how many contacts of its queue wait before it, how many agents
 * are logged in, and how many of those could answer it (its queue's skills and lane, at any overflow
 * stage), to estimate the wait with. None able to answer means a wait nobody will end until one logs in.
 */
public record WaitingPosition(int ahead, int agentsLoggedIn, int agentsAbleToAnswer) {}
