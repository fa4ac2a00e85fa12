package io.sangdam.channel;

import java.util.List;
import java.util.Locale;

/**
 * Where the widget's bot finds its answers: public articles only, ranked best first. The port is
 * channel's own (channel consumes, knowledge implements through an adapter), so the bot's rules can
 * be built and tested without the search behind it.
 */
interface BotAnswers {

    /**
     * Public articles the customer of {@code center} may read (the center's own and the shared
     * headquarters articles, in effect today) that answer the question, best first.
     *
     * @param question the customer's words, already masked
     */
    List<BotAnswer> find(String question, long center, Locale language, int limit);

    /**
     * @param id the article's id as the knowledge base answers it (an imported article keeps its source id)
     * @param passage a short passage of the article for the customer, plain text
     * @param score the search's relevance; only its size relative to other answers' and to
     *     {@link BotReplyRule}'s minimum means anything
     */
    record BotAnswer(String id, String title, String passage, double score) {}
}
