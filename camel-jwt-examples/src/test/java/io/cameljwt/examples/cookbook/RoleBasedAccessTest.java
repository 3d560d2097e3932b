package io.cameljwt.examples.cookbook;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.cameljwt.examples.cookbook.roles.RoleBasedAccessRoutes;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cookbook 4: {@link RoleBasedAccessRoutes} over real HTTP: roles from a claim, any or all of them, Keycloak's nested
 * realm roles, and 403 (known caller, missing role) against 401 (no acceptable token).
 */
class RoleBasedAccessTest extends HttpApiTestSupport {

    private final TestIssuer idp = new TestIssuer("https://idp.example.test", "idp-1");

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("idp.publicKey", idp.publicKeyPem());
        properties.setProperty("idp.issuer", idp.issuer());
        properties.setProperty("api.audience", "backoffice");
        return properties;
    }

    @Override
    protected List<RoutesBuilder> javaRoutes() {
        return List.of(new RoleBasedAccessRoutes());
    }

    private String withRoles(String subject, String... roles) {
        return idp.token(subject, "backoffice", claims -> claims.setStringListClaim("roles", roles));
    }

    @Test
    void anyOfTheRequiredRolesIsEnough() throws Exception {
        var reporter = get("/reports", withRoles("rita", "reporter"));
        var admin = get("/reports", withRoles("carol", "admin"));

        assertEquals(200, reporter.statusCode());
        assertEquals(Map.of("resource", "reports", "subject", "rita", "roles", List.of("reporter")), json(reporter));
        assertEquals(200, admin.statusCode());
    }

    @Test
    void aKnownCallerWithoutTheRoleIs403() throws Exception {
        var response = get("/reports", withRoles("alice", "user"));

        assertEquals(403, response.statusCode());
        assertEquals("Bearer error=\"insufficient_scope\"", challenge(response));
        assertEquals(Map.of("error", "INSUFFICIENT_ROLES"), json(response));
    }

    @Test
    void aTokenWithoutAnyRolesClaimIs403() throws Exception {
        var response = get("/reports", idp.token("alice", "backoffice"));

        assertEquals(403, response.statusCode());
        assertEquals(Map.of("error", "INSUFFICIENT_ROLES"), json(response));
    }

    @Test
    void noTokenIs401NotForbidden() throws Exception {
        var response = get("/reports", null);

        assertEquals(401, response.statusCode());
        assertEquals("Bearer", challenge(response));
    }

    @Test
    void aForgedRoleIs401NotForbidden() throws Exception {
        String forged = TestIssuer.tamper(withRoles("alice", "user"), "\"user\"", "\"admin\"");

        var response = get("/reports", forged);

        assertEquals(401, response.statusCode());
        assertEquals("Bearer error=\"invalid_token\"", challenge(response));
        assertEquals(Map.of("error", "SIGNATURE_INVALID"), json(response));
    }

    @Test
    void rolesMatchAllNeedsEveryRole() throws Exception {
        assertEquals(200, get("/payroll", withRoles("mona", "hr", "manager", "user")).statusCode());

        var onlyOne = get("/payroll", withRoles("harry", "hr"));

        assertEquals(403, onlyOne.statusCode());
        assertEquals(Map.of("error", "INSUFFICIENT_ROLES"), json(onlyOne));
    }

    @Test
    void keycloakRealmRolesAreReadFromTheNestedClaim() throws Exception {
        String keycloakAdmin = idp.token("kate", "backoffice", claims -> {
            claims.setClaim("realm_access", Map.of("roles", List.of("offline_access", "admin")));
            // a top-level roles claim is not where this route looks
            claims.setStringListClaim("roles", "user");
        });

        var response = get("/realm/users", keycloakAdmin);

        assertEquals(200, response.statusCode());
        assertEquals(List.of("offline_access", "admin"), json(response).get("roles"));
    }

    @Test
    void keycloakRolesAtTheTopLevelDoNotCountForTheNestedClaim() throws Exception {
        var response = get("/realm/users", withRoles("mallory", "admin"));

        assertEquals(403, response.statusCode());
        assertEquals(Map.of("error", "INSUFFICIENT_ROLES"), json(response));
    }
}
