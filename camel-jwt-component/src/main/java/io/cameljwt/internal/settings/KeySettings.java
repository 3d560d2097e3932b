package io.cameljwt.internal.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * The local key options of an endpoint, as given (text, resource, or {@code #bean}): they are read into keys by
 * {@code KeyLoader}, which names the option in every error. Holds key material: {@link #toString()} never shows it.
 *
 * @param algorithm      {@code algorithm}: generate's one algorithm, or validate's comma list; null for the keys' defaults
 * @param secret         {@code secret}, or null
 * @param secretEncoding {@code secretEncoding} (utf8, base64, base64url or hex)
 * @param privateKey     {@code privateKey}, or null
 * @param publicKey      {@code publicKey}, or null
 * @param keyStore       the key store options ({@link KeyStoreSettings#NONE} without a key store)
 * @param jwks           {@code jwks}, or null
 * @param keyId          {@code keyId}, or null
 */
public record KeySettings(String algorithm, String secret, String secretEncoding, String privateKey, String publicKey,
                          KeyStoreSettings keyStore, String jwks, String keyId) {

    public KeySettings {
        keyStore = keyStore == null ? KeyStoreSettings.NONE : keyStore;
    }

    /** The names of the key options that are set, in option order: secret, privateKey, publicKey, keyStore, jwks. */
    public List<String> setOptions() {
        List<String> set = new ArrayList<>();
        Object[] values = { secret, privateKey, publicKey, keyStore.store(), jwks };
        String[] names = { "secret", "privateKey", "publicKey", "keyStore", "jwks" };
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                set.add(names[i]);
            }
        }
        return set;
    }

    /** Names the options that are set, never their values. */
    @Override
    public String toString() {
        return "KeySettings[algorithm=" + algorithm + ", keys=" + setOptions() + ", keyId=" + keyId + "]";
    }
}
