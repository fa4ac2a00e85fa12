package io.sangdam.channel;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

/**
 * The customer's side of the bot, called by the widget script before a chat is queued. Public like
 * the chat: the first question opens a session and answers its token, every later call names the
 * session and carries the token. The chat an agent then takes is started by {@link ChatApi} with
 * the session attached.
 */
@RestController
@RequestMapping("/chat/api/bot")
@Hidden
class BotApi {

    private final ChatBot bot;
    private final ChatThrottling throttling;

    BotApi(ChatBot bot, ChatThrottling throttling) {
        this.bot = bot;
        this.throttling = throttling;
    }

    /** The bot's words in the widget, under {@code chat.} in the bundles (served by {@link ChatApi#texts}). */
    static final java.util.List<String> WIDGET_TEXTS = java.util.List.of(
            "bot",
            "bot.intro",
            "bot.question",
            "bot.ask",
            "bot.agent",
            "bot.end",
            "bot.helpful",
            "bot.yes",
            "bot.no",
            "bot.choose",
            "bot.neither",
            "bot.nothing",
            "bot.sorry",
            "bot.glad",
            "bot.thanks",
            "bot.handoff.ASKED",
            "bot.handoff.TWO_UNHELPFUL",
            "bot.handoff.FRUSTRATION",
            "bot.handoff.ABUSE");

    @GetMapping
    Map<String, Boolean> enabled(@RequestParam long center) {
        return Map.of("enabled", bot.enabled(center));
    }

    /** The question's limits are checked by the bot, for a problem that says which one was broken. */
    record FirstQuestion(@NotNull Long center, @Nullable String question) {}

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    ChatBot.Asked open(@Valid @RequestBody FirstQuestion first, Locale locale, HttpServletRequest request) {
        ChatBot.checked(first.question());
        throttling.chatStarting(request);
        return bot.open(first.center(), first.question(), locale);
    }

    record Question(@Nullable String question) {}

    @PostMapping("/sessions/{id}/questions")
    ChatBot.Asked ask(
            @PathVariable String id, @RequestParam String token, @RequestBody Question question, Locale locale) {
        throttling.customerSaying(id);
        return bot.ask(id, token, question.question(), locale);
    }

    record Choice(@NotBlank @Size(max = 100) String article) {}

    @PostMapping("/sessions/{id}/turns/{turn}/choice")
    ChatBot.TurnView choose(
            @PathVariable String id,
            @PathVariable long turn,
            @RequestParam String token,
            @Valid @RequestBody Choice choice) {
        return bot.choose(id, token, turn, choice.article());
    }

    record Helpful(@NotNull Boolean helpful) {}

    @PostMapping("/sessions/{id}/turns/{turn}/feedback")
    ChatBot.Feedback feedback(
            @PathVariable String id,
            @PathVariable long turn,
            @RequestParam String token,
            @Valid @RequestBody Helpful helpful) {
        return bot.feedback(id, token, turn, helpful.helpful());
    }

    @PostMapping("/sessions/{id}/handoff")
    ChatBot.Feedback handOff(@PathVariable String id, @RequestParam String token) {
        return bot.handOff(id, token);
    }

    @PostMapping("/sessions/{id}/end")
    Map<String, String> end(@PathVariable String id, @RequestParam String token) {
        bot.end(id, token);
        return Map.of("status", "ENDED");
    }
}
