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
 * A real OpenID provider ({@link OpenIdProvider}: mock-oauth2-server in-process on 127.0.0.1) issues tokens over HTTP,
 * and jwt:validate accepts them through {@code issuerUri}: discovery, then the provider's JWK Set, across key
 * rotation, several issuers and the refresh_token grant.
 */
class OpenIdProviderTest extends JwtRouteTestSupport {

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

    /** jwt:validate of the tokens of {@code issuerId}, through OpenID discovery. */
    private static String validateThroughDiscovery(String issuerId, String more) {
        return "jwt:validate?issuerUri=" + provider.issuerUrl(issuerId) + more;
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
    void tokenFromTheTokenEndpointValidatesThroughIssuerUriWithKeycloakRoles() throws Exception {
        String token = provider.token("realm1", KEYCLOAK_ROLES);
        String uri = validateThroughDiscovery("realm1",
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
        String uri = validateThroughDiscovery("realm1", "&rolesClaim=realm_access.roles&requiredRoles=auditor");

        refused(sendToken(uri, token), JwtFailure.INSUFFICIENT_ROLES, token);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedBeforeItsKeysAreLookedFor() throws Exception {
        String token = provider.token("realm2", Map.of());
        String uri = validateThroughDiscovery("realm1", "");

        refused(sendToken(uri, token), JwtFailure.ISSUER_MISMATCH, token);
        assertEquals("realm2", kid(token));
    }

    @Test
    void oneEndpointServesSeveralIssuersEachWithItsOwnKeys() throws Exception {
        String uri = "jwt:validate?issuerUri=" + provider.issuerUrl("tenant-a") + "," + provider.issuerUrl("tenant-b")
                     + "&audience=" + OpenIdProvider.AUDIENCE;
        for (String tenant : List.of("tenant-a", "tenant-b")) {
            String token = provider.token(tenant, Map.of());
            assertEquals(tenant, kid(token));
            assertEquals(provider.issuerUrl(tenant), accepted(sendToken(uri, token)).getHeader(JwtConstants.JWT_ISSUER));
        }
        String stranger = provider.token("tenant-c", Map.of());
        refused(sendToken(uri, stranger), JwtFailure.ISSUER_MISMATCH, stranger);
    }

    @Test
    void acrossKeyRotationNewTokensAreFetchedForAndOldOnesStayValidUntilRetired() throws Exception {
        String issuer = "rotating";
        // every new kid may refetch after the least interval (1s); the default 30s interval is tested elsewhere
        String uri = validateThroughDiscovery(issuer, "&jwksRefreshInterval=1s");
        String before = provider.token(issuer, Map.of());
        accepted(sendToken(uri, before));

        String newKid = provider.rotateKeys(issuer);
        String after = provider.token(issuer, Map.of());
        assertEquals(newKid, kid(after));
        assertNotEquals(kid(before), newKid);
        accepted(Refetch.afterInterval(() -> sendToken(uri, after)));
        accepted(sendToken(uri, before)); // the provider still publishes the previous key

        provider.retirePreviousKeys(issuer);
        provider.rotateKeys(issuer);
        String third = provider.token(issuer, Map.of());
        accepted(Refetch.afterInterval(() -> sendToken(uri, third))); // its new kid refetches the set, which no longer holds the first key
        accepted(sendToken(uri, after));
        refused(sendToken(uri, before), JwtFailure.KEY_NOT_FOUND, before);
    }

    @Test
    void refreshTokenGrantGivesNewTokensWithTheClaimsOfTheLogin() throws Exception {
        Map<String, Object> login = provider.login("realm1", "alice", KEYCLOAK_ROLES);
        String refreshToken = (String) login.get("refresh_token");
        assertNotNull(refreshToken);
        String uri = validateThroughDiscovery("realm1",
                "&audience=" + OpenIdProvider.AUDIENCE + "&rolesClaim=realm_access.roles&requiredRoles=admin");
        accepted(sendToken(uri, (String) login.get("access_token")));

        Map<String, Object> refreshed = provider.refresh("realm1", refreshToken);

        String accessToken = (String) refreshed.get("access_token");
        assertNotEquals(login.get("access_token"), accessToken);
        Message message = accepted(sendToken(uri, accessToken));
        assertEquals("alice", message.getHeader(JwtConstants.JWT_SUBJECT));
        String idUri = validateThroughDiscovery("realm1", "&audience=" + OpenIdProvider.CLIENT_ID);
        accepted(sendToken(idUri, (String) refreshed.get("id_token")));
        assertTrue(refreshed.containsKey("refresh_token"));
    }
}
