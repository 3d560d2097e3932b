package io.cameljwt.examples.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cameljwt.JwtComponent;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /login} with {@code {"username": ..., "password": ...}}: checks the demo user table and answers with a
 * token from {@code jwt:generate}, in the shape of an OAuth 2.0 token response. {@code GET /.well-known/jwks.json}
 * publishes the public key with {@code jwt:jwks}. Neither URI names a key, an issuer or a lifetime: the component has
 * them from {@code camel.component.jwt.*} in {@code application.yaml}.
 */
@Component
public class LoginRoutes extends RouteBuilder {

    private final DemoUsers users;
    private final JsonAnswer answer;

    public LoginRoutes(DemoUsers users, JsonAnswer answer) {
        this.users = users;
        this.answer = answer;
    }

    @Override
    public void configure() {
        onException(LoginFailedException.class).handled(true)
                .log(LoggingLevel.WARN, "audit: login refused: ${exception.message}")
                .process(exchange -> {
                    LoginFailedException failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, LoginFailedException.class);
                    answer.respond(exchange, failure.httpStatus(), Map.of("error", failure.error()));
                });

        from("platform-http:/login?httpMethodRestrict=POST").routeId("login")
                // the body becomes the claims of the token: {"sub": user, "roles": [...]}
                .process(exchange -> {
                    JsonNode request = credentials(exchange.getMessage().getBody(String.class));
                    exchange.getMessage().setBody(
                            users.authenticate(request.get("username").asText(), request.get("password").asText()));
                })
                .log("audit: login ok, issuing a token with claims ${body}")
                // signed with the component's privateKey under its keyId; iss, aud, exp and the fixed claims are the
                // component's too
                .to("jwt:generate")
                .process(this::tokenResponse);

        from("platform-http:/.well-known/jwks.json?httpMethodRestrict=GET").routeId("jwks")
                // platform-http sends the message's headers back: none of the request's may echo
                .removeHeaders("*")
                // the component's RSA private key carries its public key, which is all that is published
                .to("jwt:jwks");
    }

    private void tokenResponse(Exchange exchange) {
        long expiresInMillis = exchange.getContext().getComponent("jwt", JwtComponent.class)
                .getConfiguration().getExpiresIn();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", exchange.getMessage().getBody(String.class));
        body.put("token_type", "Bearer");
        body.put("expires_in", expiresInMillis / 1000);
        answer.respond(exchange, 200, body);
    }

    private JsonNode credentials(String body) throws LoginFailedException {
        JsonNode request;
        try {
            request = answer.mapper().readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw LoginFailedException.badRequest("the body is not JSON");
        }
        if (request == null || !request.path("username").isTextual() || !request.path("password").isTextual()) {
            throw LoginFailedException.badRequest("the body needs text fields username and password");
        }
        return request;
    }
}
