package io.sangdam.channel;

import io.sangdam.identity.CurrentUser;
import io.sangdam.knowledge.KnowledgeHits;
import io.sangdam.knowledge.KnowledgeSearch;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The knowledge panel's articles from the knowledge module's search: its center and shared articles,
 * both audiences (agents read public articles too), in effect and not archived.
 *
 * <p>The search answers ids, titles and highlighted snippets, not whole articles; until the knowledge
 * module offers an article's text, the passages are the snippet's (its best sentences, which the
 * highlighter chose for the same words), and the panel's article view shows those.
 */
@Component
class KnowledgeSearchSuggestions implements AssistSuggestions {

    private final KnowledgeSearch knowledge;

    KnowledgeSearchSuggestions(KnowledgeSearch knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public List<FoundArticle> search(CurrentUser agent, String query, int size) {
        return found(knowledge.search(agent, query, size, null, null, false));
    }

    @Override
    public List<FoundArticle> suggest(CurrentUser agent, List<String> customerMessages, int size) {
        return found(knowledge.suggest(agent, customerMessages, size));
    }

    private static List<FoundArticle> found(KnowledgeHits hits) {
        return hits.results().stream()
                .map(hit -> new FoundArticle(hit.id(), hit.title(), hit.snippet(), SnippetParts.text(hit.snippet())))
                .toList();
    }
}
