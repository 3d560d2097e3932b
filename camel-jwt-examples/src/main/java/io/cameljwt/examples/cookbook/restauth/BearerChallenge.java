package io.cameljwt.examples.cookbook.restauth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cameljwt.JwtFailure;
import io.cameljwt.JwtValidationException;
import io.cameljwt.examples.HttpJson;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Answers a request whose token {@code jwt:validate} refused as RFC 6750, section 3, says: the status of the
 * {@link JwtFailure} (401, 403 for a missing role, 503 without keys), a {@code WWW-Authenticate: Bearer} challenge
 * with the realm, if one is set, and the error code, and a JSON body naming the failure. Neither the challenge nor
 * the body holds the token or the check's message (which is for the log).
 */
public final class BearerChallenge implements Processor {

    private final String realm;

    /** Challenges without a realm. */
    public BearerChallenge() {
        this(null);
    }

    /**
     * @param realm the realm of the challenge, or null or blank for none
     * @throws IllegalArgumentException when the realm holds a quote or a backslash, which would break the header
     */
    public BearerChallenge(String realm) {
        if (realm != null && (realm.contains("\"") || realm.contains("\\"))) {
            throw new IllegalArgumentException("the realm of a Bearer challenge may hold no quote or backslash");
        }
        this.realm = realm == null || realm.isBlank() ? null : realm;
    }

    @Override
    public void process(Exchange exchange) {
        JwtValidationException failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, JwtValidationException.class);
        HttpJson.respond(exchange, failure.httpStatus(), Map.of("error", failure.getReason().name()));
        String challenge = challenge(failure.getReason());
        if (challenge != null) {
            exchange.getMessage().setHeader("WWW-Authenticate", challenge);
        }
    }

    /** The {@code WWW-Authenticate} value for a failure, or null when the failure is not the client's (503). */
    public String challenge(JwtFailure reason) {
        if (reason == JwtFailure.KEYS_UNAVAILABLE) {
            // the server cannot check tokens for now: the client's token may well be good, so no challenge
            return null;
        }
        List<String> parameters = new ArrayList<>();
        if (realm != null) {
            parameters.add("realm=\"" + realm + "\"");
        }
        if (reason == JwtFailure.INSUFFICIENT_ROLES) {
            parameters.add("error=\"insufficient_scope\"");
        } else if (reason != JwtFailure.TOKEN_MISSING) {
            // a request without credentials gets no error code (RFC 6750, section 3.1)
            parameters.add("error=\"invalid_token\"");
        }
        return parameters.isEmpty() ? "Bearer" : "Bearer " + String.join(", ", parameters);
    }
}
