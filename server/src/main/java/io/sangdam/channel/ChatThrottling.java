package io.sangdam.channel;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Limits what the public widget may do: the chats and left messages one client address may start,
 * and the messages one chat may send. A chat's messages are counted by conversation, not address:
 * customers behind one company's or carrier's address must not share a bucket, and a script that
 * owns a chat's token must not flood its agent (40 messages in 0.3 s were accepted before).
 */
@Component
class ChatThrottling {

    /**
     * @param startsBurst chats one address may start at once
     * @param startsPerMinute further chats per minute
     * @param messagesBurst messages one address may leave at once
     * @param messagesPerMinute further messages per minute
     * @param sayingBurst messages a customer may send in one chat at once (a person typing short lines fast sends a few)
     * @param sayingPerMinute further messages per minute in one chat
     */
    @ConfigurationProperties("sangdam.chat.throttle")
    record Limits(
            @DefaultValue("10") int startsBurst,
            @DefaultValue("6") int startsPerMinute,
            @DefaultValue("3") int messagesBurst,
            @DefaultValue("1") int messagesPerMinute,
            @DefaultValue("10") int sayingBurst,
            @DefaultValue("60") int sayingPerMinute) {}

    private final ClientThrottle starts;
    private final ClientThrottle messages;
    private final ClientThrottle saying;

    ChatThrottling(Limits limits, Clock clock) {
        this.starts = new ClientThrottle("chat", limits.startsBurst(), limits.startsPerMinute(), clock);
        this.messages = new ClientThrottle("message", limits.messagesBurst(), limits.messagesPerMinute(), clock);
        this.saying = new ClientThrottle("chat-message", limits.sayingBurst(), limits.sayingPerMinute(), clock);
    }

    void chatStarting(HttpServletRequest request) {
        starts.take(request.getRemoteAddr());
    }

    void messageLeaving(HttpServletRequest request) {
        messages.take(request.getRemoteAddr());
    }

    /** Call only after the caller proved it owns the chat, or a stranger could spend a customer's bucket. */
    void customerSaying(String conversation) {
        saying.take(conversation);
    }
}
