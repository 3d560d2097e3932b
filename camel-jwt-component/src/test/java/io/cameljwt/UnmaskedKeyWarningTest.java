package io.cameljwt;

import java.util.List;

import org.jose4j.jwk.JsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Key text that Camel would show unmasked (it masks only the option names it knows) gets one warning at start, naming
 * the option and never the text; resources, beans, public keys and component-level options get none.
 */
class UnmaskedKeyWarningTest extends JwtRouteTestSupport {

    /** The logger of the warning, quieted for the other tests by log4j2-test.properties. */
    private static final String OPERATIONS_LOGGER = "io.cameljwt.internal.Operations";

    private final WarningCapture capture = new WarningCapture(OPERATIONS_LOGGER);
    private final List<String> warnings = capture.warnings();

    @BeforeEach
    void captureWarnings() {
        capture.start();
    }

    @AfterEach
    void stopCapturing() {
        capture.stop();
    }

    private static String privateJwk() {
        return Tokens.rsa().toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
    }

    @Test
    void aPrivateJwkInTheUriIsWarnedOfByNameOnly() {
        String jwk = privateJwk();
        routeTo("jwt:generate?jwks=RAW(" + jwk + ")");
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("'jwks'"), warnings.get(0));
        assertFalse(warnings.get(0).contains(Tokens.rsa().getKeyId() + "\""), "no key text in the warning");
        assertFalse(warnings.get(0).contains("\"d\""), "no key text in the warning");
    }

    @Test
    void aDecryptionKeyInTheUriIsWarnedOf() {
        routeTo("jwt:decode?decryptionKey=RAW(" + Tokens.pemOneLine(Tokens.rsa().getPrivateKey()) + ")");
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("'decryptionKey'"), warnings.get(0));
        assertFalse(warnings.get(0).contains("PRIVATE KEY"));
    }

    @Test
    void publicKeysResourcesBeansAndComponentOptionsAreNotWarnedOf() {
        routeTo("jwt:validate?jwks=RAW(" + Tokens.rsa().toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + ")");
        context.getRegistry().bind("signingKeys", privateJwk());
        routeTo("jwt:generate?jwks=#signingKeys");
        routeTo("jwt:decode?decryptionKey=classpath:keys/rsa-pkcs8.pem");
        context.getComponent("jwt", JwtComponent.class).getConfiguration().setJwks(privateJwk());
        routeTo("jwt:generate?issuer=https://login.example.com");
        assertTrue(warnings.isEmpty(), warnings::toString);
    }
}
