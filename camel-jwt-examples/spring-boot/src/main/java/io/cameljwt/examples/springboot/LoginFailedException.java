package io.cameljwt.examples.springboot;

/**
 * A login that cannot issue a token: a request without credentials (400) or wrong credentials (401). The message
 * names the user at most, never a password.
 */
public class LoginFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String error;

    private LoginFailedException(int httpStatus, String error, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.error = error;
    }

    static LoginFailedException badRequest(String message) {
        return new LoginFailedException(400, "invalid_request", message);
    }

    static LoginFailedException badCredentials(String username) {
        return new LoginFailedException(401, "invalid_credentials", "wrong username or password for '" + username + "'");
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The code the JSON answer carries. */
    public String error() {
        return error;
    }
}
