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
    private final String plainMessage;

    public JwtValidationException(JwtFailure reason, String message, Exchange exchange) {
        this(reason, message, exchange, null);
    }

    public JwtValidationException(JwtFailure reason, String message, Exchange exchange, Throwable cause) {
        super(reason + ": " + message, exchange, cause);
        this.reason = reason;
        this.plainMessage = reason + ": " + message;
    }

    /**
     * The failure and the check that failed, e.g. {@code EXPIRED: the token expired at ...}. Unlike other
     * {@link CamelExchangeException}s it does not append the exchange, so it reads well in logs and never carries message content.
     */
    @Override
    public String getMessage() {
        return plainMessage;
    }

    public JwtFailure getReason() {
        return reason;
    }

    /** Shortcut for {@code getReason().httpStatus()}. */
    public int httpStatus() {
        return reason.httpStatus();
    }
}
