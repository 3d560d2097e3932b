package io.cameljwt.examples;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code POST /login} with {@code {"username": ..., "password": ...}}: checks the demo user table and answers with a
 * token issued by {@code jwt:generate} (RS256, signed with the login's private key under {@code kid} {@code jwt.keyId}),
 * in the shape of an OAuth 2.0 token response. {@code GET /.well-known/jwks.json} publishes the public key as a JWK
 * Set, so that any service can verify the tokens without holding anything that can sign.
 */
public class LoginRoute extends RouteBuilder {

    @Override
    public void configure() {
        DemoUsers users = DemoUsers.from(getContext().getPropertiesComponent());
        long expiresInSeconds = Long.parseLong(getContext().resolvePropertyPlaceholders("{{jwt.expiresInSeconds}}"));

        onException(LoginFailedException.class).handled(true)
                .log(LoggingLevel.WARN, "audit: login refused: ${exception.message}")
                .process(exchange -> {
                    LoginFailedException failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, LoginFailedException.class);
                    HttpJson.respond(exchange, failure.httpStatus(), Map.of("error", failure.error()));
                });

        from("platform-http:/login?httpMethodRestrict=POST").routeId("login")
                // the body becomes the claims of the token: {"sub": user, "roles": [...]}
                .process(exchange -> {
                    JsonNode request = credentials(exchange.getMessage().getBody(String.class));
                    exchange.getMessage().setBody(
                            users.authenticate(request.get("username").asText(), request.get("password").asText()));
                })
                .log("audit: login ok, issuing a token with claims ${body}")
                .to("jwt:generate?privateKey=RAW({{jwt.privateKey}})&keyId={{jwt.keyId}}"
                    + "&issuer={{jwt.issuer}}&audience={{jwt.audience}}&expiresIn={{jwt.expiresInSeconds}}s")
                .process(exchange -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("access_token", exchange.getMessage().getBody(String.class));
                    answer.put("token_type", "Bearer");
                    answer.put("expires_in", expiresInSeconds);
                    HttpJson.respond(exchange, 200, answer);
                });

        // the same key options as jwt:generate above, so the key is published under the kid the tokens carry; an RSA
        // private key carries its public key, which is all that is published (never d, p, q, ...)
        from("platform-http:/.well-known/jwks.json?httpMethodRestrict=GET").routeId("jwks")
                // platform-http sends the message's headers back: none of the request's may echo
                .removeHeaders("*")
                .to("jwt:jwks?privateKey=RAW({{jwt.privateKey}})&publicKey=RAW({{jwt.publicKey}})&keyId={{jwt.keyId}}");
    }

    public static JsonNode credentials(String body) throws LoginFailedException {
        JsonNode request;
        try {
            request = HttpJson.mapper().readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw LoginFailedException.badRequest("the body is not JSON");
        }
        if (request == null || !request.path("username").isTextual() || !request.path("password").isTextual()) {
            throw LoginFailedException.badRequest("the body needs text fields username and password");
        }
        return request;
    }
}
