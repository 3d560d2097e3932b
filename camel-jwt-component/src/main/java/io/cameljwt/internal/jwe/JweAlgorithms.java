package io.cameljwt.internal.jwe;

import java.security.Key;
import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.crypto.SecretKey;

import io.cameljwt.internal.keys.Algorithms;
import io.cameljwt.internal.keys.KeyEntry;
import io.cameljwt.internal.keys.PublicKeyChecks;
import io.cameljwt.internal.keys.VerificationKeys;
import org.jose4j.keys.EllipticCurves;

import static org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers.AES_128_CBC_HMAC_SHA_256;
import static org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers.AES_128_GCM;
import static org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers.AES_192_CBC_HMAC_SHA_384;
import static org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers.AES_192_GCM;
import static org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers.AES_256_CBC_HMAC_SHA_512;
import static org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers.AES_256_GCM;
import static org.jose4j.jwe.KeyManagementAlgorithmIdentifiers.A128GCMKW;
import static org.jose4j.jwe.KeyManagementAlgorithmIdentifiers.A128KW;
import static org.jose4j.jwe.KeyManagementAlgorithmIdentifiers.A192GCMKW;
import static org.jose4j.jwe.KeyManagementAlgorithmIdentifiers.A192KW;
import static org.jose4j.jwe.KeyManagementAlgorithmIdentifiers.A256GCMKW;
import static org.jose4j.jwe.KeyManagementAlgorithmIdentifiers.A256KW;
import static org.jose4j.jwe.KeyManagementAlgorithmIdentifiers.DIRECT;
import static org.jose4j.jwe.KeyManagementAlgorithmIdentifiers.ECDH_ES;
import static org.jose4j.jwe.KeyManagementAlgorithmIdentifiers.ECDH_ES_A128KW;
import static org.jose4j.jwe.KeyManagementAlgorithmIdentifiers.ECDH_ES_A192KW;
import static org.jose4j.jwe.KeyManagementAlgorithmIdentifiers.ECDH_ES_A256KW;
import static org.jose4j.jwe.KeyManagementAlgorithmIdentifiers.PBES2_HS256_A128KW;
import static org.jose4j.jwe.KeyManagementAlgorithmIdentifiers.PBES2_HS384_A192KW;
import static org.jose4j.jwe.KeyManagementAlgorithmIdentifiers.PBES2_HS512_A256KW;
import static org.jose4j.jwe.KeyManagementAlgorithmIdentifiers.RSA1_5;
import static org.jose4j.jwe.KeyManagementAlgorithmIdentifiers.RSA_OAEP;
import static org.jose4j.jwe.KeyManagementAlgorithmIdentifiers.RSA_OAEP_256;

/**
 * The JWE algorithms the component supports, which of them fit which key, and the defaults by key. The JWS
 * counterpart is {@link Algorithms}.
 */
public final class JweAlgorithms {

    /** Every supported key management algorithm ({@code alg}). */
    public static final List<String> KEY_MANAGEMENT = List.of(
            RSA_OAEP_256, RSA_OAEP, RSA1_5,
            ECDH_ES_A256KW, ECDH_ES_A192KW, ECDH_ES_A128KW, ECDH_ES,
            A256KW, A192KW, A128KW, A256GCMKW, A192GCMKW, A128GCMKW, DIRECT,
            PBES2_HS512_A256KW, PBES2_HS384_A192KW, PBES2_HS256_A128KW);

    /**
     * Accepted only where {@code keyManagementAlgorithm} names them: RSA1_5 invites padding oracle attacks (RFC 8725
     * section 3.2 calls it out), and PBES2 makes the receiver run as many PBKDF2 iterations as the sender asks for
     * before anything can be checked.
     */
    public static final Set<String> OPT_IN = Set.of(RSA1_5, PBES2_HS256_A128KW, PBES2_HS384_A192KW, PBES2_HS512_A256KW);

    /** Every supported content encryption algorithm ({@code enc}), with the length of its key in bytes. */
    private static final Map<String, Integer> CONTENT_KEY_BYTES = Map.of(
            AES_128_GCM, 16, AES_192_GCM, 24, AES_256_GCM, 32,
            AES_128_CBC_HMAC_SHA_256, 32, AES_192_CBC_HMAC_SHA_384, 48, AES_256_CBC_HMAC_SHA_512, 64);

    /** The supported content encryption algorithms, in the order the docs list them. */
    public static final List<String> CONTENT = List.of(AES_128_GCM, AES_192_GCM, AES_256_GCM,
            AES_128_CBC_HMAC_SHA_256, AES_192_CBC_HMAC_SHA_384, AES_256_CBC_HMAC_SHA_512);

    /** What generate encrypts content with when {@code contentEncryptionAlgorithm} is not set (and not dir). */
    public static final String DEFAULT_CONTENT = AES_256_GCM;

