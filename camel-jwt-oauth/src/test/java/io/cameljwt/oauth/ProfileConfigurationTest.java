package io.cameljwt.oauth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cameljwt.JwtFailure;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.OAuthTokenValidationConfig;
import org.apache.camel.spi.OAuthTokenValidationFactory;
import org.apache.camel.spi.OAuthTokenValidationResult;
import org.apache.camel.spi.OAuthTokenValidationResult.ErrorCode;
import org.apache.camel.support.OAuthHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a profile's settings map onto camel-jwt, and how a setting that cannot work stops the consumer from starting,
 * naming the property.
 */
class ProfileConfigurationTest {

    private static final String PREFIX = "camel.oauth.p.";

    @Test
    void camelFindsTheFactoryThroughTheFactoryFileWhenNoBeanIsRegistered() {
        CamelContext context = new DefaultCamelContext();

        assertInstanceOf(JwtOAuthTokenValidationFactory.class, OAuthHelper.resolveOAuthTokenValidationFactory(context));
    }

    @Test
    void aRegistryBeanNamedByThePropertyIsTheOneUsed() {
        CamelContext context = new DefaultCamelContext();
        OAuthTokenValidationFactory mine = new JwtOAuthTokenValidationFactory();
        context.getRegistry().bind("jwtValidation", mine);
        context.getPropertiesComponent().addInitialProperty("camel.oauth.validation-factory", "#jwtValidation");

        assertEquals(mine, OAuthHelper.resolveOAuthTokenValidationFactory(context));
    }

