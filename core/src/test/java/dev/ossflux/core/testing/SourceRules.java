package dev.ossflux.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Checks a module's main sources for calls that block a reactive pipeline. */
public final class SourceRules {

    private static final Pattern BLOCKING = Pattern.compile(
            "\\.block(First|Last)?\\(|\\.toIterable\\(|\\.toStream\\(|Thread\\.sleep\\(");

    private SourceRules() {
    }

    /** Asserts that no file under {@code src/main/java} of the current module blocks. */
    public static void assertNoBlockingCalls() {
        Path sources = Path.of("src/main/java");
        assertThat(sources).isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(SourceRules::blockingLines)
                    .toList();
            assertThat(offenders).as("blocking calls in library code").isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> blockingLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> BLOCKING.matcher(lines.get(i)).find() && !lines.get(i).trim().startsWith("*"))
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
