package io.cameljwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The component's generated catalog metadata ({@code jwt.json}, what IDEs, Kaoto and Camel tooling read), for the
 * tests that hold the docs to it. Surefire runs in the module directory.
 */
final class CatalogMetadata {

    static final Path FILE = Path.of("src/generated/resources/META-INF/io/cameljwt/jwt.json");

    private final JsonNode root;

    private CatalogMetadata(JsonNode root) {
        this.root = root;
    }

    static CatalogMetadata read() {
        try {
            return new CatalogMetadata(new ObjectMapper().readTree(FILE.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode component() {
        return root.get("component");
    }

    JsonNode endpointOptions() {
        return root.get("properties");
    }

    JsonNode componentOptions() {
        return root.get("componentProperties");
    }

    JsonNode headers() {
        return root.get("headers");
    }

    /** Every option name, endpoint options first, each once. */
    Set<String> optionNames() {
        Set<String> names = new LinkedHashSet<>(names(endpointOptions()));
        names.addAll(names(componentOptions()));
        return names;
    }

    Set<String> headerNames() {
        return new LinkedHashSet<>(names(headers()));
    }

    /** The option as the endpoint has it, or else as the component has it. */
    JsonNode option(String name) {
        JsonNode endpoint = endpointOptions().get(name);
        return endpoint != null ? endpoint : componentOptions().get(name);
    }

    /** The type as docs/options.md writes it: {@code duration}, {@code enum: `a`, `b`}, {@code object: `Type`}... */
    static String typeCell(JsonNode option) {
        String type = option.get("type").asText();
        String cell = switch (type) {
            case "enum" -> {
                List<String> values = new ArrayList<>();
                option.get("enum").forEach(value -> values.add("`" + value.asText() + "`"));
                yield "enum: " + String.join(", ", values);
            }
            case "object" -> "object: `" + option.get("javaType").asText() + "`";
            default -> type;
        };
        return option.path("secret").asBoolean() ? cell + " (secret)" : cell;
    }

    /** The default as text, or null when the option has none. */
    static String defaultValue(JsonNode option) {
        JsonNode value = option.get("defaultValue");
        return value == null ? null : value.asText();
    }

    private static List<String> names(JsonNode section) {
        List<String> names = new ArrayList<>();
        section.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
