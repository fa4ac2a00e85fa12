package io.sangdam.routing.runtime;

import java.util.Optional;

/** What an agent logs in with today (skills, capacity, groups), read fresh for a checkpoint's carrying. */
public interface AgentLogIns {

    /** Empty when the account is gone: such an agent is not carried over. */
    Optional<RoutingRequest.LogIn> logIn(String username);
}
