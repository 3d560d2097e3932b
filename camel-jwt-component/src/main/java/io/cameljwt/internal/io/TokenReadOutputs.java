package io.cameljwt.internal.io;

import io.cameljwt.JwtConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What validate, decode or revoke left on the message: the {@code CamelJwtClaims} value they wrote (null when they
 * wrote none) and the body as they left it (the request whose token was checked, or decode's claims). Kept as the very
 * instances, in an exchange property only the component reads, so generate can tell them from what the route set
 * itself: the same object means the route did not choose it.
 */
public final class TokenReadOutputs {

    /** The exchange property; its value is only ever an instance of this class, written by the component. */
    static final String PROPERTY = "CamelJwtTokenReadOutputs";

    private final Object claimsHeader;
    private final Object body;

    private TokenReadOutputs(Object claimsHeader, Object body) {
        this.claimsHeader = claimsHeader;
        this.body = body;
    }

    /** Records the message's {@code CamelJwtClaims} and body as validate, decode or revoke leave them. */
    public static void record(Exchange exchange) {
        Message message = exchange.getMessage();
        exchange.setProperty(PROPERTY, new TokenReadOutputs(message.getHeader(JwtConstants.JWT_CLAIMS), message.getBody()));
    }

    /** What the last validate, decode or revoke of this exchange left; null when none ran. */
    static TokenReadOutputs of(Exchange exchange) {
        // anything else under the name (set by a route) is not ours and proves nothing
        return exchange.getProperty(PROPERTY) instanceof TokenReadOutputs outputs ? outputs : null;
    }

    /** Whether {@code value} is the very claims header they wrote. */
    boolean isClaimsHeader(Object value) {
        return value != null && value == claimsHeader;
    }

    /** Whether {@code value} is the very body they left. */
    boolean isBody(Object value) {
        return value != null && value == body;
    }
}
