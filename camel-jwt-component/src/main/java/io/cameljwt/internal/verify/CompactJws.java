package io.cameljwt.internal.verify;

import java.util.Base64;
import java.util.Map;

import io.cameljwt.JwtFailure;
import io.cameljwt.internal.TokenRefusal;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Parses a compact JWS strictly: three Base64url parts in canonical form, a JSON object header, no header parameter
 * that changes how the payload is read. Nothing here verifies a signature.
 */
public final class CompactJws {

    private CompactJws() {
    }

    /** The parsed JWS, ready for a key; its header is a JSON object with a string {@code alg}. */
    public static JsonWebSignature parse(String token) throws TokenRefusal {
        int parts = checkSyntax(token);
        if (parts == 5) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the token is encrypted (JWE), which this endpoint does not accept");
        }
        if (parts != 3) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "a JWS has three parts separated by dots, this token has " + parts);
        }
        checkHeaderLimits(token);
        JsonWebSignature jws = new JsonWebSignature();
        try {
            jws.setCompactSerialization(token);
        } catch (JoseException | RuntimeException e) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the token header is not a JSON object with unique member names");
        }
        Object alg = jws.getHeaders().getObjectHeaderValue("alg");
        if (!(alg instanceof String)) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the token header has no alg");
        }
        // RFC 7797 unencoded payloads change what is signed; JWTs never use them
        if (jws.getHeaders().getObjectHeaderValue("b64") != null) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the b64 header parameter is not accepted");
        }
        // RFC 7515 section 4.1.11: crit names extensions the recipient must understand. This component understands
        // none (b64 is refused above), so any crit, even an empty or ill-typed one, means the token cannot be accepted.
        if (jws.getHeaders().getObjectHeaderValue("crit") != null) {
            throw new TokenRefusal(JwtFailure.MALFORMED,
                    "the token names critical header parameters (crit) this endpoint does not understand");
        }
        return jws;
    }

    /**
     * Checks the JOSE header text before jose4j parses it, for a JWS or a JWE whose form {@link #checkSyntax} has
     * accepted (its header is then canonical Base64url): strict UTF-8, since jose4j would read invalid bytes as
     * replacement characters, and bounded work (nesting depth, number length). jose4j's parser then refuses duplicate
     * member names.
     */
    public static void checkHeaderLimits(String token) throws TokenRefusal {
        byte[] header = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
        JsonLimits.check(TokenParser.strictUtf8(header, "header"), "header");
    }

    /** The JOSE header as a map. */
    public static Map<String, Object> header(JsonWebSignature jws) throws TokenRefusal {
        try {
            return JsonUtil.parseJson(jws.getHeaders().getFullHeaderAsJsonString());
        } catch (JoseException e) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the token header is not a JSON object");
        }
    }

    /**
     * Checks the characters and the Base64url form of each part, and returns how many parts there are. jose4j's
     * decoder is lenient (it skips stray characters), so a token that differs from the signed bytes only in padding
     * or trailing bits is refused here.
     */
    public static int checkSyntax(String token) throws TokenRefusal {
        int parts = 1;
        int partStart = 0;
        for (int i = 0; i <= token.length(); i++) {
            char c = i < token.length() ? token.charAt(i) : '.';
            if (c == '.') {
                checkPart(token, partStart, i, parts);
                parts++;
                partStart = i + 1;
                if (parts > 6) {
                    throw new TokenRefusal(JwtFailure.MALFORMED, "the token has too many parts");
                }
            } else if (!isBase64Url(c)) {
                throw new TokenRefusal(JwtFailure.MALFORMED, "the token has a character outside Base64url");
            }
        }
        return parts - 1;
    }

    private static void checkPart(String token, int start, int end, int index) throws TokenRefusal {
        int length = end - start;
        if (length % 4 == 1) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "part " + index + " of the token is not valid Base64url");
        }
        if (length % 4 != 0) {
            // the bits after the last whole byte must be zero (RFC 4648 section 3.5, canonical encoding)
            int last = value(token.charAt(end - 1));
            int unusedBitsMask = length % 4 == 2 ? 0x0f : 0x03;
            if ((last & unusedBitsMask) != 0) {
                throw new TokenRefusal(JwtFailure.MALFORMED, "part " + index + " of the token is not canonical Base64url");
            }
        }
    }

    private static boolean isBase64Url(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : 63;
    }
}
