package io.cameljwt.internal.keys;

import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * One usable key with the JWK attributes that select it.
 *
 * @param option    the option it came from, for error messages (never the key itself)
 * @param kid       the key id, or null
 * @param algorithm the {@code alg} the key is bound to, or null
 * @param use       the JWK {@code use}, or null
 * @param key       a {@link java.security.PublicKey}, {@link java.security.PrivateKey} or {@link javax.crypto.SecretKey}
 * @param publicKey for a private key, its public half where known (to publish it or to verify with it), else null
 */
public record KeyEntry(String option, String kid, String algorithm, String use, Key key, PublicKey publicKey) {

    public KeyEntry {
        if (publicKey == null && key instanceof PublicKey pub) {
            publicKey = pub;
        }
    }

    public boolean isPrivate() {
        return key instanceof PrivateKey;
    }

    public boolean isSecret() {
        return key instanceof javax.crypto.SecretKey;
    }

    /** The key to verify signatures with: the secret, or the public half. Null if this entry cannot verify. */
    public Key verificationKey() {
        return isSecret() ? key : publicKey;
    }

    /** What this entry is called in messages: its option and kid, never its material. */
    public String describe() {
        return kid == null ? "'" + option + "'" : "'" + option + "' (kid " + kid + ")";
    }
}
