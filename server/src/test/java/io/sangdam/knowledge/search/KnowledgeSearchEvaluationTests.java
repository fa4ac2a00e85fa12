package io.sangdam.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.knowledge.ArticleKind;
import io.sangdam.knowledge.Audience;
import io.sangdam.knowledge.KnowledgeHits;
import io.sangdam.knowledge.KnowledgeQuery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search quality on the demo knowledge base: recall@10 and MRR@10 of every analyzer configuration,
 * in all and by kind of question. Weights are tuned on questions-2 only; questions-1 is the held-out
 * set (docs/knowledge-search.md). The floor asserted is loose on purpose: it fails when search breaks,
 * not when a tuning moves a figure by a point.
 */
class KnowledgeSearchEvaluationTests {

    static final long CENTER = 1;
    static final LocalDate TODAY = LocalDate.of(2026, 12, 8);
    static final List<String> KINDS = List.of("short", "long", "colloquial", "spacing");

    record Question(String text, List<String> answers, String kind) {}

    record Score(int questions, double recall, double reciprocalRank) {

        static Score of(List<double[]> figures) {
            double recall =
                    figures.stream().mapToDouble(figure -> figure[0]).average().orElse(0);
            double rank =
                    figures.stream().mapToDouble(figure -> figure[1]).average().orElse(0);
            return new Score(figures.size(), recall, rank);
        }
    }

    @Test
    void printsRecallAndMrrPerConfigurationAndKindOfQuestion() throws IOException {
        List<IndexedArticle> articles = new ArrayList<>();
        articles.addAll(articles("/knowledge/demo/articles-1.jsonl"));
        articles.addAll(articles("/knowledge/demo/articles-2.jsonl"));
        Map<String, List<Question>> sets = new LinkedHashMap<>();
        sets.put("questions-2 (tuning)", questions("/knowledge/questions-2.jsonl"));
        sets.put("questions-1 (held out)", questions("/knowledge/questions-1.jsonl"));

        StringBuilder table = new StringBuilder();
        table.append("| configuration | questions | n | recall@10 | MRR@10 |")
                .append(KINDS.stream().map(kind -> " " + kind + " R/MRR |").reduce("", String::concat))
                .append('\n')
                .append("|---|---|---|---|---|")
                .append("---|".repeat(KINDS.size()))
                .append('\n');
        Map<AnalyzerChoice, Score> heldOut = new LinkedHashMap<>();
        for (AnalyzerChoice choice : AnalyzerChoice.values()) {
            try (KnowledgeIndex index = KnowledgeIndex.open(
                    new ByteBuffersDirectory(), new KoreanAnalysis(choice, SearchDictionary.EMPTY), weights())) {
                index.rebuild(articles, "evaluation");
                for (var set : sets.entrySet()) {
                    Map<String, List<double[]>> byKind = new LinkedHashMap<>();
                    List<double[]> all = new ArrayList<>();
                    for (Question question : set.getValue()) {
                        double[] figure = figure(index, question);
                        all.add(figure);
                        byKind.computeIfAbsent(question.kind(), kind -> new ArrayList<>())
                                .add(figure);
                    }
                    Score overall = Score.of(all);
                    if (set.getKey().startsWith("questions-1")) {
                        heldOut.put(choice, overall);
                    }
                    table.append("| ")
                            .append(choice)
                            .append(" | ")
                            .append(set.getKey())
                            .append(" | ")
                            .append(overall.questions())
                            .append(" | ")
                            .append(format(overall.recall()))
                            .append(" | ")
                            .append(format(overall.reciprocalRank()))
                            .append(" |");
                    for (String kind : KINDS) {
                        Score score = Score.of(byKind.getOrDefault(kind, List.of()));
                        table.append(' ')
                                .append(format(score.recall()))
                                .append(" / ")
                                .append(format(score.reciprocalRank()))
                                .append(" (")
                                .append(score.questions())
                                .append(") |");
                    }
                    table.append('\n');
                }
            }
        }
        System.out.println(
                "Knowledge search evaluation (" + articles.size() + " articles, " + weights() + ")\n" + table);
        Score best = Objects.requireNonNull(heldOut.get(AnalyzerChoice.NORI_WITH_BIGRAM));
        assertThat(best.recall()).as("held-out recall@10 of the default").isGreaterThan(0.6);
        assertThat(best.reciprocalRank()).as("held-out MRR@10 of the default").isGreaterThan(0.4);
    }

    /**
     * The weights under evaluation: the default, or for tuning on questions-2
     * {@code -Dknowledge.weights=title,tags,category,text,bigram,ngram,fuzzy}.
     */
    static SearchWeights weights() {
        String given = System.getProperty("knowledge.weights");
        if (given == null || given.isBlank()) {
            return SearchWeights.DEFAULT;
        }
        float[] w = new float[7];
        String[] parts = given.split(",");
        for (int i = 0; i < w.length; i++) {
            w[i] = Float.parseFloat(parts[i].strip());
        }
        return new SearchWeights(w[0], w[1], w[2], w[3], w[4], w[5], w[6]);
    }

    /** recall@10 (share of the answers in the first ten) and the reciprocal rank of the first answer. */
    static double[] figure(KnowledgeIndex index, Question question) {
        List<String> found = index.search(KnowledgeQuery.of(question.text(), 10, CENTER, TODAY)).results().stream()
                .map(KnowledgeHits.Hit::id)
                .toList();
        long hits = question.answers().stream().filter(found::contains).count();
        double reciprocalRank = 0;
        for (int rank = 0; rank < found.size(); rank++) {
            if (question.answers().contains(found.get(rank))) {
                reciprocalRank = 1.0 / (rank + 1);
                break;
            }
        }
        return new double[] {(double) hits / question.answers().size(), reciprocalRank};
    }

    static String format(double figure) {
        return String.format(Locale.ROOT, "%.3f", figure);
    }

    static List<IndexedArticle> articles(String resource) {
        return lines(resource).stream()
                .map(line -> new IndexedArticle(
                        UUID.nameUUIDFromBytes(line.get("id").asString().getBytes(StandardCharsets.UTF_8)),
                        line.get("id").asString(),
                        CENTER,
                        false,
                        ArticleKind.ARTICLE,
                        line.get("title").asString(),
                        line.get("text").asString(),
                        line.has("category") ? line.get("category").asString() : null,
                        line.has("tags") ? strings(line.get("tags")) : List.of(),
                        line.has("audience") && line.get("audience").asString().equals("agents")
                                ? Audience.AGENTS
                                : Audience.PUBLIC,
                        null,
                        null,
                        false,
                        Instant.EPOCH))
                .toList();
    }

    static List<Question> questions(String resource) {
        return lines(resource).stream()
                .map(line -> new Question(
                        line.get("q").asString(),
                        strings(line.get("answers")),
                        line.get("kind").asString()))
                .toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static List<JsonNode> lines(String resource) {
        JsonMapper json = JsonMapper.builder().build();
        try (InputStream in = Objects.requireNonNull(
                        KnowledgeSearchEvaluationTests.class.getResourceAsStream(resource), resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.isBlank())
                    .map(json::readTree)
                    .toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
