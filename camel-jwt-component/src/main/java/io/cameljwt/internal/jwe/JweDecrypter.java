package io.cameljwt.internal.jwe;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.cameljwt.JwtFailure;
import io.cameljwt.internal.keys.KeyEntry;
import io.cameljwt.internal.keys.KeyLoader;
import io.cameljwt.internal.keys.KeysByAlgorithm;
import io.cameljwt.internal.keys.VerificationKeys;
import io.cameljwt.internal.settings.JweSettings;
import io.cameljwt.internal.settings.OptionValues;
import io.cameljwt.internal.token.CompactJws;
import io.cameljwt.internal.token.TokenRefusal;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwx.Headers;
import org.jose4j.lang.JoseException;
import org.jose4j.zip.CompressionAlgorithmIdentifiers;

/**
 * Opens the encrypted tokens of {@code jwt:validate} and {@code jwt:decode}, before the signed token inside goes the
 * usual way ({@link io.cameljwt.internal.verify.JwsVerifier} or {@link io.cameljwt.internal.token.Token}).
 * The key management and content encryption algorithms are explicit allowlists that fit the keys; keys are never
 * taken from the token ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c} are not read). Without a
 * {@code decryptionKey}, tokens pass through untouched and {@link CompactJws} refuses an encrypted one.
 */
public final class JweDecrypter {

    private static final JweDecrypter NONE = new JweDecrypter();

    /** What a refusal says when the plaintext is not a signed token: the same whatever it is instead. */
    private static final String NOT_SIGNED = "the encrypted token does not hold a signed JWT (JWS): tokens that are"
                                             + " only encrypted are not accepted";

    /** The accepted key management algorithms, each with the keys that fit it. Empty when nothing is decrypted. */
    private final Map<String, List<KeyEntry>> byAlgorithm;
    private final Set<String> contentAlgorithms;
    private final AlgorithmConstraints algorithmConstraints;
    private final AlgorithmConstraints contentConstraints;
    private final boolean requireEncryption;
    private final boolean allowCompression;
    private final long maxPbes2Count;
    private final int maxTokenLength;

    /** Decrypts nothing. */
    private JweDecrypter() {
        this.byAlgorithm = Map.of();
        this.contentAlgorithms = Set.of();
        this.algorithmConstraints = AlgorithmConstraints.DISALLOW_NONE;
        this.contentConstraints = AlgorithmConstraints.DISALLOW_NONE;
        this.requireEncryption = false;
        this.allowCompression = false;
        this.maxPbes2Count = 0;
        this.maxTokenLength = 0;
    }

    /**
     * The decrypter of a validate or decode endpoint: with its {@code decryptionKey}, or one that decrypts nothing.
     * Without a decryption key, {@code keyManagementAlgorithm} and {@code contentEncryptionAlgorithm} are left alone
     * (they may be the component's, meant for its generate endpoints); encrypted tokens are refused anyway.
     */
    public static JweDecrypter of(JweSettings settings, KeyLoader loader) {
        if (settings.decryptionKey() == null) {
            if (settings.requireEncryption()) {
                throw new IllegalArgumentException("Option 'requireEncryption' needs 'decryptionKey'");
            }
            return NONE;
        }
        return new JweDecrypter(JweKeys.load(settings.decryptionKey(), "decryptionKey", true, settings.keyStore(), loader),
                settings);
    }

