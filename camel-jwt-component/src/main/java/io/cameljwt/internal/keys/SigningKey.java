package io.cameljwt.internal.keys;

import java.util.List;
import java.util.stream.Collectors;

import io.cameljwt.internal.settings.KeySettings;

/**
 * The key, algorithm and {@code kid} that generate signs with, chosen once from the configured keys.
 */
public record SigningKey(KeyEntry entry, String algorithm, String kid) {

    public static SigningKey select(List<KeyEntry> keys, KeySettings settings) {
        List<KeyEntry> signers = keys.stream().filter(KeyEntry::canSign).toList();
        if (signers.isEmpty()) {
            throw new IllegalArgumentException(
                    "generate needs a signing key: set 'secret', 'privateKey', 'keyStore' (with a private key entry that"
                                               + " opens with 'keyPassword')"
                                               + " or 'jwks' (with a private key)");
        }
        KeyEntry chosen;
        if (settings.keyId() != null) {
            chosen = namedBy(settings.keyId(), signers, "signing key");
        } else if (signers.size() == 1) {
            chosen = signers.get(0);
        } else {
            throw new IllegalArgumentException("Several signing keys are configured ("
                                               + signers.stream().map(KeyEntry::describe).distinct()
                                                       .collect(Collectors.joining(", "))
                                               + "): set 'keyId' to choose a JWK, or a key store entry by its alias"
                                               + " ('keyAlias' loads that entry only), or keep one signing key");
        }
        String algorithm = settings.algorithm() != null ? settings.algorithm().trim() : Algorithms.defaultFor(chosen);
        if (algorithm == null) {
            throw new IllegalArgumentException("Option 'algorithm' is needed: no default fits the signing key");
        }
        if (algorithm.contains(",")) {
            throw new IllegalArgumentException("Option 'algorithm': generate signs with one algorithm, not a list");
        }
        Algorithms.requireUsable(algorithm);
        String misfit = Algorithms.misfit(algorithm, chosen);
        if (misfit != null) {
            // with no algorithm configured, the key itself is what is wrong (a short secret, a small RSA key)
            throw new IllegalArgumentException(settings.algorithm() == null
                    ? "Option " + chosen.describe() + ": " + misfit
                    : "Option 'algorithm': " + algorithm + " does not fit the key of " + chosen.describe() + ": " + misfit);
        }
        String kid = settings.keyId() != null ? settings.keyId() : chosen.name();
        return new SigningKey(chosen, algorithm, kid);
    }

    /**
     * The key that {@code keyId} names among {@code keys}: the one whose kid (or key store alias) it is, else the one
     * key without a kid, which then takes {@code keyId} as its kid (a PEM key, or a key store entry chosen by
     * {@code keyAlias}). jwks names the key it publishes by the same rule, so tokens and the published set agree.
     *
     * @param what what the keys are, for the message
     */
    static KeyEntry namedBy(String keyId, List<KeyEntry> keys, String what) {
        List<KeyEntry> byName = keys.stream().filter(k -> keyId.equals(k.name())).toList();
        List<KeyEntry> withoutKid = keys.stream().filter(k -> k.kid() == null).toList();
        List<KeyEntry> candidates = !byName.isEmpty() ? byName : withoutKid;
        if (candidates.size() != 1) {
            throw new IllegalArgumentException(candidates.isEmpty()
                    ? "Option 'keyId': no " + what + " has kid " + keyId
                    : "Option 'keyId': several " + what + "s match " + keyId + "; keep one");
        }
        return candidates.get(0);
    }
}
