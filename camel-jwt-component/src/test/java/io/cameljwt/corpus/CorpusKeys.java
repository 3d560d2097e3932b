package io.cameljwt.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The fixed keys of the verdict corpus, all committed test resources: the key pairs of {@code keys/keys.p12} (see
 * {@code keys/README.md}) that the endpoints verify with, an HMAC secret, and attacker keys in {@code corpus/}
 * that no endpoint knows. Nothing is generated at random, so a regenerated corpus differs only where the code does.
 */
final class CorpusKeys {

    /** 64 bytes, enough for HS512; given to the endpoints as {@code secret} with {@code secretEncoding=base64}. */
    static final String SECRET_BASE64 = "q86kPnHx2oPP8t/Zqb9nYsM49BRwbQKk01LOMEFsbPbwvnYK+/ytLeCWU5HN93GLw5IYQhKmt0tWUYjLhcXamA==";
    static final byte[] SECRET = Base64.getDecoder().decode(SECRET_BASE64);
    /** A secret of the same length that no endpoint knows. */
    static final byte[] ATTACKER_SECRET = "an attacker's secret, 64 bytes long, known to no endpoint at all!"
            .getBytes(StandardCharsets.US_ASCII);

    static final List<String> ALGORITHMS = List.of(
            "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512", "EdDSA");

    private CorpusKeys() {
    }

    /** The key family (alias in {@code keys.p12}, prefix of the PEM files) that serves an algorithm. */
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

    static PrivateKey privateKey(String family) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = resource("keys/keys.p12")) {
                store.load(in, "storepass".toCharArray());
            }
            return (PrivateKey) store.getKey(family, "storepass".toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key of a family, from its {@code keys/FAMILY-public.pem}, the file the endpoints are given. */
    static PublicKey publicKey(String family) {
        return publicKeyPem(text(publicKeyResource(family)));
    }

    static String publicKeyResource(String family) {
        return "keys/" + family + "-public.pem";
    }

    /** A private key no endpoint knows, of the family's type. */
    static PrivateKey attackerKey(String family) {
        byte[] der = pemBody(text("corpus/attacker-" + family + ".pem"));
        for (String type : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // another type
            }
        }
        throw new IllegalStateException("corpus/attacker-" + family + ".pem is no PKCS#8 key");
    }

    /** An X.509 SubjectPublicKeyInfo PEM of an RSA, EC or Ed25519 key. */
    static PublicKey publicKeyPem(String pem) {
        byte[] der = pemBody(pem);
        for (String type : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // another type
            }
        }
        throw new IllegalStateException("not a public key PEM");
    }

    static String text(String resource) {
        try (InputStream in = resource(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pemBody(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static InputStream resource(String name) {
        InputStream in = CorpusKeys.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }
}
