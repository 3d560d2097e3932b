package io.cameljwt.internal.verify;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.cameljwt.JwtFailure;
import io.cameljwt.internal.TokenRefusal;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Reads the header and claims of a JWS, verified or not.
 */
public final class TokenParser {

    private TokenParser() {
    }

    /** The contents of a JWS whose signature was verified. */
    public static JwtContents contents(JsonWebSignature jws) throws TokenRefusal {
        byte[] bytes;
        try {
            bytes = jws.getUnverifiedPayloadBytes();
        } catch (RuntimeException e) {
            // the payload part cannot be decoded (jose4j decodes it here, not when it splits the token)
            throw new TokenRefusal(JwtFailure.MALFORMED, "the token payload is not valid Base64url");
        }
        String payload = strictUtf8(bytes, "payload");
        return new JwtContents(CompactJws.header(jws), claims(payload), payload);
    }

    /** The contents of a JWS, without verifying anything but its form. */
    public static JwtContents decode(String token) throws TokenRefusal {
        return contents(CompactJws.parse(token));
    }

    /**
     * The text of a header or payload; invalid UTF-8 is refused rather than read as replacement characters (RFC 8725
     * section 3.7), so what is checked is what was signed.
     *
     * @param part "header" or "payload", for the message
     */
    static String strictUtf8(byte[] bytes, String part) throws TokenRefusal {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the token " + part + " is not UTF-8 text");
        }
    }

    private static Map<String, Object> claims(String payload) throws TokenRefusal {
        JsonLimits.check(payload, "payload");
        try {
            Map<String, Object> claims = JsonUtil.parseJson(payload);
            if (claims == null) {
                throw new TokenRefusal(JwtFailure.MALFORMED, "the token payload is not a JSON object of claims");
            }
            return claims;
        } catch (JoseException | RuntimeException e) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the token payload is not a JSON object of claims");
        }
    }
}
