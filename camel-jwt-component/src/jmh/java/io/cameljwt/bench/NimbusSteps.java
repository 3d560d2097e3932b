package io.cameljwt.bench;

import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import io.cameljwt.JwtConstants;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The nimbus-jose-jwt variants: {@code SignedJWT} with a verifier made once and its {@code DefaultJWTClaimsVerifier}
 * (nimbus' verifier factory has no EdDSA, so the verifier is picked here for every algorithm alike).
 */
final class NimbusSteps {

    private NimbusSteps() {
    }

    /** Checks the algorithm, the signature, {@code iss}, {@code aud} and {@code exp}; writes the claims. */
    static Processor validate(Alg alg) throws JOSEException {
        JWSAlgorithm expected = JWSAlgorithm.parse(alg.jwa);
        JWSVerifier verifier = verifier(alg);
        DefaultJWTClaimsVerifier<?> claimsVerifier = new DefaultJWTClaimsVerifier<>(Claims.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(Claims.ISSUER).build(), Set.of("exp"));
        claimsVerifier.setMaxClockSkew(Claims.CLOCK_SKEW_SECONDS);
        return exchange -> {
            SignedJWT jwt = SignedJWT.parse(Claims.bearerToken(exchange));
            if (!expected.equals(jwt.getHeader().getAlgorithm())) {
                throw new BadJWTException("algorithm not allowed");
            }
            if (!jwt.verify(verifier)) {
                throw new BadJWTException("signature invalid");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            claimsVerifier.verify(claims, null);
            Message message = exchange.getMessage();
            message.setHeader(JwtConstants.JWT_CLAIMS, claims.getClaims());
            message.setHeader(JwtConstants.JWT_SUBJECT, claims.getSubject());
        };
    }

    /** Signs the body's claims with issuer, audience, iat, exp and a random jti. */
    static Processor generate(Alg alg) throws JOSEException {
        JWSSigner signer = alg.isHmac()
                ? new MACSigner(alg.secretBytes())
                : new RSASSASigner((PrivateKey) alg.signingKey());
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.parse(alg.jwa)).type(JOSEObjectType.JWT).build();
        return exchange -> {
            Message message = exchange.getMessage();
            @SuppressWarnings("unchecked")
            Map<String, Object> body = message.getBody(Map.class);
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(Claims.ISSUER)
                    .audience(Claims.AUDIENCE)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(Claims.LIFETIME_SECONDS)))
                    .jwtID(UUID.randomUUID().toString());
            body.forEach(claims::claim);
            SignedJWT jwt = new SignedJWT(header, claims.build());
            jwt.sign(signer);
            message.setBody(jwt.serialize());
        };
    }

    private static JWSVerifier verifier(Alg alg) throws JOSEException {
        return switch (alg) {
            case HS256 -> new MACVerifier(alg.secretBytes());
            case RS256 -> new RSASSAVerifier((RSAPublicKey) alg.verificationKey());
            case ES256 -> new ECDSAVerifier((ECPublicKey) alg.verificationKey());
            case EDDSA -> {
                // the raw Ed25519 public key ends its X.509 encoding (RFC 8410)
                byte[] spki = alg.verificationKey().getEncoded();
                byte[] x = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
                yield new Ed25519Verifier(new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).build());
            }
        };
    }
}
