package io.sangdam.channel;

import io.sangdam.knowledge.ArticleKind;
import io.sangdam.knowledge.Audience;
import io.sangdam.knowledge.KnowledgeSearch;
import io.sangdam.knowledge.search.IndexedArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo articles put straight into the knowledge index for a test's own center, under ids of their own
 * ({@code BOT-} and the demo id) so they never pass for the demo's articles if those are indexed too.
 */
public final class BotArticles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BotArticles() {}

    /** The demo article's line, as it is in the demo knowledge base. */
    static JsonNode demo(String id) {
        for (String file : List.of("/knowledge/demo/articles-1.jsonl", "/knowledge/demo/articles-2.jsonl")) {
            try (InputStream in = BotArticles.class.getResourceAsStream(file)) {
                if (in == null) {
                    continue;
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.contains("\"" + id + "\"")) {
                        JsonNode article = JSON.readTree(line);
                        if (article.get("id").asString().equals(id)) {
                            return article;
                        }
                    }
                }
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
        throw new IllegalArgumentException("no demo article " + id);
    }

    static IndexedArticle article(String id, long center, boolean shared, @Nullable LocalDate effectiveTo) {
        JsonNode demo = demo(id);
        return new IndexedArticle(
                UUID.randomUUID(),
                "BOT-" + id,
                center,
                shared,
                ArticleKind.ARTICLE,
                demo.get("title").asString(),
                demo.get("text").asString(),
                demo.has("category") ? demo.get("category").asString() : null,
                demo.has("tags")
                        ? demo.get("tags").valueStream().map(JsonNode::asString).toList()
                        : List.of(),
                "agents".equals(demo.get("audience").asString()) ? Audience.AGENTS : Audience.PUBLIC,
                null,
                effectiveTo,
                false,
                Instant.now());
    }

    /** Indexes the demo articles for the center (not shared), searchable when this returns. */
    public static void index(ApplicationContext context, long center, String... ids) {
        var search = context.getBean(KnowledgeSearch.class);
        for (String id : ids) {
            search.put(article(id, center, false, null));
        }
    }
}
