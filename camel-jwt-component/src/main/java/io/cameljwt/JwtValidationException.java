package io.cameljwt;

import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;

/**
 * Raised when a token fails validation. The message names the check that failed; it never contains the token, a
 * signature or key material.
 */
public class JwtValidationException extends CamelExchangeException {

    private static final long serialVersionUID = 1L;

    private final JwtFailure reason;

    public JwtValidationException(JwtFailure reason, String message, Exchange exchange) {
        super(reason + ": " + message, exchange);
        this.reason = reason;
    }

    public JwtValidationException(JwtFailure reason, String message, Exchange exchange, Throwable cause) {
        super(reason + ": " + message, exchange, cause);
        this.reason = reason;
    }

    public JwtFailure getReason() {
        return reason;
    }

    /** Shortcut for {@code getReason().httpStatus()}. */
    public int httpStatus() {
        return reason.httpStatus();
    }
}
