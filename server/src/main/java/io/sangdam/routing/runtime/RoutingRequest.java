package io.sangdam.routing.runtime;

import io.sangdam.engine.routing.AgentId;
import io.sangdam.engine.routing.AgentProfile;
import io.sangdam.engine.routing.Channel;
import io.sangdam.engine.routing.ContactAttribute;
import io.sangdam.engine.routing.ContactId;
import io.sangdam.engine.routing.QueueId;
import io.sangdam.engine.routing.RoutingCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A routing command as Sangdam stores it: plain values that serialise to JSON and replay into the
 * engine's own commands. Everything a replay needs is inside (an agent's skills at log-in, not a
 * reference to today's skills), so rebuilding after a crash gives the same state.
 */
public sealed interface RoutingRequest {

    RoutingCommand toCommand();

    /** @param groups the agent's groups besides the lanes (their team); null in logs written before teams were groups */
    record LogIn(
            String agent,
            Map<String, Integer> skills,
            int chatCapacity,
            @Nullable List<String> groups) implements RoutingRequest {

        static final String NOT_READY_AFTER_LOG_IN = "logged in";

        LogIn(String agent, Map<String, Integer> skills, int chatCapacity) {
            this(agent, skills, chatCapacity, null);
        }

        @Override
        public RoutingCommand toCommand() {
            AgentProfile profile = AgentProfile.agent(agent).withCapacity(Channel.CHAT, chatCapacity);
            for (var skill : skills.entrySet()) {
                profile = profile.withSkill(skill.getKey(), skill.getValue());
            }
            for (String lane : Lanes.of(skills.keySet())) {
                profile = profile.inGroup(lane);
            }
            for (String group : groups == null ? List.<String>of() : groups) {
                profile = profile.inGroup(group);
            }
            // Logged in but not yet taking contacts: the agent says when they are ready.
            return new RoutingCommand.AgentLoggedIn(profile, NOT_READY_AFTER_LOG_IN);
        }
    }

    record LogOut(String agent) implements RoutingRequest {
        @Override
        public RoutingCommand toCommand() {
            return new RoutingCommand.AgentLoggedOut(AgentId.of(agent));
        }
    }

    record BecomeReady(String agent) implements RoutingRequest {
        @Override
        public RoutingCommand toCommand() {
            return new RoutingCommand.AgentBecameReady(AgentId.of(agent));
        }
    }

    record GoNotReady(String agent, String reason) implements RoutingRequest {
        @Override
        public RoutingCommand toCommand() {
            return new RoutingCommand.AgentWentNotReady(AgentId.of(agent), reason);
        }
    }

    record Arrive(String contact, String queue, String channel, int priority, List<String> attributes)
            implements RoutingRequest {
        @Override
        public RoutingCommand toCommand() {
            var parsed = EnumSet.noneOf(ContactAttribute.class);
            attributes.forEach(a -> parsed.add(ContactAttribute.valueOf(a)));
            return new RoutingCommand.ContactArrived(
                    ContactId.of(contact),
                    QueueId.of(queue),
                    Channel.valueOf(channel),
                    priority,
                    parsed,
                    null,
                    Duration.ZERO,
                    null);
        }
    }

    record Accept(String agent, String contact) implements RoutingRequest {
        @Override
        public RoutingCommand toCommand() {
            return new RoutingCommand.OfferAccepted(AgentId.of(agent), ContactId.of(contact));
        }
    }

    record Decline(String agent, String contact) implements RoutingRequest {
        @Override
        public RoutingCommand toCommand() {
            return new RoutingCommand.OfferDeclined(AgentId.of(agent), ContactId.of(contact));
        }
    }

    /**
     * @param untilRecorded the agent's wrap-up, if this was their last contact, lasts until the
     *     server ends it once their consultation records are saved; null in logs written before
     *     the center could choose (a timed wrap-up then)
     */
    record End(String contact, boolean forAbuse, @Nullable Boolean untilRecorded) implements RoutingRequest {

        public End(String contact, boolean forAbuse) {
            this(contact, forAbuse, null);
        }

