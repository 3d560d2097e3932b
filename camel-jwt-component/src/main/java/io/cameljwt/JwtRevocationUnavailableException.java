package io.cameljwt;

import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;

/**
 * Raised when the {@code revocationRepository} fails: validate cannot tell whether the token is revoked, so it refuses
 * it; revoke cannot store it, so the token is not revoked. It is not a {@link JwtValidationException}, since it says
 * nothing about the token, and it is raised whatever {@code failOnInvalid} says. The cause is the repository's
 * exception.
 */
public class JwtRevocationUnavailableException extends CamelExchangeException {

    private static final long serialVersionUID = 1L;

    private final String plainMessage;

    public JwtRevocationUnavailableException(String message, Exchange exchange, Throwable cause) {
        super(message, exchange, cause);
        this.plainMessage = message;
    }

    /** What failed; like {@link JwtValidationException#getMessage()}, without the exchange appended. */
    @Override
    public String getMessage() {
        return plainMessage;
    }

    /** 503: the service cannot answer now, and the client may try again. */
    public int httpStatus() {
        return 503;
    }
}
