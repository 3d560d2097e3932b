package io.cameljwt.examples.springboot;

import java.util.List;
import java.util.Map;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtFailure;
import io.cameljwt.JwtValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/orders} (role {@code user}) and {@code GET /api/admin} (role {@code admin}), each behind
 * {@code jwt:validate}. The key, issuer, audience and fixed claims the token must carry are the component's
 * ({@code application.yaml}); the role each route needs is on its endpoint, since it differs per route. A refused
 * token is answered with the status its {@link JwtFailure} maps to.
 */
@Component
public class OrderApiRoutes extends RouteBuilder {

    private final JsonAnswer answer;

    public OrderApiRoutes(JsonAnswer answer) {
        this.answer = answer;
    }

    /** The answers, as JSON. */
    record Order(String id, String item) {
    }

    record Orders(String subject, List<Order> orders) {
    }

    record AdminInfo(String subject, String message) {
    }

    @Override
    public void configure() {
        onException(JwtValidationException.class).handled(true)
                // the exception's message names the failed check, never the token
                .log(LoggingLevel.WARN, "audit: ${header.CamelHttpMethod} ${header.CamelHttpPath} refused: ${exception.message}")
                .process(this::refuse);

        from("platform-http:/api/orders?httpMethodRestrict=GET").routeId("orders")
                .to("jwt:validate?requiredRoles=user")
                .log("audit: subject=${header.CamelJwtSubject} roles=${header.CamelJwtRoles} read /api/orders")
                .process(exchange -> answer.respond(exchange, 200, new Orders(subject(exchange),
                        List.of(new Order("A-1001", "keyboard"), new Order("A-1002", "mouse")))));

        from("platform-http:/api/admin?httpMethodRestrict=GET").routeId("admin")
                .to("jwt:validate?requiredRoles=admin")
                .log("audit: subject=${header.CamelJwtSubject} roles=${header.CamelJwtRoles} read /api/admin")
                .process(exchange -> answer.respond(exchange, 200, new AdminInfo(subject(exchange), "administrators only")));
    }

    private static String subject(Exchange exchange) {
        return exchange.getMessage().getHeader(JwtConstants.JWT_SUBJECT, String.class);
    }

    /** 401 with a {@code WWW-Authenticate} challenge (RFC 6750, section 3), 403 for a missing role, 503 without keys. */
    private void refuse(Exchange exchange) {
        JwtValidationException failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, JwtValidationException.class);
        JwtFailure reason = failure.getReason();
        String challenge = switch (reason) {
            // a request without credentials gets the bare challenge, without an error code (RFC 6750, section 3.1)
            case TOKEN_MISSING -> "Bearer";
            case INSUFFICIENT_ROLES -> "Bearer error=\"insufficient_scope\"";
            case KEYS_UNAVAILABLE -> null;
            default -> "Bearer error=\"invalid_token\"";
        };
        answer.respond(exchange, failure.httpStatus(), Map.of("error", reason.name()));
        if (challenge != null) {
            exchange.getMessage().setHeader("WWW-Authenticate", challenge);
        }
    }
}
