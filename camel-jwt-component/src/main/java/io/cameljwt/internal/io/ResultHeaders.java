package io.cameljwt.internal.io;

import java.time.Instant;
import java.util.List;

import io.cameljwt.JwtConstants;
import io.cameljwt.internal.token.Token;
import io.cameljwt.internal.token.TokenRefusal;
import org.apache.camel.Message;

/**
 * Writes what a token says into the {@code CamelJwt*} headers, with the types of the SPEC.
 */
public final class ResultHeaders {

    private static final List<String> RESULTS = List.of(
            JwtConstants.JWT_CLAIMS, JwtConstants.JWT_HEADER, JwtConstants.JWT_SUBJECT, JwtConstants.JWT_ISSUER,
            JwtConstants.JWT_ID, JwtConstants.JWT_AUDIENCE, JwtConstants.JWT_ROLES, JwtConstants.JWT_EXPIRES_AT,
            JwtConstants.JWT_VERIFIED, JwtConstants.JWT_VALID, JwtConstants.JWT_ERROR, JwtConstants.JWT_ERROR_MESSAGE,
            JwtConstants.JWT_REVOKED, JwtConstants.JWT_REFRESH_NEEDED);

    private ResultHeaders() {
    }

    /** What the name of every result header starts with. */
    private static final String PREFIX = "CamelJwt";

    /** Removes every result header, so nothing from upstream (or a forged copy) survives a failed check. */
    public static void clear(Message message) {
        if (!message.hasHeaders()) {
            return;
        }
        // most messages hold none: one pass over their names costs less than a look-up of each result header
        for (String name : message.getHeaders().keySet()) {
            if (name.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
                for (String header : RESULTS) {
                    message.removeHeader(header);
                }
                return;
            }
        }
    }

    /** Only sub, iss and jti that are strings (StringOrURI, RFC 7519): another JSON type is not turned into text. */
    public static void write(Message message, Token token, boolean verified, String rolesClaim) throws TokenRefusal {
        message.setHeader(JwtConstants.JWT_CLAIMS, token.claims());
        message.setHeader(JwtConstants.JWT_HEADER, token.header());
        setText(message, JwtConstants.JWT_SUBJECT, token.subject());
        setText(message, JwtConstants.JWT_ISSUER, token.issuer());
        setText(message, JwtConstants.JWT_ID, token.id());
        List<String> aud = token.audience();
        if (aud != null) {
            message.setHeader(JwtConstants.JWT_AUDIENCE, aud);
        }
        if (rolesClaim != null) {
            List<String> roles = token.roles(rolesClaim);
            if (roles != null) {
                message.setHeader(JwtConstants.JWT_ROLES, roles);
            }
        }
        Long exp = token.numericDate("exp");
        if (exp != null) {
            message.setHeader(JwtConstants.JWT_EXPIRES_AT, Instant.ofEpochSecond(exp));
        }
        message.setHeader(JwtConstants.JWT_VERIFIED, verified);
    }

    private static void setText(Message message, String header, String value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
