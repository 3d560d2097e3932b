package io.cameljwt;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import org.apache.camel.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real OpenID provider ({@link OpenIdProvider}: mock-oauth2-server in-process on 127.0.0.1) issues tokens over HTTP
 * that jwt:validate accepts with the keys and the issuer found through the provider's discovery document, fetched
 * here by the test (static {@code jwks}): the ground the remote-keys tests stand on. Also proves the helper's key
 * rotation and the refresh_token grant.
 */
class MockOAuth2ServerSmokeTest extends JwtRouteTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> KEYCLOAK_ROLES =
            Map.of("realm_access", Map.of("roles", List.of("admin", "user")));

    private static OpenIdProvider provider;

    @BeforeAll
    static void startProvider() {
        provider = OpenIdProvider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    /** The discovery document of {@code issuerId}, fetched over HTTP. */
    private static Map<?, ?> discovery(String issuerId) throws Exception {
        return JSON.readValue(provider.fetch(provider.discoveryUrl(issuerId)), Map.class);
    }

    /** jwt:validate with the JWK Set fetched now from the discovered jwks_uri, and the discovered issuer. */
    private static String validateWithDiscoveredKeys(String issuerId, String more) throws Exception {
        Map<?, ?> discovery = discovery(issuerId);
        String jwks = provider.fetch((String) discovery.get("jwks_uri"));
        return "jwt:validate?jwks=RAW(" + jwks + ")&issuer=RAW(" + discovery.get("issuer") + ")" + more;
    }

    private static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    @Test
    void discoveryNamesTheIssuerOnLoopbackAndItsJwksUri() throws Exception {
        Map<?, ?> discovery = discovery("realm1");

        assertEquals(provider.issuerUrl("realm1"), discovery.get("issuer"));
        assertEquals(provider.jwksUrl("realm1"), discovery.get("jwks_uri"));
        assertEquals(provider.tokenUrl("realm1"), discovery.get("token_endpoint"));
    }

    @Test
    void tokenFromTheTokenEndpointValidatesWithTheDiscoveredKeysAndKeycloakRoles() throws Exception {
        String token = provider.token("realm1", KEYCLOAK_ROLES);
        String uri = validateWithDiscoveredKeys("realm1",
                "&audience=" + OpenIdProvider.AUDIENCE + "&rolesClaim=realm_access.roles&requiredRoles=admin");

        Message message = accepted(sendToken(uri, token));

        assertEquals(provider.issuerUrl("realm1"), message.getHeader(JwtConstants.JWT_ISSUER));
        assertEquals(OpenIdProvider.CLIENT_ID, message.getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals(List.of("admin", "user"), message.getHeader(JwtConstants.JWT_ROLES));
        assertEquals("realm1", kid(token));
    }

    @Test
    void missingRoleInTheProviderTokenIsRefusedAsInsufficientRoles() throws Exception {
        String token = provider.token("realm1", KEYCLOAK_ROLES);
        String uri = validateWithDiscoveredKeys("realm1", "&rolesClaim=realm_access.roles&requiredRoles=auditor");

        refused(sendToken(uri, token), JwtFailure.INSUFFICIENT_ROLES, token);
    }

    @Test
    void eachIssuerHasItsOwnKeySoATokenOfAnotherIssuerFindsNoKey() throws Exception {
        String token = provider.token("realm2", Map.of());
        String uri = validateWithDiscoveredKeys("realm1", "");

        refused(sendToken(uri, token), JwtFailure.KEY_NOT_FOUND, token);
        assertEquals("realm2", kid(token));
    }

    @Test
    void afterRotationNewTokensNeedNewKeysAndOldTokensStayValidUntilRetired() throws Exception {
        String issuer = "rotating";
        String before = provider.token(issuer, Map.of());
        String keysBefore = validateWithDiscoveredKeys(issuer, "");
        accepted(sendToken(keysBefore, before));

        String newKid = provider.rotateKeys(issuer);
        String after = provider.token(issuer, Map.of());

        assertEquals(newKid, kid(after));
        assertNotEquals(kid(before), newKid);
        refused(sendToken(keysBefore, after), JwtFailure.KEY_NOT_FOUND, after);
        String keysBoth = validateWithDiscoveredKeys(issuer, "");
        accepted(sendToken(keysBoth, before));
        accepted(sendToken(keysBoth, after));

        provider.retirePreviousKeys(issuer);
        String keysRetired = validateWithDiscoveredKeys(issuer, "");
        refused(sendToken(keysRetired, before), JwtFailure.KEY_NOT_FOUND, before);
        accepted(sendToken(keysRetired, after));
    }

    @Test
    void refreshTokenGrantGivesNewTokensWithTheClaimsOfTheLogin() throws Exception {
        Map<String, Object> login = provider.login("realm1", "alice", KEYCLOAK_ROLES);
        String refreshToken = (String) login.get("refresh_token");
        assertNotNull(refreshToken);
        String uri = validateWithDiscoveredKeys("realm1",
                "&audience=" + OpenIdProvider.AUDIENCE + "&rolesClaim=realm_access.roles&requiredRoles=admin");
        accepted(sendToken(uri, (String) login.get("access_token")));

        Map<String, Object> refreshed = provider.refresh("realm1", refreshToken);

        String accessToken = (String) refreshed.get("access_token");
        assertNotEquals(login.get("access_token"), accessToken);
        Message message = accepted(sendToken(uri, accessToken));
        assertEquals("alice", message.getHeader(JwtConstants.JWT_SUBJECT));
        String idUri = validateWithDiscoveredKeys("realm1", "&audience=" + OpenIdProvider.CLIENT_ID);
        accepted(sendToken(idUri, (String) refreshed.get("id_token")));
        assertTrue(refreshed.containsKey("refresh_token"));
    }
}
