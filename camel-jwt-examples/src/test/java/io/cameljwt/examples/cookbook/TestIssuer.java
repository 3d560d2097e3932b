package io.cameljwt.examples.cookbook;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * Another system that issues tokens, built on jose4j alone (not camel-jwt), as an identity provider or a partner
 * would: an EC P-256 key pair made for the test (quick to make, unlike RSA), ES256 tokens, and its keys as PEM text
 * for the routes' properties.
 */
public final class TestIssuer {

    private final String issuer;
    private final EllipticCurveJsonWebKey key;

    public TestIssuer(String issuer, String keyId) {
        this.issuer = issuer;
        try {
            key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
        key.setKeyId(keyId);
    }

    public String issuer() {
        return issuer;
    }

    /** The public key as PEM text: Base64 with {@code +} and {@code /} in it, so a URI needs {@code RAW(...)}. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", key.getPublicKey());
    }

    /** The private key as PKCS#8 PEM text, for a route that signs as this system. */
    public String privateKeyPem() {
        return pem("PRIVATE KEY", key.getPrivateKey());
    }

    /** A token of this issuer for the subject and audience, valid for five minutes, with more claims as given. */
    public String token(String subject, String audience, Consumer<JwtClaims> more) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setAudience(audience);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setGeneratedJwtId();
        more.accept(claims);
        return sign(claims);
    }

    public String token(String subject, String audience) {
        return token(subject, audience, claims -> {
        });
    }

    /** Signs the claims as they are (ES256, with this issuer's {@code kid}). */
    public String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token with its payload (JSON) edited, the signature kept: what a forger sends. */
    public static String tamper(String token, String from, String to) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        if (!payload.contains(from)) {
            throw new IllegalArgumentException("the payload does not hold " + from);
        }
        String forged = payload.replace(from, to);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** The JOSE header of a compact token, read without checking anything. */
    public static Map<String, Object> header(String token) {
        try {
            return JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]),
                    StandardCharsets.UTF_8));
        } catch (JoseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The claims of a compact token, read without checking anything. */
    public static Map<String, Object> claims(String token) {
        try {
            return JwtClaims.parse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                    StandardCharsets.UTF_8)).getClaimsMap();
        } catch (InvalidJwtException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String pem(String type, Key key) {
        return "-----BEGIN " + type + "-----\n"
               + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
               + "\n-----END " + type + "-----\n";
    }
}
