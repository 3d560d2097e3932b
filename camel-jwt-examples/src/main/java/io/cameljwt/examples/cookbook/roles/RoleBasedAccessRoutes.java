package io.cameljwt.examples.cookbook.roles;

import java.util.Map;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtValidationException;
import io.cameljwt.examples.HttpJson;
import io.cameljwt.examples.cookbook.restauth.BearerChallenge;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Cookbook 4, role-based access: each route names the roles it needs on its own {@code jwt:validate} endpoint.
 * <ul>
 * <li>{@code GET /reports}: role {@code reporter} or {@code admin} ({@code rolesMatch=any}, the default), from the
 * {@code roles} claim;</li>
 * <li>{@code GET /payroll}: roles {@code hr} and {@code manager} both ({@code rolesMatch=all});</li>
 * <li>{@code GET /realm/users}: role {@code admin} among Keycloak's realm roles, nested in the token as
 * {@code "realm_access": {"roles": [...]}} ({@code rolesClaim=realm_access.roles}).</li>
 * </ul>
 * A token that is missing or not acceptable is 401; a good token without the roles is 403 ({@link BearerChallenge}).
 * <p>
 * Properties: {@code idp.publicKey}, {@code idp.issuer}, {@code api.audience}.
 */
public class RoleBasedAccessRoutes extends RouteBuilder {

    static final String VALIDATE = "jwt:validate?publicKey=RAW({{idp.publicKey}})&issuer=RAW({{idp.issuer}})"
                                   + "&audience=RAW({{api.audience}})";

    @Override
    public void configure() {
        onException(JwtValidationException.class).handled(true)
                .log(LoggingLevel.WARN, "refused ${header.CamelHttpPath}: ${exception.message}")
                .process(new BearerChallenge());

        from("platform-http:/reports?httpMethodRestrict=GET").routeId("cookbook-roles-reports")
                .to(VALIDATE + "&requiredRoles=reporter,admin")
                .process(e -> answer(e, "reports"));

        from("platform-http:/payroll?httpMethodRestrict=GET").routeId("cookbook-roles-payroll")
                .to(VALIDATE + "&requiredRoles=hr,manager&rolesMatch=all")
                .process(e -> answer(e, "payroll"));

        from("platform-http:/realm/users?httpMethodRestrict=GET").routeId("cookbook-roles-keycloak")
                .to(VALIDATE + "&rolesClaim=realm_access.roles&requiredRoles=admin")
                .process(e -> answer(e, "realm users"));
    }

    /** 200 with the caller and the roles the token holds ({@code CamelJwtRoles}, read at {@code rolesClaim}). */
    private static void answer(Exchange exchange, String resource) {
        HttpJson.respond(exchange, 200, Map.of(
                "resource", resource,
                "subject", exchange.getMessage().getHeader(JwtConstants.JWT_SUBJECT, String.class),
                "roles", exchange.getMessage().getHeader(JwtConstants.JWT_ROLES)));
    }
}
