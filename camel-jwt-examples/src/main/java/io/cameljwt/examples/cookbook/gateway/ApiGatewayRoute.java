package io.cameljwt.examples.cookbook.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtValidationException;
import io.cameljwt.examples.cookbook.restauth.BearerChallenge;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * Cookbook 8, API gateway: {@code GET} or {@code POST /gateway/orders} with a client's token of the identity
 * provider. The gateway validates it, builds the internal token's claims from what it checked (the subject and the
 * roles, nothing else of the client's token or request), signs a short-lived token with its own key for the backend's
 * audience, puts it in {@code Authorization} in place of the client's, and forwards the request (method and body) to
 * the backend with camel-http. The backend ({@link OrdersBackendRoute}) accepts only the gateway's tokens and never
 * sees the client's. The client gets the backend's status, content type and body, and not the internal token.
 * <p>
 * Properties: {@code idp.publicKey}, {@code idp.issuer}, {@code gateway.audience} (what the client's token must be
 * for), {@code gateway.privateKey}, {@code gateway.keyId}, {@code gateway.issuer}, {@code backend.audience},
 * {@code backend.url}.
 */
public class ApiGatewayRoute extends RouteBuilder {

    @Override
    public void configure() {
        onException(JwtValidationException.class).handled(true)
                .log(LoggingLevel.WARN,
                        "gateway refused ${header.CamelHttpMethod} ${header.CamelHttpPath}: ${exception.message}")
                .process(new BearerChallenge());

        from("platform-http:/gateway/orders?httpMethodRestrict=GET,POST").routeId("cookbook-gateway")
                .to("jwt:validate?publicKey=RAW({{idp.publicKey}})&issuer=RAW({{idp.issuer}})"
                    + "&audience=RAW({{gateway.audience}})")
                .log("gateway: ${header.CamelHttpMethod} /gateway/orders for ${header.CamelJwtSubject}")
                // the request body is forwarded, never signed: keep it aside while the body holds the claims
                .setVariable("request", body())
                .process(ApiGatewayRoute::internalClaims)
                .removeHeaders("CamelJwt*")
                .to("jwt:generate?privateKey=RAW({{gateway.privateKey}})&keyId=RAW({{gateway.keyId}})"
                    + "&issuer=RAW({{gateway.issuer}})&audience=RAW({{backend.audience}})&expiresIn=60s"
                    + "&outputHeader=Authorization")
                .setBody(variable("request"))
                // camel-http would otherwise call the path and query platform-http received; the method is kept
                .removeHeaders("CamelHttp*", Exchange.HTTP_METHOD)
                .to("{{backend.url}}?throwExceptionOnFailure=false")
                // answer with the backend's status, type and body only: not the internal token in Authorization
                .removeHeaders("*", Exchange.HTTP_RESPONSE_CODE, Exchange.CONTENT_TYPE);
    }

    /** The internal token's claims: the checked subject and roles, picked one by one. */
    static void internalClaims(Exchange exchange) {
        Message message = exchange.getMessage();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", message.getHeader(JwtConstants.JWT_SUBJECT, String.class));
        List<?> roles = message.getHeader(JwtConstants.JWT_ROLES, List.class);
        if (roles != null) {
            claims.put("roles", roles);
        }
        message.setBody(claims);
    }
}
