package io.sangdam.engine.routing;

import java.util.List;
import java.util.Map;

/**
 * The fixed part of routing: queues, dedicated lanes and settings. Agents are not configured here;
 * they arrive with {@link RoutingCommand.AgentLoggedIn}.
 *
 * @param lanes a contact with one of these attributes is served only by the mapped agent group (in
 *     place of the queue's groups; the queue's skills still apply)
 */
public record RoutingConfiguration(
        List<QueueDefinition> queues, Map<ContactAttribute, AgentGroupId> lanes, RoutingSettings settings) {

    public RoutingConfiguration {
        queues = List.copyOf(queues);
        lanes = Map.copyOf(lanes);
    }

    public static RoutingConfiguration of(QueueDefinition... queues) {
        return new RoutingConfiguration(List.of(queues), Map.of(), RoutingSettings.DEFAULTS);
    }

    public RoutingConfiguration withLane(ContactAttribute attribute, String group) {
        var changed = new java.util.HashMap<>(lanes);
        changed.put(attribute, AgentGroupId.of(group));
        return new RoutingConfiguration(queues, changed, settings);
    }

    public RoutingConfiguration withSettings(RoutingSettings newSettings) {
        return new RoutingConfiguration(queues, lanes, newSettings);
    }
}