    /** A decrypter with these keys (as {@code decryptionKey} would give them) and the endpoint's options. */
    JweDecrypter(List<KeyEntry> keys, JweSettings settings) {
        List<KeyEntry> usable = keys.stream().filter(k -> JweAlgorithms.whyUnusable(k, true) == null).toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException(keys.size() == 1
                    ? "Option " + keys.get(0).describe() + ": " + JweAlgorithms.whyUnusable(keys.get(0), true)
                    : "Option 'decryptionKey' holds no key that can decrypt ("
                      + keys.stream().map(k -> k.describe() + ": " + JweAlgorithms.whyUnusable(k, true))
                              .collect(Collectors.joining("; "))
                      + ")");
        }
        // a weak key is named before any algorithm is fitted, so the message blames the key
        for (KeyEntry key : usable) {
            List<String> defaults = JweAlgorithms.acceptedByDefault(key);
            String weakness = defaults.isEmpty() ? null : JweAlgorithms.misfit(defaults.get(0), null, key);
            if (weakness != null) {
                throw new IllegalArgumentException("Option " + key.describe() + ": " + weakness);
            }
        }
        this.byAlgorithm = Collections.unmodifiableMap(keysByAlgorithm(usable, settings.keyManagementAlgorithm()));
        this.contentAlgorithms = Collections.unmodifiableSet(contentAlgorithms(settings.contentEncryptionAlgorithm()));
        // jose4j checks the same lists again (and would otherwise block RSA1_5 and PBES2 even where named)
        this.algorithmConstraints = new AlgorithmConstraints(ConstraintType.PERMIT, byAlgorithm.keySet().toArray(String[]::new));
        this.contentConstraints = new AlgorithmConstraints(ConstraintType.PERMIT, contentAlgorithms.toArray(String[]::new));
        this.requireEncryption = settings.requireEncryption();
        this.allowCompression = settings.allowCompression();
        this.maxPbes2Count = settings.maxPbes2Count();
        this.maxTokenLength = settings.maxTokenLength();
    }

    private static Map<String, List<KeyEntry>> keysByAlgorithm(List<KeyEntry> usable, String option) {
        Set<String> accepted = new LinkedHashSet<>();
        List<String> configured = OptionValues.commaList(option);
        if (!configured.isEmpty()) {
            configured.forEach(JweAlgorithms::requireKeyManagement);
            accepted.addAll(configured);
        } else {
            for (KeyEntry key : usable) {
                List<String> defaults = JweAlgorithms.acceptedByDefault(key);
                if (defaults.isEmpty()) {
                    throw new IllegalArgumentException("Option 'keyManagementAlgorithm' is needed: no default fits the key"
                                                       + " of " + key.describe() + whyNoDefault(key));
                }
                accepted.addAll(defaults);
            }
        }
        return KeysByAlgorithm.of(accepted, usable, (alg, key) -> JweAlgorithms.misfit(alg, null, key),
                "keyManagementAlgorithm");
    }

    /** The configured content algorithms, each of which must fit; by default every one that fits. */
    private Set<String> contentAlgorithms(String option) {
        List<String> configured = OptionValues.commaList(option);
        configured.forEach(JweAlgorithms::requireContent);
        Set<String> accepted = new LinkedHashSet<>();
        for (String enc : configured.isEmpty() ? JweAlgorithms.CONTENT : configured) {
            if (byAlgorithm.keySet().stream().anyMatch(alg -> !fitting(alg, enc).isEmpty())) {
                accepted.add(enc);
            } else if (!configured.isEmpty()) {
                // only dir depends on enc: its secret is the content key itself
                throw new IllegalArgumentException("Option 'contentEncryptionAlgorithm': " + enc + " fits none of the"
                                                   + " keys with the accepted key management algorithms ("
                                                   + String.join(", ", byAlgorithm.keySet()) + ")");
            }
        }
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("Option 'contentEncryptionAlgorithm' is needed: no content encryption"
                                               + " algorithm has a key the size of the secret for dir");
        }
        return accepted;
    }

    private static String whyNoDefault(KeyEntry key) {
        if (key.algorithm() != null && JweAlgorithms.OPT_IN.contains(key.algorithm())) {
            return " (it is bound to " + key.algorithm() + ", which is accepted only when keyManagementAlgorithm names it)";
        }
        return key.isSecret() ? " (a secret of 16, 24 or 32 bytes gets the AES key wraps; name dir or PBES2 explicitly)" : "";
    }

    /** The keys that fit {@code alg} with {@code enc}: for dir the secret must be the size of enc's key. */
    private List<KeyEntry> fitting(String alg, String enc) {
        List<KeyEntry> keys = byAlgorithm.get(alg);
        if (!alg.equals(KeyManagementAlgorithmIdentifiers.DIRECT)) {
            return keys;
        }
        return keys.stream().filter(k -> JweAlgorithms.misfit(alg, enc, k) == null).toList();
    }

    /**
     * The signed token to verify: the token itself if it is not encrypted, else the signed token it encrypts. With
     * {@code requireEncryption}, a token that is not encrypted is refused.
     */
    public String unwrap(String token) throws TokenRefusal {
        if (byAlgorithm.isEmpty()) {
            return token;
        }
        if (CompactJws.checkSyntax(token) != JsonWebEncryption.COMPACT_SERIALIZATION_PARTS) {
            if (requireEncryption) {
                throw new TokenRefusal(JwtFailure.MALFORMED,
                        "the token is not encrypted (JWE), and this endpoint accepts only encrypted tokens (requireEncryption)");
            }
            return token; // the JWS path reads it, and refuses what is no JWS
        }
        return signedToken(decryptWellFormed(token));
    }

    /**
     * The plaintext of an encrypted token, at most {@code maxTokenLength} bytes. Every check of the form, the header,
     * the algorithms and the key comes before any key is used; every failure of decryption itself reads the same, so
     * a refusal tells nothing about why (padding, tag or key).
     */
    byte[] decrypt(String token) throws TokenRefusal {
        int parts = CompactJws.checkSyntax(token);
        if (parts != JsonWebEncryption.COMPACT_SERIALIZATION_PARTS) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "a JWE has five parts separated by dots, this token has " + parts);
        }
        return decryptWellFormed(token);
    }

    /** As {@link #decrypt}, for a token whose five parts {@link CompactJws#checkSyntax} has accepted. */
    private byte[] decryptWellFormed(String token) throws TokenRefusal {
        CompactJws.checkHeaderLimits(token);
        JsonWebEncryption jwe = new JsonWebEncryption();
        try {
            jwe.setCompactSerialization(token);
        } catch (JoseException | RuntimeException e) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the token is not a well-formed JWE: its header is not a JSON"
                                                         + " object, or its ciphertext or tag is empty");
        }
        List<KeyEntry> candidates = candidates(jwe.getHeaders());
        jwe.setAlgorithmConstraints(algorithmConstraints);
        jwe.setContentEncryptionAlgorithmConstraints(contentConstraints);
        for (KeyEntry candidate : candidates) {
            try {
                jwe.setKey(JweAlgorithms.key(candidate, true));
                byte[] plaintext = jwe.getPlaintextBytes();
                if (plaintext.length > maxTokenLength) {
                    throw new TokenRefusal(JwtFailure.TOO_LARGE,
                            "the decrypted token is longer than maxTokenLength (" + maxTokenLength + " characters)");
                }
                return plaintext;
            } catch (JoseException | RuntimeException e) {
                // this key does not open it (or the token is damaged); another candidate may
            }
        }
        throw new TokenRefusal(JwtFailure.DECRYPTION_FAILED, "the token cannot be decrypted with the configured key"
                                                             + (candidates.size() > 1 ? "s" : ""));
    }

    /**
     * Checks the JOSE header of an encrypted token and returns the keys to try: those that fit its {@code alg} (and,
     * for dir, its {@code enc}) and, where it names a {@code kid}, have that kid or none.
     */
    private List<KeyEntry> candidates(Headers header) throws TokenRefusal {
        Object alg = header.getObjectHeaderValue("alg");
        Object enc = header.getObjectHeaderValue("enc");
        if (!(alg instanceof String algorithm)) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the token header has no alg");
        }
        if (!(enc instanceof String content)) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the encrypted token's header has no enc");
        }
        // RFC 7516 section 4.1.13: this component understands no extension, so any crit means the token cannot be read
        if (header.getObjectHeaderValue("crit") != null) {
            throw new TokenRefusal(JwtFailure.MALFORMED,
                    "the token names critical header parameters (crit) this endpoint does not understand");
        }
        if (!byAlgorithm.containsKey(algorithm)) {
            throw new TokenRefusal(JwtFailure.ALGORITHM_NOT_ALLOWED,
                    "key management algorithm " + VerificationKeys.safe(algorithm, 20) + " is not accepted");
        }
        if (!contentAlgorithms.contains(content)) {
            throw new TokenRefusal(JwtFailure.ALGORITHM_NOT_ALLOWED,
                    "content encryption algorithm " + VerificationKeys.safe(content, 20) + " is not accepted");
        }
        Object zip = header.getObjectHeaderValue("zip");
        if (zip != null && !allowCompression) {
            throw new TokenRefusal(JwtFailure.ALGORITHM_NOT_ALLOWED,
                    "the token is compressed (zip), which this endpoint does not accept (allowCompression)");
        }
        if (zip != null && !CompressionAlgorithmIdentifiers.DEFLATE.equals(zip)) {
            throw new TokenRefusal(JwtFailure.ALGORITHM_NOT_ALLOWED, "compression other than zip DEF is not accepted");
        }
        Object cty = header.getObjectHeaderValue("cty");
        if (cty != null && !(cty instanceof String type && (type.equalsIgnoreCase("JWT")
                                                            || type.equalsIgnoreCase("application/jwt")))) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the encrypted token's cty is not JWT: " + NOT_SIGNED);
        }
        if (JweAlgorithms.OPT_IN.contains(algorithm) && algorithm.startsWith("PBES2")) {
            checkIterationCount(header.getObjectHeaderValue("p2c"));
        }
        Object kid = header.getObjectHeaderValue("kid");
        if (kid != null && !(kid instanceof String)) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the token's kid is not a string");
        }
        List<KeyEntry> fitting = fitting(algorithm, content);
        List<KeyEntry> matching = fitting.stream().filter(k -> kid == null || k.kid() == null || k.kid().equals(kid))
                .toList();
        if (matching.isEmpty()) {
            throw new TokenRefusal(JwtFailure.KEY_NOT_FOUND, fitting.isEmpty()
                    ? "no " + algorithm + " key is the size that " + VerificationKeys.safe(content, 20) + " needs"
                    : "no " + algorithm + " key has the token's kid");
        }
        return matching;
    }

    /** PBKDF2 runs before anything can be checked, so the sender's count is bounded before it runs. */
    private void checkIterationCount(Object p2c) throws TokenRefusal {
        if (!(p2c instanceof Long count) || count < 1) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the token's p2c (PBES2 iteration count) is not a positive integer");
        }
        if (count > maxPbes2Count) {
            throw new TokenRefusal(JwtFailure.ALGORITHM_NOT_ALLOWED,
                    "the token's PBES2 iteration count is above maxPbes2Count (" + maxPbes2Count + ")");
        }
    }

    /** The plaintext as the compact JWS it must be; nested encryption and bare claims are refused. */
    private static String signedToken(byte[] plaintext) throws TokenRefusal {
        String inner;
        try {
            inner = StandardCharsets.US_ASCII.newDecoder().decode(ByteBuffer.wrap(plaintext)).toString();
        } catch (CharacterCodingException e) {
            throw new TokenRefusal(JwtFailure.MALFORMED, NOT_SIGNED);
        }
        int parts;
        try {
            parts = CompactJws.checkSyntax(inner);
        } catch (TokenRefusal e) {
            throw new TokenRefusal(JwtFailure.MALFORMED, NOT_SIGNED);
        }
        if (parts != 3) {
            throw new TokenRefusal(JwtFailure.MALFORMED, NOT_SIGNED);
        }
        return inner;
    }
}
