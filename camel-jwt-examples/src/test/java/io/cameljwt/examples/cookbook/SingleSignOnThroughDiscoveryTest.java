package io.cameljwt.examples.cookbook;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;

import io.cameljwt.examples.cookbook.sso.SsoApiRoute;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cookbook use 5: {@link SsoApiRoute} accepts the tokens of an OpenID provider found through {@code issuerUri}
 * (discovery), here a real one (mock-oauth2-server) on 127.0.0.1. Its key rotation: {@link SsoKeyRotationTest}.
 */
class SingleSignOnThroughDiscoveryTest extends IdentityCookbookTestSupport {

    private static final TestIdentityProvider PROVIDER = new TestIdentityProvider(AvailablePortFinder.getNextAvailable());

    @BeforeAll
    static void startProvider() throws Exception {
        // before the routes: the API fetches the provider's keys as it starts
        PROVIDER.start();
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("sso.issuerUri", PROVIDER.issuer("sso"));
        properties.setProperty("sso.audience", "profile-api");
        properties.setProperty("sso.jwksRefreshInterval", "1s");
        return properties;
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addRoutesBuilder(new SsoApiRoute());
    }

    @Test
    void aTokenTheProviderIssuedForThisApiIsAccepted() throws Exception {
        String token = PROVIDER.accessToken(new IssuedTokenCallback("sso", "alice", "profile-api", 300));

        HttpResponse<String> response = get("/sso/me", token);

        assertEquals(200, response.statusCode());
        assertEquals(Map.of("subject", "alice", "issuer", PROVIDER.issuer("sso")), json(response));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedAsIssuerMismatch() throws Exception {
        // another issuer of the same server: its keys are even in the same JWK Set, its iss is not the SSO's
        String token = PROVIDER.accessToken(new IssuedTokenCallback("other", "alice", "profile-api", 300));

        HttpResponse<String> response = get("/sso/me", token);

        assertEquals(401, response.statusCode());
        assertEquals(refusal("ISSUER_MISMATCH"), json(response));
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedAsAudienceMismatch() throws Exception {
        String token = PROVIDER.accessToken(new IssuedTokenCallback("sso", "alice", "billing-api", 300));

        HttpResponse<String> response = get("/sso/me", token);

        assertEquals(401, response.statusCode());
        assertEquals(refusal("AUDIENCE_MISMATCH"), json(response));
    }

    @Test
    void anExpiredTokenOfTheProviderIsRefusedAsExpired() throws Exception {
        String token = PROVIDER.accessToken(new IssuedTokenCallback("sso", "alice", "profile-api", -600));

        assertEquals(refusal("EXPIRED"), json(get("/sso/me", token)));
    }
}
