package io.sangdam.channel;

import java.util.List;
import java.util.Optional;

/**
 * What the desk's knowledge panel asks of the knowledge base (agent assist, issue 18). The desk owns
 * this port; the knowledge module's search answers it through an adapter, so the desk's panel,
 * passages and usage records do not change when the search does (docs/adr/0028).
 *
 * <p>Every answer is for agents: articles for agents and public ones, of the agent's center and the
 * headquarters' shared ones, published and in effect. Texts are masked already (nothing unmasked
 * enters the index).
 */
interface AssistSuggestions {

    /** What the agent typed in the panel's search box. */
    List<FoundArticle> search(String query, long centerId, int size);

    /** Articles like the customer's words (more-like-this): the panel's automatic suggestions. */
    List<FoundArticle> suggest(String customerWords, long centerId, int size);

    /** One article to read in the panel, if the agent's center may read it. */
    Optional<FoundArticle> article(String id, long centerId);

    /**
     * An article as the search found it.
     *
     * @param id the id callers see (an imported id such as {@code KB-1001}, else the article's uuid)
     * @param snippet the highlighted excerpt as the search gives it: text with its hits between
     *     {@code <mark>} (or {@code <b>}, {@code <em>}) tags; never shown as markup (see {@link SnippetParts})
     * @param text the article's Markdown source, passages are taken from it
     */
    record FoundArticle(String id, String title, String snippet, String text) {}
}
