package io.cameljwt.examples.cookbook;

import java.net.http.HttpResponse;
import java.util.Properties;

import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Cookbook use 18: {@code multi-tenant.camel.yaml} over real HTTP picks the tenant by the token's unverified
 * {@code iss}, then checks the token with that tenant's key, issuer and {@code tid}; a token of one tenant presented
 * under another's issuer, and a token of an unknown issuer, are refused.
 */
class MultiTenantRoutingTest extends OpsCookbookTestSupport {

    private static final String ACME = "https://acme.idp.example.test";
    private static final String GLOBEX = "https://globex.idp.example.test";
    private static final String ACME_KEY = "cookbook/keys/tenant-acme-private.pem";
    private static final String GLOBEX_KEY = "cookbook/keys/tenant-globex-private.pem";

    @Override
    protected Properties routeProperties() {
        Properties properties = new Properties();
        properties.setProperty("tenant.acme.publicKey", "classpath:cookbook/keys/tenant-acme-public.pem");
        properties.setProperty("tenant.globex.publicKey", "classpath:cookbook/keys/tenant-globex-public.pem");
        properties.setProperty("tenants.backend", "mock:backend");
        return properties;
    }

    @Override
    protected String[] yamlRoutes() {
        return new String[] { "classpath:cookbook/multi-tenant.camel.yaml" };
    }

    @Test
    void eachTenantsTokenIsCheckedWithThatTenantsKeyAndReachesTheBackendTaggedWithTheTenant() throws Exception {
        MockEndpoint backend = getMockEndpoint("mock:backend");
        backend.expectedHeaderValuesReceivedInAnyOrder("Tenant", "acme", "globex");

        HttpResponse<String> acme = get("/api/tenant/profile", es256(ACME_KEY, tenantClaims(ACME, "acme", "alice")));
        HttpResponse<String> globex = get("/api/tenant/profile", es256(GLOBEX_KEY, tenantClaims(GLOBEX, "globex", "bob")));

        assertEquals(200, acme.statusCode());
        assertEquals("acme", json(acme.body()).get("tenant"));
        assertEquals(200, globex.statusCode());
        assertEquals("globex", json(globex.body()).get("tenant"));
        backend.assertIsSatisfied();
        Message first = backend.getReceivedExchanges().get(0).getMessage();
        assertEquals("alice", first.getHeader("CamelJwtSubject"));
        assertNotNull(first.getHeader("CamelJwtClaims"));
        assertNull(first.getHeader("Authorization"));
    }

    @Test
    void aTokenSignedByTenantAButNamingTenantBsIssuerIsRefused() throws Exception {
        // acme's identity provider (or whoever holds its key) signs a token claiming to come from globex
        assertRefused(es256(ACME_KEY, tenantClaims(GLOBEX, "globex", "mallory")), "SIGNATURE_INVALID");
    }

    @Test
    void aTokenOfTenantAWithTenantBsTenantIdIsRefused() throws Exception {
        assertRefused(es256(ACME_KEY, tenantClaims(ACME, "globex", "mallory")), "CLAIM_MISMATCH");
    }

    @Test
    void aTokenOfAnUnknownIssuerIsRefusedBeforeAnyKeyIsTried() throws Exception {
        assertRefused(es256(ACME_KEY, tenantClaims("https://initech.idp.example.test", "initech", "peter")),
                "ISSUER_MISMATCH");
    }

    @Test
    void aTokenWithoutAnIssuerIsRefused() throws Exception {
        JwtClaims claims = tenantClaims(ACME, "acme", "alice");
        claims.unsetClaim("iss");

        assertRefused(es256(ACME_KEY, claims), "ISSUER_MISMATCH");
    }

    @Test
    void anExpiredTokenOfAKnownTenantIsRefused() throws Exception {
        JwtClaims claims = tenantClaims(ACME, "acme", "alice");
        claims.setExpirationTimeMinutesInTheFuture(-5);

        assertRefused(es256(ACME_KEY, claims), "EXPIRED");
    }

    @Test
    void aRequestWithoutATokenGetsTheBareBearerChallenge() throws Exception {
        HttpResponse<String> response = assertRefused(null, "TOKEN_MISSING");

        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    void aRequestWithTextThatIsNoTokenIsRefusedAsMalformed() throws Exception {
        HttpResponse<String> response = assertRefused("not-a-token", "MALFORMED");

        assertEquals("Bearer error=\"invalid_token\"", response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    private HttpResponse<String> assertRefused(String token, String failure) throws Exception {
        MockEndpoint backend = getMockEndpoint("mock:backend");
        backend.expectedMessageCount(0);

        HttpResponse<String> response = get("/api/tenant/profile", token);

        assertEquals(401, response.statusCode());
        assertEquals(failure, error(response));
        assertFalse(token != null && response.body().contains(token));
        backend.assertIsSatisfied();
        return response;
    }

    private static JwtClaims tenantClaims(String issuer, String tenantId, String subject) {
        JwtClaims claims = claims(issuer, "tenant-api", subject, 5);
        claims.setStringClaim("tid", tenantId);
        return claims;
    }
}
