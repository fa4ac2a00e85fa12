package io.sangdam.style;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javaformat.java.Formatter;
import com.palantir.javaformat.java.FormatterException;
import com.palantir.javaformat.java.JavaFormatterOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java file of the project is in the one format (palantir-java-format: four-space indents,
 * 120 columns, imports sorted and unused ones removed). With {@code -Dformat=fix} the files that
 * are not are rewritten instead: {@code ./mvnw -pl style test -Dformat=fix}.
 */
class FormattingTests {

    private static final List<String> MODULES = List.of("engine", "server", "bench", "style");

    private final Formatter formatter = Formatter.createFormatter(JavaFormatterOptions.builder()
            .style(JavaFormatterOptions.Style.PALANTIR)
            .build());

    @Test
    void everyJavaFileIsInTheProjectsFormat() throws IOException {
        Path root = Path.of(System.getProperty("sangdam.root", ".."));
        boolean fix = "fix".equals(System.getProperty("sangdam.format"));
        List<Path> sources = sources(root);
        assertThat(sources).as("Java files under " + root.toAbsolutePath()).hasSizeGreaterThan(100);
        List<String> unformatted = sources.parallelStream()
                .filter(file -> !inFormat(file, fix))
                .map(file -> root.relativize(file).toString())
                .sorted()
                .toList();
        assertThat(unformatted)
                .as("files not in the project's format; `./mvnw -pl style test -Dformat=fix` rewrites them")
                .isEmpty();
    }

    private static List<Path> sources(Path root) throws IOException {
        List<Path> sources = new java.util.ArrayList<>();
        for (String module : MODULES) {
            Path src = root.resolve(module).resolve("src");
            if (Files.isDirectory(src)) {
                try (Stream<Path> files = Files.walk(src)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
                }
            }
        }
        return sources;
    }

    /** Whether the file is in the format; when fixing, rewrites it if it was not (and then counts as in it). */
    private boolean inFormat(Path file, boolean fix) {
        try {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            String formatted = formatter.formatSourceAndFixImports(source);
            if (formatted.equals(source)) {
                return true;
            }
            if (fix) {
                Files.writeString(file, formatted, StandardCharsets.UTF_8);
                return true;
            }
            return false;
        } catch (FormatterException unparsable) {
            throw new IllegalStateException(file + " cannot be parsed: " + unparsable.getMessage(), unparsable);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
