package io.sangdam.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A read-only picture of a center's routing, in routing's own terms: its agents and the contacts
 * waiting, offered and assigned. Sorted by id, as the engine keeps it.
 */
public record RoutingState(Instant now, List<Agent> agents, List<Contact> contacts) {

    public RoutingState {
        agents = List.copyOf(agents);
        contacts = List.copyOf(contacts);
    }

    /**
     * @param capacity how many contacts of each channel the agent may hold at once
     * @param notReadyReason the reason the agent gave for not being ready, while {@code NOT_READY}; else null
     */
    public record Agent(
            AgentUsername id,
            AgentStatus status,
            Map<ContactChannel, Integer> capacity,
            List<RoutedContact> contacts,
            @Nullable String notReadyReason) {

        public Agent {
            capacity = Map.copyOf(capacity);
            contacts = List.copyOf(contacts);
        }

        public Agent(
                AgentUsername id,
                AgentStatus status,
                Map<ContactChannel, Integer> capacity,
                List<RoutedContact> contacts) {
            this(id, status, capacity, contacts, null);
        }
    }

    public enum ContactStatus {
        WAITING,
        OFFERED,
        ASSIGNED
    }

    /**
     * @param agent the agent it is offered or assigned to; null while it waits
     * @param originalArrival when the customer first came (kept across moves and transfers)
     */
    public record Contact(
            RoutedContact id,
            QueueCode queue,
            ContactChannel channel,
            int priority,
            Set<CustomerAttribute> attributes,
            ContactStatus status,
            @Nullable AgentUsername agent,
            Instant originalArrival,
            Instant queuedAt) {

        public Contact {
            attributes = Set.copyOf(attributes);
        }
    }
}
