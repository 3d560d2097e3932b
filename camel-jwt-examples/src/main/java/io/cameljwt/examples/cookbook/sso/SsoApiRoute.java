package io.cameljwt.examples.cookbook.sso;

import java.util.Map;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtValidationException;
import io.cameljwt.examples.HttpJson;
import io.cameljwt.examples.ProtectedApiRoutes;
import org.apache.camel.builder.RouteBuilder;

/**
 * Cookbook use 5, single sign-on: {@code GET /sso/me} accepts the access tokens of an OpenID Connect provider (the
 * company's single sign-on: Keycloak, Entra ID, Okta, ...). {@code jwt:validate?issuerUri=...} reads the provider's
 * discovery document, fetches its JWK Set, requires {@code iss} to be the provider and {@code aud} to be this API, and
 * follows the provider's key rotation: a token with a {@code kid} it does not know makes it fetch the keys again.
 * <p>
 * Properties: {@code sso.issuerUri}, {@code sso.audience}, {@code sso.jwksRefreshInterval} (the least time between two
 * fetches of the keys; 30s is the component's default).
 */
public class SsoApiRoute extends RouteBuilder {

    @Override
    public void configure() {
        onException(JwtValidationException.class).handled(true)
                .process(ProtectedApiRoutes::refuse);

        from("platform-http:/sso/me?httpMethodRestrict=GET").routeId("sso-api")
                .to("jwt:validate?issuerUri={{sso.issuerUri}}&audience={{sso.audience}}"
                    + "&jwksRefreshInterval={{sso.jwksRefreshInterval}}")
                .process(exchange -> HttpJson.respond(exchange, 200, Map.of(
                        "subject", exchange.getMessage().getHeader(JwtConstants.JWT_SUBJECT, String.class),
                        "issuer", exchange.getMessage().getHeader(JwtConstants.JWT_ISSUER, String.class))));
    }
}