        @Override
        public RoutingCommand toCommand() {
            return new RoutingCommand.ContactEnded(ContactId.of(contact), forAbuse, Boolean.TRUE.equals(untilRecorded));
        }
    }

    record FinishWrapUp(String agent) implements RoutingRequest {
        @Override
        public RoutingCommand toCommand() {
            return new RoutingCommand.WrapUpEnded(AgentId.of(agent));
        }
    }

    /**
     * To a queue, or to a colleague first ({@code agent}, for {@code agentWaitSeconds}); older logs
     * have neither. {@code untilRecorded} as for {@link End}: the transferring agent writes a record too.
     */
    record Transfer(
            String contact,
            String queue,
            @Nullable String agent,
            @Nullable Integer agentWaitSeconds,
            @Nullable Boolean untilRecorded)
            implements RoutingRequest {

        public Transfer(String contact, String queue, @Nullable String agent, @Nullable Integer agentWaitSeconds) {
            this(contact, queue, agent, agentWaitSeconds, null);
        }

        @Override
        public RoutingCommand toCommand() {
            return new RoutingCommand.TransferRequested(
                    ContactId.of(contact),
                    QueueId.of(queue),
                    agent == null ? null : AgentId.of(agent),
                    agent == null ? Duration.ZERO : Duration.ofSeconds(agentWaitSeconds == null ? 0 : agentWaitSeconds),
                    Boolean.TRUE.equals(untilRecorded));
        }
    }

    /** A supervisor moves a waiting contact; {@code by} is who did it, kept in the log for the record. */
    record Move(String contact, String queue, String by) implements RoutingRequest {
        @Override
        public RoutingCommand toCommand() {
            return new RoutingCommand.MoveRequested(ContactId.of(contact), QueueId.of(queue));
        }
    }

    /** A supervisor gives an agent in a recovery break more time. */
    record ExtendRecovery(String agent, long seconds) implements RoutingRequest {
        @Override
        public RoutingCommand toCommand() {
            return new RoutingCommand.RecoveryExtended(AgentId.of(agent), Duration.ofSeconds(seconds));
        }
    }

    /**
     * A contact carried into a new engine at a checkpoint (docs/adr/0006): back to the agent who held
     * it or was offered it ({@code agent}), or waiting again, with its original arrival kept.
     */
    record Restore(
            String contact,
            String queue,
            String channel,
            int priority,
            List<String> attributes,
            @Nullable String agent,
            Instant originalArrival)
            implements RoutingRequest {

        /** Long enough for the restoring commands that follow at the same instant; the engine's clock does not move meanwhile. */
        static final Duration HOLD_FOR_AGENT = Duration.ofSeconds(1);

        @Override
        public RoutingCommand toCommand() {
            var parsed = EnumSet.noneOf(ContactAttribute.class);
            attributes.forEach(a -> parsed.add(ContactAttribute.valueOf(a)));
            return new RoutingCommand.ContactArrived(
                    ContactId.of(contact),
                    QueueId.of(queue),
                    Channel.valueOf(channel),
                    priority,
                    parsed,
                    agent == null ? null : AgentId.of(agent),
                    agent == null ? Duration.ZERO : HOLD_FOR_AGENT,
                    originalArrival);
        }
    }

    static Class<? extends RoutingRequest> type(String name) {
        return switch (name) {
            case "LogIn" -> LogIn.class;
            case "LogOut" -> LogOut.class;
            case "BecomeReady" -> BecomeReady.class;
            case "GoNotReady" -> GoNotReady.class;
            case "Arrive" -> Arrive.class;
            case "Accept" -> Accept.class;
            case "Decline" -> Decline.class;
            case "End" -> End.class;
            case "FinishWrapUp" -> FinishWrapUp.class;
            case "Transfer" -> Transfer.class;
            case "Move" -> Move.class;
            case "ExtendRecovery" -> ExtendRecovery.class;
            case "Restore" -> Restore.class;
            default -> throw new IllegalArgumentException("Unknown routing command type " + name);
        };
    }
}
