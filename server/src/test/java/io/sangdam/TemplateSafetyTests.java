package io.sangdam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Templates write data only through Thymeleaf's escaping, and carry nothing the
 * Content-Security-Policy refuses (issue 15). Unescaped output put a team name's
 * {@code </script><script>} into six pages; inline scripts, handlers and styles would each be
 * refused by the browser, or force the policy open for everyone.
 */
class TemplateSafetyTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** Unescaped output: {@code th:utext} and the unescaped inlining {@code [(...)]}. */
    private static final Pattern UNESCAPED = Pattern.compile("th:utext|\\[\\(");
    /** A script element with a body instead of a file (data goes into data attributes). */
    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("(?s)<script(?![^>]*\\bsrc=)[^>]*>|th:inline=\"javascript\"");
    /** Event-handler attributes, literal, computed or htmx's ({@code onclick}, {@code th:onchange}, {@code hx-on:click}). */
    private static final Pattern HANDLER = Pattern.compile("(?i)\\s(th:|hx-|data-hx-)?on[a-z:-]*=");
    /** Style attributes and style elements (layout lives in static/css). */
    private static final Pattern INLINE_STYLE = Pattern.compile("(?i)\\s(th:)?style=|<style");
    /** Links that run script. */
    private static final Pattern SCRIPT_URL = Pattern.compile("(?i)javascript:");

    @Test
    void noTemplateWritesDataUnescaped() {
        assertThat(findings(UNESCAPED)).as("unescaped output in templates").isEmpty();
    }

    @Test
    void noTemplateHasInlineScriptsOrHandlers() {
        assertThat(findings(INLINE_SCRIPT)).as("script elements without a file").isEmpty();
        assertThat(findings(HANDLER)).as("event-handler attributes").isEmpty();
        assertThat(findings(SCRIPT_URL)).as("javascript: links").isEmpty();
    }

    @Test
    void noTemplateHasInlineStyles() {
        assertThat(findings(INLINE_STYLE)).as("style attributes and elements").isEmpty();
    }

    @Test
    void theRulesRecogniseWhatTheyForbid() {
        assertThat(UNESCAPED
                        .matcher("<script type=\"application/json\" th:utext=\"${json}\"></script>")
                        .find())
                .isTrue();
        assertThat(UNESCAPED.matcher("<p>[(${name})]</p>").find()).isTrue();
        assertThat(INLINE_SCRIPT
                        .matcher("<script type=\"application/json\" id=\"x\"></script>")
                        .find())
                .isTrue();
        assertThat(INLINE_SCRIPT
                        .matcher("<script th:src=\"@{/js/sangdam.js}\" defer></script>")
                        .find())
                .isFalse();
        assertThat(HANDLER.matcher("<select name=\"team\" onchange=\"this.form.submit()\">")
                        .find())
                .isTrue();
        assertThat(HANDLER.matcher("<button hx-on:click=\"alert(1)\">").find()).isTrue();
        assertThat(HANDLER.matcher("<select name=\"team\" data-submit-on-change>")
                        .find())
                .isFalse();
        assertThat(INLINE_STYLE.matcher("<span th:style=\"'width:' + ${w}\">").find())
                .isTrue();
        assertThat(INLINE_STYLE.matcher("<div class=\"grid spaced\">").find()).isFalse();
    }

    /** Each match as "template:line: text", comments left out. */
    private static List<String> findings(Pattern forbidden) {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            String text = read(template);
            Matcher match = forbidden.matcher(text);
            while (match.find()) {
                if (!insideComment(text, match.start())) {
                    int line = (int) text.substring(0, match.start())
                                    .chars()
                                    .filter(c -> c == '\n')
                                    .count()
                            + 1;
                    found.add(TEMPLATES.relativize(template) + ":" + line + ": "
                            + match.group().strip());
                }
            }
        }
        return found;
    }

    private static boolean insideComment(String text, int at) {
        return text.lastIndexOf("<!--", at) > text.lastIndexOf("-->", at);
    }

    private static List<Path> templates() {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            List<Path> templates =
                    files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
            assertThat(templates)
                    .as("templates found under " + TEMPLATES.toAbsolutePath())
                    .isNotEmpty();
            return templates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path template) {
        try {
            return Files.readString(template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
