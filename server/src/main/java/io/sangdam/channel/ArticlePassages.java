package io.sangdam.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The pieces of an article an agent puts into a reply: each paragraph, list item and table row of its
 * Markdown as plain text (no markup reaches the customer), and which of them best answer what the
 * customer wrote. Words are compared after Nori's analysis, so 해지하려면 meets 해지 and particles
 * and endings (을, 하려면) count for nothing.
 */
final class ArticlePassages {

    /** Long enough for a paragraph of an answer, short enough for the message box's 2,000 characters. */
    static final int MAXIMUM_PASSAGE_LENGTH = 1000;

    private static final Parser MARKDOWN =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();

    // One analyzer for all: Nori's dictionaries load once (some megabytes), and an Analyzer is thread-safe.
    private static final Analyzer WORDS = new KoreanAnalyzer();

    private ArticlePassages() {}

    /** All passages in the article's order. */
    static List<String> of(String markdown) {
        List<String> passages = new ArrayList<>();
        collect(MARKDOWN.parse(markdown), passages);
        return List.copyOf(passages);
    }

    /**
     * The passages that share most words with {@code words}, best first, at most {@code limit}; the
     * article's order among equals. None shares a word: the first passage (the article's lead).
     */
    static List<String> best(String markdown, String words, int limit) {
        List<String> passages = of(markdown);
        if (passages.isEmpty()) {
            return List.of();
        }
        Set<String> wanted = terms(words);
        int[] scores = passages.stream()
                .mapToInt(passage -> shared(wanted, terms(passage)))
                .toArray();
        List<String> best = IntStream.range(0, passages.size())
                .filter(i -> scores[i] > 0)
                .boxed()
                .sorted(Comparator.comparingInt((Integer i) -> -scores[i]).thenComparingInt(i -> i))
                .limit(limit)
                .map(passages::get)
                .toList();
        return best.isEmpty() ? List.of(passages.getFirst()) : best;
    }

    private static int shared(Set<String> wanted, Set<String> present) {
        int count = 0;
        for (String term : wanted) {
            if (present.contains(term)) {
                count++;
            }
        }
        return count;
    }

    static Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        try (TokenStream tokens = WORDS.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                // One syllable is mostly a verb stem or the copula (하, 있, 이) that any sentence has:
                // counted, it matched "얼마예요" with every article that says "입니다".
                if (term.length() > 1) {
                    terms.add(term.toString().toLowerCase(java.util.Locale.ROOT));
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static void collect(Node node, List<String> passages) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            switch (child) {
                case Paragraph paragraph -> add(passages, text(paragraph));
                case ListItem item -> {
                    // The item's own words are one passage; a list inside it gives passages of its own.
                    StringBuilder own = new StringBuilder();
                    for (Node part = item.getFirstChild(); part != null; part = part.getNext()) {
                        if (part instanceof Paragraph) {
                            own.append(own.isEmpty() ? "" : " ").append(text(part));
                        }
                    }
                    add(passages, own.toString());
                    nestedLists(item, passages);
                }
                case TableHead head -> {}
                case TableBody body -> rows(body, passages);
                case HtmlBlock html -> {}
                default -> collect(child, passages);
            }
        }
    }

    // Inside a list item: its paragraphs were taken already, only nested lists remain.
    private static void nestedLists(ListItem item, List<String> passages) {
        for (Node part = item.getFirstChild(); part != null; part = part.getNext()) {
            if (!(part instanceof Paragraph)) {
                collect(part, passages);
            }
        }
    }

    // A row names its columns, so "45,000원" is not read without "월정액": 요금제: 5G 슬림 · 월정액: 45,000원.
    private static void rows(TableBody body, List<String> passages) {
        List<String> headings = new ArrayList<>();
        Node block = body.getPrevious();
        if (block instanceof TableHead head && head.getFirstChild() instanceof TableRow headRow) {
            for (Node cell = headRow.getFirstChild(); cell != null; cell = cell.getNext()) {
                headings.add(text(cell));
            }
        }
        for (Node row = body.getFirstChild(); row != null; row = row.getNext()) {
            List<String> cells = new ArrayList<>();
            int column = 0;
            for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext(), column++) {
                String value = text(cell);
                if (cell instanceof TableCell && !value.isBlank()) {
                    cells.add(
                            column < headings.size() && !headings.get(column).isBlank()
                                    ? headings.get(column) + ": " + value
                                    : value);
                }
            }
            add(passages, String.join(" · ", cells));
        }
    }

    private static void add(List<String> passages, String passage) {
        String text = passage.strip();
        if (text.isEmpty()) {
            return;
        }
        passages.add(
                text.length() > MAXIMUM_PASSAGE_LENGTH ? text.substring(0, MAXIMUM_PASSAGE_LENGTH - 1) + "…" : text);
    }

    /** The words of inline Markdown, without its marks: a link gives its words, code its characters. */
    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        appendText(node, text);
        return text.toString().replaceAll("[ \\t]+", " ").strip();
    }

    private static void appendText(Node node, StringBuilder text) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            switch (child) {
                case Text literal -> text.append(literal.getLiteral());
                case Code code -> text.append(code.getLiteral());
                case SoftLineBreak soft -> text.append(' ');
                case HardLineBreak hard -> text.append('\n');
                case HtmlInline html -> {}
                default -> appendText(child, text);
            }
        }
    }
}
