package io.sangdam.engine.routing;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A read-only picture of the engine, sorted by id so two snapshots compare with {@code equals}.
 * Good for dashboards and tests; to rebuild an engine, replay its command log instead.
 */
public record RoutingSnapshot(Instant now, List<AgentView> agents, List<ContactView> contacts) {

    public record AgentView(
            AgentId id, AgentState state, AgentProfile profile, int missedOffersInARow, List<ContactId> contacts) {}

    public enum ContactStatus {
        WAITING,
        OFFERED,
        ASSIGNED
    }

    /**
     * @param overflowStep how many of the queue's overflow steps applied (0 = none)
     * @param waitingFor the preferred agent the contact is still reserved for, if any
     * @param keptAwayFrom agents who missed this contact and are not offered it again for a while
     */
    public record ContactView(
            ContactId id,
            QueueId queue,
            Channel channel,
            int priority,
            Set<ContactAttribute> attributes,
            ContactStatus status,
            @Nullable AgentId agent,
            Instant originalArrival,
            Instant queuedAt,
            int overflowStep,
            @Nullable AgentId waitingFor,
            Set<AgentId> keptAwayFrom) {}
}
