package io.sangdam.channel;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A chat offered to an agent, as the desk's offer card shows it: what the customer asked about
 * (the queue is the topic they chose), who, since when they wait, and what they wrote first, so
 * that the agent knows the chat before accepting it.
 *
 * @param customer the customer's label as the chat stored it (masked), empty when they gave none
 * @param waitingSince when the customer came; a transferred chat counts from then too
 * @param firstMessage the customer's first message as stored (masked); null while they wrote none
 * @param flagged the customer is in the abusive-customer registry; null otherwise
 */
record DeskOffer(
        String conversation,
        String queue,
        String customer,
        Instant expiresAt,
        Instant waitingSince,
        @Nullable String firstMessage,
        Chats.@Nullable Flagged flagged) {

    static DeskOffer of(
            Conversations.Conversation chat,
            Instant expiresAt,
            @Nullable String firstMessage,
            Chats.@Nullable Flagged flagged) {
        return new DeskOffer(
                chat.id(),
                chat.queue(),
                chat.customerLabel() == null ? "" : chat.customerLabel(),
                expiresAt,
                chat.createdAt(),
                firstMessage,
                flagged);
    }
}
