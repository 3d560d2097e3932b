package io.cameljwt.oauth;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.OAuthTokenValidationResult;
import org.apache.camel.spi.OAuthTokenValidationResult.ErrorCode;
import org.apache.camel.support.OAuthHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The results the factory gives through Camel's own entry point ({@code OAuthHelper.validateOAuthToken}), for a
 * profile with a local key given as a camel-jwt option: the closest SPI code for each refusal.
 */
class ValidationResultTest extends CamelTestSupport {

    private static final String SECRET = "a-shared-secret-of-at-least-32-bytes!";

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.put("camel.oauth.local.expected-issuer", "https://issuer.example");
        p.put("camel.oauth.local.expected-audience", "orders");
        p.put("camel.oauth.local.jwt.secret", SECRET);
        return p;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sign").to("jwt:generate?secret=RAW(" + SECRET + ")&expiresIn=0&allowNoExpiry=true");
            }
        };
    }

    @Test
    void aValidTokenGivesItsIdentity() {
        long exp = Instant.now().getEpochSecond() + 600;
        OAuthTokenValidationResult result = validate(Map.of("iss", "https://issuer.example", "aud", "orders",
                "sub", "alice", "exp", exp, "scp", java.util.List.of("orders:read")));

        assertTrue(result.isValid(), result.getError());
        assertEquals("alice", result.getSubject());
        assertEquals(java.util.List.of("orders:read"), result.getScopes());
        assertEquals(exp, result.getExpiresAt());
        assertEquals("alice", result.getClaim("sub"));
    }

    @Test
    void camelsNewFactoryPerCallSharesTheProfilesOneValidator() {
        Map<String, Object> claims = Map.of("iss", "https://issuer.example", "aud", "orders",
                "exp", Instant.now().getEpochSecond() + 600);

        assertTrue(validate(claims).isValid());
        assertTrue(validate(claims).isValid());

        assertEquals(1, context.hasServices(ProfileValidator.class).size());
    }

    @Test
    void anExpiredTokenIsExpiredToken() {
        assertRefused(ErrorCode.EXPIRED_TOKEN, Map.of("iss", "https://issuer.example", "aud", "orders",
                "exp", Instant.now().getEpochSecond() - 600));
    }

    @Test
    void aTokenWithoutExpIsMissingExpiration() {
        assertRefused(ErrorCode.MISSING_EXPIRATION, Map.of("iss", "https://issuer.example", "aud", "orders"));
    }

    @Test
    void aTokenOfAnotherIssuerIsInvalidIssuer() {
        assertRefused(ErrorCode.INVALID_ISSUER, Map.of("iss", "https://other.example", "aud", "orders",
                "exp", Instant.now().getEpochSecond() + 600));
    }

    @Test
    void aTokenForAnotherAudienceIsInvalidAudience() {
        assertRefused(ErrorCode.INVALID_AUDIENCE, Map.of("iss", "https://issuer.example", "aud", "billing",
                "exp", Instant.now().getEpochSecond() + 600));
    }

    private void assertRefused(ErrorCode code, Map<String, Object> claims) {
        OAuthTokenValidationResult result = validate(claims);

        assertFalse(result.isValid());
        assertEquals(code, result.getErrorCode(), result.getError());
    }

    private OAuthTokenValidationResult validate(Map<String, Object> claims) {
        String token = template.requestBody("direct:sign", claims, String.class);
        return OAuthHelper.validateOAuthToken(context, "local", token);
    }
}
