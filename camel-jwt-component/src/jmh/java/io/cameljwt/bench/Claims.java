package io.cameljwt.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * What every variant of a case shares: the claims checked and written, the token to validate or decode, and how a
 * message carries it (an {@code Authorization: Bearer} header, as from an HTTP request).
 */
final class Claims {

    static final String ISSUER = "https://login.example.com";
    static final String AUDIENCE = "orders-api";
    static final String SUBJECT = "alice";
    static final String SCOPE = "orders:read orders:write";
    /** camel-jwt's default leeway for {@code exp}, {@code nbf} and {@code iat}; the peers are given the same. */
    static final int CLOCK_SKEW_SECONDS = 60;
    /** camel-jwt's default {@code expiresIn}; the peers' generated tokens live as long. */
    static final int LIFETIME_SECONDS = 15 * 60;

    private static final String BEARER = "Bearer ";

    private Claims() {
    }

    /** The body of a generate case: what the route adds to issuer, audience, iat, exp and jti. */
    static Map<String, Object> generateBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", SUBJECT);
        body.put("scope", SCOPE);
        return body;
    }

    /**
     * A token of the claims the validate and decode cases expect, signed with {@code alg}'s key by jose4j. It lives a
     * day, longer than any run, so no variant ever sees it expire.
     */
    static String token(Alg alg) {
        long now = Instant.now().getEpochSecond();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(SUBJECT);
        claims.setClaim("iat", now);
        claims.setClaim("exp", now + 24 * 3600);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setClaim("scope", SCOPE);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(alg.jwa);
        jws.setHeader("typ", "JWT");
        jws.setKey(alg.signingKey());
        jws.setPayload(claims.toJson());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign the benchmark token", e);
        }
    }

    /** Puts the token where a REST route finds it. */
    static void carry(Message message, String token) {
        message.setHeader("Authorization", BEARER + token);
    }

    /** The token a peer's processor reads, the way camel-jwt reads it: {@code Bearer } in any case, trimmed. */
    static String bearerToken(Exchange exchange) {
        String value = exchange.getMessage().getHeader("Authorization", String.class);
        if (value == null) {
            throw new IllegalArgumentException("no Authorization header");
        }
        value = value.trim();
        return value.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? value.substring(BEARER.length()).trim()
                : value;
    }
}
