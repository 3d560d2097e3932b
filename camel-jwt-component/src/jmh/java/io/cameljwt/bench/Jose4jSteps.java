package io.cameljwt.bench;

import java.util.Map;

import io.cameljwt.JwtConstants;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;

/** The jose4j variants: its {@code JwtConsumer} as its documentation builds one, and {@code JsonWebSignature}. */
final class Jose4jSteps {

    private Jose4jSteps() {
    }

    /** Checks the signature (one algorithm allowed), {@code iss}, {@code aud} and {@code exp}; writes the claims. */
    static Processor validate(Alg alg) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(alg.isHmac() ? new HmacKey(alg.secretBytes()) : alg.verificationKey())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg.jwa)
                .setExpectedIssuer(Claims.ISSUER)
                .setExpectedAudience(Claims.AUDIENCE)
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(Claims.CLOCK_SKEW_SECONDS)
                .build();
        return exchange -> {
            JwtClaims claims = consumer.processToClaims(Claims.bearerToken(exchange));
            Message message = exchange.getMessage();
            message.setHeader(JwtConstants.JWT_CLAIMS, claims.getClaimsMap());
            message.setHeader(JwtConstants.JWT_SUBJECT, claims.getSubject());
        };
    }

    /** Signs the body's claims with issuer, audience, iat, exp and a random jti. */
    static Processor generate(Alg alg) {
        return exchange -> {
            Message message = exchange.getMessage();
            JwtClaims claims = new JwtClaims();
            @SuppressWarnings("unchecked")
            Map<String, Object> body = message.getBody(Map.class);
            body.forEach(claims::setClaim);
            claims.setIssuer(Claims.ISSUER);
            claims.setAudience(Claims.AUDIENCE);
            claims.setIssuedAtToNow();
            claims.setExpirationTimeMinutesInTheFuture(Claims.LIFETIME_SECONDS / 60f);
            claims.setGeneratedJwtId();
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmHeaderValue(alg.jwa);
            jws.setHeader("typ", "JWT");
            jws.setKey(alg.isHmac() ? new HmacKey(alg.secretBytes()) : alg.signingKey());
            jws.setPayload(claims.toJson());
            message.setBody(jws.getCompactSerialization());
        };
    }
}
