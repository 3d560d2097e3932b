package io.cameljwt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps {@code docs/options.md} and {@code docs/headers.md} true to the generated catalog metadata, so the two cannot
 * drift: every option of {@code jwt.json} has a row in the table of its group, with the catalog's type, default and
 * description and the right component column; every header a row with the catalog's type and description. Surefire
 * runs in the module directory.
 */
class DocumentedOptionsTest {

    private static final Path OPTIONS_PAGE = Path.of("../docs/options.md");
    private static final Path HEADERS_PAGE = Path.of("../docs/headers.md");
    private static final Pattern OPTION_NAME = Pattern.compile("^`([A-Za-z][A-Za-z0-9]*)`");
    private static final Pattern GROUP_HEADING = Pattern.compile("^## .*\\(group `([^`]+)`\\)$");

    /** A row of options.md: | option | type | default | component | description | notes | example |. */
    record Row(String group, String type, String defaultValue, String component, String description) {
    }

    /** A row of headers.md: | header | constant | type | description | notes |. */
    record HeaderRow(String constant, String type, String description) {
    }

    private static CatalogMetadata catalog;
    private static Map<String, Row> rows;
    private static Map<String, HeaderRow> headerRows;

    @BeforeAll
    static void read() throws IOException {
        catalog = CatalogMetadata.read();
        rows = optionRows(Files.readAllLines(OPTIONS_PAGE));
        headerRows = headerRows(Files.readAllLines(HEADERS_PAGE));
    }

    static Map<String, Row> optionRows(List<String> lines) {
        Map<String, Row> rows = new LinkedHashMap<>();
        String group = null;
        for (String line : lines) {
            Matcher heading = GROUP_HEADING.matcher(line);
            if (heading.matches()) {
                group = heading.group(1);
            } else if (line.startsWith("## ")) {
                group = null;
            }
            List<String> cells = cells(line);
            if (cells.size() != 7) {
                continue;
            }
            Matcher name = OPTION_NAME.matcher(cells.get(0));
            if (!name.find()) {
                continue;
            }
            String defaultCell = cells.get(2).replace("`", "");
            String defaultValue = defaultCell.equals("—") ? null : defaultCell;
            String option = name.group(1);
            if (rows.put(option, new Row(group, cells.get(1), defaultValue, cells.get(3), cells.get(4))) != null) {
                throw new AssertionError("docs/options.md has two rows for " + option);
            }
        }
        return rows;
    }

    static Map<String, HeaderRow> headerRows(List<String> lines) {
        Map<String, HeaderRow> rows = new LinkedHashMap<>();
        for (String line : lines) {
            List<String> cells = cells(line);
            if (cells.size() == 5 && cells.get(0).startsWith("`CamelJwt")) {
                rows.put(unquote(cells.get(0)),
                        new HeaderRow(unquote(cells.get(1)), unquote(cells.get(2)), cells.get(3)));
            }
        }
        return rows;
    }

    /** The cells of a Markdown table row, trimmed; an empty list for any other line. */
    static List<String> cells(String line) {
        if (!line.startsWith("|") || !line.endsWith("|")) {
            return List.of();
        }
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
            cells.add(cell.trim());
        }
        return cells;
    }

    private static String unquote(String cell) {
        return cell.startsWith("`") && cell.endsWith("`") ? cell.substring(1, cell.length() - 1) : cell;
    }

    @Test
    void everyEndpointAndComponentOptionHasARow() {
        Set<String> missing = new LinkedHashSet<>(catalog.optionNames());
        missing.removeAll(rows.keySet());
        assertTrue(missing.isEmpty(), "docs/options.md has no row for " + missing);
    }

    @Test
    void everyRowIsAnOptionOfTheMetadata() {
        Set<String> unknown = new LinkedHashSet<>(rows.keySet());
        unknown.removeAll(catalog.optionNames());
        assertTrue(unknown.isEmpty(), "docs/options.md lists options the component does not have: " + unknown);
    }

    @Test
    void everyRowHasTheCatalogDescription() {
        rows.forEach((name, row) -> assertEquals(catalog.option(name).get("description").asText(), row.description(),
                "description of " + name + " in docs/options.md (the catalog's, word for word; more goes in Notes)"));
    }

    @Test
    void everyRowHasTheCatalogType() {
        rows.forEach((name, row) -> assertEquals(CatalogMetadata.typeCell(catalog.option(name)), row.type(),
                "type of " + name + " in docs/options.md"));
    }

    @Test
    void everyDefaultInTheTableIsTheMetadataDefault() {
        rows.forEach((name, row) -> assertEquals(CatalogMetadata.defaultValue(catalog.option(name)), row.defaultValue(),
                "default of " + name + " in docs/options.md"));
    }

    @Test
    void everyOptionIsInTheTableOfItsGroup() {
        rows.forEach((name, row) -> assertEquals(catalog.option(name).get("group").asText(), row.group(),
                "group of " + name + ": docs/options.md lists it under another heading"));
    }

    @Test
    void theComponentColumnSaysWhereTheOptionExists() {
        JsonNode endpoint = catalog.endpointOptions();
        JsonNode component = catalog.componentOptions();
        rows.forEach((name, row) -> {
            String expected = !component.has(name) ? "no" : endpoint.has(name) ? "yes" : "only";
            assertEquals(expected, row.component(), "component column of " + name + " in docs/options.md");
        });
    }

    /** An option of JwtConfiguration is one option, on the component or the URI: one label, one description. */
    @Test
    void aConfigurationOptionIsDescribedAlikeOnTheComponentAndTheEndpoint() {
        catalog.componentOptions().properties().forEach(option -> {
            JsonNode endpoint = catalog.endpointOptions().get(option.getKey());
            if (option.getValue().has("configurationClass")) {
                for (String key : List.of("group", "label", "description", "type")) {
                    assertEquals(endpoint.get(key), option.getValue().get(key), key + " of " + option.getKey());
                }
            }
        });
    }

    /** Camel files an option under the last word of its label: each has exactly one, which is its group. */
    @Test
    void everyOptionOfTheComponentHasOneLabelThatIsItsGroup() {
        for (String name : catalog.optionNames()) {
            JsonNode option = catalog.option(name);
            if (option.has("configurationClass") || name.equals("operation") || name.equals("configuration")) {
                assertEquals(option.get("group").asText(), option.get("label").asText(), "label of " + name);
            }
        }
    }

    @Test
    void everyHeaderOfTheMetadataIsOnTheHeadersPageAndNoOther() {
        assertEquals(catalog.headerNames(), headerRows.keySet());
    }

    @Test
    void everyHeaderRowHasTheCatalogConstantTypeAndDescription() {
        headerRows.forEach((name, row) -> {
            JsonNode header = catalog.headers().get(name);
            assertEquals("io.cameljwt.JwtConstants#" + row.constant(), header.get("constantName").asText(),
                    "constant of " + name + " in docs/headers.md");
            assertEquals(header.get("javaType").asText(), row.type(), "type of " + name + " in docs/headers.md");
            assertEquals(header.get("description").asText(), row.description(),
                    "description of " + name + " in docs/headers.md (the catalog's, word for word)");
        });
    }

    @Test
    void everyFailureIsOnTheFailuresPageWithItsHttpStatus() throws IOException {
        String page = Files.readString(Path.of("../docs/failures.md"));
        for (JwtFailure failure : JwtFailure.values()) {
            assertTrue(page.contains("| `" + failure.name() + "` | " + failure.httpStatus() + " |"),
                    () -> "docs/failures.md has no row for " + failure + " with status " + failure.httpStatus());
        }
    }
}
