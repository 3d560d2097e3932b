package io.cameljwt.examples.cookbook;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.cameljwt.examples.cookbook.restauth.RestApiAuthRoutes;
import org.apache.camel.RoutesBuilder;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Cookbook 1: {@link RestApiAuthRoutes} over real HTTP answers 200, 401 or 403 with the RFC 6750 challenge.
 */
class RestApiAuthenticationTest extends HttpApiTestSupport {

    private final TestIssuer idp = new TestIssuer("https://idp.example.test", "idp-1");

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("idp.publicKey", idp.publicKeyPem());
        properties.setProperty("idp.issuer", idp.issuer());
        properties.setProperty("api.audience", "orders-api");
        properties.setProperty("api.realm", "orders");
        return properties;
    }

    @Override
    protected List<RoutesBuilder> javaRoutes() {
        return List.of(new RestApiAuthRoutes());
    }

    @Test
    void aValidTokenIsAnswered200WithItsSubject() throws Exception {
        var response = get("/api/profile", idp.token("alice", "orders-api"));

        assertEquals(200, response.statusCode());
        assertEquals(Map.of("subject", "alice"), json(response));
        assertNull(challenge(response));
    }

    @Test
    void noTokenIs401WithABareChallengeThatNamesTheRealm() throws Exception {
        var response = get("/api/profile", null);

        assertEquals(401, response.statusCode());
        assertEquals("Bearer realm=\"orders\"", challenge(response));
        assertEquals(Map.of("error", "TOKEN_MISSING"), json(response));
    }

    @Test
    void aTokenWithAForgedPayloadIs401InvalidToken() throws Exception {
        String forged = TestIssuer.tamper(idp.token("alice", "orders-api"), "\"sub\":\"alice\"", "\"sub\":\"carol\"");

        var response = get("/api/profile", forged);

        assertEquals(401, response.statusCode());
        assertEquals("Bearer realm=\"orders\", error=\"invalid_token\"", challenge(response));
        assertEquals(Map.of("error", "SIGNATURE_INVALID"), json(response));
    }

    @Test
    void aTokenSignedByAnotherKeyIs401InvalidToken() throws Exception {
        TestIssuer impostor = new TestIssuer(idp.issuer(), "idp-1");

        var response = get("/api/profile", impostor.token("alice", "orders-api"));

        assertEquals(401, response.statusCode());
        assertEquals("Bearer realm=\"orders\", error=\"invalid_token\"", challenge(response));
        assertEquals(Map.of("error", "SIGNATURE_INVALID"), json(response));
    }

    @Test
    void anExpiredTokenIs401InvalidToken() throws Exception {
        // expired ten minutes ago: beyond the default clockSkew of 60s
        String expired = idp.token("alice", "orders-api", claims -> {
            claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 1200));
            claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
        });

        var response = get("/api/profile", expired);

        assertEquals(401, response.statusCode());
        assertEquals("Bearer realm=\"orders\", error=\"invalid_token\"", challenge(response));
        assertEquals(Map.of("error", "EXPIRED"), json(response));
    }

    @Test
    void aTokenForAnotherApiIs401InvalidToken() throws Exception {
        var response = get("/api/profile", idp.token("alice", "billing-api"));

        assertEquals(401, response.statusCode());
        assertEquals(Map.of("error", "AUDIENCE_MISMATCH"), json(response));
    }

    @Test
    void aValidTokenWithoutTheRoleIs403InsufficientScope() throws Exception {
        var response = get("/api/settings", idp.token("alice", "orders-api", c -> c.setStringListClaim("roles", "user")));

        assertEquals(403, response.statusCode());
        assertEquals("Bearer realm=\"orders\", error=\"insufficient_scope\"", challenge(response));
        assertEquals(Map.of("error", "INSUFFICIENT_ROLES"), json(response));
    }

    @Test
    void aTokenWithTheRoleReadsTheSettings() throws Exception {
        var response = get("/api/settings", idp.token("carol", "orders-api",
                c -> c.setStringListClaim("roles", "user", "admin")));

        assertEquals(200, response.statusCode());
        assertEquals("carol", json(response).get("subject"));
    }

    @Test
    void theAnswerNeverEchoesTheTokenBack() throws Exception {
        String token = idp.token("alice", "orders-api", c -> c.setStringListClaim("roles", "user"));

        var refused = get("/api/settings", token);
        var accepted = get("/api/profile", token);

        for (var response : List.of(refused, accepted)) {
            assertFalse(response.headers().map().containsKey("authorization"), response.headers().toString());
            assertFalse(response.body().contains(token));
        }
    }
}
