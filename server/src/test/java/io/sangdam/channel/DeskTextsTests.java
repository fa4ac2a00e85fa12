package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The desk's scripts get their words from one JSON object (docs/adr/0014): every key a script
 * names must be in {@link DeskTexts#KEYS} and in both bundles, or the desk shows the bare key;
 * and a key no script names any more is dead weight on every desk page.
 */
class DeskTextsTests {

    private static final Path SCRIPTS = Path.of("src/main/resources/static/js/desk");
    private static final Path BUNDLES = Path.of("src/main/resources");

    /** A quoted bundle key in a script: a whole key, or a prefix ending in "." for an enumeration. */
    private static final Pattern KEY_IN_SCRIPT =
            Pattern.compile("\"((?:chat|customer|desk|incidents|panel|record)\\.[A-Za-z0-9_.-]+)\"");

    @Test
    void everyKeyTheScriptsNameIsSentAndEveryKeySentIsNamed() {
        Set<String> named = keysInScripts();
        assertThat(named).as("keys found in " + SCRIPTS.toAbsolutePath()).isNotEmpty();
        for (String key : named) {
            if (key.endsWith(".")) {
                assertThat(DeskTexts.KEYS)
                        .as("values of " + key + " sent to the desk")
                        .anyMatch(k -> k.startsWith(key));
            } else {
                assertThat(DeskTexts.KEYS).as("keys sent to the desk").contains(key);
            }
        }
        for (String key : DeskTexts.KEYS) {
            String prefix = key.substring(0, key.lastIndexOf('.') + 1);
            assertThat(named.contains(key) || named.contains(prefix))
                    .as(key + " is named by a desk script")
                    .isTrue();
        }
    }

    @Test
    void everyKeySentIsInBothLanguages() {
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties texts = bundle(bundle);
            assertThat(DeskTexts.KEYS).as("desk keys missing from " + bundle).allMatch(texts::containsKey);
        }
        assertThat(Set.copyOf(DeskTexts.KEYS)).as("keys listed once").hasSameSizeAs(DeskTexts.KEYS);
    }

    @Test
    void theTextsArriveAsWrittenWithTheirPlaceholders() {
        var messages = new StaticMessageSource();
        messages.addMessage("desk.accept", Locale.ENGLISH, "Accept \"now\" </script><b>&amp;");
        messages.addMessage("desk.seconds", Locale.ENGLISH, "{0} s left");
        var mapper = JsonMapper.builder().build();

        JsonNode sent = mapper.readTree(new DeskTexts(messages, mapper).json(Locale.ENGLISH));

        assertThat(sent.get("desk.accept").asString()).isEqualTo("Accept \"now\" </script><b>&amp;");
        assertThat(sent.get("desk.seconds").asString()).isEqualTo("{0} s left");
        // Missing from the bundle: the key, which the script would show too, instead of no desk.
        assertThat(sent.get("desk.decline").asString()).isEqualTo("desk.decline");
        assertThat(sent.size()).isEqualTo(DeskTexts.KEYS.size());
    }

    private static Set<String> keysInScripts() {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            for (Path script : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                Matcher match = KEY_IN_SCRIPT.matcher(Files.readString(script));
                while (match.find()) {
                    keys.add(match.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static Properties bundle(String name) {
        var texts = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            texts.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
