package io.sangdam.channel;

import io.sangdam.platform.RequestRejected;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Limits what the public widget may do: what one client address may start (chats, left messages),
 * and what one chat may send and hold open (customer messages, event streams). Without the last
 * two, one chat sent 40 messages in 0.3 s to an agent's screen and held 40 event streams.
 */
@Component
class ChatThrottling {

    /**
     * @param startsBurst chats one address may start at once
     * @param startsPerMinute further chats per minute
     * @param messagesBurst messages one address may leave at once
     * @param messagesPerMinute further messages per minute
     * @param chatMessagesBurst messages a customer may send in one chat at once (a quick typist
     *     sends a few lines in a row)
     * @param chatMessagesPerMinute further messages per minute in one chat
     * @param streamsPerChat event streams one chat may hold open on a node (a widget needs one; a
     *     few more cover reloads and reconnects before the server notices a dropped one)
     */
    @ConfigurationProperties("sangdam.chat.throttle")
    record Limits(@DefaultValue("10") int startsBurst, @DefaultValue("6") int startsPerMinute,
            @DefaultValue("3") int messagesBurst, @DefaultValue("1") int messagesPerMinute,
            @DefaultValue("8") int chatMessagesBurst, @DefaultValue("30") int chatMessagesPerMinute,
            @DefaultValue("5") int streamsPerChat) {
    }

    private final ClientThrottle starts;
    private final ClientThrottle messages;
    private final ClientThrottle chatMessages;
    private final int streamsPerChat;

    ChatThrottling(Limits limits, Clock clock) {
        this.starts = new ClientThrottle("chat", limits.startsBurst(), limits.startsPerMinute(), clock);
        this.messages = new ClientThrottle("message", limits.messagesBurst(), limits.messagesPerMinute(), clock);
        this.chatMessages = new ClientThrottle("chat-message", limits.chatMessagesBurst(), limits.chatMessagesPerMinute(),
                clock);
        this.streamsPerChat = limits.streamsPerChat();
    }

    /**
     * A customer sends a message in their chat: counted per chat, not per address, so customers
     * behind one company's address do not slow each other. Call it only after the chat's token
     * was checked, or anyone knowing a chat's id could use up its allowance.
     */
    void customerSpeaking(String conversation) {
        chatMessages.take(conversation);
    }

    /** A chat opens one more event stream while it already holds {@code open} on this node. */
    void streamOpening(int open) {
        if (open >= streamsPerChat) {
            throw RequestRejected.tooManyRequests(5, "too-many-streams", streamsPerChat);
        }
    }

    void chatStarting(HttpServletRequest request) {
        starts.take(request.getRemoteAddr());
    }

    void messageLeaving(HttpServletRequest request) {
        messages.take(request.getRemoteAddr());
    }
}
