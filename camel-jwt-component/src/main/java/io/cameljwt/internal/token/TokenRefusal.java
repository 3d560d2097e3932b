package io.cameljwt.internal.token;

import io.cameljwt.JwtFailure;

/**
 * A token was refused for {@link #reason()}. Thrown inside the component and turned into a
 * {@link io.cameljwt.JwtValidationException} (or headers) at the edge; carries no stack trace, since hostile input
 * should cost little to refuse.
 */
public final class TokenRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final JwtFailure reason;

    public TokenRefusal(JwtFailure reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public JwtFailure reason() {
        return reason;
    }
}
