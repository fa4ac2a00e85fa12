package io.sangdam.engine.routing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an agent is doing, as routing sees it. When several apply the first in this list wins:
 * offline, recovery, wrap-up, reserved, busy, not-ready, available. So an agent who asked for a
 * break during a call shows busy until the call ends, then not-ready.
 */
public sealed interface AgentState {

    record Offline() implements AgentState {}

    /** Logged in and ready, holding no contact. */
    record Available() implements AgentState {}

    record NotReady(String reason) implements AgentState {}

    /** A contact is offered and the agent has not answered yet. */
    record Reserved(ContactId contact) implements AgentState {}

    /**
     * Handling {@code contacts} contacts. An agent busy with chats below their chat capacity still
     * gets offers.
     */
    record Busy(int contacts) implements AgentState {}

    /** After-contact work; {@code until} is null for a wrap-up that lasts until {@code WrapUpEnded}. */
    record WrapUp(@Nullable Instant until) implements AgentState {}

    /** The break after an abusive contact (산업안전보건법 제41조): nothing is offered until it ends. */
    record Recovery(Instant until) implements AgentState {}

    AgentState OFFLINE = new Offline();
    AgentState AVAILABLE = new Available();
}
