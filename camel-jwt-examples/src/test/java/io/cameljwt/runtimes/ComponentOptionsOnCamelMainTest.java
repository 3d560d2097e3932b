package io.cameljwt.runtimes;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cameljwt.JwtComponent;
import io.cameljwt.JwtConfiguration;
import io.cameljwt.JwtConstants;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Camel Main binds {@code camel.component.jwt.*} from a properties file onto the component (kebab and camel case,
 * durations, a placeholder holding Base64 text, both forms of fixed claims), and endpoints without options use them.
 * The file is the one {@code docs/runtimes.md} shows. Not in {@code io.cameljwt.examples}, whose tests boot every
 * {@code RouteBuilder} of that package as the example's Camel Main does.
 */
class ComponentOptionsOnCamelMainTest extends CamelMainTestSupport {

    private static final String SECRET_BASE64 = "YOyY4DI5rQ26+Qv6FJuOGz4Aw0KKZlmlRGospO3tPlJo";

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "classpath:component-options.properties";
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:issue").to("jwt:generate");
                from("direct:check").to("jwt:validate");
            }
        };
    }

    @Test
    void propertiesFileOptionsReachTheComponent() {
        JwtConfiguration configuration = context.getComponent("jwt", JwtComponent.class).getConfiguration();

        assertEquals(SECRET_BASE64, configuration.getSecret());
        assertEquals("base64", configuration.getSecretEncoding());
        assertEquals("https://login.example.test", configuration.getIssuer());
        assertEquals(Duration.ofMinutes(5).toMillis(), configuration.getExpiresIn());
        assertEquals(Map.of("tenant", "acme", "plan", "gold"), configuration.getClaims());
    }

    @Test
    void endpointsWithoutOptionsSignAndCheckWithTheComponentsOptions() throws Exception {
        String token = template.requestBody("direct:issue", Map.of("sub", "alice"), String.class);

        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKey(new HmacKey(Base64.getDecoder().decode(SECRET_BASE64)))
                .setExpectedIssuer("https://login.example.test")
                .build()
                .processToClaims(token);
        assertEquals("acme", claims.getStringClaimValue("tenant"));
        assertEquals("gold", claims.getStringClaimValue("plan"));
        assertEquals(300, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());

        Exchange checked = template.request("direct:check", exchange -> exchange.getMessage().setBody(token));
        assertEquals(null, checked.getException());
        assertEquals("alice", checked.getMessage().getHeader(JwtConstants.JWT_SUBJECT));
    }

    @Test
    void theRuntimesPageShowsThisPropertiesFile() throws Exception {
        Matcher block = Pattern.compile("```properties\n(jwt\\.secret = .*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("../docs/runtimes.md")));
        assertTrue(block.find(), "docs/runtimes.md has no Camel Main properties block");
        Properties documented = new Properties();
        documented.load(new StringReader(block.group(1)));
        Properties tested = new Properties();
        try (InputStream file = getClass().getResourceAsStream("/component-options.properties")) {
            tested.load(file);
        }

        assertEquals(tested, documented);
    }
}
