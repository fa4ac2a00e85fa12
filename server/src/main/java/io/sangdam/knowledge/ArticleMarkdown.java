package io.sangdam.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.jspecify.annotations.Nullable;

/**
 * An article's Markdown as HTML a page may show: headings, lists, tables (GFM), emphasis, code and
 * links. All markup comes from the renderer itself: raw HTML in the source is escaped to text, and
 * a link or image keeps its address only when it is relative or http, https, mailto or tel, so no
 * {@code javascript:}, {@code data:} or {@code vbscript:} address and no event handler can reach
 * the page, whatever the author wrote.
 *
 * <p>{@link #unsafeMarkup} is a second wall on save and import: a body that tries script tags,
 * handlers or script addresses is refused, so stored text never depends on the renderer staying
 * right (a future export, the bot, a plain-text view).
 */
public final class ArticleMarkdown {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Set<String> ALLOWED_SCHEMES = Set.of("http", "https", "mailto", "tel");
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");

    private static final Pattern SCRIPT_TAG = Pattern.compile("<\\s*/?\\s*script", Pattern.CASE_INSENSITIVE);
    /** An on...= attribute inside something shaped like a tag; "on" in prose is not a handler. */
    private static final Pattern HANDLER =
            Pattern.compile("<[a-z!/][^>]*?[\\s/\"']on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    private static final Pattern SCRIPT_ADDRESS = Pattern.compile("(?:java|vb)script:");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-f]+|[0-9]+);?", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> NAMED_ENTITIES =
            Map.of("&colon;", ":", "&tab;", "\t", "&newline;", "\n", "&lpar;", "(", "&rpar;", ")");

    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new AllowedAddresses())
            .attributeProviderFactory(context -> new LinkAttributes())
            .build();

    private ArticleMarkdown() {}

    /** The body as HTML that is safe to place in a page as it is. */
    public static String render(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }

    /**
     * What in this body looks like an attempt at script, or null when nothing does: a script tag,
     * an event handler attribute, or a javascript: or vbscript: address, also when written with
     * HTML entities, mixed case, or spaces and control characters inside the word.
     */
    public static @Nullable String unsafeMarkup(String markdown) {
        String decoded = decodeEntities(markdown);
        if (SCRIPT_TAG.matcher(decoded).find()) {
            return "<script>";
        }
        if (HANDLER.matcher(decoded).find()) {
            return "on…=";
        }
        String squeezed = squeeze(decoded);
        Matcher address = SCRIPT_ADDRESS.matcher(squeezed);
        if (address.find()) {
            return address.group();
        }
        return null;
    }

    /** Lower case without white space and control characters, which browsers skip inside a scheme. */
    private static String squeeze(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c) && c != '\u00a0' && c != '\u200b')
                .forEach(kept::appendCodePoint);
        return kept.toString().toLowerCase(Locale.ROOT);
    }

    // Decoded twice: &amp;#106; survives one round in some renderers, so it is treated as a j too.
    private static String decodeEntities(String text) {
        String once = decodeOnce(text);
        return decodeOnce(once.replace("&amp;", "&").replace("&AMP;", "&"));
    }

    private static String decodeOnce(String text) {
        Matcher numeric = NUMERIC_ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder(text.length());
        while (numeric.find()) {
            String number = numeric.group(1);
            int codePoint;
            try {
                codePoint = number.charAt(0) == 'x' || number.charAt(0) == 'X'
                        ? Integer.parseInt(number.substring(1), 16)
                        : Integer.parseInt(number);
            } catch (NumberFormatException tooLong) {
                codePoint = '?';
            }
            String replacement = Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : "?";
            numeric.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
        }
        numeric.appendTail(decoded);
        String result = decoded.toString();
        for (var named : NAMED_ENTITIES.entrySet()) {
            result = result.replaceAll(
                    "(?i)" + Pattern.quote(named.getKey()), Matcher.quoteReplacement(named.getValue()));
        }
        return result;
    }

    /** Relative addresses and the allowed schemes pass; anything else becomes an empty address. */
    static boolean allowedAddress(String url) {
        String squeezed = squeeze(decodeEntities(url));
        Matcher scheme = SCHEME.matcher(squeezed);
        if (scheme.find()) {
            return ALLOWED_SCHEMES.contains(scheme.group(1));
        }
        // A colon before any slash, ? or # would make a browser read a scheme after all.
        int colon = squeezed.indexOf(':');
        if (colon < 0) {
            return true;
        }
        int boundary = firstOf(squeezed, "/?#");
        return boundary >= 0 && boundary < colon;
    }

    private static int firstOf(String text, String characters) {
        int first = -1;
        for (char c : characters.toCharArray()) {
            int at = text.indexOf(c);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    private static final class AllowedAddresses implements UrlSanitizer {

        @Override
        public String sanitizeLinkUrl(String url) {
            return allowedAddress(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return allowedAddress(url) ? url : "";
        }
    }

    /** Links leave the page without handing it to the target (no opener, no referrer). */
    private static final class LinkAttributes implements AttributeProvider {

        @Override
        public void setAttributes(org.commonmark.node.Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Link) {
                attributes.put("rel", "nofollow noopener noreferrer");
            }
        }
    }
}
