package io.cameljwt;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Recognisable secrets for {@link LeakCanaryTest}: HMAC secrets and passwords that begin with {@code CANARY-}, fresh
 * private keys in PEM files, JWKs and a key store, each with the needles that give it away: the text itself, its
 * Base64, Base64url and hex forms, substrings of the PEM body and of the JWK's private members ({@code d}, {@code p},
 * {@code q}, {@code k}) that cover only private bytes, and the private exponent or scalar in decimal and hex (what a
 * {@code BigInteger} or a key's {@code toString()} would print). Made once per test JVM, in a temp dir of their own.
 */
final class Canaries {

    /** A needle and the canary it belongs to, which a failure names. */
    record Needle(String canary, String text) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    /** The HMAC secret of the validate and generate endpoints: 48 bytes, enough for HS256 and HS384, not HS512. */
    static final String SECRET = "CANARY-SECRET-" + hex(17);
    /** A secret too short for HS256 (a configuration error must not show it). */
    static final String SHORT_SECRET = "CANARY-SHORT-" + hex(5);
    /** The password of the key store and, different, of its entry. */
    static final String STORE_PASSWORD = "CANARY-PASS-" + hex(8);
    static final String KEY_PASSWORD = "CANARY-KEYPASS-" + hex(8);
    /** A wrong password given for the store: wrong, yet still a password. */
    static final String WRONG_PASSWORD = "CANARY-WRONGPASS-" + hex(8);
    /** The HMAC secret in the key store (alias {@code hmac}). */
    static final String STORED_SECRET = "CANARY-STORED-" + hex(17);
    /** The bytes of the oct JWK (kid {@code canary-oct}): HS256 verification and A256KW decryption. */
    static final String OCT_SECRET = "CANARY-OCTSEC-" + hex(9); // 32 bytes

    /** The RSA key of generate, of encrypted tokens (decryptionKey) and of the remote JWK Set; kid canary-rsa. */
    static final PublicJsonWebKey RSA = jwk(rsa(2048), "canary-rsa");
    /** The P-256 key of generate ES256. */
    static final PublicJsonWebKey EC = jwk(ec(), "canary-ec");
    /** An RSA key too small to be used (1024 bits), for configuration errors and left-out remote keys. */
    static final PublicJsonWebKey WEAK_RSA = jwk(rsa(1024), "canary-weak");
    static final OctetSequenceJsonWebKey OCT = oct(OCT_SECRET, "canary-oct");

    static final Key HMAC_KEY = new HmacKey(SECRET.getBytes(StandardCharsets.UTF_8));

    private static final Path DIR = tempDir();
    static final Path RSA_PEM = write("rsa-private.pem", pem(RSA.getPrivateKey()));
    static final Path EC_PEM = write("ec-private.pem", pem(EC.getPrivateKey()));
    static final Path WEAK_RSA_PEM = write("weak-rsa-private.pem", pem(WEAK_RSA.getPrivateKey()));
    /** A PKCS12 store (password {@link #STORE_PASSWORD}) with {@link #STORED_SECRET} at alias hmac ({@link #KEY_PASSWORD}). */
    static final Path KEY_STORE = keyStore();

    /** Every needle, by canary. */
    static final List<Needle> NEEDLES = needles();

    private Canaries() {
    }

    /** {@code file:} and the path of a canary file. */
    static String file(Path path) {
        return "file:" + path.toAbsolutePath();
    }

    /** The private JWK as JSON, {@code d} and all. */
    static String privateJwk(JsonWebKey jwk) {
        return jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
    }

    static String publicJwk(JsonWebKey jwk) {
        return jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** PKCS#8 PEM with line breaks, as a key file holds it. */
    static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
               + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
               + "\n-----END PRIVATE KEY-----\n";
    }

    /** Needles of a value made during a test (a token's parts, a claim), besides the fixed ones. */
    static List<Needle> of(String canary, String... texts) {
        List<Needle> needles = new ArrayList<>();
        for (String text : texts) {
            needles.add(new Needle(canary, text));
        }
        return needles;
    }

    private static List<Needle> needles() {
        Map<String, List<String>> byCanary = new LinkedHashMap<>();
        for (String[] secret : new String[][] { { "SECRET", SECRET }, { "SHORT_SECRET", SHORT_SECRET },
                { "STORED_SECRET", STORED_SECRET }, { "OCT_SECRET", OCT_SECRET } }) {
            byCanary.put(secret[0], secretForms(secret[1].getBytes(StandardCharsets.UTF_8), secret[1]));
        }
        byCanary.put("STORE_PASSWORD", List.of(STORE_PASSWORD));
        byCanary.put("KEY_PASSWORD", List.of(KEY_PASSWORD));
        byCanary.put("WRONG_PASSWORD", List.of(WRONG_PASSWORD));
        byCanary.put("RSA", privateForms(RSA));
        byCanary.put("EC", privateForms(EC));
        byCanary.put("WEAK_RSA", privateForms(WEAK_RSA));
        List<Needle> needles = new ArrayList<>();
        byCanary.forEach((canary, texts) -> texts.forEach(text -> needles.add(new Needle(canary, text))));
        return List.copyOf(needles);
    }

    /** The text, and its Base64, Base64url (as in a JWK's {@code k}) and hex forms. */
    private static List<String> secretForms(byte[] bytes, String text) {
        return List.of(text, Base64.getEncoder().withoutPadding().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), HEX.formatHex(bytes));
    }

    /**
     * What gives a private key away: its PKCS#8 Base64 where it covers the private value only, the private members
     * of its JWK, and the private value in decimal and hex. Never the public part, which may be shown.
     */
    private static List<String> privateForms(PublicJsonWebKey jwk) {
        PrivateKey key = jwk.getPrivateKey();
        List<BigInteger> values = new ArrayList<>();
        List<String> members = new ArrayList<>();
        if (key instanceof RSAPrivateCrtKey rsa) {
            values.add(rsa.getPrivateExponent());
            values.add(rsa.getPrimeP());
            values.add(rsa.getPrimeQ());
            members.addAll(List.of("d", "p", "q", "dp", "dq", "qi"));
        } else {
            values.add(((ECPrivateKey) key).getS());
            members.add("d");
        }
        List<String> forms = new ArrayList<>();
        Map<String, Object> params = jwk.toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
        for (String member : members) {
            forms.add(((String) params.get(member)).substring(0, 24));
        }
        byte[] der = key.getEncoded();
        String base64 = Base64.getEncoder().encodeToString(der);
        for (BigInteger value : values) {
            forms.add(value.toString().substring(0, 30));
            forms.add(value.toString(16).substring(0, 24));
            forms.add(base64Over(der, base64, unsigned(value)));
        }
        return forms;
    }

    /** The Base64 characters of {@code der} that encode only bytes of {@code part} (groups of 3 bytes, 4 chars). */
    private static String base64Over(byte[] der, String base64, byte[] part) {
        int at = indexOf(der, part);
        if (at < 0) {
            throw new IllegalStateException("the private value is not in the key's encoding");
        }
        int firstGroup = (at + 2) / 3;
        int lastGroup = (at + part.length) / 3; // exclusive
        String over = base64.substring(firstGroup * 4, lastGroup * 4);
        return over.length() > 32 ? over.substring(0, 32) : over;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HEX.formatHex(random).toUpperCase(Locale.ROOT);
    }

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicJsonWebKey jwk(KeyPair pair, String kid) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            jwk.setPrivateKey(pair.getPrivate());
            jwk.setKeyId(kid);
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OctetSequenceJsonWebKey oct(String secret, String kid) {
        OctetSequenceJsonWebKey jwk = new OctetSequenceJsonWebKey(new SecretKeySpec(
                secret.getBytes(StandardCharsets.UTF_8), "AES"));
        jwk.setKeyId(kid);
        return jwk;
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("leak-canaries");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(String name, String text) {
        try {
            Path file = Files.writeString(DIR.resolve(name), text);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path keyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setEntry("hmac", new KeyStore.SecretKeyEntry(new SecretKeySpec(
                    STORED_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")),
                    new KeyStore.PasswordProtection(KEY_PASSWORD.toCharArray()));
            Path file = DIR.resolve("canaries.p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, STORE_PASSWORD.toCharArray());
            }
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
