package io.sangdam.knowledge.search;

import io.sangdam.knowledge.search.AnalyzerChoice.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jspecify.annotations.Nullable;

/**
 * How an {@link IndexedArticle} is laid out in Lucene. Text fields are indexed once per analyzer
 * variant ({@code title.nori}, {@code title.bigram}) and stored once, as plain text without Markdown
 * marks, for snippets.
 */
final class ArticleDocuments {

    static final String ID = "id";
    static final String ANSWER_ID = "answer";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String TAGS = "tags";
    static final String TAG = "tag";
    static final String CATEGORY = "category";
    static final String CATEGORY_PATH = "category.path";
    static final String CENTER = "center";
    static final String SHARED = "shared";
    static final String AUDIENCE = "audience";
    static final String KIND = "kind";
    static final String ARCHIVED = "archived";
    static final String EFFECTIVE_FROM = "effective.from";
    static final String EFFECTIVE_TO = "effective.to";

    /** The fields a question is searched in. */
    static final String[] SEARCHED = {TITLE, TAGS, CATEGORY, TEXT};

    static final FacetsConfig FACETS = facets();

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final TextContentRenderer PLAIN =
            TextContentRenderer.builder().build();

    private ArticleDocuments() {}

    static String field(String name, Variant variant) {
        return name + "." + variant.suffix();
    }

    static Document document(IndexedArticle article, AnalyzerChoice choice) {
        Document document = new Document();
        document.add(new StringField(ID, article.articleId().toString(), Field.Store.YES));
        document.add(new StoredField(ANSWER_ID, article.answerId()));
        String text = plainText(article.text());
        String tags = String.join(" ", article.tags());
        @Nullable String category = article.category();
        document.add(new StoredField(TITLE, article.title()));
        document.add(new StoredField(TEXT, text));
        for (Variant variant : choice.variants()) {
            document.add(new TextField(field(TITLE, variant), article.title(), Field.Store.NO));
            document.add(new TextField(field(TEXT, variant), text, Field.Store.NO));
            document.add(new TextField(field(TAGS, variant), tags, Field.Store.NO));
            if (category != null) {
                document.add(new TextField(field(CATEGORY, variant), category.replace('/', ' '), Field.Store.NO));
            }
        }
        for (String tag : article.tags()) {
            document.add(new StoredField(TAG, tag));
            if (!tag.isBlank()) {
                document.add(new SortedSetDocValuesFacetField(TAG, tag));
            }
        }
        if (category != null && !category.isBlank()) {
            document.add(new StoredField(CATEGORY, category));
            document.add(new SortedSetDocValuesFacetField(CATEGORY, category));
            // Every ancestor path, so that a filter by 요금 finds 요금/해지 with one term.
            String[] parts = category.split("/");
            StringBuilder path = new StringBuilder();
            for (String part : parts) {
                if (part.isBlank()) {
                    continue;
                }
                path.append(path.isEmpty() ? "" : "/").append(part.strip());
                document.add(new StringField(CATEGORY_PATH, path.toString(), Field.Store.NO));
            }
        }
        document.add(new LongField(CENTER, article.centerId(), Field.Store.NO));
        document.add(new StringField(SHARED, Boolean.toString(article.shared()), Field.Store.NO));
        document.add(new StringField(AUDIENCE, article.audience().name(), Field.Store.YES));
        document.add(new StringField(KIND, article.kind().name(), Field.Store.YES));
        document.add(new StringField(ARCHIVED, Boolean.toString(article.archived()), Field.Store.YES));
        document.add(new LongField(EFFECTIVE_FROM, day(article.effectiveFrom(), Long.MIN_VALUE), Field.Store.NO));
        document.add(new LongField(EFFECTIVE_TO, day(article.effectiveTo(), Long.MAX_VALUE), Field.Store.NO));
        try {
            return FACETS.build(document);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /** A category path as filters compare it: no blank parts, no spaces around the slashes. */
    static String normalizedPath(String path) {
        StringBuilder normalized = new StringBuilder();
        for (String part : path.split("/")) {
            if (!part.isBlank()) {
                normalized.append(normalized.isEmpty() ? "" : "/").append(part.strip());
            }
        }
        return normalized.toString();
    }

    /** The Markdown source as the words a reader sees: no #, *, table bars or link targets. */
    static String plainText(String markdown) {
        return PLAIN.render(MARKDOWN.parse(markdown)).strip();
    }

    private static long day(@Nullable LocalDate date, long otherwise) {
        return date == null ? otherwise : date.toEpochDay();
    }

    private static FacetsConfig facets() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(TAG, true);
        return config;
    }
}
