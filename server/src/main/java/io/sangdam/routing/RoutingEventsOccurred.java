package io.sangdam.routing;

import io.sangdam.engine.routing.RoutingEvent;
import java.util.List;

/**
 * What a center's routing engine decided, in order, for one command or for a batch of commands
 * stored by one commit; published inside the storing transaction (listeners' writes share it).
 */
public record RoutingEventsOccurred(long centerId, List<RoutingEvent> events) {

    public RoutingEventsOccurred {
        events = List.copyOf(events);
    }
}
