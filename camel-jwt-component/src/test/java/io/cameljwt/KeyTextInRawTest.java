package io.cameljwt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route of {@code docs/} (java, yaml and xml blocks) and of the examples' {@code src/main} passes key text to a
 * key option in {@code RAW(...)}, or names a resource or bean: a placeholder alone is resolved into the URI before
 * Camel parses it, and a '+' of a PEM key or Base64 secret then turns into a space (getting-started.md).
 */
class KeyTextInRawTest {

    private static final String KEY_OPTIONS = "secret|privateKey|publicKey|jwks|encryptionKey|decryptionKey";
    /** An option in a URI: after '?', '&' or XML's '&amp;'. */
    private static final Pattern URI_OPTION = Pattern.compile("[?&;](" + KEY_OPTIONS + ")=([^&\"'\\s]*)");
    /** An option under YAML {@code parameters:}. */
    private static final Pattern YAML_PARAMETER = Pattern.compile("^\\s+(" + KEY_OPTIONS + "):\\s*(.*?)\\s*$");
    private static final Pattern SAFE = Pattern.compile("^[\"']?(RAW\\(|#|classpath:|file:|ref:)");
    private static final Path EXAMPLES = Path.of("../camel-jwt-examples/src/main");

    @Test
    void docsRoutesPassKeyTextInRaw() {
        List<String> offending = new ArrayList<>();
        for (DocsBlocks.Block block : DocsBlocks.of("java", "yaml", "xml")) {
            offending.addAll(check("docs/" + block.page(), block.line() + 1, block.text(), block.language().equals("yaml")));
        }
        assertEquals(List.of(), offending, "key text without RAW(...) in docs/");
    }

    @Test
    void exampleRoutesPassKeyTextInRaw() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(java|yaml|xml)$")).toList()) {
                offending.addAll(check(file.toString(), 1, Files.readString(file), file.toString().endsWith(".yaml")));
            }
        }
        assertEquals(List.of(), offending, "key text without RAW(...) in " + EXAMPLES);
    }

    @Test
    void theCheckFindsAPlaceholderOrTextWithoutRaw() {
        assertEquals(2, check("t", 1, ".to(\"jwt:validate?publicKey={{jwt.publicKey}}&secret=abc\")", false).size());
        assertEquals(1, check("t", 1, "<to uri=\"jwt:generate?issuer=x&amp;privateKey={{k}}\"/>", false).size());
        assertEquals(1, check("t", 1, "          parameters:\n            publicKey: \"{{jwt.publicKey}}\"\n", true).size());
        assertTrue(check("t", 1, ".to(\"jwt:validate?publicKey=RAW({{k}})&jwks=classpath:k.json&secret=#bean:s\")", false)
                .isEmpty());
        assertTrue(check("t", 1, "            privateKey: \"RAW({{k}})\"\n            jwks: file:/k.json\n", true).isEmpty());
    }

    /**
     * The lines of {@code text} (its first line is line {@code firstLine} of {@code file}) that give a key option a
     * value that is neither in RAW() nor a resource or bean.
     */
    private static List<String> check(String file, int firstLine, String text, boolean yaml) {
        List<String> offending = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            List<String> values = new ArrayList<>();
            Matcher uri = URI_OPTION.matcher(lines[i]);
            while (uri.find()) {
                values.add(uri.group(2));
            }
            Matcher parameter = YAML_PARAMETER.matcher(lines[i]);
            if (yaml && parameter.matches()) {
                values.add(parameter.group(2));
            }
            for (String value : values) {
                if (!value.isEmpty() && !SAFE.matcher(value).find()) {
                    offending.add(file + ":" + (firstLine + i) + ": " + lines[i].strip());
                }
            }
        }
        return offending;
    }
}
