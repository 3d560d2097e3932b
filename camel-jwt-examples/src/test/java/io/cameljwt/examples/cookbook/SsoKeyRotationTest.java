package io.cameljwt.examples.cookbook;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Properties;

import io.cameljwt.examples.cookbook.sso.SsoApiRoute;
import org.apache.camel.main.MainConfigurationProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cookbook use 5, key rotation: {@link SsoApiRoute} follows its provider's rotation through discovery. The provider is
 * {@link RotatingOpenIdProvider}, since mock-oauth2-server cannot rotate to a new {@code kid}.
 */
class SsoKeyRotationTest extends IdentityCookbookTestSupport {

    private static RotatingOpenIdProvider provider;

    @BeforeAll
    static void startProvider() throws Exception {
        provider = new RotatingOpenIdProvider("2026-01");
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("sso.issuerUri", provider.issuer());
        properties.setProperty("sso.audience", "profile-api");
        properties.setProperty("sso.jwksRefreshInterval", "1s");
        return properties;
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addRoutesBuilder(new SsoApiRoute());
    }

    @Test
    void tokensOfANewKeyAreAcceptedAndTokensOfAWithdrawnKeyAreRefused() throws Exception {
        String before = provider.token("alice", "profile-api");
        assertEquals(200, get("/sso/me", before).statusCode());

        provider.addKey("2026-02");
        String after = provider.token("bob", "profile-api");
        assertEquals("2026-02", part(after, 0).get("kid"));

        // the new kid makes the API fetch the keys again, at most once per jwksRefreshInterval (1s here)
        HttpResponse<String> response = awaitAccepted(after);
        assertEquals(200, response.statusCode(), response::body);
        assertEquals("bob", json(response).get("subject"));
        // both keys are published for now: tokens of the old one still pass
        assertEquals(200, get("/sso/me", before).statusCode());

        provider.withdrawKey("2026-01");
        provider.addKey("2026-03");
        awaitAccepted(provider.token("carol", "profile-api"));

        // the API fetched the set without the old key: its tokens are refused
        HttpResponse<String> old = get("/sso/me", before);
        assertEquals(401, old.statusCode());
        assertEquals(refusal("KEY_NOT_FOUND"), json(old));
    }

    /** Asks until the API accepts the token; each refusal until then is KEY_NOT_FOUND (a refetch not yet allowed). */
    private HttpResponse<String> awaitAccepted(String token) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        HttpResponse<String> response = get("/sso/me", token);
        while (response.statusCode() != 200 && Instant.now().isBefore(deadline)) {
            assertEquals(refusal("KEY_NOT_FOUND"), json(response));
            Thread.sleep(250);
            response = get("/sso/me", token);
        }
        assertEquals(200, response.statusCode(), response::body);
        return response;
    }
}
