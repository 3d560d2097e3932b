package io.cameljwt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps {@code docs/options.md} true to the generated metadata: every option of {@code jwt.json} has a row, with the
 * metadata's default and the right component column. Surefire runs in the module directory.
 */
class DocumentedOptionsTest {

    private static final Path METADATA = Path.of("src/generated/resources/META-INF/io/cameljwt/jwt.json");
    private static final Path OPTIONS_PAGE = Path.of("../docs/options.md");
    private static final Pattern OPTION_NAME = Pattern.compile("`([A-Za-z][A-Za-z0-9]*)`");

    /** A table row of options.md: its default (null when none) and its component column. */
    record Row(String defaultValue, String component) {
    }

    private static JsonNode metadata;
    private static Map<String, Row> rows;

    @BeforeAll
    static void read() throws IOException {
        metadata = new ObjectMapper().readTree(METADATA.toFile());
        rows = rows(Files.readAllLines(OPTIONS_PAGE));
    }

    /** Rows look like: | `name` ... | type | default | component | description | example | */
    static Map<String, Row> rows(List<String> lines) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : lines) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            Matcher name = OPTION_NAME.matcher(cells[1]);
            if (cells.length < 5 || !name.find()) {
                continue;
            }
            String defaultCell = cells[3].trim().replace("`", "");
            String defaultValue = defaultCell.isEmpty() || defaultCell.equals("—") ? null : defaultCell;
            rows.put(name.group(1), new Row(defaultValue, cells[4].trim()));
        }
        return rows;
    }

    @Test
    void everyHeaderOfTheMetadataIsOnTheHeadersPageAndNoOther() throws IOException {
        Set<String> documented = new LinkedHashSet<>();
        Matcher header = Pattern.compile("^\\| `(CamelJwt[A-Za-z]+)`", Pattern.MULTILINE)
                .matcher(Files.readString(Path.of("../docs/headers.md")));
        while (header.find()) {
            documented.add(header.group(1));
        }
        assertEquals(new LinkedHashSet<>(names(metadata.get("headers"))), documented);
    }

    @Test
    void everyFailureIsOnTheFailuresPageWithItsHttpStatus() throws IOException {
        String page = Files.readString(Path.of("../docs/failures.md"));
        for (JwtFailure failure : JwtFailure.values()) {
            assertTrue(page.contains("| `" + failure.name() + "` | " + failure.httpStatus() + " |"),
                    () -> "docs/failures.md has no row for " + failure + " with status " + failure.httpStatus());
        }
    }

    @Test
    void everyEndpointAndComponentOptionHasARow() {
        Set<String> missing = new LinkedHashSet<>();
        for (String section : List.of("properties", "componentProperties")) {
            for (String name : names(metadata.get(section))) {
                if (!rows.containsKey(name)) {
                    missing.add(name);
                }
            }
        }
        assertTrue(missing.isEmpty(), "docs/options.md has no row for " + missing);
    }

    @Test
    void everyRowIsAnOptionOfTheMetadata() {
        List<String> unknown = new ArrayList<>();
        for (String name : rows.keySet()) {
            if (!metadata.get("properties").has(name) && !metadata.get("componentProperties").has(name)) {
                unknown.add(name);
            }
        }
        assertTrue(unknown.isEmpty(), "docs/options.md lists options the component does not have: " + unknown);
    }

    @Test
    void everyDefaultInTheTableIsTheMetadataDefault() {
        for (String section : List.of("properties", "componentProperties")) {
            Iterator<Map.Entry<String, JsonNode>> options = metadata.get(section).fields();
            while (options.hasNext()) {
                Map.Entry<String, JsonNode> option = options.next();
                Row row = rows.get(option.getKey());
                if (row == null) {
                    continue; // reported by everyEndpointAndComponentOptionHasARow
                }
                JsonNode defaultValue = option.getValue().get("defaultValue");
                assertEquals(defaultValue == null ? null : defaultValue.asText(), row.defaultValue(),
                        "default of " + option.getKey() + " in docs/options.md");
            }
        }
    }

    @Test
    void theComponentColumnSaysWhereTheOptionExists() {
        JsonNode endpoint = metadata.get("properties");
        JsonNode component = metadata.get("componentProperties");
        rows.forEach((name, row) -> {
            String expected = !component.has(name) ? "no" : endpoint.has(name) ? "yes" : "only";
            assertEquals(expected, row.component(), "component column of " + name + " in docs/options.md");
        });
    }

    private static List<String> names(JsonNode section) {
        List<String> names = new ArrayList<>();
        section.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
