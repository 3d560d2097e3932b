package io.cameljwt.examples.cookbook;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.cameljwt.examples.cookbook.mobile.MobileTokenRoutes;
import org.apache.camel.main.MainConfigurationProperties;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Cookbook use 17: {@link MobileTokenRoutes} over real HTTP, as a mobile app uses it: log in, call the API with the
 * access token, trade the refresh token for a new pair, and find the used refresh token refused.
 */
class MobileAccessAndRefreshTokensTest extends IdentityCookbookTestSupport {

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("mobile.privateKey", "classpath:keys/login-private.pem");
        properties.setProperty("mobile.publicKey", "classpath:keys/login-public.pem");
        properties.setProperty("mobile.issuer", "https://mobile.example.test");
        properties.setProperty("mobile.accessTokenLifetime", "5m");
        properties.setProperty("mobile.refreshTokenLifetime", "720h");
        return properties;
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addRoutesBuilder(new MobileTokenRoutes());
    }

    @Test
    void loginAnswersWithAShortAccessTokenAndALongRefreshTokenOfDifferentTypeAndAudience() throws Exception {
        Map<?, ?> pair = login();

        assertEquals("Bearer", pair.get("token_type"));
        assertEquals(300, pair.get("expires_in"));
        String access = (String) pair.get("access_token");
        String refresh = (String) pair.get("refresh_token");
        assertEquals("at+jwt", part(access, 0).get("typ"));
        assertEquals("mobile-api", part(access, 1).get("aud"));
        assertEquals(300, lifetime(access));
        assertEquals("refresh+jwt", part(refresh, 0).get("typ"));
        assertEquals("token-service", part(refresh, 1).get("aud"));
        assertEquals(720 * 3600, lifetime(refresh));
        assertEquals("alice", part(refresh, 1).get("sub"));
    }

    @Test
    void theAccessTokenOpensTheApi() throws Exception {
        HttpResponse<String> response = get("/mobile/api/me", (String) login().get("access_token"));

        assertEquals(200, response.statusCode());
        assertEquals(Map.of("subject", "alice", "roles", List.of("user")), json(response));
    }

    @Test
    void theRefreshTokenDoesNotOpenTheApi() throws Exception {
        HttpResponse<String> response = get("/mobile/api/me", (String) login().get("refresh_token"));

        assertEquals(401, response.statusCode());
        assertEquals(refusal("AUDIENCE_MISMATCH"), json(response));
    }

    @Test
    void anAccessTokenCannotBeTradedForANewPair() throws Exception {
        HttpResponse<String> response = refresh((String) login().get("access_token"));

        assertEquals(401, response.statusCode());
        assertEquals(refusal("AUDIENCE_MISMATCH"), json(response));
    }

    @Test
    void theRefreshTokenGetsANewPairWhoseAccessTokenOpensTheApi() throws Exception {
        Map<?, ?> first = login();

        HttpResponse<String> response = refresh((String) first.get("refresh_token"));

        assertEquals(200, response.statusCode());
        Map<?, ?> second = json(response);
        assertNotEquals(first.get("refresh_token"), second.get("refresh_token"));
        assertNotEquals(first.get("access_token"), second.get("access_token"));
        assertEquals(Map.of("subject", "alice", "roles", List.of("user")),
                json(get("/mobile/api/me", (String) second.get("access_token"))));
    }

    @Test
    void aRefreshTokenWorksOnceThenIsRefusedAsRevokedWhileItsSuccessorWorks() throws Exception {
        String used = (String) login().get("refresh_token");
        String successor = (String) json(refresh(used)).get("refresh_token");

        HttpResponse<String> replay = refresh(used);

        assertEquals(401, replay.statusCode());
        assertEquals(refusal("REVOKED"), json(replay));
        assertEquals(200, refresh(successor).statusCode());
    }

    @Test
    void aRefreshRequestWithoutARefreshTokenIsABadRequest() throws Exception {
        HttpResponse<String> response = postJson("/mobile/token/refresh", Map.of("token", "x"), null);

        assertEquals(400, response.statusCode());
        assertEquals(Map.of("error", "invalid_request"), json(response));
    }

    private Map<?, ?> login() throws Exception {
        HttpResponse<String> response = postJson("/mobile/login",
                Map.of("username", "alice", "password", "alice-demo-password"), null);
        assertEquals(200, response.statusCode(), response::body);
        return json(response);
    }

    private HttpResponse<String> refresh(String refreshToken) throws Exception {
        return postJson("/mobile/token/refresh", Map.of("refresh_token", refreshToken), null);
    }

    private static long lifetime(String token) throws Exception {
        Map<?, ?> claims = part(token, 1);
        return ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
    }
}
