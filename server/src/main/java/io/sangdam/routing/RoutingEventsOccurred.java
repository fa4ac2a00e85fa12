package io.sangdam.routing;

import io.sangdam.engine.routing.RoutingEvent;
import java.util.List;

/** What a center's routing engine decided for one command; published after it is stored. */
public record RoutingEventsOccurred(long centerId, List<RoutingEvent> events) {

    public RoutingEventsOccurred {
        events = List.copyOf(events);
    }
}
