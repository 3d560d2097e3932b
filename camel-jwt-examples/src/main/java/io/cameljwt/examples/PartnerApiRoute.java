package io.cameljwt.examples;

import java.util.Map;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtValidationException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code GET /api/partner}, standing in for a partner's API that takes the OAuth provider's access tokens: it
 * validates them with the provider's keys, found through {@code issuerUri} (OpenID discovery), and requires its own
 * audience. {@link OAuthClientRoutes} calls it.
 */
public class PartnerApiRoute extends RouteBuilder {

    @Override
    public void configure() {
        onException(JwtValidationException.class).handled(true)
                .log(LoggingLevel.WARN, "audit: GET /api/partner refused: ${exception.message}")
                .process(ProtectedApiRoutes::refuse);

        from("platform-http:/api/partner?httpMethodRestrict=GET").routeId("partner-api")
                .to("jwt:validate?issuerUri={{oauth.issuerUri}}&audience={{oauth.audience}}")
                .log("audit: subject=${header.CamelJwtSubject} read /api/partner")
                .process(exchange -> HttpJson.respond(exchange, 200, Map.of(
                        "subject", exchange.getMessage().getHeader(JwtConstants.JWT_SUBJECT, String.class),
                        "tokenExpiresAt", String.valueOf(exchange.getMessage().getHeader(JwtConstants.JWT_EXPIRES_AT)))));
    }
}
