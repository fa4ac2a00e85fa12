package io.sangdam.channel;

import io.sangdam.channel.Chats.Position;
import io.sangdam.channel.Conversations.Conversation;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.PlaceInQueue;
import io.sangdam.routing.RoutedContact;
import io.sangdam.routing.Routing;
import org.springframework.stereotype.Component;

/**
 * What the customer is promised while a chat waits: the place in the queue and, only when someone
 * logged in can answer the topic, a time. With agents logged in but busy the estimate stands (they
 * will be free); with none who has the topic's skills (night, or a topic nobody on shift covers) a
 * time would be a promise the center cannot keep, so the widget says so and offers to leave a
 * message instead.
 */
@Component
class WaitingPlaces {

    /** Seconds a chat is assumed to take, for the customer's wait estimate. */
    static final int ESTIMATED_HANDLING_SECONDS = 240;

    private final Routing routing;

    WaitingPlaces(Routing routing) {
        this.routing = routing;
    }

    Position position(Conversation conversation) {
        if (conversation.status() != Conversations.Status.WAITING) {
            return Position.of(conversation.status(), 0, 0);
        }
        // Not the whole snapshot: with thousands waiting, each asking every 10 s, copying it was the cost.
        var place = routing.waitingPosition(CenterId.of(conversation.centerId()), RoutedContact.of(conversation.id()));
        int ahead = place.map(PlaceInQueue::ahead).orElse(0);
        int able = place.map(PlaceInQueue::agentsAbleToAnswer).orElse(0);
        if (place.isEmpty()) {
            // Offered or answered between the conversation's read and routing's: the stream brings the news.
            return Position.of(Conversations.Status.WAITING, ahead, null);
        }
        if (able == 0) {
            return Position.nobodyToAnswer(ahead);
        }
        int estimate = (int) ((ahead + 1) * ESTIMATED_HANDLING_SECONDS / ((long) able * Routing.DEFAULT_CHAT_CAPACITY));
        return Position.of(Conversations.Status.WAITING, ahead, estimate);
    }
}
