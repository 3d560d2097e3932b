package io.cameljwt;

import java.util.Map;

import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Key options given as bean references ({@code #name}, {@code #bean:name}), as Camel users write them, and the
 * messages that blame the key rather than the algorithm when the key itself is too weak.
 */
class KeyReferenceTest extends CamelTestSupport {

    private static final String SECRET = "a-secret-from-the-registry-of-32-bytes-or-more";

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("jwtSecret", SECRET);
        registry.bind("signingPem", TestKeys.text("keys/ec256-pkcs8.pem"));
        registry.bind("verifyingPem", TestKeys.text("keys/ec256-public.pem"));
        registry.bind("notAString", 42);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:hmac-generate").to("jwt:generate?secret=#jwtSecret");
                from("direct:hmac-validate").to("jwt:validate?secret=" + SECRET);
                from("direct:ec-generate").to("jwt:generate?privateKey=#bean:signingPem");
                from("direct:ec-validate").to("jwt:validate?publicKey=#verifyingPem");
            }
        };
    }

    @Test
    void secretGivenAsHashNameIsTheBeansValueNotTheName() {
        String token = template.requestBody("direct:hmac-generate", Map.of("sub", "alice"), String.class);
        // validated with the literal secret: only the bean's value can have signed it
        Object subject = template.request("direct:hmac-validate", e -> e.getMessage().setHeader(JwtConstants.JWT_TOKEN, token))
                .getMessage().getHeader(JwtConstants.JWT_SUBJECT);
        assertEquals("alice", subject);
    }

    @Test
    void pemKeysGivenAsBeanReferencesSignAndVerify() {
        String token = template.requestBody("direct:ec-generate", Map.of("sub", "bob"), String.class);
        Object subject = template.request("direct:ec-validate", e -> e.getMessage().setHeader(JwtConstants.JWT_TOKEN, token))
                .getMessage().getHeader(JwtConstants.JWT_SUBJECT);
        assertEquals("bob", subject);
    }

    @Test
    void tooShortSecretIsBlamedOnTheSecretNotOnTheAlgorithm() {
        for (String operation : new String[] { "generate", "validate" }) {
            Exception failure = assertThrows(FailedToStartRouteException.class, () -> context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:short-" + operation).to("jwt:" + operation + "?secret=only-twenty-bytes-ok");
                }
            }));
            String message = rootMessage(failure);
            assertTrue(message.startsWith("Option 'secret': an HMAC secret of 20 bytes is shorter than HS256"), message);
            assertFalse(message.contains("only-twenty-bytes-ok"), message);
        }
    }

    @Test
    void beanThatIsNotAStringIsRefusedWithoutNamingTheBean() {
        Exception failure = assertThrows(FailedToStartRouteException.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:not-a-string").to("jwt:validate?secret=#notAString");
            }
        }));
        // the text after '#' may be a secret that merely begins with '#': it is never echoed
        assertEquals("Option 'secret' refers to a bean (#name) that is not a String", rootMessage(failure));
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
