package io.cameljwt;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Sends messages through real routes {@code direct:routeN -> jwt:... -> mock:out}, one route per endpoint URI, added
 * when first used. Routes have no error handler, so a refusal comes back on the exchange without retries or logging.
 */
abstract class JwtRouteTestSupport extends CamelTestSupport {

    static final String MOCK = "mock:out";

    private final Map<String, String> routes = new HashMap<>();

    /** The {@code direct:} endpoint of the route through {@code uri}. */
    protected String routeTo(String uri) {
        return routes.computeIfAbsent(uri, u -> {
            String from = "direct:route" + routes.size();
            try {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        errorHandler(noErrorHandler());
                        from(from).to(u).to(MOCK);
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException("the route to " + u + " does not start", e);
            }
            return from;
        });
    }

    protected Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(routeTo(uri), exchange -> {
            exchange.getMessage().setBody(body);
            headers.forEach(exchange.getMessage()::setHeader);
        });
    }

    /** Sends the token in header {@code CamelJwtToken}, with no body. */
    protected Exchange sendToken(String uri, String token) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(JwtConstants.JWT_TOKEN, token);
        return send(uri, null, headers);
    }

    /** The message after the route, which must have gone through without an exception. */
    protected static Message accepted(Exchange exchange) {
        assertNull(exchange.getException(), () -> "expected no exception, got " + exchange.getException());
        return exchange.getMessage();
    }

    /** The exchange's JwtValidationException, which must have this reason and must not quote the token. */
    protected static JwtValidationException refused(Exchange exchange, JwtFailure reason, String token) {
        JwtValidationException e = assertInstanceOf(JwtValidationException.class, exchange.getException(),
                () -> "expected a JwtValidationException, got " + exchange.getException());
        assertEquals(reason, e.getReason(), e::getMessage);
        assertEquals(reason.httpStatus(), e.httpStatus());
        assertQuotesNoToken(e.getMessage(), token);
        return e;
    }

    /** A message about a token says what failed; it never holds the token or its signature. */
    static void assertQuotesNoToken(String message, String token) {
        if (message == null || token == null || token.isBlank()) {
            return;
        }
        String trimmed = token.trim();
        assertFalse(message.contains(trimmed), "the message quotes the token");
        String[] parts = Tokens.parts(trimmed);
        for (int i = 1; i < parts.length; i++) {
            // the header part may be short and common (eyJhbGciOi...), the others are what must stay secret
            if (parts[i].length() >= 16) {
                assertFalse(message.contains(parts[i]), "the message quotes part " + (i + 1) + " of the token");
            }
        }
    }
}