    /** The key_ops (RFC 7517 section 4.3) that allow a key to encrypt, or to decrypt, in one of the JWE modes. */
    private static final Set<String> ENCRYPT_OPS = Set.of("encrypt", "wrapKey", "deriveKey", "deriveBits");
    private static final Set<String> DECRYPT_OPS = Set.of("decrypt", "unwrapKey", "deriveKey", "deriveBits");

    private JweAlgorithms() {
    }

    /** Refuses, naming the option, {@code none} and anything that is no supported key management algorithm. */
    static void requireKeyManagement(String algorithm) {
        requireKnown(algorithm, KEY_MANAGEMENT, "keyManagementAlgorithm");
    }

    /** Refuses, naming the option, {@code none} and anything that is no supported content encryption algorithm. */
    static void requireContent(String algorithm) {
        requireKnown(algorithm, CONTENT, "contentEncryptionAlgorithm");
    }

    private static void requireKnown(String algorithm, List<String> supported, String option) {
        if ("none".equals(algorithm.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Option '" + option + "': 'none' is never accepted (RFC 8725)");
        }
        if (!supported.contains(algorithm)) {
            throw new IllegalArgumentException("Option '" + option + "': '" + algorithm + "' is not supported; use one of "
                                               + String.join(", ", supported));
        }
    }

    /** The length in bytes of the content encryption key of {@code enc}. */
    static int contentKeyBytes(String enc) {
        return CONTENT_KEY_BYTES.get(enc);
    }

    /** The content encryption algorithm for {@code dir} with this secret: the one whose key is as long, or null. */
    static String contentForDirect(KeyEntry entry) {
        if (!entry.isSecret()) {
            return null;
        }
        if (isContentKey(entry)) {
            return entry.algorithm();
        }
        int length = length((SecretKey) entry.key());
        // of two with 32-byte keys, the AEAD mode of the default
        return length == 32 ? AES_256_GCM
                : CONTENT.stream().filter(enc -> CONTENT_KEY_BYTES.get(enc) == length).findFirst().orElse(null);
    }

    /**
     * The algorithm generate encrypts with when {@code keyManagementAlgorithm} is not set: the key's own {@code alg},
     * else RSA-OAEP-256 for RSA, ECDH-ES+A256KW for EC and the AES key wrap of the secret's size; null if none fits.
     */
    static String defaultFor(KeyEntry entry) {
        List<String> accepted = acceptedByDefault(entry);
        return accepted.isEmpty() ? null : accepted.get(0);
    }

    /**
     * The algorithms validate and decode accept with this key when {@code keyManagementAlgorithm} is not set: the
     * key's own {@code alg} (unless it needs naming, see {@link #OPT_IN}; a secret bound to a content encryption
     * algorithm: dir), else by key: RSA-OAEP-256 and RSA-OAEP for
     * RSA; the four ECDH-ES modes for EC; the AES key wraps (KW and GCMKW) of the secret's size. {@code dir} and the
     * opt-in algorithms are never a default of a key without that {@code alg}. Empty if none fits.
     */
    static List<String> acceptedByDefault(KeyEntry entry) {
        if (isContentKey(entry)) {
            return List.of(DIRECT);
        }
        if (entry.algorithm() != null) {
            return KEY_MANAGEMENT.contains(entry.algorithm()) && !OPT_IN.contains(entry.algorithm())
                    ? List.of(entry.algorithm()) : List.of();
        }
        Key key = entry.inspectedKey();
        if (key instanceof SecretKey secret) {
            return switch (length(secret)) {
                case 16 -> List.of(A128KW, A128GCMKW);
                case 24 -> List.of(A192KW, A192GCMKW);
                case 32 -> List.of(A256KW, A256GCMKW);
                default -> List.of();
            };
        }
        if (key instanceof RSAKey) {
            return List.of(RSA_OAEP_256, RSA_OAEP);
        }
        if (key instanceof ECKey) {
            return List.of(ECDH_ES_A256KW, ECDH_ES_A192KW, ECDH_ES_A128KW, ECDH_ES);
        }
        return List.of();
    }

    /**
     * Why this entry cannot take part in JWE at all, or null: for decrypting it needs the private key or the secret,
     * for encrypting the public key or the secret; its {@code use} (if any) must be {@code enc}, its {@code key_ops}
     * (if any) must allow it, and its {@code alg} (if any) must be a key management algorithm.
     */
    static String whyUnusable(KeyEntry entry, boolean decrypting) {
        if (key(entry, decrypting) == null) {
            return decrypting ? "a public key cannot decrypt: give the private key"
                    : "an encryption key needs the recipient's public key (or a secret)";
        }
        if (entry.algorithm() != null && !KEY_MANAGEMENT.contains(entry.algorithm()) && !isContentKey(entry)) {
            return "its alg " + VerificationKeys.safe(entry.algorithm(), 20) + " is no JWE key management algorithm";
        }
        if (entry.use() != null && !"enc".equals(entry.use())) {
            return "its use is " + VerificationKeys.safe(entry.use(), 20) + ", not enc";
        }
        Set<String> allowing = decrypting ? DECRYPT_OPS : ENCRYPT_OPS;
        if (entry.keyOps() != null && entry.keyOps().stream().noneMatch(allowing::contains)) {
            return "its key_ops do not allow " + (decrypting ? "decrypting" : "encrypting");
        }
        return null;
    }

    /** The key that encrypts (the public half, or the secret) or decrypts (the private key, or the secret); or null. */
    static Key key(KeyEntry entry, boolean decrypting) {
        if (entry.isSecret()) {
            return entry.key();
        }
        if (decrypting) {
            return entry.key() instanceof PrivateKey ? entry.key() : null;
        }
        return entry.publicKey();
    }

    /**
     * Why {@code alg} cannot be used with this entry, or null if it can. {@code enc} matters only to {@code dir}, whose
     * secret is the content encryption key itself; null means "some content algorithm". Checks the key's own
     * {@code alg}, its type, EC curve and size (RSA at least 2048 bits, AES keys of the algorithm's size), and flaws of
     * the public key (see {@link PublicKeyChecks}).
     */
    static String misfit(String alg, String enc, KeyEntry entry) {
        if (isContentKey(entry)) {
            if (!alg.equals(DIRECT) || enc != null && !enc.equals(entry.algorithm())) {
                return "the key is bound to " + entry.algorithm() + " (a content encryption key, for dir)";
            }
        } else if (entry.algorithm() != null && !entry.algorithm().equals(alg)) {
            return "the key is bound to " + VerificationKeys.safe(entry.algorithm(), 20);
        }
        Key key = entry.inspectedKey();
        switch (alg) {
            case RSA_OAEP_256, RSA_OAEP, RSA1_5 -> {
                if (!(key instanceof RSAKey rsa)) {
                    return alg + " needs an RSA key";
                }
                int bits = rsa.getModulus().bitLength();
                return bits < Algorithms.MIN_RSA_BITS
                        ? "an RSA key of " + bits + " bits is under " + Algorithms.MIN_RSA_BITS + " bits"
                        : PublicKeyChecks.flaw(entry.publicKey());
            }
            case ECDH_ES, ECDH_ES_A128KW, ECDH_ES_A192KW, ECDH_ES_A256KW -> {
                if (!(key instanceof ECKey ec)) {
                    return alg + " needs an EC key";
                }
                String curve = EllipticCurves.getName(ec.getParams().getCurve());
                return List.of(EllipticCurves.P_256, EllipticCurves.P_384, EllipticCurves.P_521).contains(curve)
                        ? PublicKeyChecks.flaw(entry.publicKey())
                        : alg + " needs a P-256, P-384 or P-521 key, not " + curve;
            }
            case A128KW, A192KW, A256KW, A128GCMKW, A192GCMKW, A256GCMKW -> {
                int needed = Integer.parseInt(alg.substring(1, 4)) / 8;
                return secretOfLength(key, needed, alg);
            }
            case DIRECT -> {
                if (!(key instanceof SecretKey secret)) {
                    return "dir needs a secret";
                }
                if (enc != null) {
                    return secretOfLength(key, contentKeyBytes(enc), "dir with " + enc);
                }
                return CONTENT_KEY_BYTES.containsValue(length(secret)) ? null
                        : "dir needs a secret of 16, 24, 32, 48 or 64 bytes (the key of a content encryption"
                          + " algorithm), not " + length(secret);
            }
            case PBES2_HS256_A128KW, PBES2_HS384_A192KW, PBES2_HS512_A256KW -> {
                return key instanceof SecretKey ? null : alg + " needs a secret (the password)";
            }
            default -> {
                return "unsupported algorithm " + VerificationKeys.safe(alg, 20);
            }
        }
    }

    /**
     * Whether the entry is a secret whose {@code alg} is a content encryption algorithm: the content key itself, for
     * {@code dir} with that {@code enc} only (as in RFC 7520 section 5.6).
     */
    private static boolean isContentKey(KeyEntry entry) {
        return entry.isSecret() && entry.algorithm() != null && CONTENT.contains(entry.algorithm());
    }

    private static String secretOfLength(Key key, int needed, String what) {
        if (!(key instanceof SecretKey secret)) {
            return what + " needs a secret";
        }
        int length = length(secret);
        return length == needed ? null
                : what + " needs a secret of " + needed + " bytes, not " + length;
    }

    private static int length(SecretKey secret) {
        byte[] encoded = secret.getEncoded();
        return encoded == null ? 0 : encoded.length;
    }
}
