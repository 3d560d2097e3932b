package io.cameljwt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code docs/jwt-component.adoc}, the component page in Apache Camel's format: its options and headers tables are
 * those rendered from {@code jwt.json}, and its YAML examples are complete routes that do what the page says.
 * <p>
 * After a change of the metadata, {@code mvn -pl camel-jwt-component verify -Dtest=ComponentPageTest
 * -Dcamel-jwt.updateDocs=true} rewrites the tables (the rest of the page is left as it is).
 */
class ComponentPageTest extends CamelTestSupport {

    private static final Path PAGE = Path.of("../docs/jwt-component.adoc");
    private static final String SECRET = "a+secret/with&special=characters-0123456789";

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("jwt.secret", SECRET);
        return properties;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:accepted").to("mock:accepted");
                from("direct:refused").to("mock:refused");
            }
        };
    }

    @Test
    void theOptionsAndHeadersTablesAreThoseOfTheCatalog() throws IOException {
        String page = Files.readString(PAGE);
        int start = page.indexOf(ComponentPageTables.START);
        int end = page.indexOf(ComponentPageTables.END);
        assertTrue(start >= 0 && end > start, "docs/jwt-component.adoc has no component options START/END markers");
        String tables = ComponentPageTables.render(CatalogMetadata.read());
        if (Boolean.getBoolean("camel-jwt.updateDocs")) {
            String rest = page.substring(end + ComponentPageTables.END.length());
            Files.writeString(PAGE, page.substring(0, start) + tables + rest);
            return;
        }
        assertEquals(tables, page.substring(start, end + ComponentPageTables.END.length()),
                "docs/jwt-component.adoc differs from jwt.json; -Dcamel-jwt.updateDocs=true rewrites its tables");
    }

    /** The page's header attributes say what the catalog says of the component (since: its major.minor). */
    @Test
    void theHeaderAttributesAreThoseOfTheCatalog() throws IOException {
        String page = Files.readString(PAGE);
        JsonNode component = CatalogMetadata.read().component();
        assertAttribute(page, "doctitle", component.get("title").asText());
        assertAttribute(page, "shortname", component.get("scheme").asText());
        assertAttribute(page, "artifactid", component.get("artifactId").asText());
        assertAttribute(page, "description", component.get("description").asText());
        assertAttribute(page, "since", component.get("firstVersion").asText().replaceFirst("^(\\d+\\.\\d+).*", "$1"));
        assertAttribute(page, "supportlevel", component.get("supportLevel").asText());
        assertTrue(page.startsWith("= " + component.get("title").asText() + " Component\n"), "the page's title");
    }

    private static void assertAttribute(String page, String name, String expected) {
        Matcher attribute = Pattern.compile("^:" + name + ": (.*)$", Pattern.MULTILINE).matcher(page);
        assertTrue(attribute.find(), "docs/jwt-component.adoc has no :" + name + ": attribute");
        assertEquals(expected, attribute.group(1), ":" + name + ": of docs/jwt-component.adoc");
    }

    @Test
    void theYamlExamplesIssueAndCheckATokenAndRouteARefusedOne() throws Exception {
        for (String yaml : yamlBlocks(Files.readString(PAGE))) {
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("page.yaml", yaml));
        }
        String token = template.requestBody("direct:login", Map.of("sub", "alice"), String.class);
        Exchange checked = template.request("direct:orders",
                e -> e.getMessage().setHeader("Authorization", "Bearer " + token));
        assertNull(checked.getException());
        assertEquals("alice", checked.getMessage().getHeader(JwtConstants.JWT_SUBJECT));

        MockEndpoint accepted = getMockEndpoint("mock:accepted");
        MockEndpoint refused = getMockEndpoint("mock:refused");
        accepted.expectedMessageCount(1);
        accepted.expectedHeaderReceived(JwtConstants.JWT_SUBJECT, "alice");
        accepted.message(0).header("X-Auth-Token").isNull();
        refused.expectedMessageCount(1);
        refused.expectedHeaderReceived(JwtConstants.JWT_ERROR, JwtFailure.SIGNATURE_INVALID.name());
        template.sendBodyAndHeader("direct:inbox", "order", "X-Auth-Token", token);
        String[] parts = Tokens.parts(token);
        String forged = Tokens.sign(Tokens.decodePart(parts[0]), Tokens.decodePart(parts[1]), "HS256",
                Tokens.OTHER_HMAC_KEY); // the same claims, signed with another secret
        template.sendBodyAndHeader("direct:inbox", "order", "X-Auth-Token", forged);
        MockEndpoint.assertIsSatisfied(context);
    }

    private static List<String> yamlBlocks(String page) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("\\[source,yaml]\\n----\\n(.*?)\\n----\\n", Pattern.DOTALL).matcher(page);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertEquals(2, blocks.size(), "the YAML examples of docs/jwt-component.adoc");
        return blocks;
    }
}
