package io.cameljwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders the options and headers tables of {@code docs/jwt-component.adoc} from the catalog metadata, in the layout
 * of Apache Camel's component pages (name and group, description, default, type), for the part of the page between
 * the {@code // component options: START} and {@code END} markers.
 */
final class ComponentPageTables {

    static final String START = "// component options: START\n";
    static final String END = "// component options: END\n";

    private static final String TABLE_HEAD = "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n"
                                             + "| Name | Description | Default | Type\n";

    private ComponentPageTables() {
    }

    static String render(CatalogMetadata catalog) {
        StringBuilder page = new StringBuilder(START);
        page.append("== Configuring Options\n\n")
                .append("The options and headers below are those of the component's catalog metadata (`jwt.json`);"
                        + " a test keeps them equal.\nEach option belongs to a group (in parentheses): common, keys,"
                        + " remote, generate, validate, message, encryption,\nrevocation, security, advanced.\n\n");

        page.append("=== Component Options\n\nThe JWT component supports ").append(catalog.componentOptions().size())
                .append(" options, which are listed below.\n\n");
        optionTable(page, options(catalog.componentOptions(), null));

        List<JsonNode> paths = options(catalog.endpointOptions(), "path");
        List<JsonNode> parameters = options(catalog.endpointOptions(), "parameter");
        page.append("\n=== Endpoint Options\n\nThe JWT endpoint is configured using URI syntax:\n\n----\n")
                .append(catalog.component().get("syntax").asText())
                .append("\n----\n\nWith the following path and query parameters:\n\n")
                .append("==== Path Parameters (").append(paths.size()).append(" parameters)\n\n");
        optionTable(page, paths);
        page.append("\n==== Query Parameters (").append(parameters.size()).append(" parameters)\n\n");
        optionTable(page, parameters);

        page.append("\n=== Message Headers\n\nThe JWT component supports ").append(catalog.headers().size())
                .append(" message headers, which are listed below.\n\n")
                .append("[width=\"100%\",cols=\"2,1,5,1\",options=\"header\"]\n|===\n")
                .append("| Name | Constant | Description | Type\n");
        for (Map.Entry<String, JsonNode> header : catalog.headers().properties()) {
            JsonNode value = header.getValue();
            page.append("| *").append(header.getKey()).append("* (").append(value.get("group").asText()).append(") | ")
                    .append(value.get("constantName").asText().replaceFirst(".*#", "")).append(" | ")
                    .append(value.get("description").asText()).append(" | ")
                    .append(simpleName(value.get("javaType").asText())).append('\n');
        }
        return page.append("|===\n").append(END).toString();
    }

    private static void optionTable(StringBuilder page, List<JsonNode> options) {
        page.append(TABLE_HEAD);
        for (JsonNode option : options) {
            page.append("| *").append(option.get("name").asText()).append("* (").append(option.get("group").asText())
                    .append(") | ").append(description(option)).append(" | ")
                    .append(option.has("defaultValue") ? option.get("defaultValue").asText() : "").append(" | ")
                    .append(type(option)).append('\n');
        }
        page.append("|===\n");
    }

    /** The catalog's description, with Camel's marks for a required option and for the values of an enum. */
    private static String description(JsonNode option) {
        String description = option.get("description").asText();
        if (option.path("required").asBoolean()) {
            description = "*Required* " + description;
        }
        if (option.has("enum")) {
            List<String> values = new ArrayList<>();
            option.get("enum").forEach(value -> values.add(value.asText()));
            description += " There are " + values.size() + " enums and the value can be one of: "
                           + String.join(", ", values);
        }
        return description;
    }

    /** Camel shows the Java type's simple name; a duration is said as such, since it takes 30s, 15m or 1h. */
    private static String type(JsonNode option) {
        String type = option.get("type").asText();
        return type.equals("duration") ? "duration" : simpleName(option.get("javaType").asText());
    }

    private static String simpleName(String javaType) {
        String raw = javaType.replaceFirst("<.*", "");
        return raw.substring(raw.lastIndexOf('.') + 1);
    }

    /** The options of a section, of one kind (path or parameter) or all, in the catalog's order, each with its name. */
    private static List<JsonNode> options(JsonNode section, String kind) {
        List<JsonNode> options = new ArrayList<>();
        for (Map.Entry<String, JsonNode> option : section.properties()) {
            if (kind == null || kind.equals(option.getValue().get("kind").asText())) {
                options.add(((ObjectNode) option.getValue().deepCopy())
                        .put("name", option.getKey()));
            }
        }
        return options;
    }
}
