package io.cameljwt.bench;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.cameljwt.JwtConstants;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** The auth0 java-jwt variants: a {@code JWTVerifier} made once, and {@code JWT.create()}. It has no EdDSA. */
final class Auth0Steps {

    private Auth0Steps() {
    }

    /** Checks the signature, {@code iss}, {@code aud} and that {@code exp} is present and not past; writes the claims. */
    static Processor validate(Alg alg) {
        JWTVerifier verifier = JWT.require(algorithm(alg, false))
                .withIssuer(Claims.ISSUER)
                .withAudience(Claims.AUDIENCE)
                .withClaimPresence("exp")
                .acceptLeeway(Claims.CLOCK_SKEW_SECONDS)
                .build();
        return exchange -> {
            DecodedJWT jwt = verifier.verify(Claims.bearerToken(exchange));
            Message message = exchange.getMessage();
            message.setHeader(JwtConstants.JWT_CLAIMS, jwt.getClaims());
            message.setHeader(JwtConstants.JWT_SUBJECT, jwt.getSubject());
        };
    }

    /** Signs the body's claims with issuer, audience, iat, exp and a random jti ({@code typ: JWT} is its default). */
    static Processor generate(Alg alg) {
        Algorithm algorithm = algorithm(alg, true);
        return exchange -> {
            Message message = exchange.getMessage();
            @SuppressWarnings("unchecked")
            Map<String, Object> body = message.getBody(Map.class);
            Instant now = Instant.now();
            message.setBody(JWT.create()
                    .withPayload(body)
                    .withIssuer(Claims.ISSUER)
                    .withAudience(Claims.AUDIENCE)
                    .withIssuedAt(now)
                    .withExpiresAt(now.plusSeconds(Claims.LIFETIME_SECONDS))
                    .withJWTId(UUID.randomUUID().toString())
                    .sign(algorithm));
        };
    }

    private static Algorithm algorithm(Alg alg, boolean signing) {
        return switch (alg) {
            case HS256 -> Algorithm.HMAC256(alg.secretBytes());
            case RS256 -> signing
                    ? Algorithm.RSA256(null, (RSAPrivateKey) alg.signingKey())
                    : Algorithm.RSA256((RSAPublicKey) alg.verificationKey(), null);
            case ES256 -> Algorithm.ECDSA256((ECPublicKey) alg.verificationKey(), null);
            case EDDSA -> throw new IllegalArgumentException("java-jwt has no EdDSA");
        };
    }
}
