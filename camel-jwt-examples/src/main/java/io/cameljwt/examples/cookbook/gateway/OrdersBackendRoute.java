package io.cameljwt.examples.cookbook.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtValidationException;
import io.cameljwt.examples.HttpJson;
import io.cameljwt.examples.cookbook.restauth.BearerChallenge;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * The backend behind cookbook 8's gateway: {@code /internal/orders} accepts only tokens the gateway signed for it
 * (the gateway's public key, issuer and audience, {@code maxAge=2m} since the gateway's tokens live a minute). It
 * answers with the caller and the token it checked, to show that this is the gateway's token.
 * <p>
 * Properties: {@code gateway.publicKey}, {@code gateway.issuer}, {@code backend.audience}.
 */
public class OrdersBackendRoute extends RouteBuilder {

    @Override
    public void configure() {
        onException(JwtValidationException.class).handled(true)
                .log(LoggingLevel.WARN, "backend refused: ${exception.message}")
                .process(new BearerChallenge());

        from("platform-http:/internal/orders?httpMethodRestrict=GET,POST").routeId("cookbook-gateway-backend")
                .to("jwt:validate?publicKey=RAW({{gateway.publicKey}})&issuer=RAW({{gateway.issuer}})"
                    + "&audience=RAW({{backend.audience}})&maxAge=2m")
                .process(e -> {
                    Message message = e.getMessage();
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("method", message.getHeader("CamelHttpMethod", String.class));
                    answer.put("subject", message.getHeader(JwtConstants.JWT_SUBJECT, String.class));
                    answer.put("roles", message.getHeader(JwtConstants.JWT_ROLES));
                    answer.put("tokenIssuer", message.getHeader(JwtConstants.JWT_ISSUER, String.class));
                    Map<?, ?> claims = message.getHeader(JwtConstants.JWT_CLAIMS, Map.class);
                    answer.put("tokenClaims", claims.keySet());
                    answer.put("request", message.getBody(String.class));
                    HttpJson.respond(e, 200, answer);
                });
    }
}
