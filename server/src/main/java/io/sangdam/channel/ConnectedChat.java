package io.sangdam.channel;

import io.sangdam.channel.Conversations.Conversation;
import io.sangdam.channel.Conversations.Message;
import java.util.List;

/**
 * What the desk is told of a chat that reaches its agent (the desk stream's {@code connected}
 * event), when it is assigned and again when the desk opens.
 *
 * @param customer the customer's label (masked), empty when they gave none
 * @param language the customer's language (ko, en): the desk offers the quick replies in it
 * @param messages the history so far
 */
record ConnectedChat(String conversation, String queue, String customer, String language, List<Message> messages) {

    static ConnectedChat of(Conversation chat, List<Message> messages) {
        return new ConnectedChat(
                chat.id(),
                chat.queue(),
                chat.customerLabel() == null ? "" : chat.customerLabel(),
                chat.language(),
                messages);
    }
}
