package io.cameljwt.internal.settings;

/**
 * The key store options: {@code keyStore} (a resource text, a Camel {@code KeyStoreParameters} or a
 * {@code KeyStore}), its password, the entry to use and that entry's password. Shared by the signature keys and by
 * the JWE keys that name an entry ({@code keyStore:ALIAS}).
 *
 * @param store         the {@code keyStore} value, or null without a key store
 * @param storePassword {@code keyStorePassword}, or null
 * @param alias         {@code keyAlias}, or null for every entry
 * @param keyPassword   {@code keyPassword}, or null for the store's password
 */
public record KeyStoreSettings(Object store, String storePassword, String alias, String keyPassword) {

    /** No key store. */
    public static final KeyStoreSettings NONE = new KeyStoreSettings(null, null, null, null);

    /** Names the options that are set, never their values (passwords). */
    @Override
    public String toString() {
        return "KeyStoreSettings[store=" + (store != null ? "set" : "none") + ", alias=" + alias + "]";
    }
}
