package io.sangdam.channel;

import io.sangdam.channel.Conversations.Message;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.routing.QueueSettings;
import io.sangdam.routing.Routing;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The customer's side of the web chat, called by the widget script. Public: a customer has no
 * account. Starting a chat returns a token; every later call names the conversation and carries
 * the token, so nothing rides on cookies (and the widget can sit on any site).
 */
@RestController
@RequestMapping("/chat/api")
@Hidden
class ChatApi {

    private final Chats chats;
    private final Routing routing;
    private final CenterDirectory centers;
    private final LiveStreams streams;
    private final org.springframework.context.MessageSource messages;

    ChatApi(Chats chats, Routing routing, CenterDirectory centers, LiveStreams streams,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.chats = chats;
        this.routing = routing;
        this.centers = centers;
        this.streams = streams;
    }

    record Topic(String code, String name) {
    }

    /** The widget's texts in the customer's language, from the same message bundles as the pages. */
    @GetMapping("/texts")
    Map<String, String> texts(Locale locale) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (String key : WIDGET_TEXTS) {
            texts.put(key, messages.getMessage("chat." + key, null, locale));
        }
        return texts;
    }

    static final List<String> WIDGET_TEXTS = List.of("open", "title", "topic", "name", "phone", "lane", "lane.none",
            "lane.senior", "lane.accessibility", "start", "waiting", "connected", "ended", "send", "message", "leave",
            "close", "you", "agent", "system", "error");

    @GetMapping("/topics")
    List<Topic> topics(@RequestParam long center) {
        centers.get(center);
        if (!routing.routes(center)) {
            return List.of();
        }
        return routing.queues(center).stream().map((QueueSettings q) -> new Topic(q.code(), q.name())).toList();
    }

    record NewChat(@NotNull Long center, @NotBlank @Size(max = 30) String topic, @Nullable @Size(max = 50) String name,
            @Nullable @Size(max = 20) @Pattern(regexp = "[0-9 +()-]*") String phone,
            @Nullable @Pattern(regexp = "SENIOR|ACCESSIBILITY|") String lane) {
    }

    @PostMapping("/conversations")
    @ResponseStatus(HttpStatus.CREATED)
    Chats.Started start(@Valid @RequestBody NewChat chat, Locale locale) {
        return chats.start(chat.center(), chat.topic(), chat.name(), chat.phone(),
                chat.lane() == null || chat.lane().isBlank() ? null : chat.lane(), locale);
    }

    record ConversationView(String status, int ahead, int estimatedWaitSeconds, List<Message> messages) {
    }

    @GetMapping("/conversations/{id}")
    ConversationView conversation(@PathVariable String id, @RequestParam String token) {
        var conversation = chats.owned(id, token);
        var position = chats.position(conversation);
        return new ConversationView(position.status(), position.ahead(), position.estimatedWaitSeconds(), chats.history(id));
    }

    record Text(@NotNull @Size(max = 100_000) String text) {
    }

    @PostMapping("/conversations/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    Message say(@PathVariable String id, @RequestParam String token, @Valid @RequestBody Text text) {
        return chats.customerSays(id, token, text.text());
    }

    @PostMapping("/conversations/{id}/end")
    Map<String, String> end(@PathVariable String id, @RequestParam String token) {
        chats.customerLeaves(id, token);
        return Map.of("status", "ENDED");
    }

    @GetMapping(path = "/conversations/{id}/stream", produces = "text/event-stream")
    SseEmitter stream(@PathVariable String id, @RequestParam String token) {
        chats.owned(id, token);
        return streams.open(Chats.customer(id));
    }
}
