package io.cameljwt.examples.cookbook.mobile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cameljwt.JwtConstants;
import io.cameljwt.JwtRevocationMemoryStore;
import io.cameljwt.JwtValidationException;
import io.cameljwt.examples.DemoUsers;
import io.cameljwt.examples.HttpJson;
import io.cameljwt.examples.LoginFailedException;
import io.cameljwt.examples.LoginRoute;
import io.cameljwt.examples.ProtectedApiRoutes;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.TimeUtils;

/**
 * Cookbook use 17, a mobile app's backend: short access tokens plus a long-lived refresh token, rotated on each use.
 * <ul>
 * <li>{@code POST /mobile/login} checks the demo users and answers with a pair: an access token ({@code typ: at+jwt},
 * {@code aud} the API, minutes) and a refresh token ({@code typ: refresh+jwt}, {@code aud} the token service,
 * weeks). The two differ in audience and type, so neither passes for the other.</li>
 * <li>{@code POST /mobile/token/refresh} with {@code {"refresh_token": ...}} validates the refresh token (refusing a
 * revoked one), revokes it, and answers with a new pair: a refresh token works once, so a stolen one that its owner
 * already used is refused ({@code REVOKED}).</li>
 * <li>{@code GET /mobile/api/me} is the API, which takes access tokens only.</li>
 * </ul>
 * Properties: {@code mobile.privateKey}, {@code mobile.publicKey}, {@code mobile.issuer},
 * {@code mobile.accessTokenLifetime}, {@code mobile.refreshTokenLifetime}, and the demo users of
 * {@code application.properties}.
 */
public class MobileTokenRoutes extends RouteBuilder {

    /** Registry name of the store of used (revoked) refresh tokens. */
    public static final String USED_REFRESH_TOKENS = "usedRefreshTokens";

    private static final String ACCESS = "MobileAccessToken";
    private static final String REFRESH = "MobileRefreshToken";

    @Override
    public void configure() {
        DemoUsers users = DemoUsers.from(getContext().getPropertiesComponent());
        // one JVM; a backend of several nodes shares a database store instead (cookbook use 10)
        bindToRegistry(USED_REFRESH_TOKENS, new JwtRevocationMemoryStore());
        long accessSeconds = TimeUtils.toMilliSeconds(
                getContext().resolvePropertyPlaceholders("{{mobile.accessTokenLifetime}}")) / 1000;
        String refreshChecks = "publicKey=RAW({{mobile.publicKey}})&issuer={{mobile.issuer}}&audience=token-service"
                               + "&expectedType=RAW(refresh+jwt)&revocationRepository=#" + USED_REFRESH_TOKENS;

        onException(LoginFailedException.class).handled(true)
                .process(exchange -> {
                    LoginFailedException failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, LoginFailedException.class);
                    HttpJson.respond(exchange, failure.httpStatus(), Map.of("error", failure.error()));
                });
        onException(JwtValidationException.class).handled(true)
                .process(ProtectedApiRoutes::refuse);

        from("platform-http:/mobile/login?httpMethodRestrict=POST").routeId("mobile-login")
                .process(exchange -> {
                    JsonNode request = LoginRoute.credentials(exchange.getMessage().getBody(String.class));
                    exchange.getMessage().setBody(
                            users.authenticate(request.get("username").asText(), request.get("password").asText()));
                })
                .to("direct:mobile-token-pair");

        from("platform-http:/mobile/token/refresh?httpMethodRestrict=POST").routeId("mobile-refresh")
                .process(MobileTokenRoutes::refreshTokenFromBody)
                // a refresh token of ours, not revoked: one that was used before is refused as REVOKED
                .to("jwt:validate?" + refreshChecks)
                // used now: it never works again
                .to("jwt:revoke?" + refreshChecks)
                .log("refresh token ${header.CamelJwtId} of ${header.CamelJwtSubject} used and revoked")
                .process(MobileTokenRoutes::claimsOfTheRefreshToken)
                .to("direct:mobile-token-pair");

        from("platform-http:/mobile/api/me?httpMethodRestrict=GET").routeId("mobile-api")
                .to("jwt:validate?publicKey=RAW({{mobile.publicKey}})&issuer={{mobile.issuer}}&audience=mobile-api"
                    + "&expectedType=RAW(at+jwt)")
                .process(exchange -> HttpJson.respond(exchange, 200, Map.of(
                        "subject", exchange.getMessage().getHeader(JwtConstants.JWT_SUBJECT, String.class),
                        "roles", exchange.getMessage().getHeader(JwtConstants.JWT_ROLES))));

        // the body is the claims of both tokens: sub and roles
        from("direct:mobile-token-pair").routeId("mobile-token-pair")
                .to("jwt:generate?privateKey=RAW({{mobile.privateKey}})&issuer={{mobile.issuer}}&audience=mobile-api"
                    + "&type=RAW(at+jwt)&expiresIn={{mobile.accessTokenLifetime}}&outputHeader=" + ACCESS)
                .to("jwt:generate?privateKey=RAW({{mobile.privateKey}})&issuer={{mobile.issuer}}&audience=token-service"
                    + "&type=RAW(refresh+jwt)&expiresIn={{mobile.refreshTokenLifetime}}&outputHeader=" + REFRESH)
                .process(exchange -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("access_token", exchange.getMessage().getHeader(ACCESS, String.class));
                    answer.put("token_type", "Bearer");
                    answer.put("expires_in", accessSeconds);
                    answer.put("refresh_token", exchange.getMessage().getHeader(REFRESH, String.class));
                    HttpJson.respond(exchange, 200, answer);
                });
    }

    /** The refresh token of {@code {"refresh_token": ...}}, as the token to check; anything else is a bad request. */
    private static void refreshTokenFromBody(Exchange exchange) throws LoginFailedException {
        String body = exchange.getMessage().getBody(String.class);
        JsonNode request;
        try {
            request = HttpJson.mapper().readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw LoginFailedException.badRequest("the body is not JSON");
        }
        if (request == null || !request.path("refresh_token").isTextual()) {
            throw LoginFailedException.badRequest("the body needs a text field refresh_token");
        }
        exchange.getMessage().setHeader(JwtConstants.JWT_TOKEN, request.get("refresh_token").asText());
    }

    /** The claims of the new pair: the checked subject and roles of the refresh token, in a map of the route's own. */
    private static void claimsOfTheRefreshToken(Exchange exchange) {
        Message message = exchange.getMessage();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", message.getHeader(JwtConstants.JWT_SUBJECT, String.class));
        claims.put("roles", message.getHeader(JwtConstants.JWT_ROLES, List.class));
        message.setBody(claims);
    }
}
