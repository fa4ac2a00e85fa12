package io.sangdam.channel;

import io.sangdam.identity.CurrentUser;
import java.util.List;

/**
 * What the desk's knowledge panel asks of the knowledge base (agent assist, issue 18). The desk owns
 * this port and {@link KnowledgeSearchSuggestions} answers it from the knowledge module's search, so
 * the panel, its passages and the use records do not change when the search does (docs/adr/0028).
 *
 * <p>Every answer is for agents: articles for agents and public ones, of the agent's center and the
 * headquarters' shared ones, in effect and not archived. Texts are masked already (nothing unmasked
 * enters the index).
 */
interface AssistSuggestions {

    /** What the agent typed in the panel's search box; bad questions are refused with problem details. */
    List<FoundArticle> search(CurrentUser agent, String query, int size);

    /** Articles like the customer's last messages (more-like-this): the panel's automatic suggestions. */
    List<FoundArticle> suggest(CurrentUser agent, List<String> customerMessages, int size);

    /**
     * An article as the search found it.
     *
     * @param id the id callers see (an imported id such as {@code KB-1001}, else the article's uuid)
     * @param snippet the highlighted excerpt as the search gives it: escaped text with its hits between
     *     {@code <mark>} tags; never shown as markup (see {@link SnippetParts})
     * @param text Markdown the passages are taken from: the article's, or as much of it as the search gives
     */
    record FoundArticle(String id, String title, String snippet, String text) {}
}
