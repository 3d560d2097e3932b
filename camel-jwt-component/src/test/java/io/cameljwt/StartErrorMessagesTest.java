package io.cameljwt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The errors of an endpoint without the key its operation needs name every option that would give it one, and an
 * unknown operation names every operation; each is quoted word for word in the docs' table of configuration errors.
 */
class StartErrorMessagesTest extends CamelTestSupport {

    private static final Path KEYS_PAGE = Path.of("../docs/keys-and-algorithms.md");
    private static final Path JWKS_PAGE = Path.of("../docs/jwks.md");

    private static final String NO_VERIFICATION_KEY = "validate needs a verification key: set 'secret', 'publicKey',"
                                                      + " 'privateKey' (RSA), 'keyStore', 'jwks', 'jwksUri' or 'issuerUri'";

    @Test
    void validateWithoutAnyKeyNamesEveryOptionThatGivesAVerificationKey() throws IOException {
        assertEquals(NO_VERIFICATION_KEY, startFailure("jwt:validate?issuer=me"));
        assertQuoted(KEYS_PAGE, NO_VERIFICATION_KEY);
    }

    @Test
    void revokeWithoutAnyKeyNamesEveryOptionThatGivesAVerificationKey() {
        assertEquals(NO_VERIFICATION_KEY, startFailure("jwt:revoke?issuer=me&revocationRepository=#revoked"));
    }

    @Test
    void generateWithoutAnyKeyNamesEveryOptionThatGivesASigningKey() throws IOException {
        String message = "generate needs a signing key: set 'secret', 'privateKey', 'keyStore' (with a private key entry"
                         + " that opens with 'keyPassword') or 'jwks' (with a private key)";
        assertEquals(message, startFailure("jwt:generate"));
        assertQuoted(KEYS_PAGE, message);
    }

    @Test
    void jwksWithoutAnyKeyNamesEveryOptionThatGivesAPublicKey() throws IOException {
        String message = "jwks needs a public key to publish: set 'privateKey', 'publicKey', 'keyStore' or 'jwks'";
        assertEquals(message, startFailure("jwt:jwks"));
        assertQuoted(JWKS_PAGE, message);
    }

    @Test
    void anUnknownOperationNamesEveryOperation() throws IOException {
        Exception failure = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("jwt:foo"));
        String message = "Unknown jwt operation 'foo': use one of generate, validate, decode, revoke, jwks";
        assertEquals(message, innermost(failure).getMessage());
        assertQuoted(KEYS_PAGE, message);
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("revoked", new JwtRevocationMemoryStore());
    }

    private static void assertQuoted(Path page, String message) throws IOException {
        assertTrue(Files.readString(page).contains("`" + message + "`"), () -> page + " does not quote: " + message);
    }

    /** The message of the innermost cause of the failure to start a route to {@code uri}. */
    private String startFailure(String uri) {
        Exception failure = assertThrows(FailedToStartRouteException.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + uri.replaceAll("\\W", "-")).to(uri);
            }
        }));
        return innermost(failure).getMessage();
    }

    private static Throwable innermost(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
