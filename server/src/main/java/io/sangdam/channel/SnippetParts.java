package io.sangdam.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search snippet as the desk shows it: plain texts, each marked as a hit or not. The search's
 * highlighter writes hits as tags into an excerpt of the article; were that string put into the page
 * as markup, any tag an article's author typed would come with it. So the tags are read here and
 * dropped, entities are decoded, and the desk sets each part as text (a hit inside {@code <mark>}).
 */
final class SnippetParts {

    /** A piece of the snippet; {@code hit}: a word the search matched. */
    record Part(String text, boolean hit) {}

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>");
    // Two lines of the panel: the snippet says why the article came up; the passage below is what to use.
    static final int MAXIMUM_LENGTH = 200;

    // The snippet is cut from the article's Markdown source: list bullets, heading marks, bold and table
    // bars would read as noise in a line of text.
    private static final Pattern LINE_MARKS = Pattern.compile("(^|\\n)[ \\t]*(#{1,6}|[-*+]|\\d{1,2}\\.)[ \\t]+");
    private static final Pattern INLINE_MARKS = Pattern.compile("\\*\\*|__|`|\\s*\\|\\s*");

    private SnippetParts() {}

    static List<Part> of(String highlighted) {
        List<Part> parts = new ArrayList<>();
        Matcher tag = TAG.matcher(highlighted);
        int position = 0;
        int depth = 0;
        int length = 0;
        while (tag.find()) {
            length += add(parts, highlighted.substring(position, tag.start()), depth > 0, length);
            String name = tag.group(2).toLowerCase(java.util.Locale.ROOT);
            if (name.equals("mark") || name.equals("b") || name.equals("em") || name.equals("strong")) {
                depth = Math.max(0, depth + (tag.group(1).isEmpty() ? 1 : -1));
            }
            position = tag.end();
        }
        add(parts, highlighted.substring(position), depth > 0, length);
        return List.copyOf(parts);
    }

    /**
     * The snippet's words without its marks, each of its excerpts a paragraph of its own (the
     * highlighter joins them with an ellipsis), as Markdown to take passages from.
     */
    static String text(String highlighted) {
        return decoded(TAG.matcher(highlighted).replaceAll(""))
                .replace(" … ", "\n\n")
                .strip();
    }

    private static int add(List<Part> parts, String raw, boolean hit, int lengthSoFar) {
        String text = decoded(INLINE_MARKS
                        .matcher(LINE_MARKS.matcher(raw).replaceAll("$1 "))
                        .replaceAll(match -> match.group().contains("|") ? " " : ""))
                .replaceAll("\\s+", " ");
        if (parts.isEmpty()) {
            text = text.stripLeading();
        }
        if (text.isEmpty() || lengthSoFar >= MAXIMUM_LENGTH) {
            return 0;
        }
        if (lengthSoFar + text.length() > MAXIMUM_LENGTH) {
            text = text.substring(0, MAXIMUM_LENGTH - lengthSoFar) + "…";
        }
        if (!parts.isEmpty() && parts.getLast().hit() == hit) {
            parts.set(parts.size() - 1, new Part(parts.getLast().text() + text, hit));
        } else {
            parts.add(new Part(text, hit));
        }
        return text.length();
    }

    // &amp; last: "&amp;lt;" is the text "&lt;", not "<".
    private static String decoded(String text) {
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&nbsp;", " ")
                .replace("&amp;", "&");
    }
}
