package io.cameljwt.examples.cookbook;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import io.cameljwt.examples.DemoOAuthProvider;
import io.cameljwt.examples.PartnerApiRoute;
import org.apache.camel.Exchange;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cookbook use 12: {@code cookbook/token-refresh.camel.yaml}, loaded as Camel JBang loads it, against a real OAuth
 * provider (the examples' demo provider, mock-oauth2-server) and the examples' partner API ({@link PartnerApiRoute},
 * which validates the provider's tokens). The timer is left out here (it starts after an hour); see
 * {@link TokenMonitorRefreshesOnItsOwnTest}.
 */
class ExpiryMonitoringAndRefreshTest extends IdentityCookbookTestSupport {

    static final int OAUTH_PORT = AvailablePortFinder.getNextAvailable();
    private static final DemoOAuthProvider PROVIDER = new DemoOAuthProvider(OAUTH_PORT, "camel-jwt-examples", "partner-api");

    @BeforeAll
    static void startProvider() {
        PROVIDER.start();
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    /** The properties of the route file; the rest (oauth.*) are the examples' application.properties. */
    static Properties routeProperties(String monitorDelay, String monitorPeriod) {
        Properties properties = new Properties();
        properties.setProperty("oauth.demoProvider.port", String.valueOf(OAUTH_PORT));
        properties.setProperty("refresh.before", "60s");
        properties.setProperty("refresh.monitorDelay", monitorDelay);
        properties.setProperty("refresh.monitorPeriod", monitorPeriod);
        return properties;
    }

    @Override
    protected Properties properties() {
        return routeProperties("1h", "1h");
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("classpath:cookbook/token-refresh.camel.yaml");
        configuration.addRoutesBuilder(new PartnerApiRoute());
    }

    /** Logs in at the provider and holds its tokens as the route file expects them: in global variables. */
    static String hold(org.apache.camel.CamelContext context, Duration accessTokenLifetime) throws Exception {
        DemoOAuthProvider.Grant grant = PROVIDER.login("reporting-job", accessTokenLifetime);
        context.setVariable("global:accessToken", grant.accessToken());
        context.setVariable("global:refreshToken", grant.refreshToken());
        return grant.accessToken();
    }

    @Test
    void theStatusReportsATokenThatExpiresWithinRefreshBefore() throws Exception {
        Instant loggedIn = Instant.now();
        hold(context, Duration.ofSeconds(30));

        HttpResponse<String> response = get("/token/status", null);

        assertEquals(200, response.statusCode());
        Map<?, ?> status = json(response);
        assertEquals(true, status.get("refreshNeeded"));
        assertEquals("reporting-job", status.get("subject"));
        Instant expiresAt = Instant.parse((String) status.get("expiresAt"));
        assertTrue(expiresAt.isBefore(loggedIn.plusSeconds(60)), () -> "expires at " + expiresAt);
        assertEquals(3, status.size()); // never the token
    }

    @Test
    void theStatusReportsAFreshTokenAsNotNeedingARefresh() throws Exception {
        hold(context, Duration.ofHours(1));

        assertEquals(false, json(get("/token/status", null)).get("refreshNeeded"));
    }

    @Test
    void aTokenThatExpiresWithinRefreshBeforeIsRefreshedBeforeItIsHandedOut() throws Exception {
        String first = hold(context, Duration.ofSeconds(30));

        String handedOut = template.requestBody("direct:held-access-token", null, String.class);

        assertNotEquals(first, handedOut);
        assertEquals(handedOut, context.getVariable("global:accessToken"));
        assertEquals(false, json(get("/token/status", null)).get("refreshNeeded"));
    }

    @Test
    void aFreshTokenIsHandedOutAsItIs() throws Exception {
        String first = hold(context, Duration.ofHours(1));

        assertEquals(first, template.requestBody("direct:held-access-token", null, String.class));
    }

    @Test
    void thePartnerApiRefusesTheExpiredTokenButGetsARefreshedOneThroughTheRoute() throws Exception {
        String expired = hold(context, Duration.ofSeconds(-600));
        HttpResponse<String> direct = get("/api/partner", expired);
        assertEquals(401, direct.statusCode());
        assertEquals(refusal("EXPIRED"), json(direct));

        // a GET, as the partner API wants: no body
        Exchange exchange = template.send("direct:partner-call", e -> {
        });

        assertNull(exchange.getException(), () -> "the call failed: " + exchange.getException());
        assertEquals(200, exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class));
        assertEquals("reporting-job", JSON.readValue(exchange.getMessage().getBody(String.class), Map.class).get("subject"));
        assertNotEquals(expired, context.getVariable("global:accessToken"));
    }
}
