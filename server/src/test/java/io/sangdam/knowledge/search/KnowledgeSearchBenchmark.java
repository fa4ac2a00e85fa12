package io.sangdam.knowledge.search;

import io.sangdam.knowledge.ArticleKind;
import io.sangdam.knowledge.Audience;
import io.sangdam.knowledge.KnowledgeQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Indexing time, search latency under concurrent load, index size and heap with generated Korean
 * articles, every analyzer configuration in the same run. Not part of the test suite (the name does
 * not end in Tests); run it on purpose (docs/performance.md):
 *
 * <pre>./mvnw -q -pl server test -Dtest=KnowledgeSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dknowledge.articles=100000 -Dknowledge.threads=4 -Dknowledge.searches=4000</pre>
 *
 * Articles are drawn from the demo knowledge base's words with a fixed seed, so every run indexes the
 * same text; questions are the evaluation's questions.
 */
class KnowledgeSearchBenchmark {

    static final long SEED = 20261208L;

    @Test
    void measures() throws Exception {
        int articles = Integer.getInteger("knowledge.articles", 100_000);
        int threads = Integer.getInteger("knowledge.threads", 4);
        int searches = Integer.getInteger("knowledge.searches", 4_000);
        String only = System.getProperty("knowledge.analyzers", "");
        List<IndexedArticle> demo = new ArrayList<>();
        demo.addAll(KnowledgeSearchEvaluationTests.articles("/knowledge/demo/articles-1.jsonl"));
        demo.addAll(KnowledgeSearchEvaluationTests.articles("/knowledge/demo/articles-2.jsonl"));
        List<String> questions = Stream.concat(
                        KnowledgeSearchEvaluationTests.questions("/knowledge/questions-1.jsonl").stream(),
                        KnowledgeSearchEvaluationTests.questions("/knowledge/questions-2.jsonl").stream())
                .map(KnowledgeSearchEvaluationTests.Question::text)
                .toList();
        String[] titleWords = words(demo.stream().map(IndexedArticle::title));
        String[] textWords = words(demo.stream().map(article -> ArticleDocuments.plainText(article.text())));
        List<String> categories = demo.stream()
                .map(IndexedArticle::category)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();

        StringBuilder table = new StringBuilder(String.format(
                Locale.ROOT,
                "%d articles, %d threads, %d searches on %d cores, heap max %d MB%n"
                        + "| configuration | indexing s | articles/s | index MB | heap after open MB "
                        + "| p50 ms | p99 ms | searches/s |%n|---|---|---|---|---|---|---|---|%n",
                articles,
                threads,
                searches,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20));
        for (AnalyzerChoice choice : AnalyzerChoice.values()) {
            if (!only.isBlank() && !Arrays.asList(only.split(",")).contains(choice.name())) {
                continue;
            }
            Path folder = Files.createTempDirectory("knowledge-benchmark");
            KnowledgeIndex index = KnowledgeIndex.openFolder(
                    folder, true, new KoreanAnalysis(choice, SearchDictionary.EMPTY), SearchWeights.DEFAULT);
            try {
                Random random = new Random(SEED);
                long start = System.nanoTime();
                index.rebuild(
                        IntStream.range(0, articles)
                                .mapToObj(i -> generated(i, random, titleWords, textWords, categories)),
                        "benchmark");
                double indexing = (System.nanoTime() - start) / 1e9;
                long bytes = size(folder);
                System.gc();
                long heap = (Runtime.getRuntime().totalMemory()
                                - Runtime.getRuntime().freeMemory())
                        >> 20;
                // Warm-up: the JIT and the index's caches, not counted.
                for (int i = 0; i < Math.min(1_000, searches); i++) {
                    index.search(query(questions.get(i % questions.size())));
                }
                long[] latencies = new long[searches];
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                long loadStart = System.nanoTime();
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    running.add(pool.submit(() -> {
                        for (int i = first; i < searches; i += threads) {
                            long began = System.nanoTime();
                            index.search(query(questions.get((i * 7919) % questions.size())));
                            latencies[i] = System.nanoTime() - began;
                        }
                    }));
                }
                for (Future<?> run : running) {
                    run.get();
                }
                double seconds = (System.nanoTime() - loadStart) / 1e9;
                pool.shutdown();
                Arrays.sort(latencies);
                table.append(String.format(
                        Locale.ROOT,
                        "| %s | %.1f | %.0f | %.1f | %d | %.2f | %.2f | %.0f |%n",
                        choice,
                        indexing,
                        articles / indexing,
                        bytes / 1048576.0,
                        heap,
                        latencies[searches / 2] / 1e6,
                        latencies[(int) (searches * 0.99)] / 1e6,
                        searches / seconds));
                System.out.println(table);
            } finally {
                index.close();
            }
        }
        System.out.println("Knowledge search benchmark\n" + table);
    }

    static KnowledgeQuery query(String text) {
        return KnowledgeQuery.of(text, 10, KnowledgeSearchEvaluationTests.CENTER, KnowledgeSearchEvaluationTests.TODAY);
    }

    static IndexedArticle generated(
            int number, Random random, String[] titleWords, String[] textWords, List<String> categories) {
        String title = String.join(" ", pick(random, titleWords, 3 + random.nextInt(4)));
        String text = String.join(" ", pick(random, textWords, 60 + random.nextInt(120)));
        return new IndexedArticle(
                new UUID(SEED, number),
                "GEN-" + number,
                KnowledgeSearchEvaluationTests.CENTER,
                false,
                ArticleKind.ARTICLE,
                title,
                text,
                categories.get(random.nextInt(categories.size())),
                List.of(pick(random, titleWords, 2)),
                random.nextBoolean() ? Audience.PUBLIC : Audience.AGENTS,
                null,
                null,
                false,
                Instant.EPOCH);
    }

    private static String[] pick(Random random, String[] words, int count) {
        String[] picked = new String[count];
        for (int i = 0; i < count; i++) {
            picked[i] = words[random.nextInt(words.length)];
        }
        return picked;
    }

    /** Every word as often as the demo articles use it, so generated text has their frequencies. */
    private static String[] words(Stream<String> texts) {
        return texts.flatMap(text -> Arrays.stream(text.split("\\s+")))
                .filter(word -> !word.isBlank())
                .toArray(String[]::new);
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        }
    }
}
