package io.cameljwt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;

import static io.cameljwt.Tokens.hs256;
import static io.cameljwt.Tokens.now;
import static io.cameljwt.Tokens.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The YAML DSL routes of the token lifecycle page, loaded from the page itself: the refresh check and the reused
 * bearer token.
 */
class LifecycleDocsTest extends CamelTestSupport {

    private static final Path PAGE = Path.of("../docs/lifecycle.md");
    private static final String API = "https://api.appstoreconnect.apple.com/v1/apps";

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("asc.privateKey", "classpath:keys/ec256-pkcs8.pem");
        properties.put("asc.keyId", "2X9R4HXF34");
        properties.put("asc.issuerId", "57246542-96fe-1a63-e053-0824d011072a");
        return properties;
    }

    private void load(String yaml) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("lifecycle.yaml", yaml));
    }

    @Test
    void theYamlRefreshCheckRefreshesATokenThatExpiresWithinAMinuteOnly() throws Exception {
        String yaml = yamlBlocks().get(0);
        assertTrue(yaml.contains("refreshBefore=60s"), yaml);
        String refreshed = hs256(validClaims("exp", now() + 3600));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:refresh-access-token").to("mock:refresh")
                        .process(e -> e.getContext().setVariable("accessToken", refreshed));
            }
        });
        load(yaml);
        MockEndpoint refreshes = getMockEndpoint("mock:refresh");

        context.setVariable("accessToken", hs256(validClaims("exp", now() + 30)));
        assertEquals(refreshed, template.requestBody("direct:access-token", null, String.class));
        assertEquals(refreshed, template.requestBody("direct:access-token", null, String.class));
        assertEquals(1, refreshes.getReceivedCounter(), "refreshed once, then the new token served");
    }

    @Test
    void theYamlBearerTokenRecipeSignsOnceAndKeepsTheRequestBody() throws Exception {
        String yaml = yamlBlocks().get(1);
        assertTrue(yaml.contains("reuseUntil: 5m") && yaml.contains(API), yaml);
        load(yaml.replace(API, "mock:api"));
        MockEndpoint api = getMockEndpoint("mock:api");
        api.expectedBodiesReceived("first", "second");

        template.sendBody("direct:app-store-connect", "first");
        template.sendBody("direct:app-store-connect", "second");

        api.assertIsSatisfied();
        String first = api.getExchanges().get(0).getMessage().getHeader("Authorization", String.class);
        assertEquals(first, api.getExchanges().get(1).getMessage().getHeader("Authorization", String.class));
        String[] parts = Tokens.parts(first.substring("Bearer ".length()));
        Map<String, Object> header = JsonUtil.parseJson(Tokens.decodePart(parts[0]));
        Map<String, Object> claims = JsonUtil.parseJson(Tokens.decodePart(parts[1]));
        assertEquals("ES256", header.get("alg"));
        assertEquals("2X9R4HXF34", header.get("kid"));
        assertEquals("appstoreconnect-v1", claims.get("aud"));
        assertEquals("57246542-96fe-1a63-e053-0824d011072a", claims.get("iss"));
        assertEquals(((Number) claims.get("iat")).longValue() + 1200, ((Number) claims.get("exp")).longValue());
    }

    private static List<String> yamlBlocks() throws Exception {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(PAGE));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertEquals(2, blocks.size(), "the page's yaml blocks");
        return blocks;
    }
}
