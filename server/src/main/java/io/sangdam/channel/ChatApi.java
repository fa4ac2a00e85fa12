package io.sangdam.channel;

import io.sangdam.channel.Conversations.Message;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.QueueCode;
import io.sangdam.routing.QueueSettings;
import io.sangdam.routing.Routing;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
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
    private final Callbacks callbacks;
    private final ChatThrottling throttling;
    private final CustomerPresence presence;
    private final WaitingPlaces places;
    private final CustomerTranscripts transcripts;
    private final Clock clock;
    private final ChatBot bot;

    /**
     * A customer has the widget open in a tab or two; a stream beyond these closes the oldest, whose
     * browser opens it again if it is still there. Unbounded, one chat held 40 streams, each a
     * connection, and a script could hold thousands.
     */
    static final int CUSTOMER_STREAMS = 3;

    ChatApi(
            Chats chats,
            Routing routing,
            CenterDirectory centers,
            LiveStreams streams,
            org.springframework.context.MessageSource messages,
            Callbacks callbacks,
            ChatThrottling throttling,
            CustomerPresence presence,
            WaitingPlaces places,
            CustomerTranscripts transcripts,
            Clock clock,
            ChatBot bot) {
        this.clock = clock;
        this.bot = bot;
        this.presence = presence;
        this.places = places;
        this.transcripts = transcripts;
        this.callbacks = callbacks;
        this.throttling = throttling;
        this.messages = messages;
        this.chats = chats;
        this.routing = routing;
        this.centers = centers;
        this.streams = streams;
    }

    /**
     * @param open whether a chat can start now; when not, the widget offers to leave a message
     * @param hours the opening hours in words, for the customer; empty when open around the clock
     */
    record Topic(String code, String name, boolean open, String hours) {}

    /** The widget's texts in the customer's language, from the same message bundles as the pages. */
    @GetMapping("/texts")
    Map<String, String> texts(Locale locale) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (String key : WIDGET_TEXTS) {
            texts.put(key, messages.getMessage("chat." + key, null, locale));
        }
        for (String key : BotApi.WIDGET_TEXTS) {
            texts.put(key, messages.getMessage("chat." + key, null, locale));
        }
        return texts;
    }

    static final List<String> WIDGET_TEXTS = List.of(
            "open",
            "title",
            "topic",
            "name",
            "phone",
            "lane",
            "lane.none",
            "lane.senior",
            "lane.accessibility",
            "start",
            "waiting",
            "connected",
            "ended",
            "send",
            "message",
            "leave",
            "close",
            "you",
            "agent",
            "supervisor",
            "system",
            "error",
            "closed",
            "leave-message",
            "leave-name",
            "leave-phone",
            "leave-text",
            "leave-consent",
            "leave-send",
            "left",
            "typing",
            "offered",
            "waiting-no-agent",
            "waiting-next",
            "waiting-next-no-agent",
            "nobody-to-answer",
            "nobody-leave",
            "nobody-wait",
            "transcript",
            "transcript-email-later");

    @GetMapping("/topics")
    List<Topic> topics(@RequestParam long center, Locale locale) {
        centers.get(center);
        if (!routing.routes(CenterId.of(center))) {
            return List.of();
        }
        return routing.queues(CenterId.of(center)).stream()
                .map((QueueSettings q) -> {
                    var status = routing.openNow(CenterId.of(center), QueueCode.of(q.code()));
                    return new Topic(
                            q.code(), q.name(locale), status.open(), OpeningHoursText.of(status, messages, locale));
                })
                .toList();
    }

    record NewChat(
            @NotNull Long center,
            @NotBlank @Size(max = 30) String topic,
            @Nullable @Size(max = 50) String name,

            @Nullable @Size(max = 20) @Pattern(regexp = "[0-9 +()-]*")
            String phone,

            @Nullable @Pattern(regexp = "SENIOR|ACCESSIBILITY|")
            String lane,
            // The bot's session the customer comes from (issue 18): its agent sees what was said.
            @Nullable @Size(max = 36) String botSession,
            @Nullable @Size(max = 64) String botToken) {}

    @PostMapping("/conversations")
    @ResponseStatus(HttpStatus.CREATED)
    Chats.Started start(@Valid @RequestBody NewChat chat, Locale locale, HttpServletRequest request) {
        throttling.chatStarting(request);
        centers.get(chat.center());
        if (routing.routes(CenterId.of(chat.center()))
                && routing.queues(CenterId.of(chat.center())).stream()
                        .anyMatch(q -> q.code().equals(chat.topic()))) {
            var status = routing.openNow(CenterId.of(chat.center()), QueueCode.of(chat.topic()));
            if (!status.open()) {
                throw RequestRejected.conflict("queue-closed", OpeningHoursText.of(status, messages, locale));
            }
        }
        if (chat.botSession() != null) {
            bot.handingOver(chat.botSession(), chat.botToken() == null ? "" : chat.botToken(), chat.center());
        }
        Instant starting = clock.instant();
        Chats.Started started = chats.start(
                chat.center(),
                chat.topic(),
                chat.name(),
                chat.phone(),
                chat.lane() == null || chat.lane().isBlank() ? null : chat.lane(),
                locale);
        presence.started(started.conversation(), starting);
        // After routing has the chat: an agent who takes it within this one update's time finds no
        // bot conversation in the pane (it is read when the pane opens), a window of milliseconds.
        if (chat.botSession() != null) {
            bot.attach(chat.botSession(), started.conversation());
        }
        return started;
    }

    record NewLeftMessage(
            @NotNull Long center,
            @NotBlank @Size(max = 30) String topic,
            @NotBlank @Size(max = 50) String name,

            @NotBlank @Size(max = 20) @Pattern(regexp = "[0-9 +()-]*")
            String phone,

            @NotBlank @Size(max = Callbacks.MAXIMUM_MESSAGE_LENGTH)
            String message,

            @Nullable Boolean consent) {}

    record MessageLeft(long reference, String confirmation) {}

    /** Outside opening hours: the customer leaves a message for a callback, with consent to be contacted. */
    @PostMapping("/left-messages")
    @ResponseStatus(HttpStatus.CREATED)
    MessageLeft leaveMessage(@Valid @RequestBody NewLeftMessage left, Locale locale, HttpServletRequest request) {
        throttling.messageLeaving(request);
        if (!Boolean.TRUE.equals(left.consent())) {
            throw RequestRejected.badRequest("consent-required");
        }
        centers.get(left.center());
        if (routing.queues(CenterId.of(left.center())).stream()
                .noneMatch(q -> q.code().equals(left.topic()))) {
            throw RequestRejected.badRequest("unknown-chat-topic", left.topic());
        }
        long reference = callbacks.leave(left.center(), left.topic(), left.name(), left.phone(), left.message());
        return new MessageLeft(reference, messages.getMessage("chat.left", new Object[] {reference}, locale));
    }

    record ConversationView(
            String status,
            int ahead,
            @Nullable Integer estimatedWaitSeconds,
            int refreshSeconds,
            boolean nobodyToAnswer,
            List<Message> messages) {}

    @GetMapping("/conversations/{id}")
    ConversationView conversation(@PathVariable String id, @RequestParam String token) {
        var conversation = owned(id, token);
        var position = places.position(conversation);
        return new ConversationView(
                position.status(),
                position.ahead(),
                position.estimatedWaitSeconds(),
                position.refreshSeconds(),
                position.nobodyToAnswer(),
                chats.customerHistory(id));
    }

    /**
     * Where the chat stands, without its history: what the widget asks again after the answer's
     * {@code refreshSeconds} (with thousands waiting, the history read each time was most of the cost).
     */
    @GetMapping("/conversations/{id}/status")
    Chats.Position status(@PathVariable String id, @RequestParam String token) {
        return places.position(owned(id, token));
    }

    record Text(@NotNull @Size(max = 100_000) String text) {}

    @PostMapping("/conversations/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    Message say(@PathVariable String id, @RequestParam String token, @Valid @RequestBody Text text) {
        var conversation = owned(id, token);
        throttling.customerSaying(conversation.id());
        return chats.customerSays(conversation, text.text());
    }

    /**
     * The conversation as a text file the customer keeps (issue 17). The token, never the id alone,
     * opens it: ids travel in logs and links, the token only ever reached the customer's browser.
     */
    @GetMapping("/conversations/{id}/transcript")
    org.springframework.http.ResponseEntity<String> transcript(
            @PathVariable String id, @RequestParam String token, Locale locale) {
        var conversation = chats.owned(id, token);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(new org.springframework.http.MediaType(
                        "text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(transcripts.fileName(conversation))
                                .build()
                                .toString())
                .body(transcripts.text(conversation, locale));
    }

    @PostMapping("/conversations/{id}/end")
    Map<String, String> end(@PathVariable String id, @RequestParam String token) {
        chats.customerLeaves(id, token);
        return Map.of("status", "ENDED");
    }

    /**
     * The chat's events, starting from the truth: where the chat stands ({@code status}, as
     * {@link #status}) and every message so far, then each change as it happens. A widget needs no
     * request of its own to learn what happened before its stream was open (an agent may accept a
     * chat within milliseconds of its start), and neither does a stream that reconnects.
     */
    @GetMapping(path = "/conversations/{id}/stream", produces = "text/event-stream")
    SseEmitter stream(@PathVariable String id, @RequestParam String token) throws IOException {
        owned(id, token);
        return streams.open(Chats.customer(id), CUSTOMER_STREAMS, emitter -> {
            emitter.send(SseEmitter.event().name("status").data(places.position(chats.current(id))));
            for (Message message : chats.customerHistory(id)) {
                emitter.send(SseEmitter.event().name("message").data(message));
            }
        });
    }

    /** The customer's conversation, the customer proved by its token; a customer who asks is still there. */
    private Conversations.Conversation owned(String id, String token) {
        var conversation = chats.owned(id, token);
        presence.seen(conversation.id());
        return conversation;
    }
}
