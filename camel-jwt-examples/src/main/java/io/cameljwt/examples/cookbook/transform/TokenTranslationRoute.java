package io.cameljwt.examples.cookbook.transform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtValidationException;
import io.cameljwt.examples.HttpJson;
import io.cameljwt.examples.ProtectedApiRoutes;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Cookbook use 11, token translation between issuers and algorithms: {@code POST /token/translate} takes a token of
 * issuer A (a partner that signs HS256 with a secret it shares with us) in {@code Authorization}, validates it, and
 * answers with a token of issuer B (ours, RS256, verifiable by anyone with B's public key) that carries the partner's
 * claims, changed: {@code sub} gets the partner's prefix, the partner's {@code groups} become {@code roles}, and B's
 * {@code iss}, {@code aud}, lifetime and {@code jti} replace A's. The answer has the shape of an OAuth token exchange
 * (RFC 8693) response.
 * <p>
 * Properties: {@code translate.issuerA} and {@code translate.issuerA.secret} (the shared HMAC secret, at least 32
 * bytes), {@code translate.issuerA.audience} (this service, as A names it); {@code translate.issuerB},
 * {@code translate.issuerB.privateKey}, {@code translate.issuerB.keyId} and {@code translate.issuerB.audience}.
 */
public class TokenTranslationRoute extends RouteBuilder {

    /** The claims B writes itself (the URI's): A's are never carried over. */
    private static final List<String> ISSUER_CLAIMS = List.of("iss", "aud", "exp", "iat", "nbf", "jti");
    private static final long LIFETIME_SECONDS = 300;

    @Override
    public void configure() {
        onException(JwtValidationException.class).handled(true)
                .process(ProtectedApiRoutes::refuse);

        from("platform-http:/token/translate?httpMethodRestrict=POST").routeId("token-translate")
                // the token comes in Authorization only: without one, validate would read the body as the token
                .setBody(constant(null))
                // issuer A's token: HS256 only (what fits the secret), A's issuer, us as audience
                .to("jwt:validate?secret=RAW({{translate.issuerA.secret}})&issuer={{translate.issuerA}}"
                    + "&audience={{translate.issuerA.audience}}")
                .log("translating a token of ${header.CamelJwtIssuer} for ${header.CamelJwtSubject}")
                // a copy of the checked claims is the route's own: generate signs it (the map validate wrote it does not)
                .process(TokenTranslationRoute::translateClaims)
                .to("jwt:generate?privateKey=RAW({{translate.issuerB.privateKey}})&keyId={{translate.issuerB.keyId}}"
                    + "&issuer={{translate.issuerB}}&audience={{translate.issuerB.audience}}"
                    + "&expiresIn=" + LIFETIME_SECONDS + "s")
                .process(exchange -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("access_token", exchange.getMessage().getBody(String.class));
                    answer.put("issued_token_type", "urn:ietf:params:oauth:token-type:jwt");
                    answer.put("token_type", "Bearer");
                    answer.put("expires_in", LIFETIME_SECONDS);
                    HttpJson.respond(exchange, 200, answer);
                });
    }

    /** A's claims as B states them. */
    @SuppressWarnings("unchecked")
    static void translateClaims(Exchange exchange) {
        Map<String, Object> claims = new LinkedHashMap<>(
                exchange.getMessage().getHeader(JwtConstants.JWT_CLAIMS, Map.class));
        ISSUER_CLAIMS.forEach(claims::remove);
        claims.put("sub", "partner-a:" + claims.get("sub"));
        Object groups = claims.remove("groups");
        if (groups != null) {
            claims.put("roles", groups);
        }
        exchange.getMessage().setBody(claims);
    }
}
