package io.sangdam.channel;

import io.sangdam.channel.AssistSuggestions.FoundArticle;
import io.sangdam.channel.Conversations.Conversation;
import io.sangdam.channel.KnowledgeUses.Action;
import io.sangdam.channel.KnowledgeUses.Source;
import io.sangdam.identity.CurrentUser;
import io.sangdam.platform.RequestRejected;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Agent assist (issue 18): the knowledge panel beside a chat. Suggests articles like what the
 * customer last wrote, searches for the agent, gives each article's passages to put into a reply, and
 * records which suggestions were shown, opened and used. Only for the chat's own agent: anyone
 * else's chat, of this center or another, is not found (the panel tells nothing about other chats).
 */
@Component
class KnowledgeAssist {

    /** The customer's last few messages say what the chat is about now; older ones drift. */
    static final int CUSTOMER_MESSAGES = 3;

    static final int SUGGESTIONS = 5;
    static final int SEARCH_RESULTS = 10;
    static final int BEST_PASSAGES = 3;

    /**
     * An article as the panel lists it: the snippet in parts (never markup), the passages that fit
     * best (best first), and all passages in the article's order for the panel's article view.
     */
    record Card(String id, String title, List<SnippetParts.Part> snippet, List<String> best, List<String> passages) {}

    record Cards(List<Card> articles) {}

    private final AssistSuggestions knowledge;
    private final Conversations conversations;
    private final KnowledgeUses uses;

    KnowledgeAssist(AssistSuggestions knowledge, Conversations conversations, KnowledgeUses uses) {
        this.knowledge = knowledge;
        this.conversations = conversations;
        this.uses = uses;
    }

    /** Articles like the customer's last messages; each is recorded as shown in this chat (once). */
    Cards suggestions(CurrentUser agent, String conversationId) {
        Conversation chat = held(agent, conversationId);
        List<String> said = lastCustomerMessages(chat.id());
        if (said.isEmpty()) {
            return new Cards(List.of());
        }
        String words = String.join("\n", said);
        List<Card> cards = knowledge.suggest(agent, said, SUGGESTIONS).stream()
                .map(found -> card(found, words))
                .toList();
        cards.forEach(card -> uses.record(
                agent.centerId(),
                chat.id(),
                agent.username(),
                card.id(),
                card.title(),
                Action.SHOWN,
                Source.SUGGESTED));
        return new Cards(cards);
    }

    /** What the agent searched for in the panel; an empty or too long question is refused by the search. */
    Cards search(CurrentUser agent, String conversationId, String query) {
        held(agent, conversationId);
        String words = query.strip();
        return new Cards(knowledge.search(agent, words, SEARCH_RESULTS).stream()
                .map(found -> card(found, words))
                .toList());
    }

    /**
     * The agent opened the article or put a passage of it into a reply; false: recorded before. The
     * title is the one the panel showed (the search holds no article by id to ask).
     */
    boolean used(
            CurrentUser agent, String conversationId, String articleId, String title, Action action, Source source) {
        Conversation chat = held(agent, conversationId);
        if (action == Action.SHOWN) {
            // Shown is what the server suggested; a client saying so would count what nobody saw.
            throw RequestRejected.badRequest("invalid-knowledge-use", action.name());
        }
        return uses.record(agent.centerId(), chat.id(), agent.username(), articleId, title, action, source);
    }

    private List<String> lastCustomerMessages(String conversationId) {
        List<String> said = conversations.messages(conversationId).stream()
                .filter(message -> message.sender() == Conversations.Sender.CUSTOMER)
                .map(Conversations.Message::body)
                .toList();
        return said.subList(Math.max(0, said.size() - CUSTOMER_MESSAGES), said.size());
    }

    private static Card card(FoundArticle found, String words) {
        return new Card(
                found.id(),
                found.title(),
                SnippetParts.of(found.snippet()),
                ArticlePassages.best(found.text(), words, BEST_PASSAGES),
                ArticlePassages.of(found.text()));
    }

    /** The chat this agent holds now or is wrapping up; any other is not found, whoever's it is. */
    private Conversation held(CurrentUser agent, String conversationId) {
        return conversations
                .find(conversationId)
                .filter(chat -> chat.centerId() == agent.centerId())
                .filter(chat -> agent.username().equalsIgnoreCase(chat.agent()))
                .filter(chat ->
                        chat.status() == Conversations.Status.CONNECTED || chat.status() == Conversations.Status.ENDED)
                .orElseThrow(() -> RequestRejected.notFound("unknown-conversation"));
    }
}
