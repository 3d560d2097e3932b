package io.cameljwt.oauth;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import io.cameljwt.JwtComponent;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.OAuthTokenValidationResult;
import org.apache.camel.spi.OAuthTokenValidationResult.ErrorCode;
import org.apache.camel.support.OAuthHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The results the factory gives through Camel's own entry point ({@code OAuthHelper.validateOAuthToken}), for a
 * profile with a local key given as a camel-jwt option: the closest SPI code for each refusal, and the camel-jwt
 * options a profile adds. The component is set to {@code failOnInvalid=false}, which a profile must not inherit.
 */
class ValidationResultTest extends CamelTestSupport {

    private static final String SECRET = "a-shared-secret-of-at-least-32-bytes!";
    /** A256KW's key, as a JWK: JSON, which a profile's property takes as it is. */
    private static final String JWE_KEY = "{\"kty\":\"oct\",\"k\":\"MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY\"}";

    @BindToRegistry("jweKey")
    private final String jweKey = JWE_KEY;

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        profile(p, "camel.oauth.local.", "orders");
        // the default profile, camel.oauth.*
        profile(p, "camel.oauth.", "default-api");
        profile(p, "camel.oauth.tenant.", "tenants");
        p.put("camel.oauth.tenant.jwt.claim.tenant", "acme");
        profile(p, "camel.oauth.sealed.", "sealed");
        p.put("camel.oauth.sealed.jwt.decryptionKey", JWE_KEY);
        p.put("camel.oauth.sealed.jwt.requireEncryption", "true");
        // local's settings again: with the same camel-jwt options, and with one more
        profile(p, "camel.oauth.alias.", "orders");
        profile(p, "camel.oauth.twin.", "orders");
        p.put("camel.oauth.twin.jwt.requiredRoles", "admin");
        return p;
    }

    private static void profile(Properties p, String prefix, String audience) {
        p.put(prefix + "expected-issuer", "https://issuer.example");
        p.put(prefix + "expected-audience", audience);
        p.put(prefix + "jwt.secret", SECRET);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("jwt", JwtComponent.class).getConfiguration().setFailOnInvalid(false);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sign").to("jwt:generate?secret=RAW(" + SECRET + ")&expiresIn=0&allowNoExpiry=true");
                from("direct:seal").to("jwt:generate?secret=RAW(" + SECRET + ")&expiresIn=0&allowNoExpiry=true"
                        + "&encryptionKey=#jweKey");
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

    @Test
    void aTamperedTokenIsRefusedThoughTheComponentSaysFailOnInvalidFalse() {
        String token = sign(claims("orders"));
        int signature = token.lastIndexOf('.') + 1;
        String tampered = token.substring(0, signature) + (token.charAt(signature) == 'A' ? 'B' : 'A')
                + token.substring(signature + 1);

        OAuthTokenValidationResult result = OAuthHelper.validateOAuthToken(context, "local", tampered);

        assertFalse(result.isValid());
        assertEquals(ErrorCode.INVALID_SIGNATURE, result.getErrorCode(), result.getError());
    }

    @Test
    void theDefaultProfileIsCamelOauthWithoutAName() {
        assertTrue(OAuthHelper.validateOAuthToken(context, sign(claims("default-api"))).isValid());

        OAuthTokenValidationResult result = OAuthHelper.validateOAuthToken(context, sign(claims("orders")));
        assertEquals(ErrorCode.INVALID_AUDIENCE, result.getErrorCode(), result.getError());
    }

    @Test
    void aProfilesClaimOptionRequiresThatClaim() {
        Map<String, Object> acme = new java.util.HashMap<>(claims("tenants"));
        acme.put("tenant", "acme");
        Map<String, Object> other = new java.util.HashMap<>(claims("tenants"));
        other.put("tenant", "other");

        assertTrue(OAuthHelper.validateOAuthToken(context, "tenant", sign(acme)).isValid());
        OAuthTokenValidationResult result = OAuthHelper.validateOAuthToken(context, "tenant", sign(other));
        assertFalse(result.isValid());
        assertTrue(result.getError().startsWith("CLAIM_MISMATCH"), result.getError());
    }

    @Test
    void aProfilesDecryptionKeyOpensEncryptedTokensAndRequireEncryptionRefusesPlainOnes() {
        String sealed = template.requestBody("direct:seal", claims("sealed"), String.class);

        OAuthTokenValidationResult result = OAuthHelper.validateOAuthToken(context, "sealed", sealed);
        assertTrue(result.isValid(), result.getError());
        assertEquals("alice", result.getSubject());

        assertFalse(OAuthHelper.validateOAuthToken(context, "sealed", sign(claims("sealed"))).isValid());
    }

    @Test
    void profilesWithTheSameSettingsShareAValidatorUnlessTheirCamelJwtOptionsDiffer() {
        JwtOAuthTokenValidationFactory factory = new JwtOAuthTokenValidationFactory();
        factory.validateConfiguration(context, "local");
        factory.validateConfiguration(context, "alias");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> factory.validateConfiguration(context, "twin"));

        assertEquals(1, context.hasServices(ProfileValidator.class).size());
        assertTrue(e.getMessage().contains("OAuth profiles local and twin have the same camel.oauth settings"),
                e.getMessage());
    }

    private static Map<String, Object> claims(String audience) {
        return Map.of("iss", "https://issuer.example", "aud", audience, "sub", "alice",
                "exp", Instant.now().getEpochSecond() + 600);
    }

    private String sign(Map<String, Object> claims) {
        return template.requestBody("direct:sign", claims, String.class);
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
