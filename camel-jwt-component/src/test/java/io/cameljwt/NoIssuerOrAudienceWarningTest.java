package io.cameljwt;

import java.util.List;

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

    private final WarningCapture capture = new WarningCapture(VALIDATE_LOGGER);
    private final List<String> warnings = capture.warnings();

    @BeforeEach
    void captureWarnings() {
        capture.start();
    }

    @AfterEach
    void stopCapturing() {
        capture.stop();
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
