package io.sangdam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every visible text comes from the message bundles, in Korean and English: no text written into a
 * template, no key missing in one language, no key a template uses that exists in neither.
 */
class MessageBundleTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern TEXT_NODE = Pattern.compile(">([^<]+)<");
    private static final Pattern LITERAL_ATTRIBUTE =
            Pattern.compile("\\s(placeholder|title|alt|aria-label|value|label)=\"([^\"]*)\"");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9.\\-_]+)[}(]");
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?s)<(script|style)[^>]*>.*?</\\1>");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");

    @Test
    void everyKeyExistsInKoreanAndEnglish() {
        Set<String> korean = keys("messages.properties");
        Set<String> english = keys("messages_en.properties");
        assertThat(difference(korean, english)).as("keys only in Korean").isEmpty();
        assertThat(difference(english, korean)).as("keys only in English").isEmpty();
    }

    @Test
    void everyKeyTemplatesUseExists() throws IOException {
        Set<String> korean = keys("messages.properties");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher keys = MESSAGE_KEY.matcher(Files.readString(template));
            while (keys.find()) {
                if (!korean.contains(keys.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + keys.group(1));
                }
            }
        }
        assertThat(missing).as("message keys used in templates but not defined").isEmpty();
    }

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        List<String> hardCoded = new ArrayList<>();
        for (Path template : templates()) {
            String html = COMMENT.matcher(
                            SCRIPT_OR_STYLE.matcher(Files.readString(template)).replaceAll(""))
                    .replaceAll("");
            // Attribute values may hold '>' (th:if="${page > 0}"); blank them before looking at text nodes.
            Matcher text = TEXT_NODE.matcher(html.replaceAll("=\"[^\"]*\"", "=\"\""));
            while (text.find()) {
                if (text.group(1).codePoints().anyMatch(Character::isLetter)) {
                    hardCoded.add(TEMPLATES.relativize(template) + ": text \""
                            + text.group(1).strip() + "\"");
                }
            }
            Matcher attribute = LITERAL_ATTRIBUTE.matcher(html);
            while (attribute.find()) {
                boolean visible = !attribute.group(1).equals("value")
                        && !attribute.group(1).equals("label");
                if (visible && attribute.group(2).codePoints().anyMatch(Character::isLetter)) {
                    hardCoded.add(TEMPLATES.relativize(template) + ": " + attribute.group(1) + "=\""
                            + attribute.group(2) + "\"");
                }
            }
        }
        assertThat(hardCoded)
                .as("visible text written into templates instead of message bundles")
                .isEmpty();
    }

    /**
     * A message with arguments goes through MessageFormat, where a single apostrophe starts a quoted part:
     * "agent's ... {0}" showed a literal {0} and lost the apostrophe. Such messages write it as ''.
     */
    @Test
    void messagesWithArgumentsKeepTheirApostrophesAndPlaceholders() {
        List<String> broken = new ArrayList<>();
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties messages = properties(bundle);
            for (String key : messages.stringPropertyNames()) {
                String value = messages.getProperty(key);
                if (!PLACEHOLDER.matcher(value).find()) {
                    continue;
                }
                String formatted = new java.text.MessageFormat(value, java.util.Locale.ROOT)
                        .format(new Object[] {7, 7, 7, 7, 7, 7});
                if (LONE_APOSTROPHE.matcher(value).find()
                        || PLACEHOLDER.matcher(formatted).find()) {
                    broken.add(bundle + ": " + key + " -> " + formatted);
                }
            }
        }
        assertThat(broken).as("messages MessageFormat would show wrongly").isEmpty();
    }

    @Test
    void detectsHardCodedTextWhenThereIsSome() {
        Matcher text = TEXT_NODE.matcher("<p>저장</p><span th:text=\"#{x}\"></span>");
        assertThat(text.find()).isTrue();
        assertThat(text.group(1)).isEqualTo("저장");
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Set<String> keys(String bundle) {
        return new TreeSet<>(properties(bundle).stringPropertyNames());
    }

    private static Properties properties(String bundle) {
        var properties = new Properties();
        try (InputStream in = MessageBundleTests.class.getResourceAsStream("/" + bundle)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        Set<String> result = new TreeSet<>(left);
        result.removeAll(right);
        return result;
    }
}
