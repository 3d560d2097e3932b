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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A validate endpoint that checks neither {@code issuer} nor {@code audience} accepts tokens issued for other services
 * (RFC 8725 section 3.9): its route start logs one WARN saying so; an endpoint that checks either logs none.
 */
class NoIssuerOrAudienceWarningTest extends JwtRouteTestSupport {

    /** The logger of the warning, quieted for the other tests by log4j2-test.properties. */
    private static final String VALIDATE_LOGGER = "io.cameljwt.internal.ValidateOperation";

    private static final String HS = "jwt:validate?secret=" + Tokens.SECRET;

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private AbstractAppender appender;
    private Level quietLevel;

    @BeforeEach
    void captureWarnings() {
        appender = new AbstractAppender("no-audience-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.WARN)
                    && event.getLoggerName().equals(VALIDATE_LOGGER)) {
                    warnings.add(event.getMessage().getFormattedMessage());
                }
            }
        };
        appender.start();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        LoggerConfig logger = logging.getConfiguration().getLoggerConfig(VALIDATE_LOGGER);
        quietLevel = logger.getLevel();
        logger.setLevel(Level.WARN);
        logger.addAppender(appender, Level.WARN, null);
        logging.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        LoggerConfig logger = logging.getConfiguration().getLoggerConfig(VALIDATE_LOGGER);
        logger.removeAppender(appender.getName());
        logger.setLevel(quietLevel);
        logging.updateLoggers();
        appender.stop();
    }

    @Test
    void aValidateEndpointCheckingNeitherIssuerNorAudienceIsWarnedOfAtStart() {
        routeTo(HS);
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("'issuer'") && warnings.get(0).contains("'audience'"), warnings.get(0));
    }

    @Test
    void anIssuerOrAnAudienceAloneIsEnoughToStartQuietly() {
        routeTo(HS + "&issuer=https://login.example.com");
        routeTo(HS + "&audience=orders");
        assertTrue(warnings.isEmpty(), warnings::toString);
    }

    @Test
    void anIssuerOnTheComponentCountsForTheEndpoint() {
        context.getComponent("jwt", JwtComponent.class).getConfiguration().setIssuer("https://login.example.com");
        routeTo(HS);
        assertTrue(warnings.isEmpty(), warnings::toString);
    }

    @Test
    void otherOperationsAreNotWarnedOf() {
        routeTo("jwt:generate?secret=" + Tokens.SECRET);
        routeTo("jwt:decode");
        assertTrue(warnings.isEmpty(), warnings::toString);
    }
}
