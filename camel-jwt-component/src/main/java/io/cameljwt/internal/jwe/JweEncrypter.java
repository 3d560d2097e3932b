package io.cameljwt.internal.jwe;

import java.security.Key;
import java.util.List;
import java.util.stream.Collectors;

import io.cameljwt.internal.keys.KeyEntry;
import io.cameljwt.internal.keys.KeyLoader;
import io.cameljwt.internal.settings.JweSettings;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.lang.JoseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts the signed token of {@code jwt:generate} into a nested JWT (RFC 7519 section 5.2: a JWE whose {@code cty}
 * is {@code JWT}) with the endpoint's one encryption key, key management and content encryption algorithm, chosen
 * once at start. Thread-safe: each token gets its own jose4j object.
 */
public final class JweEncrypter {

    private static final Logger LOG = LoggerFactory.getLogger(JweEncrypter.class);

    private final Key key;
    private final String algorithm;
    private final String contentAlgorithm;
    private final String kid;
    private final AlgorithmConstraints algorithmConstraints;
    private final AlgorithmConstraints contentConstraints;

    private JweEncrypter(Key key, String algorithm, String contentAlgorithm, String kid) {
        this.key = key;
        this.algorithm = algorithm;
        this.contentAlgorithm = contentAlgorithm;
        this.kid = kid;
        // jose4j blocks RSA1_5 and PBES2 by default; here the one configured algorithm is permitted, nothing else
        this.algorithmConstraints = new AlgorithmConstraints(ConstraintType.PERMIT, algorithm);
        this.contentConstraints = new AlgorithmConstraints(ConstraintType.PERMIT, contentAlgorithm);
    }

    /**
     * The encrypter of a generate endpoint, or null when it has no {@code encryptionKey}. Then the algorithm options
     * must not be set either: they would suggest that tokens are encrypted when they are not.
     */
    public static JweEncrypter of(JweSettings settings, KeyLoader loader) {
        if (settings.encryptionKey() == null) {
            for (String option : List.of("keyManagementAlgorithm", "contentEncryptionAlgorithm")) {
                String value = option.equals("keyManagementAlgorithm") ? settings.keyManagementAlgorithm()
                        : settings.contentEncryptionAlgorithm();
                if (value != null && !value.isBlank()) {
                    throw new IllegalArgumentException("Option '" + option + "' is set but 'encryptionKey' is not: generate"
                                                       + " would issue tokens that are signed but not encrypted");
                }
            }
            return null;
        }
        KeyEntry entry = select(JweKeys.load(settings.encryptionKey(), "encryptionKey", false, settings.keyStore(), loader));
        String configured = single(settings.keyManagementAlgorithm(), "keyManagementAlgorithm");
        String algorithm = configured != null ? configured : JweAlgorithms.defaultFor(entry);
        if (algorithm == null) {
            throw new IllegalArgumentException("Option 'keyManagementAlgorithm' is needed: no default fits the key of "
                                               + entry.describe() + whyNoDefault(entry));
        }
        JweAlgorithms.requireKeyManagement(algorithm);
        String configuredContent = single(settings.contentEncryptionAlgorithm(), "contentEncryptionAlgorithm");
        String content = configuredContent != null ? configuredContent
                : algorithm.equals(KeyManagementAlgorithmIdentifiers.DIRECT) ? JweAlgorithms.contentForDirect(entry)
                : JweAlgorithms.DEFAULT_CONTENT;
        if (content == null) {
            throw new IllegalArgumentException("Option 'contentEncryptionAlgorithm' is needed: no content encryption"
                                               + " algorithm has a key the size of the secret of " + entry.describe());
        }
        JweAlgorithms.requireContent(content);
        String misfit = JweAlgorithms.misfit(algorithm, content, entry);
        if (misfit != null) {
            // dir fits the key but not this content algorithm; or the configured algorithm is wrong; or, with no
            // algorithm configured, the key itself (a small RSA key, say)
            String blamed = configuredContent != null && JweAlgorithms.misfit(algorithm, null, entry) == null
                    ? "Option 'contentEncryptionAlgorithm': " + content + " does not fit the key of " + entry.describe()
                    : configured != null
                    ? "Option 'keyManagementAlgorithm': " + algorithm + " does not fit the key of " + entry.describe()
                    : "Option " + entry.describe();
            throw new IllegalArgumentException(blamed + ": " + misfit);
        }
        if (JweAlgorithms.OPT_IN.contains(algorithm)) {
            LOG.warn("A jwt:generate endpoint encrypts with {}, which many recipients refuse: prefer {}", algorithm,
                    algorithm.startsWith("RSA") ? "RSA-OAEP-256" : "a key wrap with a random AES key (A256KW)");
        }
        return new JweEncrypter(JweAlgorithms.key(entry, false), algorithm, content, entry.name());
    }

    /** The one key of the option that can encrypt. */
    private static KeyEntry select(List<KeyEntry> entries) {
        List<KeyEntry> usable = entries.stream().filter(e -> JweAlgorithms.whyUnusable(e, false) == null).toList();
        if (usable.isEmpty()) {
            KeyEntry first = entries.get(0);
            throw new IllegalArgumentException("Option " + first.describe() + ": "
                                               + JweAlgorithms.whyUnusable(first, false)
                                               + (entries.size() > 1 ? " (and no other key of it can encrypt)" : ""));
        }
        if (usable.size() > 1) {
            throw new IllegalArgumentException("Option 'encryptionKey' holds several keys that can encrypt ("
                                               + usable.stream().map(KeyEntry::describe).collect(Collectors.joining(", "))
                                               + "): give the one to encrypt to");
        }
        return usable.get(0);
    }

    private static String whyNoDefault(KeyEntry entry) {
        if (entry.algorithm() != null && JweAlgorithms.OPT_IN.contains(entry.algorithm())) {
            return " (it is bound to " + entry.algorithm() + ", which is used only when keyManagementAlgorithm names it)";
        }
        return entry.isSecret() ? " (a secret of 16, 24 or 32 bytes gets an AES key wrap; set dir or PBES2 explicitly)" : "";
    }

    private static String single(String value, String option) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.contains(",")) {
            throw new IllegalArgumentException("Option '" + option + "': generate encrypts with one algorithm, not a list");
        }
        return value.trim();
    }

    /** The nested token: {@code signedToken} encrypted, with {@code cty: JWT} and the key's {@code kid}, if any. */
    public String encrypt(String signedToken) throws JoseException {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmConstraints(algorithmConstraints);
        jwe.setContentEncryptionAlgorithmConstraints(contentConstraints);
        jwe.setAlgorithmHeaderValue(algorithm);
        jwe.setEncryptionMethodHeaderParameter(contentAlgorithm);
        jwe.setContentTypeHeaderValue("JWT");
        if (kid != null) {
            jwe.setKeyIdHeaderValue(kid);
        }
        jwe.setKey(key);
        jwe.setPlaintext(signedToken);
        return jwe.getCompactSerialization();
    }
}
