package io.sangdam.routing.runtime;

import io.sangdam.engine.routing.AgentGroupId;
import io.sangdam.engine.routing.BusinessHours;
import io.sangdam.engine.routing.Channel;
import io.sangdam.engine.routing.OverflowAction;
import io.sangdam.engine.routing.QueueDefinition;
import io.sangdam.engine.routing.QueueId;
import io.sangdam.engine.routing.RoutingConfiguration;
import io.sangdam.engine.routing.RoutingSettings;
import io.sangdam.engine.routing.SelectionStrategy;
import io.sangdam.engine.routing.SkillId;
import io.sangdam.routing.AgentSkill;
import io.sangdam.routing.QueueSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a center's stored queues into the engine's configuration. A checkpoint stores the
 * queues, not this translation, so a rebuild translates them again: change it only in ways that
 * give the same engine for the same queues, or old logs replay differently.
 */
public final class EngineConfiguration {

    private EngineConfiguration() {}

    public static RoutingConfiguration of(List<QueueSettings> configured) {
        List<QueueDefinition> definitions = new ArrayList<>();
        for (QueueSettings queue : configured) {
            QueueDefinition definition = QueueDefinition.queue(queue.code(), Channel.valueOf(queue.channel()))
                    .withPriority(queue.priority())
                    .withServiceLevel(
                            queue.serviceLevelPercent() / 100, Duration.ofSeconds(queue.serviceLevelSeconds()))
                    .choosing(SelectionStrategy.valueOf(queue.strategy()))
                    .withWrapUp(Duration.ofSeconds(queue.wrapUpSeconds()))
                    // Opening hours are checked by the server before a contact arrives (QueueHours).
                    .open(BusinessHours.ALWAYS);
            for (QueueSettings.Requirement requirement : queue.requirements()) {
                definition = definition.requiring(requirement.skill(), requirement.minimumLevel());
            }
            if (queue.agentGroup() != null) {
                definition = definition.forGroup(queue.agentGroup());
            }
            for (QueueSettings.Overflow step : queue.overflow()) {
                OverflowAction action = switch (step.kind()) {
                    case LOWER_LEVEL ->
                        new OverflowAction.LowerMinimumLevel(
                                SkillId.of(step.target()),
                                step.level() == null ? AgentSkill.MINIMUM_LEVEL : step.level());
                    case WIDEN_TO_GROUP -> new OverflowAction.WidenToGroup(AgentGroupId.of(step.target()));
                    case MOVE_TO_QUEUE -> new OverflowAction.MoveToQueue(QueueId.of(step.target()));
                };
                definition = definition.overflowAfter(Duration.ofSeconds(step.afterSeconds()), action);
            }
            definitions.add(definition);
        }
        return new RoutingConfiguration(definitions, Lanes.groups(), RoutingSettings.DEFAULTS);
    }
}
