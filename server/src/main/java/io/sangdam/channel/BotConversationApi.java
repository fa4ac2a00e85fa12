package io.sangdam.channel;

import io.sangdam.channel.BotAnswers.BotAnswer;
import io.sangdam.channel.BotSessions.Turn;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the customer and the bot said before the chat reached the agent: shown as a block of its own
 * above the chat (docs/adr/0027). Only for the agent who holds the chat, like its customer panel.
 */
@RestController
@RequestMapping({"/desk/api/conversations/{conversation}/bot", "/api/conversations/{conversation}/bot"})
@PreAuthorize("hasRole('AGENT')")
@Tag(name = "desk", description = "The bot conversation a chat came from")
class BotConversationApi {

    private final ChatBot bot;
    private final Conversations conversations;
    private final CurrentUsers currentUsers;

    BotConversationApi(ChatBot bot, Conversations conversations, CurrentUsers currentUsers) {
        this.bot = bot;
        this.conversations = conversations;
        this.currentUsers = currentUsers;
    }

    /**
     * @param answers the titles the bot showed (one answer, or two to choose from)
     * @param chosen the title the customer chose or was shown; null for none
     * @param helpful what the customer said of it; null when they did not say
     */
    record Exchange(
            String question,
            String kind,
            List<String> answers,
            @Nullable String chosen,
            @Nullable Boolean helpful,
            Instant askedAt) {

        static Exchange of(Turn turn) {
            return new Exchange(
                    turn.question(),
                    turn.kind().name(),
                    turn.answers().stream().map(BotAnswer::title).toList(),
                    turn.answers().stream()
                            .filter(a -> a.id().equals(turn.chosen()))
                            .map(a -> a.id() + " " + a.title())
                            .findFirst()
                            .orElse(null),
                    turn.helpful(),
                    turn.askedAt());
        }
    }

    record BotConversation(String reason, List<Exchange> exchanges) {}

    @GetMapping
    @Operation(summary = "The bot conversation the chat came from, with the reason it was handed off; 204 when none")
    ResponseEntity<BotConversation> view(@PathVariable String conversation) {
        held(currentUsers.require(), conversation);
        return bot.transcriptOf(conversation)
                .map(transcript -> ResponseEntity.ok(new BotConversation(
                        transcript.reason(),
                        transcript.turns().stream().map(Exchange::of).toList())))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** The chat of this center that the agent is offered, holds or is wrapping up; anything else is refused. */
    private void held(CurrentUser agent, String conversationId) {
        Conversations.Conversation chat =
                conversations.find(conversationId).orElseThrow(() -> RequestRejected.notFound("unknown-conversation"));
        if (chat.centerId() != agent.centerId()) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "conversation-of-another-center");
        }
        if (!agent.username().equalsIgnoreCase(chat.agent())) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "not-your-conversation");
        }
    }
}
