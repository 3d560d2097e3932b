package io.cameljwt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;

/**
 * The test keys of {@code src/test/resources/keys} (see its README) and nimbus-jose-jwt as an independent second
 * implementation: it makes the JWKs, signs tokens for validate and verifies tokens from generate.
 */
final class TestKeys {

    static final String STORE_PASSWORD = "storepass";
    static final String JKS_KEY_PASSWORD = "keypass";

    static final List<String> ALGORITHMS = List.of(
            "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512", "EdDSA");

    /** A 64-byte HMAC secret (long enough for HS512) whose Base64 form holds '+' and '/', which URIs mangle. */
    static final byte[] HMAC_SECRET = Base64.getDecoder().decode(
            "q86kPnHx2oPP8t/Zqb9nYsM49BRwbQKk01LOMEFsbPbwvnYK+/ytLeCWU5HN93GLw5IYQhKmt0tWUYjLhcXamA==");

    private TestKeys() {
    }

    /** The file family (prefix in {@code keys/}) that serves an algorithm. */
    static String family(String algorithm) {
        return switch (algorithm) {
            case "HS256", "HS384", "HS512" -> "hmac";
            case "ES256" -> "ec256";
            case "ES384" -> "ec384";
            case "ES512" -> "ec521";
            case "EdDSA" -> "ed25519";
            default -> "rsa";
        };
    }

    /** What the component picks for the family's key when {@code algorithm} is not set. */
    static boolean isDefaultFor(String algorithm) {
        return Set.of("HS256", "RS256", "ES256", "ES384", "ES512", "EdDSA").contains(algorithm);
    }

    static String text(String resource) {
        try (InputStream in = TestKeys.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeyStore store(String resource, String type) {
        try (InputStream in = TestKeys.class.getClassLoader().getResourceAsStream(resource)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, STORE_PASSWORD.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key pair of a family, read with the JDK from {@code keys.p12} (the same pair as the family's PEM files). */
    static KeyPair keyPair(String family) {
        try {
            KeyStore store = store("keys/keys.p12", "PKCS12");
            PrivateKey privateKey = (PrivateKey) store.getKey(family, STORE_PASSWORD.toCharArray());
            return new KeyPair(store.getCertificate(family).getPublicKey(), privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HMAC secret of {@code hmac.p12} (alias hs256, hs384 or hs512). */
    static SecretKey storedSecret(String alias) {
        try {
            Key key = store("keys/hmac.p12", "PKCS12").getKey(alias, STORE_PASSWORD.toCharArray());
            return new SecretKeySpec(key.getEncoded(), "HMAC");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh key pair of the family's type, unknown to every endpoint. */
    static KeyPair otherKeyPair(String family) {
        try {
            KeyPairGenerator generator;
            switch (family) {
                case "rsa" -> {
                    generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048);
                }
                case "ed25519" -> generator = KeyPairGenerator.getInstance("Ed25519");
                default -> {
                    generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec(
                            "secp" + family.substring(2) + "r1"));
                }
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A nimbus JWK of a key pair (private and public parts) or of a secret. */
    static JWK jwk(Object keys, String kid) {
        if (keys instanceof SecretKey secret) {
            return new OctetSequenceKey.Builder(secret.getEncoded()).keyID(kid).build();
        }
        KeyPair pair = (KeyPair) keys;
        if (pair.getPublic() instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).privateKey((RSAPrivateKey) pair.getPrivate()).keyID(kid).build();
        }
        if (pair.getPublic() instanceof ECPublicKey ec) {
            return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec)
                    .privateKey((ECPrivateKey) pair.getPrivate()).keyID(kid).build();
        }
        // Ed25519: the raw public key ends the X.509 encoding (RFC 8410), the raw private key is the key's bytes
        byte[] spki = pair.getPublic().getEncoded();
        byte[] x = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        byte[] d = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).d(Base64URL.encode(d)).keyID(kid).build();
    }

    /** The JWK as JSON: with its private part, or only the public part (a secret has no public part). */
    static String json(JWK jwk, boolean withPrivate) {
        return withPrivate || jwk instanceof OctetSequenceKey ? jwk.toJSONString() : jwk.toPublicJWK().toJSONString();
    }

    /** A nimbus signer for the algorithm, from nimbus' own factory or, for EdDSA, its Ed25519Signer. */
    static JWSSigner signer(String algorithm, Object keys) throws JOSEException {
        if (algorithm.equals("EdDSA")) {
            return new Ed25519Signer((OctetKeyPair) jwk(keys, null));
        }
        return new DefaultJWSSignerFactory().createJWSSigner(jwk(keys, null), JWSAlgorithm.parse(algorithm));
    }

    /** A nimbus verifier from nimbus' factory or, for EdDSA, its Ed25519Verifier. */
    static JWSVerifier verifier(JWSHeader header, Object keys) throws JOSEException {
        if (header.getAlgorithm().equals(JWSAlgorithm.EdDSA)) {
            return new Ed25519Verifier(((OctetKeyPair) jwk(keys, null)).toPublicJWK());
        }
        Key key = keys instanceof KeyPair pair ? pair.getPublic() : (Key) keys;
        return new DefaultJWSVerifierFactory().createJWSVerifier(header, key);
    }
}
