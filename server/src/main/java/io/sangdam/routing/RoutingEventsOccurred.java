package io.sangdam.routing;

import java.util.List;

/**
 * What a center's routing decided, in order, for one command or for a batch of commands stored by
 * one commit; published inside the storing transaction (listeners' writes share it, and read
 * models are current before anything is pushed after the commit). One event per commit rather
 * than one per decision: listeners fold a batch into a few statements (docs/adr/0016).
 */
public record RoutingEventsOccurred(CenterId center, List<RoutedEvent> events) {

    public RoutingEventsOccurred {
        events = List.copyOf(events);
    }
}
