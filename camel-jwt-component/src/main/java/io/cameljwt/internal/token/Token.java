package io.cameljwt.internal.token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cameljwt.JwtFailure;

/**
 * A compact JWS split, decoded and parsed once per message, which every step then reads: key selection and the
 * signature check (algorithm, kid, signed bytes, signature), the claims policy, revocation, the result headers and
 * the refresh hint (claims and their typed values).
 * <p>
 * The header is parsed with the token; the payload on first use, so a token whose signature does not verify is
 * refused for that before its claims are read (unless a key source needs its issuer first). A refusal while reading
 * the claims is kept and raised again on each use, so the claims are never read twice.
 * <p>
 * One message's: not thread-safe. The verified-token cache keeps tokens whose claims are read, and gives each message
 * a {@link #copy()}.
 */
public final class Token {

    private static final String NOT_AN_OBJECT = "the token payload is not a JSON object of claims";

    private final String compact;
    /** The token's characters as bytes (all ASCII), which its parts are decoded from and its signing input is. */
    private final byte[] ascii;
    private final int headerEnd;
    private final int payloadEnd;
    private final Map<String, Object> header;
    private final String algorithm;
    /** The payload's JSON and the signature, decoded with the token: parts of its bytes, so at most 3/4 of them. */
    private final byte[] payloadJson;
    private final byte[] signature;
    /** Whether the header was taken from a {@link RecentHeader}, which then need not keep it again. */
    private final boolean headerFromRecent;

    /** The payload's text, made when first asked for (decode's JSON output); the claims are read from the bytes. */
    private String payload;
    private Map<String, Object> claims;
    private TokenRefusal claimsRefusal;
    /** The typed claims, set with {@link #claims}. */
    private String issuer;
    private String subject;
    private String id;
    private List<String> audience;
    private Long expiration;
    private Long notBefore;
    private Long issuedAt;
    /** The roles at the last roles claim asked for. */
    private Roles roles;

    private Token(String compact, byte[] ascii, int headerEnd, int payloadEnd, Map<String, Object> header,
                  String algorithm, boolean headerFromRecent, byte[] payloadJson, byte[] signature) {
        this.compact = compact;
        this.ascii = ascii;
        this.headerEnd = headerEnd;
        this.payloadEnd = payloadEnd;
        this.header = header;
        this.algorithm = algorithm;
        this.headerFromRecent = headerFromRecent;
        this.payloadJson = payloadJson;
        this.signature = signature;
    }

    /**
     * Parses a compact JWS strictly: three Base64url parts in canonical form, a JSON object header with a string
     * {@code alg}, no header parameter that changes how the payload is read. Nothing here verifies a signature.
     */
    public static Token parse(String compact) throws TokenRefusal {
        return parse(compact, null);
    }

