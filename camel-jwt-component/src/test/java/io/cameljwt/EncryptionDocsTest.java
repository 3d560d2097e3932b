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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The YAML routes of the login-flow recipe of the encryption guide, loaded from the guide itself, issue an encrypted
 * token and accept it, with PEM keys (several lines each) from property placeholders.
 */
class EncryptionDocsTest extends CamelTestSupport {

    private static final Path GUIDE = Path.of("../docs/encryption.md");

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("jwt.privateKey", TestKeys.text("keys/ec256-pkcs8.pem"));
        properties.put("jwt.publicKey", TestKeys.text("keys/ec256-public.pem"));
        properties.put("orders.encryptionKey", TestKeys.text("keys/rsa-public.pem"));
        properties.put("orders.decryptionKey", TestKeys.text("keys/rsa-pkcs8.pem"));
        return properties;
    }

    @Test
    void recipeRoutesIssueAnEncryptedTokenAndAcceptIt() throws Exception {
        String yaml = yamlBlockWith(Files.readString(GUIDE), "direct:login");
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("recipe.yaml", yaml));

        String token = template.requestBody("direct:login", Map.of("sub", "alice", "roles", List.of("customer")),
                String.class);
        assertEquals(5, token.split("\\.").length, "not an encrypted token");
        Exchange checked = template.request("direct:orders",
                e -> e.getMessage().setHeader("Authorization", "Bearer " + token));
        assertNull(checked.getException());
        assertEquals("alice", checked.getMessage().getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals("ES256", checked.getMessage().getHeader(JwtConstants.JWT_HEADER, Map.class).get("alg"));

        // the orders API requires encryption: the same claims signed but not encrypted are refused
        String plain = Tokens.sign(Tokens.json(Tokens.header("ES256")),
                Tokens.json(Tokens.validClaims("iss", "https://login.example.com", "aud", "orders-api", "roles",
                        List.of("customer"))),
                "ES256", TestKeys.keyPair("ec256").getPrivate());
        Exchange refused = template.request("direct:orders",
                e -> e.getMessage().setHeader("Authorization", "Bearer " + plain));
        JwtValidationException e = assertInstanceOf(JwtValidationException.class, refused.getException());
        assertEquals(JwtFailure.MALFORMED, e.getReason());
    }

    private static String yamlBlockWith(String markdown, String text) {
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            if (m.group(1).contains(text)) {
                return m.group(1);
            }
        }
        return fail("the guide has no yaml block with " + text);
    }
}