    @Test
    void theSettingsMapOntoCamelJwtOptions() {
        OAuthTokenValidationConfig config = new OAuthTokenValidationConfig()
                .setOidcDiscoveryUrl("https://sso.example.com/realms/shop/.well-known/openid-configuration")
                .setExpectedIssuer("https://sso.example.com/realms/shop")
                .setExpectedAudiences(new LinkedHashSet<>(List.of("orders", "billing")))
                .setExpectedTokenType("at+jwt")
                .setClockSkewSeconds(30)
                .setJwksCacheTtlSeconds(300)
                .setConnectTimeoutSeconds(2)
                .setReadTimeoutSeconds(3)
                .setRequireExpiration(false)
                .setAllowedJwsAlgorithms(new LinkedHashSet<>(List.of("RS256", "ES256")));

        Map<String, Object> options = ProfileSettings.options(config, PREFIX, Map.of("requiredRoles", "admin"));

        assertEquals(Map.ofEntries(
                Map.entry("failOnInvalid", true),
                Map.entry("issuerUri", "https://sso.example.com/realms/shop"),
                Map.entry("issuer", "https://sso.example.com/realms/shop"),
                Map.entry("audience", "orders,billing"),
                Map.entry("expectedType", "at+jwt"),
                Map.entry("clockSkew", "30s"),
                Map.entry("jwksCacheTtl", "300s"),
                Map.entry("jwksTimeout", "5s"),
                Map.entry("requireExpiration", false),
                Map.entry("algorithm", "RS256,ES256"),
                Map.entry("requiredRoles", "admin")), options);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "no keys                | camel.oauth.p.jwks-endpoint",
            "no audience            | camel.oauth.p.expected-audience",
            "no issuer              | camel.oauth.p.expected-issuer",
            "plain http             | camel.oauth.p.jwks-endpoint is a plain http address",
            "introspection          | camel.oauth.p.introspection-endpoint",
            "odd discovery url      | camel.oauth.p.oidc-discovery-url must end with /.well-known/openid-configuration",
            "failOnInvalid          | camel.oauth.p.jwt.failOnInvalid cannot be set",
            "mapped option as extra | camel.oauth.p.jwt.issuer is set: set camel.oauth.p.expected-issuer instead"})
    void aSettingThatCannotWorkIsRefusedNamingTheProperty(String setting, String message) {
        OAuthTokenValidationConfig config = new OAuthTokenValidationConfig()
                .setJwksEndpoint("https://sso.example.com/keys")
                .setExpectedIssuer("https://sso.example.com")
                .setExpectedAudiences(Set.of("orders"));
        Map<String, String> extras = Map.of();
        switch (setting.trim()) {
            case "no keys" -> config.setJwksEndpoint(null);
            case "no audience" -> config.setExpectedAudiences(Set.of());
            case "no issuer" -> config.setExpectedIssuer(null);
            case "plain http" -> config.setJwksEndpoint("http://sso.example.com/keys");
            case "introspection" -> config.setIntrospectionEndpoint("https://sso.example.com/introspect");
            case "odd discovery url" -> config.setJwksEndpoint(null).setOidcDiscoveryUrl("https://sso.example.com/x");
            case "failOnInvalid" -> extras = Map.of("failOnInvalid", "false");
            case "mapped option as extra" -> extras = Map.of("issuer", "x");
            default -> throw new IllegalArgumentException(setting);
        }
        Map<String, String> given = extras;

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProfileSettings.options(config, PREFIX, given));

        assertTrue(e.getMessage().contains(message.trim()), e.getMessage());
    }

    @Test
    void aValueOutOfRangeIsRefusedNamingTheProfile() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().addInitialProperty("camel.oauth.p.clock-skew-seconds", "-5");
            context.start();

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new JwtOAuthTokenValidationFactory().validateConfiguration(context, "p"));

            assertEquals("OAuth profile p (camel.oauth.p.*): clockSkewSeconds must be >= 0", e.getMessage());
        }
    }

    @Test
    void missingAudienceAndIssuerAreAcceptedWhenAllowed() {
        OAuthTokenValidationConfig config = new OAuthTokenValidationConfig()
                .setJwksEndpoint("https://sso.example.com/keys")
                .setAllowMissingAudience(true)
                .setAllowMissingIssuer(true);

        Map<String, Object> options = ProfileSettings.options(config, PREFIX, Map.of());

        assertTrue(!options.containsKey("audience") && !options.containsKey("issuer"), options.toString());
    }

    @Test
    void aConsumerWhoseProfileCannotWorkDoesNotStartAndTheErrorNamesTheProperty() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindHost("127.0.0.1");
            server.setBindPort(AvailablePortFinder.getNextAvailable());
            context.addService(new VertxPlatformHttpServer(server));
            context.getPropertiesComponent().addInitialProperty("camel.oauth.broken.jwks-endpoint",
                    "https://sso.example.com/keys");
            context.getPropertiesComponent().addInitialProperty("camel.oauth.broken.expected-issuer",
                    "https://sso.example.com");
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("platform-http:/x?oauthProfile=broken").setBody(constant("never"));
                }
            });

            Exception e = assertThrows(Exception.class, context::start);

            String messages = messages(e);
            assertTrue(messages.contains("camel.oauth.broken.expected-audience"), messages);
        }
    }

    @Test
    void allowInsecureHttpStillRefusesPlainHttpToAHostThatIsNotLoopback() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().addInitialProperty("camel.oauth.p.jwks-endpoint",
                    "http://sso.example.com/keys");
            context.getPropertiesComponent().addInitialProperty("camel.oauth.p.allow-insecure-http", "true");
            context.getPropertiesComponent().addInitialProperty("camel.oauth.p.expected-issuer", "https://sso.example.com");
            context.getPropertiesComponent().addInitialProperty("camel.oauth.p.expected-audience", "orders");
            context.start();

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new JwtOAuthTokenValidationFactory().validateConfiguration(context, "p"));

            assertTrue(e.getMessage().startsWith("OAuth profile p: ")
                    && e.getMessage().contains("plain http is allowed only to a loopback address"), e.getMessage());
        }
    }

    @Test
    void aProfileStillValidatesAfterTheCamelContextIsRestarted() throws Exception {
        String secret = "a-shared-secret-of-at-least-32-bytes!";
        try (CamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().addInitialProperty("camel.oauth.p.expected-issuer", "https://sso.example.com");
            context.getPropertiesComponent().addInitialProperty("camel.oauth.p.expected-audience", "orders");
            context.getPropertiesComponent().addInitialProperty("camel.oauth.p.jwt.secret", secret);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:sign").to("jwt:generate?secret=RAW(" + secret + ")");
                }
            });
            context.start();
            String token = context.createProducerTemplate().requestBody("direct:sign",
                    Map.of("iss", "https://sso.example.com", "aud", "orders"), String.class);
            assertTrue(OAuthHelper.validateOAuthToken(context, "p", token).isValid());

            context.stop();
            context.start();

            OAuthTokenValidationResult result = OAuthHelper.validateOAuthToken(context, "p", token);
            assertTrue(result.isValid(), result.getError());
        }
    }

    @Test
    void anUnknownCamelJwtOptionIsRefusedNamingItAndNotItsValue() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().addInitialProperty("camel.oauth.p.jwks-endpoint",
                    "https://sso.example.com/keys");
            context.getPropertiesComponent().addInitialProperty("camel.oauth.p.expected-issuer", "https://sso.example.com");
            context.getPropertiesComponent().addInitialProperty("camel.oauth.p.expected-audience", "orders");
            context.getPropertiesComponent().addInitialProperty("camel.oauth.p.jwt.secrt", "canary-secret-value");
            context.start();
            JwtOAuthTokenValidationFactory factory = new JwtOAuthTokenValidationFactory();

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> factory.validateConfiguration(context, "p"));

            assertTrue(e.getMessage().contains("camel.oauth.p.jwt.secrt names no camel-jwt option"), e.getMessage());
            assertTrue(!e.getMessage().contains("canary-secret-value"), e.getMessage());
        }
    }

    @Test
    void eachFailureMapsToTheClosestCode() {
        assertEquals(ErrorCode.INVALID_TOKEN, ErrorCodes.of(JwtFailure.MALFORMED, false));
        assertEquals(ErrorCode.INVALID_TOKEN, ErrorCodes.of(JwtFailure.INSUFFICIENT_ROLES, false));
        assertEquals(ErrorCode.MISSING_EXPIRATION, ErrorCodes.of(JwtFailure.CLAIM_MISSING, true));
        assertEquals(ErrorCode.INVALID_TOKEN, ErrorCodes.of(JwtFailure.CLAIM_MISSING, false));
        assertEquals(ErrorCode.EXPIRED_TOKEN, ErrorCodes.of(JwtFailure.EXPIRED, false));
        assertEquals(ErrorCode.INACTIVE_TOKEN, ErrorCodes.of(JwtFailure.REVOKED, false));
        assertEquals(ErrorCode.INVALID_SIGNATURE, ErrorCodes.of(JwtFailure.SIGNATURE_INVALID, false));
        assertEquals(ErrorCode.NO_MATCHING_KEY, ErrorCodes.of(JwtFailure.KEY_NOT_FOUND, false));
        assertEquals(ErrorCode.UNSUPPORTED_ALGORITHM, ErrorCodes.of(JwtFailure.ALGORITHM_NOT_ALLOWED, false));
        assertEquals(ErrorCode.INVALID_ISSUER, ErrorCodes.of(JwtFailure.ISSUER_MISMATCH, false));
        assertEquals(ErrorCode.INVALID_AUDIENCE, ErrorCodes.of(JwtFailure.AUDIENCE_MISMATCH, false));
        assertEquals(ErrorCode.NOT_YET_VALID, ErrorCodes.of(JwtFailure.NOT_YET_VALID, false));
    }

    @Test
    void scopesComeFromScopeOrScp() {
        assertEquals(List.of("a", "b"), ProfileValidator.scopes(Map.of("scope", "a  b")));
        assertEquals(List.of("a", "b"), ProfileValidator.scopes(Map.of("scp", List.of("a", "b"))));
        assertEquals(List.of(), ProfileValidator.scopes(Map.of()));
    }

    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
