package io.cameljwt.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Boots the example as Camel Main does, with the demo OAuth provider (mock-oauth2-server) on a free port, and calls
 * the partner API through {@code direct:call-partner-api}: a held access token that expires within
 * {@code oauth.refreshBefore} (60s) is refreshed with the refresh_token grant before the call; a fresh one is not.
 */
class OAuthClientRoutesTest extends CamelMainTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    // static: CamelTestSupport reads the configuration below while it is constructed
    private static final int PORT = AvailablePortFinder.getNextAvailable();
    private static final int OAUTH_PORT = AvailablePortFinder.getNextAvailable();

    private DemoOAuthProvider provider;
    private OAuthTokens tokens;

    @Override
    protected Class<?> getMainClass() {
        return LoginAndProtectedRouteApp.class;
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        Properties overrides = new Properties();
        overrides.setProperty("http.port", String.valueOf(PORT));
        overrides.setProperty("oauth.demoProvider.port", String.valueOf(OAUTH_PORT));
        configuration.withUseOverridePropertiesWithPropertiesComponent(overrides);
    }

    @BeforeEach
    void lookUp() {
        provider = context.getRegistry().lookupByNameAndType(OAuthClientRoutes.DEMO_PROVIDER, DemoOAuthProvider.class);
        tokens = context.getRegistry().lookupByNameAndType(OAuthClientRoutes.TOKENS, OAuthTokens.class);
    }

    /** Logs in at the demo provider and gives the client the tokens; returns the access token. */
    private String login(Duration accessTokenLifetime) throws Exception {
        DemoOAuthProvider.Grant grant = provider.login("reporting-job", accessTokenLifetime);
        tokens.hold(grant.accessToken(), grant.refreshToken());
        return grant.accessToken();
    }

    /** Calls the partner API through the client route; returns the API's answer, which must be 200. */
    private Map<?, ?> callPartnerApi() throws IOException {
        Exchange exchange = template.send("direct:call-partner-api", e -> {
        });
        assertNull(exchange.getException(), () -> "the call failed: " + exchange.getException());
        assertEquals(200, exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class));
        return JSON.readValue(exchange.getMessage().getBody(String.class), Map.class);
    }

    @Test
    void aTokenExpiringWithinRefreshBeforeIsRefreshedBeforeTheCall() throws Exception {
        String first = login(Duration.ofSeconds(30));
        Instant callStarted = Instant.now();

        Map<?, ?> answer = callPartnerApi();

        assertEquals(1, tokens.refreshes());
        assertNotEquals(first, tokens.accessToken());
        assertEquals("reporting-job", answer.get("subject"));
        // the API got the new token, which lives an hour, not the one that had 30 seconds left
        Instant sentExpiry = Instant.parse((String) answer.get("tokenExpiresAt"));
        assertTrue(sentExpiry.isAfter(callStarted.plus(Duration.ofMinutes(30))), () -> "the API got a token expiring at " + sentExpiry);
        assertEquals(sentExpiry, expiry(tokens.accessToken()));
    }

    @Test
    void aFreshTokenIsUsedAsItIs() throws Exception {
        String first = login(Duration.ofHours(1));

        Map<?, ?> answer = callPartnerApi();

        assertEquals(0, tokens.refreshes());
        assertEquals(first, tokens.accessToken());
        assertEquals(expiry(first), Instant.parse((String) answer.get("tokenExpiresAt")));
    }

    @Test
    void anExpiredTokenIsRefreshedToo() throws Exception {
        login(Duration.ofSeconds(-600));

        callPartnerApi();

        assertEquals(1, tokens.refreshes());
    }

    @Test
    void theRefreshedTokenServesTheNextCalls() throws Exception {
        login(Duration.ofSeconds(30));

        callPartnerApi();
        String refreshed = tokens.accessToken();
        callPartnerApi();
        callPartnerApi();

        assertEquals(1, tokens.refreshes());
        assertEquals(refreshed, tokens.accessToken());
    }

    @Test
    void theAccessTokenRouteAnswersWithTheTokenToCallWith() throws Exception {
        String first = login(Duration.ofSeconds(30));

        String token = template.requestBody("direct:access-token", "anything", String.class);

        assertEquals(1, tokens.refreshes());
        assertNotEquals(first, token);
        assertEquals(tokens.accessToken(), token);
        assertEquals(token, template.requestBody("direct:access-token", "anything", String.class));
    }

    @Test
    void theOAuthDemoRefreshesOnceAndCallsTwice() throws Exception {
        List<DemoClient.Step> steps = new OAuthDemo(context).run();

        assertEquals(4, steps.size());
        assertTrue(steps.stream().allMatch(DemoClient.Step::asExpected), steps::toString);
        assertEquals(1, tokens.refreshes());
    }

    /** The {@code exp} of a JWT, read without checking anything: only to compare what was sent. */
    private static Instant expiry(String token) throws IOException {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Instant.ofEpochSecond(((Number) JSON.readValue(payload, Map.class).get("exp")).longValue());
    }
}
