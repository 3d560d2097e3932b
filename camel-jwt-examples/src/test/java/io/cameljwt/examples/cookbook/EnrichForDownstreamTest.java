package io.cameljwt.examples.cookbook;

import java.net.http.HttpRequest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.cameljwt.examples.cookbook.enrich.PartnerOrderRoutes;
import org.apache.camel.RoutesBuilder;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cookbook 3: {@link PartnerOrderRoutes} over real HTTP: the downstream gets the partner's identity typed and as
 * headers, the order as it came, and never the token.
 */
class EnrichForDownstreamTest extends HttpApiTestSupport {

    private static final String ORDER = "{\"sku\":\"A-1\",\"quantity\":3}";

    private final TestIssuer partner = new TestIssuer("https://idp.partner.example", "partner-2026");

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("partner.publicKey", partner.publicKeyPem());
        properties.setProperty("partner.issuer", partner.issuer());
        properties.setProperty("api.audience", "order-intake");
        return properties;
    }

    @Override
    protected List<RoutesBuilder> javaRoutes() {
        return List.of(new PartnerOrderRoutes());
    }

    private String partnerToken(String tenant) {
        return partner.token("buyer-17", "order-intake", claims -> {
            claims.setStringListClaim("roles", "buyer");
            claims.setExpirationTime(NumericDate.fromSeconds(1_900_000_000L));
            if (tenant != null) {
                claims.setClaim("tenant", tenant);
            }
        });
    }

    @Test
    void downstreamGetsTheCheckedIdentityTypedAndAsHeaders() throws Exception {
        var response = send("POST", "/partner/orders", partnerToken("acme"), ORDER);

        assertEquals(202, response.statusCode());
        Map<String, Object> seen = json(response);
        assertEquals(ORDER, seen.get("order"));
        assertEquals("buyer-17", seen.get("subject"));
        assertEquals("acme", seen.get("tenant"));
        assertEquals(List.of("buyer"), seen.get("roles"));
        assertEquals("2030-03-17T17:46:40Z", seen.get("tokenExpiresAt"));
        assertEquals("buyer-17", seen.get("X-Caller-Subject"));
        assertEquals("acme", seen.get("X-Caller-Tenant"));
    }

    @Test
    void downstreamNeverSeesTheTokenNorTheRawClaims() throws Exception {
        String token = partnerToken("acme");

        var response = send("POST", "/partner/orders", token, ORDER);

        assertEquals(202, response.statusCode());
        Collection<?> headers = (Collection<?>) json(response).get("headers");
        assertTrue(headers.contains("X-Caller-Subject"), headers.toString());
        assertFalse(headers.stream().anyMatch(h -> ((String) h).equalsIgnoreCase("Authorization")), headers.toString());
        assertFalse(headers.stream().anyMatch(h -> ((String) h).startsWith("CamelJwt")), headers.toString());
        assertFalse(response.body().contains(token));
    }

    @Test
    void aTokenWithoutTheTenantClaimIsRefusedBeforeDownstream() throws Exception {
        var response = send("POST", "/partner/orders", partnerToken(null), ORDER);

        assertEquals(401, response.statusCode());
        assertEquals(Map.of("error", "CLAIM_MISSING"), json(response));
    }

    @Test
    void identityHeadersSentByTheCallerAreReplacedByTheCheckedOnes() throws Exception {
        var response = send(bearer(request("/partner/orders"), partnerToken("acme"))
                .header("X-Caller-Subject", "root").header("X-Caller-Tenant", "globex")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ORDER)));

        assertEquals(202, response.statusCode());
        assertEquals("buyer-17", json(response).get("X-Caller-Subject"));
        assertEquals("acme", json(response).get("X-Caller-Tenant"));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        TestIssuer other = new TestIssuer("https://idp.other.example", "other-1");

        var response = send("POST", "/partner/orders",
                other.token("buyer-17", "order-intake", c -> c.setClaim("tenant", "acme")), ORDER);

        assertEquals(401, response.statusCode());
        assertEquals(Map.of("error", "SIGNATURE_INVALID"), json(response));
    }
}