    /**
     * As {@link #parse(String)}, taking the header from {@code recent} when it is one of the headers kept there.
     *
     * @param recent the endpoint's recent headers, or null to parse every header
     */
    public static Token parse(String compact, RecentHeader recent) throws TokenRefusal {
        byte[] ascii = CompactJws.ascii(compact);
        // the usual token is read part by part with Java's fast decoder; any fault sends it to the exact check, which
        // reads it character by character and says what the first fault is
        int headerEnd = compact.indexOf('.');
        int payloadEnd = headerEnd < 0 ? -1 : compact.indexOf('.', headerEnd + 1);
        if (payloadEnd < 0 || compact.indexOf('.', payloadEnd + 1) >= 0) {
            throw malformed(ascii);
        }
        // a header the endpoint accepted before is canonical Base64url: it is not decoded again
        RecentHeader.Parsed known = recent == null ? null : recent.find(ascii, headerEnd);
        byte[] headerJson = known == null ? CompactJws.decodeCanonical(ascii, 0, headerEnd) : null;
        byte[] payloadJson = CompactJws.decodeCanonical(ascii, headerEnd + 1, payloadEnd);
        byte[] signature = CompactJws.decodeCanonical(ascii, payloadEnd + 1, ascii.length);
        if (known == null && headerJson == null || payloadJson == null || signature == null) {
            throw malformed(ascii);
        }
        if (known != null) {
            return new Token(compact, ascii, headerEnd, payloadEnd, deepCopy(known.header()), known.algorithm(), true,
                    payloadJson, signature);
        }
        Map<String, Object> header = TokenJson.object(headerJson, "header", "the token header is not a JSON object");
        if (!(header.get("alg") instanceof String algorithm)) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the token header has no alg");
        }
        // RFC 7797 unencoded payloads change what is signed; JWTs never use them
        if (header.get("b64") != null) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the b64 header parameter is not accepted");
        }
        // RFC 7515 section 4.1.11: crit names extensions the recipient must understand. This component understands
        // none (b64 is refused above), so any crit, even an empty or ill-typed one, means the token cannot be accepted.
        if (header.get("crit") != null) {
            throw new TokenRefusal(JwtFailure.MALFORMED,
                    "the token names critical header parameters (crit) this endpoint does not understand");
        }
        return new Token(compact, ascii, headerEnd, payloadEnd, header, algorithm, false, payloadJson, signature);
    }

    /**
     * The refusal of a token that is not three parts of canonical Base64url: the first fault the character by
     * character check finds, or the count of parts.
     */
    private static TokenRefusal malformed(byte[] ascii) throws TokenRefusal {
        int parts = CompactJws.checkSyntax(ascii); // throws at a fault in the characters or the form of a part
        if (parts == 5) {
            return new TokenRefusal(JwtFailure.MALFORMED,
                    "the token is encrypted (JWE), which this endpoint does not accept");
        }
        return new TokenRefusal(JwtFailure.MALFORMED,
                "a JWS has three parts separated by dots, this token has " + parts);
    }

    /** The length of the encoded header, the first bytes of {@link #signingInputBytes()}. */
    int encodedHeaderLength() {
        return headerEnd;
    }

    boolean headerFromRecent() {
        return headerFromRecent;
    }

    /** The token as it came, which the verified-token cache is keyed by. */
    public String compact() {
        return compact;
    }

    /** The JOSE header. */
    public Map<String, Object> header() {
        return header;
    }

    /** The header's {@code alg}. */
    public String algorithm() {
        return algorithm;
    }

    /** The header's {@code kid} as it is (null, a string, or another JSON value the verifier refuses). */
    public Object kid() {
        return header.get("kid");
    }

    public String encodedHeader() {
        return compact.substring(0, headerEnd);
    }

    public String encodedPayload() {
        return compact.substring(headerEnd + 1, payloadEnd);
    }

    /** What the signature signs: the encoded header and payload with the dot between, as ASCII bytes. */
    public byte[] signingInput() {
        return Arrays.copyOf(ascii, payloadEnd);
    }

    /** The length of {@link #signingInput()}. */
    public int signingInputLength() {
        return payloadEnd;
    }

    /**
     * The token's own bytes, whose first {@link #signingInputLength()} bytes are the signing input: for a check that
     * reads a range of an array, without a copy. Shared, so only ever read.
     */
    public byte[] signingInputBytes() {
        return ascii;
    }

    /** The decoded signature. Shared, so only ever read. */
    public byte[] signature() {
        return signature;
    }

    /** The payload as it was (JSON text, strict UTF-8). */
    public String payload() throws TokenRefusal {
        readClaims();
        if (payload == null) {
            payload = TokenJson.utf8(payloadJson, "payload");
        }
        return payload;
    }

    /** The claims, read from the payload on first use. */
    public Map<String, Object> claims() throws TokenRefusal {
        readClaims();
        return claims;
    }

    /** {@code iss} if it is a string, else null. */
    public String issuer() throws TokenRefusal {
        readClaims();
        return issuer;
    }

    /** {@code sub} if it is a string, else null. */
    public String subject() throws TokenRefusal {
        readClaims();
        return subject;
    }

    /** {@code jti} if it is a string, else null. */
    public String id() throws TokenRefusal {
        readClaims();
        return id;
    }

    /** {@code aud} as its strings (one for a string, the string elements of an array), null when absent. */
    public List<String> audience() throws TokenRefusal {
        readClaims();
        return audience;
    }

    /** A NumericDate claim ({@code exp}, {@code nbf}, {@code iat}) in whole seconds; null when absent or not one. */
    public Long numericDate(String name) throws TokenRefusal {
        readClaims();
        return switch (name) {
            case "exp" -> expiration;
            case "nbf" -> notBefore;
            case "iat" -> issuedAt;
            default -> ClaimValues.numericDate(claims.get(name));
        };
    }

    /**
     * The roles at {@code rolesClaim} (see {@link ClaimValues#roles}), null when absent. Worked out once for the
     * endpoint's roles claim, which the policy and the result headers both ask for.
     */
    public List<String> roles(String rolesClaim) throws TokenRefusal {
        Roles known = roles;
        if (known != null && known.claim().equals(rolesClaim)) {
            return known.values();
        }
        List<String> values = ClaimValues.roles(claims(), rolesClaim);
        roles = new Roles(rolesClaim, values);
        return roles.values();
    }

    /**
     * This token with its own copies of the header and claims, for a message: a route may change the maps it finds in
     * the result headers or the body, and that must not reach the next message with the same token. The copy shares
     * the token's bytes ({@link #signingInputBytes()}, {@link #signature()}, the payload's JSON), which nothing writes.
     */
    public Token copy() throws TokenRefusal {
        readClaims();
        Token copy = new Token(compact, ascii, headerEnd, payloadEnd, deepCopy(header), algorithm, headerFromRecent,
                payloadJson, signature);
        copy.payload = payload;
        copy.setClaims(deepCopy(claims));
        return copy;
    }

    private void readClaims() throws TokenRefusal {
        if (claims != null) {
            return;
        }
        if (claimsRefusal != null) {
            throw claimsRefusal;
        }
        try {
            setClaims(TokenJson.object(payloadJson, "payload", NOT_AN_OBJECT));
        } catch (TokenRefusal refusal) {
            claimsRefusal = refusal;
            throw refusal;
        }
    }

    private void setClaims(Map<String, Object> parsed) {
        issuer = parsed.get("iss") instanceof String value ? value : null;
        subject = parsed.get("sub") instanceof String value ? value : null;
        id = parsed.get("jti") instanceof String value ? value : null;
        Object aud = parsed.get("aud");
        audience = aud == null ? null : ClaimValues.strings(aud);
        expiration = ClaimValues.numericDate(parsed.get("exp"));
        notBefore = ClaimValues.numericDate(parsed.get("nbf"));
        issuedAt = ClaimValues.numericDate(parsed.get("iat"));
        claims = parsed;
    }

    /** A copy of a JSON value whose maps and lists are new; strings, numbers and booleans are shared. */
    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(deepCopy(element)));
            return (T) copy;
        }
        return value; // strings, numbers, booleans, null: immutable
    }

    private record Roles(String claim, List<String> values) {
    }
}
