package io.cameljwt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The YAML DSL routes of the getting-started guide, loaded from the guide itself, issue and check a token, with a
 * secret that holds the characters a URI would otherwise mangle.
 */
class YamlDslDocsTest extends CamelTestSupport {

    private static final Path GUIDE = Path.of("../docs/getting-started.md");
    private static final String SECRET = "a+secret/with&special=characters-0123456789";

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("jwt.secret", SECRET);
        return properties;
    }

    @Test
    void guideRoutesIssueAndCheckATokenWithASecretFullOfUriCharacters() throws Exception {
        String yaml = firstYamlBlock(Files.readString(GUIDE));
        assertTrue(yaml.contains("jwt:generate") && yaml.contains("jwt:validate"), yaml);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("guide.yaml", yaml));

        String token = template.requestBody("direct:login", Map.of("sub", "alice", "roles", List.of("user")), String.class);
        Exchange checked = template.request("direct:orders",
                e -> e.getMessage().setHeader("Authorization", "Bearer " + token));

        assertEquals(null, checked.getException());
        assertEquals("alice", checked.getMessage().getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals("https://login.example.com", checked.getMessage().getHeader(JwtConstants.JWT_ISSUER));
    }

    private static String firstYamlBlock(String markdown) {
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        assertTrue(m.find(), "the guide has no yaml block");
        return m.group(1);
    }
}
