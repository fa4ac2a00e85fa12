package io.sangdam.channel;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/** Limits what one client address may start in the public widget: chats and left messages. */
@Component
class ChatThrottling {

    /**
     * @param startsBurst chats one address may start at once
     * @param startsPerMinute further chats per minute
     * @param messagesBurst messages one address may leave at once
     * @param messagesPerMinute further messages per minute
     */
    @ConfigurationProperties("sangdam.chat.throttle")
    record Limits(@DefaultValue("10") int startsBurst, @DefaultValue("6") int startsPerMinute,
            @DefaultValue("3") int messagesBurst, @DefaultValue("1") int messagesPerMinute) {
    }

    private final ClientThrottle starts;
    private final ClientThrottle messages;

    ChatThrottling(Limits limits, Clock clock) {
        this.starts = new ClientThrottle("chat", limits.startsBurst(), limits.startsPerMinute(), clock);
        this.messages = new ClientThrottle("message", limits.messagesBurst(), limits.messagesPerMinute(), clock);
    }

    void chatStarting(HttpServletRequest request) {
        starts.take(request.getRemoteAddr());
    }

    void messageLeaving(HttpServletRequest request) {
        messages.take(request.getRemoteAddr());
    }
}
