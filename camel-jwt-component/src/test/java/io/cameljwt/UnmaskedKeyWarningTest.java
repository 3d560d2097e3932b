package io.cameljwt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
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

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private AbstractAppender appender;
    private Level quietLevel;

    @BeforeEach
    void captureWarnings() {
        appender = new AbstractAppender("unmasked-key-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                // OPERATIONS_LOGGER, not LOGGER: inside an appender, LOGGER is log4j's own status logger
                if (event.getLevel().isMoreSpecificThan(Level.WARN)
                    && event.getLoggerName().equals(OPERATIONS_LOGGER)) {
                    warnings.add(event.getMessage().getFormattedMessage());
                }
            }
        };
        appender.start();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        LoggerConfig logger = logging.getConfiguration().getLoggerConfig(OPERATIONS_LOGGER);
        quietLevel = logger.getLevel();
        logger.setLevel(Level.WARN);
        logger.addAppender(appender, Level.WARN, null);
        logging.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        LoggerConfig logger = logging.getConfiguration().getLoggerConfig(OPERATIONS_LOGGER);
        logger.removeAppender(appender.getName());
        logger.setLevel(quietLevel);
        logging.updateLoggers();
        appender.stop();
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
