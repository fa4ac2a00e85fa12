package io.sangdam.channel;

import io.sangdam.channel.AssistSuggestions.FoundArticle;
import io.sangdam.channel.Conversations.Conversation;
import io.sangdam.channel.KnowledgeUses.Action;
import io.sangdam.channel.KnowledgeUses.Source;
import io.sangdam.identity.CurrentUser;
import io.sangdam.platform.RequestRejected;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Agent assist (issue 18): the knowledge panel beside a chat. Suggests articles like what the
 * customer last wrote, searches for the agent, shows an article's passages to put into a reply, and
 * records which suggestions were shown, opened and used. Only for the chat's own agent: anyone
 * else's chat, of this center or another, is not found (the panel tells nothing about other chats).
 */
@Component
class KnowledgeAssist {

    /** The customer's last few messages say what the chat is about now; older ones drift. */
    static final int CUSTOMER_MESSAGES = 3;

    static final int SUGGESTIONS = 5;
    static final int SEARCH_RESULTS = 10;
    static final int PASSAGES = 3;
    static final int MAXIMUM_QUERY_LENGTH = 200;
    static final int MAXIMUM_ARTICLE_ID_LENGTH = 100;

    /** An article as the panel lists it: the snippet in parts (never markup), the passages that fit best. */
    record Card(String id, String title, List<SnippetParts.Part> snippet, List<String> passages) {}

    /** {@code available}: whether this server has a knowledge search to ask at all. */
    record Cards(boolean available, List<Card> articles) {}

    /** An article to read in the panel: every passage in its order, each one insertable. */
    record ArticleView(String id, String title, List<String> passages) {}

    private final ObjectProvider<AssistSuggestions> knowledge;
    private final Conversations conversations;
    private final KnowledgeUses uses;

    KnowledgeAssist(ObjectProvider<AssistSuggestions> knowledge, Conversations conversations, KnowledgeUses uses) {
        this.knowledge = knowledge;
        this.conversations = conversations;
        this.uses = uses;
    }

    /** Articles like the customer's last messages; each is recorded as shown in this chat (once). */
    Cards suggestions(CurrentUser agent, String conversationId) {
        Conversation chat = held(agent, conversationId);
        AssistSuggestions search = knowledge.getIfAvailable();
        if (search == null) {
            return new Cards(false, List.of());
        }
        String words = lastCustomerWords(chat.id());
        if (words.isBlank()) {
            return new Cards(true, List.of());
        }
        List<Card> cards = search.suggest(words, agent.centerId(), SUGGESTIONS).stream()
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
        return new Cards(true, cards);
    }

    /** What the agent searched for in the panel. */
    Cards search(CurrentUser agent, String conversationId, String query) {
        held(agent, conversationId);
        String words = query.strip();
        if (words.isEmpty()) {
            throw RequestRejected.badRequest("knowledge-query-empty");
        }
        if (words.length() > MAXIMUM_QUERY_LENGTH) {
            throw RequestRejected.badRequest("knowledge-query-too-long", MAXIMUM_QUERY_LENGTH);
        }
        AssistSuggestions search = knowledge.getIfAvailable();
        if (search == null) {
            return new Cards(false, List.of());
        }
        return new Cards(
                true,
                search.search(words, agent.centerId(), SEARCH_RESULTS).stream()
                        .map(found -> card(found, words))
                        .toList());
    }

    ArticleView article(CurrentUser agent, String conversationId, String articleId) {
        held(agent, conversationId);
        FoundArticle found = find(agent, articleId);
        return new ArticleView(found.id(), found.title(), ArticlePassages.of(found.text()));
    }

    /** The agent opened the article or put a passage of it into a reply; false: recorded before. */
    boolean used(CurrentUser agent, String conversationId, String articleId, Action action, Source source) {
        Conversation chat = held(agent, conversationId);
        if (action == Action.SHOWN) {
            // Shown is what the server suggested; a client saying so would count what nobody saw.
            throw RequestRejected.badRequest("invalid-knowledge-use", action.name());
        }
        FoundArticle found = find(agent, articleId);
        return uses.record(agent.centerId(), chat.id(), agent.username(), found.id(), found.title(), action, source);
    }

    private FoundArticle find(CurrentUser agent, String articleId) {
        if (articleId.isBlank() || articleId.length() > MAXIMUM_ARTICLE_ID_LENGTH) {
            throw RequestRejected.notFound("unknown-article");
        }
        AssistSuggestions search = knowledge.getIfAvailable();
        if (search == null) {
            throw RequestRejected.notFound("unknown-article");
        }
        return search.article(articleId, agent.centerId())
                .orElseThrow(() -> RequestRejected.notFound("unknown-article"));
    }

    private String lastCustomerWords(String conversationId) {
        List<String> said = conversations.messages(conversationId).stream()
                .filter(message -> message.sender() == Conversations.Sender.CUSTOMER)
                .map(Conversations.Message::body)
                .toList();
        return String.join("\n", said.subList(Math.max(0, said.size() - CUSTOMER_MESSAGES), said.size()));
    }

    private static Card card(FoundArticle found, String words) {
        return new Card(
                found.id(),
                found.title(),
                SnippetParts.of(found.snippet()),
                ArticlePassages.best(found.text(), words, PASSAGES));
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
