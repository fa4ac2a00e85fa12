package io.sangdam.engine.routing;

import io.sangdam.engine.routing.RoutingCommand.AgentBecameReady;
import io.sangdam.engine.routing.RoutingCommand.AgentLoggedIn;
import io.sangdam.engine.routing.RoutingCommand.AgentWentNotReady;
import io.sangdam.engine.routing.RoutingCommand.ClockAdvanced;
import io.sangdam.engine.routing.RoutingCommand.ContactArrived;
import io.sangdam.engine.routing.RoutingCommand.ContactEnded;
import io.sangdam.engine.routing.RoutingCommand.OfferAccepted;
import io.sangdam.engine.routing.RoutingCommand.OfferDeclined;
import io.sangdam.engine.routing.RoutingEvent.ContactOffered;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A routing engine under test with short verbs for the commands and a record of all events. */
final class Center {
    static final Instant START = Instant.parse("2026-11-24T09:00:00Z");

    final RoutingEngine engine;
    final List<RoutingEvent> events = new ArrayList<>();

    Center(RoutingConfiguration configuration) {
        engine = RoutingEngine.start(configuration, START);
    }

    static Center of(QueueDefinition... queues) {
        return new Center(RoutingConfiguration.of(queues));
    }

    List<RoutingEvent> apply(RoutingCommand command) {
        List<RoutingEvent> caused = engine.apply(command);
        events.addAll(caused);
        return caused;
    }

    Center login(AgentProfile profile) {
        apply(new AgentLoggedIn(profile));
        return this;
    }

    Center login(String... agents) {
        for (String agent : agents) {
            login(AgentProfile.agent(agent));
        }
        return this;
    }

    List<RoutingEvent> arrive(ContactArrived arrived) {
        return apply(arrived);
    }

    List<RoutingEvent> arrive(String contact, String queue) {
        return apply(ContactArrived.of(contact, queue, Channel.VOICE));
    }

    List<RoutingEvent> chat(String contact, String queue) {
        return apply(ContactArrived.of(contact, queue, Channel.CHAT));
    }

    List<RoutingEvent> accept(String agent, String contact) {
        return apply(new OfferAccepted(AgentId.of(agent), ContactId.of(contact)));
    }

    List<RoutingEvent> decline(String agent, String contact) {
        return apply(new OfferDeclined(AgentId.of(agent), ContactId.of(contact)));
    }

    List<RoutingEvent> end(String contact) {
        return apply(ContactEnded.of(contact));
    }

    List<RoutingEvent> ready(String agent) {
        return apply(new AgentBecameReady(AgentId.of(agent)));
    }

    List<RoutingEvent> notReady(String agent, String reason) {
        return apply(new AgentWentNotReady(AgentId.of(agent), reason));
    }

    List<RoutingEvent> advance(Duration duration) {
        return apply(new ClockAdvanced(engine.now().plus(duration)));
    }

    List<RoutingEvent> seconds(long seconds) {
        return advance(Duration.ofSeconds(seconds));
    }

    /** Offers the contact and has its agent accept; returns the agent. */
    String answer(String contact) {
        String agent = offeredAgent(contact);
        if (agent == null) {
            throw new AssertionError(contact + " is not offered; events: " + events);
        }
        accept(agent, contact);
        return agent;
    }

    /** The agent the contact is offered to right now, if any. */
    @Nullable
    String offeredAgent(String contact) {
        for (RoutingSnapshot.ContactView view : engine.snapshot().contacts()) {
            if (view.id().value().equals(contact) && view.status() == RoutingSnapshot.ContactStatus.OFFERED) {
                return view.agent().value();
            }
        }
        return null;
    }

    AgentState state(String agent) {
        return engine.agentState(AgentId.of(agent));
    }

    static @Nullable String offeredIn(List<RoutingEvent> caused, String contact) {
        for (RoutingEvent event : caused) {
            if (event instanceof ContactOffered offered
                    && offered.contact().value().equals(contact)) {
                return offered.agent().value();
            }
        }
        return null;
    }

    <T extends RoutingEvent> List<T> eventsOf(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (RoutingEvent event : events) {
            if (type.isInstance(event)) {
                found.add(type.cast(event));
            }
        }
        return found;
    }
}
