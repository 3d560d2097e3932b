package io.cameljwt.internal.io;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cameljwt.JwtConstants;
import io.cameljwt.internal.policy.ClaimValues;
import io.cameljwt.internal.verify.JwtContents;
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

    /** Removes every result header, so nothing from upstream (or a forged copy) survives a failed check. */
    public static void clear(Message message) {
        for (String header : RESULTS) {
            message.removeHeader(header);
        }
    }

    public static void write(Message message, JwtContents token, boolean verified, String rolesClaim) {
        Map<String, Object> claims = token.claims();
        message.setHeader(JwtConstants.JWT_CLAIMS, claims);
        message.setHeader(JwtConstants.JWT_HEADER, token.header());
        setText(message, JwtConstants.JWT_SUBJECT, claims.get("sub"));
        setText(message, JwtConstants.JWT_ISSUER, claims.get("iss"));
        setText(message, JwtConstants.JWT_ID, claims.get("jti"));
        Object aud = claims.get("aud");
        if (aud != null) {
            message.setHeader(JwtConstants.JWT_AUDIENCE, ClaimValues.strings(aud));
        }
        if (rolesClaim != null) {
            List<String> roles = ClaimValues.roles(claims, rolesClaim);
            if (roles != null) {
                message.setHeader(JwtConstants.JWT_ROLES, roles);
            }
        }
        Long exp = ClaimValues.numericDate(claims.get("exp"));
        if (exp != null) {
            message.setHeader(JwtConstants.JWT_EXPIRES_AT, Instant.ofEpochSecond(exp));
        }
        message.setHeader(JwtConstants.JWT_VERIFIED, verified);
    }

    /** Only a string: sub, iss and jti are StringOrURI (RFC 7519), and another JSON type is not turned into text. */
    private static void setText(Message message, String header, Object value) {
        if (value instanceof String text) {
            message.setHeader(header, text);
        }
    }
}
