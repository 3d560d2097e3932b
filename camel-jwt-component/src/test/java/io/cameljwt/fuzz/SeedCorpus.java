package io.cameljwt.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The committed seed corpus of a fuzz test, as Jazzer reads it in regression mode: the files under the resource
 * directory {@code <TestClass>Inputs/<method>} beside the test class. The seeds named {@code valid-*} are tokens the
 * keys of {@link FuzzEndpoints} made legitimately: the only tokens a fuzz test may see accepted.
 */
final class SeedCorpus {

    /** The prefix of the seeds that are legitimately signed (or encrypted) tokens. */
    static final String VALID = "valid-";

    private SeedCorpus() {
    }

    /** The text of every {@code valid-*} seed of the method, trimmed. */
    static List<String> validTokens(Class<?> test, String method) {
        String directory = test.getSimpleName() + "Inputs/" + method;
        URL url = test.getResource(directory);
        if (url == null) {
            throw new IllegalStateException("no seed corpus " + directory + " beside " + test.getName());
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<String> tokens = files.filter(f -> f.getFileName().toString().startsWith(VALID)).sorted()
                    .map(SeedCorpus::text).toList();
            if (tokens.isEmpty()) {
                throw new IllegalStateException("no " + VALID + "* seed in " + directory);
            }
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
