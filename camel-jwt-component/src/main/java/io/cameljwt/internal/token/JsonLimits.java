package io.cameljwt.internal.token;

import java.nio.charset.StandardCharsets;

import io.cameljwt.JwtFailure;

/**
 * Bounds on the JSON of a token's header and payload. jose4j's parser copes with deep nesting, but the maps it builds
 * then overflow the stack wherever they are printed, hashed or compared; and it reads an integer literal in quadratic
 * time (a million digits take half a minute), before the signature of the header can even be checked. JSON that
 * jose4j reads (a JWE's header, JSON fetched from a key server) is checked here in one pass before it does; a JWS's
 * JSON is read by Jackson held to the same bounds, and checked here once Jackson refuses it, to say which bound it
 * broke.
 */
public final class JsonLimits {

    /** Far more than identity providers nest (Keycloak's resource_access.client.roles is three levels). */
    static final int MAX_DEPTH = 64;
    /** Longer than any long or double literal needs. */
    static final int MAX_NUMBER_LENGTH = 64;

    private JsonLimits() {
    }

    /**
     * Refuses the JSON, as UTF-8 bytes, if it breaks a bound.
     *
     * @param part "header" or "payload", for the message
     */
    static void check(byte[] json, String part) throws TokenRefusal {
        String breach = breach(json);
        if (breach != null) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the token " + part + " " + breach);
        }
    }

    /**
     * The first bound the JSON breaks, said as "nests JSON deeper than 64 levels", or null: also for JSON fetched
     * from a key server (a JWK Set, an OpenID discovery document), which the same parser reads.
     */
    public static String breach(String json) {
        return breach(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * As {@link #breach(String)}, for the JSON as UTF-8 bytes: only ASCII characters mark structure, strings and
     * numbers, and no byte of a multi-byte UTF-8 sequence is ASCII, so the bytes read as the text would.
     */
    static String breach(byte[] json) {
        int depth = 0;
        int numberLength = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte c = json[i];
            if (inString) {
                if (c == '\\') {
                    i++; // the escaped character cannot end the string
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    return "nests JSON deeper than " + MAX_DEPTH + " levels";
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
            if (c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
                if (++numberLength > MAX_NUMBER_LENGTH) {
                    return "holds a number longer than " + MAX_NUMBER_LENGTH + " characters";
                }
            } else {
                numberLength = 0;
            }
        }
        return null;
    }
}
