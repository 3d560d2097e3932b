package io.cameljwt.bench;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.io.InputStream;

import javax.crypto.spec.SecretKeySpec;

/**
 * The algorithms of the benchmark cases, each with the key every variant uses: the test keys of
 * {@code src/test/resources/keys} (the camel-jwt endpoint reads the PEM files, the peers the same pair from
 * {@code keys.p12}), or one HMAC secret.
 */
enum Alg {

    HS256("HS256", "HmacSHA256", "hmac"),
    RS256("RS256", "SHA256withRSA", "rsa"),
    /** JOSE carries ECDSA signatures as R || S, which is what the JDK's P1363 format reads. */
    ES256("ES256", "SHA256withECDSAinP1363Format", "ec256"),
    EDDSA("EdDSA", "Ed25519", "ed25519");

    /** 32 bytes: the least RFC 7518 allows for HS256, as a real deployment would use. */
    static final String HMAC_SECRET = "benchmark-hmac-secret-0123456789";

    private static final String STORE_PASSWORD = "storepass";

    /** The JWS {@code alg} value. */
    final String jwa;
    /** The JCA {@code Signature} (or, for HS256, {@code Mac}) algorithm. */
    final String jca;
    /** The key family: the prefix of the files in {@code keys/} and the alias in {@code keys.p12}. */
    final String family;

    Alg(String jwa, String jca, String family) {
        this.jwa = jwa;
        this.jca = jca;
        this.family = family;
    }

    boolean isHmac() {
        return this == HS256;
    }

    /** The key that verifies: the HMAC secret or the public key. */
    Key verificationKey() {
        return isHmac() ? secretKey() : Keys.STORE.publicKey(family);
    }

    /** The key that signs: the HMAC secret or the private key. */
    Key signingKey() {
        return isHmac() ? secretKey() : Keys.STORE.privateKey(family);
    }

    byte[] secretBytes() {
        return HMAC_SECRET.getBytes(StandardCharsets.UTF_8);
    }

    private SecretKeySpec secretKey() {
        return new SecretKeySpec(secretBytes(), jca);
    }

    /** The camel-jwt endpoint options that give it the same key: to verify, or to sign. */
    String camelKeyOptions(boolean signing) {
        if (isHmac()) {
            return "secret=RAW(" + HMAC_SECRET + ")";
        }
        return signing
                ? "privateKey=classpath:keys/" + family + "-pkcs8.pem"
                : "publicKey=classpath:keys/" + family + "-public.pem";
    }

    /** {@code keys.p12}, read once. */
    private static final class Keys {

        static final Keys STORE = new Keys();

        private final KeyStore store;

        private Keys() {
            try (InputStream in = Alg.class.getClassLoader().getResourceAsStream("keys/keys.p12")) {
                if (in == null) {
                    throw new IllegalStateException("keys/keys.p12 is not on the class path (the test resources)");
                }
                store = KeyStore.getInstance("PKCS12");
                store.load(in, STORE_PASSWORD.toCharArray());
            } catch (Exception e) {
                throw new IllegalStateException("cannot read keys/keys.p12", e);
            }
        }

        PublicKey publicKey(String alias) {
            try {
                return store.getCertificate(alias).getPublicKey();
            } catch (Exception e) {
                throw new IllegalStateException("no certificate " + alias + " in keys.p12", e);
            }
        }

        PrivateKey privateKey(String alias) {
            try {
                return (PrivateKey) store.getKey(alias, STORE_PASSWORD.toCharArray());
            } catch (Exception e) {
                throw new IllegalStateException("no private key " + alias + " in keys.p12", e);
            }
        }
    }
}
