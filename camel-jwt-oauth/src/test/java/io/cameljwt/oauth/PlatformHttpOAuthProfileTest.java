package io.cameljwt.oauth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import io.cameljwt.JwtRevocationMemoryStore;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.spi.OAuthTokenValidationConfig;
import org.apache.camel.spi.OAuthTokenValidationResult;
import org.apache.camel.spi.OAuthTokenValidationResult.ErrorCode;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code platform-http:/x?oauthProfile=p} on a real Vert.x server on 127.0.0.1, its tokens validated by camel-jwt
 * (found through the factory file on the classpath: no bean is registered), against a real OpenID provider.
 */
class PlatformHttpOAuthProfileTest extends CamelTestSupport {

    private static Provider provider;
    private static final int PORT = AvailablePortFinder.getNextAvailable();
    private static final int CLOSED_PORT = AvailablePortFinder.getNextAvailable();
    /** The id of a profile's readiness check, less the profile's name. */
    private static final String PROFILE_CHECK = "producer:jwt-keys-jwt:validate?hash=oauth-";

    private final HttpClient http = HttpClient.newHttpClient();

    @BindToRegistry("revoked")
    private final JwtRevocationMemoryStore revoked = new JwtRevocationMemoryStore();

    @BeforeAll
    static void startProvider() {
        provider = new Provider();
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.put("camel.oauth.orders.base-uri", provider.issuer("shop"));
        p.put("camel.oauth.orders.expected-audience", "orders-api");
        p.put("camel.oauth.orders.allow-insecure-http", "true");
        // what camel-jwt adds to a profile: roles and revocation
        p.put("camel.oauth.admin.base-uri", provider.issuer("shop"));
        p.put("camel.oauth.admin.expected-audience", "admin-api");
        p.put("camel.oauth.admin.allow-insecure-http", "true");
        p.put("camel.oauth.admin.jwt.requiredRoles", "admin");
        p.put("camel.oauth.admin.jwt.revocationRepository", "#revoked");
        // the provider's JWK Set named directly, without discovery
        p.put("camel.oauth.keys.jwks-endpoint", provider.issuer("shop") + "/jwks");
        p.put("camel.oauth.keys.expected-issuer", provider.issuer("shop"));
        p.put("camel.oauth.keys.expected-audience", "orders-api");
        p.put("camel.oauth.keys.allow-insecure-http", "true");
        // a key server that does not answer
        p.put("camel.oauth.down.jwks-endpoint", "http://127.0.0.1:" + CLOSED_PORT + "/jwks");
        p.put("camel.oauth.down.expected-issuer", provider.issuer("shop"));
        p.put("camel.oauth.down.expected-audience", "orders-api");
        p.put("camel.oauth.down.allow-insecure-http", "true");
        p.put("camel.oauth.down.connect-timeout-seconds", "1");
        p.put("camel.oauth.down.read-timeout-seconds", "1");
        return p;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(PORT);
        context.addService(new VertxPlatformHttpServer(server));
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/orders?oauthProfile=orders").process(e -> {
                    OAuthTokenValidationResult result
                            = e.getProperty("CamelOAuthTokenValidationResult", OAuthTokenValidationResult.class);
                    e.getMessage().setBody(result.getSubject() + " " + result.getIssuer().endsWith("/shop") + " "
                            + result.getAudience() + " " + result.getScopes() + " "
                            + (result.getExpiresAt() > System.currentTimeMillis() / 1000) + " "
                            + e.getMessage().getHeader("Authorization"));
                });
                from("platform-http:/admin?oauthProfile=admin").setBody(constant("admin area"));
                from("platform-http:/down?oauthProfile=down").setBody(constant("never"));
                from("platform-http:/keys?oauthProfile=keys").setBody(constant("keys area"));
                from("direct:revoke").to("jwt:revoke?issuerUri=" + provider.issuer("shop")
                        + "&issuer=" + provider.issuer("shop") + "&audience=admin-api&revocationRepository=#revoked");
            }
        };
    }

    @Test
    void aValidTokenReachesTheRouteWithItsIdentityAndWithoutTheAuthorizationHeader() throws Exception {
        String token = provider.token("shop", "orders-api", Map.of("scope", "orders:read orders:write"));

        HttpResponse<String> response = get("/orders", token);

        assertEquals(200, response.statusCode());
        assertEquals("orders-client true [orders-api] [orders:read, orders:write] true null", response.body());
    }

    @Test
    void noTokenIs401WithABearerChallenge() throws Exception {
        HttpResponse<String> response = get("/orders", null);

        assertEquals(401, response.statusCode());
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void aMalformedAuthorizationHeaderIs400BeforeCamelJwtIsAsked() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/orders"))
                .header("Authorization", "Basic b3JkZXJzOnNlY3JldA==")
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode());
        assertEquals("Bearer error=\"invalid_request\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void aTamperedTokenIs401InvalidToken() throws Exception {
        String token = provider.token("shop", "orders-api", Map.of());
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertInvalidToken(get("/orders", tampered));
    }

    @Test
    void aTokenForAnotherAudienceIs401() throws Exception {
        assertInvalidToken(get("/orders", provider.token("shop", "billing-api", Map.of())));
    }

    @Test
    void aTokenOfAnotherIssuerIs401() throws Exception {
        assertInvalidToken(get("/orders", provider.token("elsewhere", "orders-api", Map.of())));
    }

    @Test
    void keysThatCannotBeHadAre503() throws Exception {
        HttpResponse<String> response = get("/down", provider.token("shop", "orders-api", Map.of()));

        assertEquals(503, response.statusCode());
    }

    @Test
    void aProfilesCamelJwtOptionsApplyRolesAndRevocation() throws Exception {
        String admin = provider.token("shop", "admin-api", Map.of("roles", List.of("admin")));
        String user = provider.token("shop", "admin-api", Map.of("roles", List.of("user")));

        assertEquals(200, get("/admin", admin).statusCode());
        assertInvalidToken(get("/admin", user));

        template.sendBodyAndHeader("direct:revoke", null, "Authorization", "Bearer " + admin);
        assertInvalidToken(get("/admin", admin));
    }

    @Test
    void aProfileWithAJwksEndpointValidatesWithoutDiscovery() throws Exception {
        HttpResponse<String> response = get("/keys", provider.token("shop", "orders-api", Map.of()));

        assertEquals(200, response.statusCode());
        assertEquals("keys area", response.body());
        assertInvalidToken(get("/keys", provider.token("elsewhere", "orders-api", Map.of())));
    }

    @Test
    void settingsNoProfileHasGetAValidatorOfTheirOwn() {
        JwtOAuthTokenValidationFactory factory = new JwtOAuthTokenValidationFactory();
        factory.setCamelContext(context);
        OAuthTokenValidationConfig config = new OAuthTokenValidationConfig()
                .setOidcDiscoveryUrl(provider.issuer("shop") + ProfileSettings.DISCOVERY_PATH)
                .setExpectedIssuer(provider.issuer("shop"))
                .setExpectedAudiences(Set.of("reports-api"))
                .setAllowInsecureHttp(true);
        int before = context.hasServices(ProfileValidator.class).size();

        OAuthTokenValidationResult valid = factory.validateToken(config,
                provider.token("shop", "reports-api", Map.of()));
        OAuthTokenValidationResult otherAudience = factory.validateToken(config,
                provider.token("shop", "orders-api", Map.of()));

        assertTrue(valid.isValid(), valid.getError());
        assertEquals(ErrorCode.INVALID_AUDIENCE, otherAudience.getErrorCode(), otherAudience.getError());
        assertEquals(before + 1, context.hasServices(ProfileValidator.class).size());
    }

    @Test
    void eachProfileWithRemoteKeysHasAReadinessCheckOfItsOwn() throws Exception {
        get("/orders", null); // the consumers are started: each has prepared its profile

        Map<String, HealthCheck.State> states = HealthCheckHelper.invokeReadiness(context, "full").stream()
                .filter(r -> r.getCheck().getId().startsWith(PROFILE_CHECK))
                .collect(Collectors.toMap(r -> r.getCheck().getId().substring(PROFILE_CHECK.length()),
                        HealthCheck.Result::getState));

        assertEquals(Set.of("orders", "admin", "keys", "down"), states.keySet(), states.toString());
        assertEquals(HealthCheck.State.DOWN, states.get("down"), states.toString());
    }

    private void assertInvalidToken(HttpResponse<String> response) {
        assertEquals(401, response.statusCode());
        assertEquals("Bearer error=\"invalid_token\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
