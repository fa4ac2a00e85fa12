package io.sangdam.testing;

import io.sangdam.knowledge.ArticleKind;
import io.sangdam.knowledge.Audience;
import io.sangdam.knowledge.search.IndexedArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Articles of the demo knowledge base (resources {@code knowledge/demo/articles-*.jsonl}) as the
 * index holds them, owned by a test's own center and not shared: a test puts them into the index
 * directly and searches only its center's, whatever other tests put.
 */
public final class DemoKnowledge {

    private static final List<JsonNode> ARTICLES = read();

    private DemoKnowledge() {}

    /** The demo article with this id (e.g. {@code KB-1071}), published now in the center. */
    public static IndexedArticle article(String id, long centerId) {
        JsonNode line = ARTICLES.stream()
                .filter(article -> article.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo article " + id));
        List<String> tags = new ArrayList<>();
        line.get("tags").forEach(tag -> tags.add(tag.asString()));
        return new IndexedArticle(
                UUID.randomUUID(),
                id,
                centerId,
                false,
                ArticleKind.ARTICLE,
                line.get("title").asString(),
                line.get("text").asString(),
                line.get("category").asString(),
                tags,
                "agents".equals(line.get("audience").asString()) ? Audience.AGENTS : Audience.PUBLIC,
                null,
                null,
                false,
                Instant.now());
    }

    /** The demo article's title, as a test expects to see it. */
    public static String title(String id) {
        return article(id, 0).title();
    }

    private static List<JsonNode> read() {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> articles = new ArrayList<>();
        for (String file : List.of("knowledge/demo/articles-1.jsonl", "knowledge/demo/articles-2.jsonl")) {
            try (InputStream in = DemoKnowledge.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + file);
                }
                new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .filter(line -> !line.isBlank())
                        .forEach(line -> articles.add(json.readTree(line)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return articles;
    }
}
