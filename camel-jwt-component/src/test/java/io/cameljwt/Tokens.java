package io.cameljwt;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jose4j.jca.ProviderContext;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Crafts tokens byte by byte with jose4j, including ones the component would never make: any header JSON (duplicate
 * names, deep nesting, {@code alg: none}), any payload, any key. Keys are made once per test JVM.
 */
final class Tokens {

    /** The HMAC secret of the test endpoints: 32 bytes, enough for HS256. */
    static final String SECRET = "0123456789abcdef0123456789abcdef";
    static final Key HMAC_KEY = new HmacKey(SECRET.getBytes(StandardCharsets.UTF_8));
    /** A secret the endpoints do not know. */
    static final Key OTHER_HMAC_KEY = new HmacKey("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8));

    private Tokens() {
    }

    // --- keys, made once -------------------------------------------------------------------------------------------

    private static final class Rsa {
        static final RsaJsonWebKey KEY = rsaKey("victim");
    }

    private static final class AttackerRsa {
        static final RsaJsonWebKey KEY = rsaKey("attacker");
    }

    private static final class Ec {
        static final EllipticCurveJsonWebKey KEY = ecKey();
    }

    /** The RSA key pair of the test endpoints. */
    static RsaJsonWebKey rsa() {
        return Rsa.KEY;
    }

    /** An RSA key pair the endpoints do not know. */
    static RsaJsonWebKey attackerRsa() {
        return AttackerRsa.KEY;
    }

    /** A P-256 key pair for ES256 endpoints. */
    static EllipticCurveJsonWebKey ec() {
        return Ec.KEY;
    }

    /** A new 2048-bit RSA key pair with this kid. */
    static RsaJsonWebKey rsaKey(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EllipticCurveJsonWebKey ecKey() {
        try {
            return EcJwkGenerator.generateJwk(EllipticCurves.P256);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM text with line breaks, as a file would hold it. */
    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
               + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
               + "\n-----END PUBLIC KEY-----\n";
    }

    /** PEM on one line, as it arrives through a URI: {@code publicKey=RAW(...)}. */
    static String pemOneLine(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----" + Base64.getEncoder().encodeToString(key.getEncoded())
               + "-----END PUBLIC KEY-----";
    }

    static String pemOneLine(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----" + Base64.getEncoder().encodeToString(key.getEncoded())
               + "-----END PRIVATE KEY-----";
    }

    // --- claims ----------------------------------------------------------------------------------------------------

    static long now() {
        return Instant.now().getEpochSecond();
    }

    /** An ordered claims map from name, value pairs. */
    static Map<String, Object> claims(Object... namesAndValues) {
        Map<String, Object> claims = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            claims.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return claims;
    }

    /** Claims every default validate endpoint accepts (sub alice, issued now, expiring in five minutes), plus these. */
    static Map<String, Object> validClaims(Object... more) {
        Map<String, Object> claims = claims("sub", "alice", "iat", now(), "exp", now() + 300);
        claims.putAll(claims(more));
        return claims;
    }

    static Map<String, Object> header(String alg) {
        return claims("alg", alg, "typ", "JWT");
    }

    static String json(Map<String, ?> map) {
        return JsonUtil.toJson(map);
    }

    // --- tokens ----------------------------------------------------------------------------------------------------

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String decodePart(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    /** HS256 with the endpoints' secret. */
    static String hs256(Map<String, ?> claims) {
        return sign(json(header("HS256")), json(claims), "HS256", HMAC_KEY);
    }

    static String hs256(Map<String, ?> header, Map<String, ?> claims) {
        return sign(json(header), json(claims), "HS256", HMAC_KEY);
    }

    /** RS256 with the endpoints' RSA key. */
    static String rs256(Map<String, ?> claims) {
        return sign(json(header("RS256")), json(claims), "RS256", rsa().getPrivateKey());
    }

    /**
     * Signs exactly these header and payload texts (whatever they hold) with a jose4j algorithm and key. The key's
     * size is not checked, so an attacker's odd HMAC key works.
     */
    static String sign(String headerJson, String payloadJson, String alg, Key key) {
        String signingInput = b64(headerJson) + "." + b64(payloadJson);
        return signingInput + "." + b64(signature(signingInput, alg, key));
    }

    static byte[] signature(String signingInput, String alg, Key key) {
        try {
            JsonWebSignatureAlgorithm algorithm = AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory()
                    .getAlgorithm(alg);
            ProviderContext context = new ProviderContext();
            return algorithm.sign(algorithm.prepareForSign(key, context), signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token with no real signature: the given third part, or none at all when it is null. */
    static String unsigned(String headerJson, String payloadJson, String signaturePart) {
        String token = b64(headerJson) + "." + b64(payloadJson);
        return signaturePart == null ? token : token + "." + signaturePart;
    }

    static String[] parts(String token) {
        return token.split("\\.", -1);
    }

    static String signaturePart(String token) {
        return parts(token)[2];
    }
}
