package io.cameljwt.examples.cookbook;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.cameljwt.examples.cookbook.scopes.ScopedDocumentsRoutes;
import org.apache.camel.RoutesBuilder;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cookbook 20: {@link ScopedDocumentsRoutes} over real HTTP, with the scopes in a {@code scope} claim as a
 * space-separated string (RFC 9068); {@link ScopesInAnScpArrayTest} runs the same with Okta's {@code scp} array.
 */
class ScopesPerOperationTest extends HttpApiTestSupport {

    private final TestIssuer idp = new TestIssuer("https://idp.example.test", "idp-1");

    /** The claim the scopes are in. */
    protected String scopeClaim() {
        return "scope";
    }

    /** Writes the scopes as the issuer does. */
    protected void putScopes(JwtClaims claims, String... scopes) {
        claims.setClaim(scopeClaim(), String.join(" ", scopes));
    }

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("idp.publicKey", idp.publicKeyPem());
        properties.setProperty("idp.issuer", idp.issuer());
        properties.setProperty("api.audience", "documents-api");
        properties.setProperty("documents.scopeClaim", scopeClaim());
        return properties;
    }

    @Override
    protected List<RoutesBuilder> javaRoutes() {
        return List.of(new ScopedDocumentsRoutes());
    }

    private String withScopes(String... scopes) {
        return idp.token("app-1", "documents-api", claims -> putScopes(claims, scopes));
    }

    @Test
    void eachOperationIsAllowedWithItsScope() throws Exception {
        String token = withScopes("documents:read", "documents:write", "documents:delete");

        var read = get("/documents/d-7", token);
        var write = send("POST", "/documents", token, "{\"title\":\"minutes\"}");
        var delete = send("DELETE", "/documents/d-7", token, null);

        assertEquals(200, read.statusCode());
        assertEquals(Map.of("id", "d-7", "readBy", "app-1"), json(read));
        assertEquals(201, write.statusCode());
        assertEquals("app-1", json(write).get("createdBy"));
        assertEquals(200, delete.statusCode());
        assertEquals(Map.of("deleted", "d-7", "deletedBy", "app-1"), json(delete));
    }

    @Test
    void aReadOnlyTokenReadsButCannotWriteOrDelete() throws Exception {
        String readOnly = withScopes("openid", "documents:read");

        assertEquals(200, get("/documents/d-7", readOnly).statusCode());
        for (var response : List.of(send("POST", "/documents", readOnly, "{\"title\":\"minutes\"}"),
                send("DELETE", "/documents/d-7", readOnly, null))) {
            assertEquals(403, response.statusCode());
            assertEquals("Bearer error=\"insufficient_scope\"", challenge(response));
            assertEquals(Map.of("error", "INSUFFICIENT_ROLES"), json(response));
        }
    }

    @Test
    void theWriteScopeDoesNotGrantDelete() throws Exception {
        var response = send("DELETE", "/documents/d-7", withScopes("documents:read", "documents:write"), null);

        assertEquals(403, response.statusCode());
    }

    @Test
    void noTokenIs401WhateverTheOperation() throws Exception {
        for (var response : List.of(get("/documents/d-7", null), send("DELETE", "/documents/d-7", null, null))) {
            assertEquals(401, response.statusCode());
            assertEquals("Bearer", challenge(response));
        }
    }

    @Test
    void aScopeAddedByAForgerIs401() throws Exception {
        String forged = TestIssuer.tamper(withScopes("documents:read"), "documents:read", "documents:delete");

        var response = send("DELETE", "/documents/d-7", forged, null);

        assertEquals(401, response.statusCode());
        assertEquals(Map.of("error", "SIGNATURE_INVALID"), json(response));
    }
}
