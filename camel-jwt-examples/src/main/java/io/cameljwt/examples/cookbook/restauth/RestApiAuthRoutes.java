package io.cameljwt.examples.cookbook.restauth;

import java.util.Map;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtValidationException;
import io.cameljwt.examples.HttpJson;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Cookbook 1, REST API authentication: {@code GET /api/profile} takes any valid token of the identity provider for
 * this API, {@code GET /api/settings} also requires role {@code admin}. A refused token is answered by
 * {@link BearerChallenge}: 401 with {@code WWW-Authenticate: Bearer realm="...", error="invalid_token"} (no error code
 * without a token), 403 with {@code error="insufficient_scope"} for a missing role.
 * <p>
 * Properties: {@code idp.publicKey} (the identity provider's public key, PEM text or {@code file:}/{@code classpath:}),
 * {@code idp.issuer}, {@code api.audience}, {@code api.realm}.
 */
public class RestApiAuthRoutes extends RouteBuilder {

    static final String VALIDATE = "jwt:validate?publicKey=RAW({{idp.publicKey}})&issuer=RAW({{idp.issuer}})"
                                   + "&audience=RAW({{api.audience}})";

    @Override
    public void configure() {
        BearerChallenge challenge = new BearerChallenge(getContext().resolvePropertyPlaceholders("{{api.realm}}"));

        onException(JwtValidationException.class).handled(true)
                // the exception's message names the failed check, never the token: safe to log, not sent
                .log(LoggingLevel.WARN, "refused ${header.CamelHttpPath}: ${exception.message}")
                .process(challenge);

        from("platform-http:/api/profile?httpMethodRestrict=GET").routeId("cookbook-rest-profile")
                .to(VALIDATE)
                .process(e -> HttpJson.respond(e, 200, Map.of(
                        "subject", e.getMessage().getHeader(JwtConstants.JWT_SUBJECT, String.class))));

        from("platform-http:/api/settings?httpMethodRestrict=GET").routeId("cookbook-rest-settings")
                .to(VALIDATE + "&requiredRoles=admin")
                .process(e -> HttpJson.respond(e, 200, Map.of(
                        "subject", e.getMessage().getHeader(JwtConstants.JWT_SUBJECT, String.class),
                        "settings", Map.of("maintenanceWindow", "Sun 02:00-04:00"))));
    }
}
