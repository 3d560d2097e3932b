package io.cameljwt.internal.settings;

/**
 * The options of encrypted tokens (JWE). Holds key material: {@link #toString()} never shows it.
 *
 * @param encryptionKey              {@code encryptionKey} (generate), or null
 * @param decryptionKey              {@code decryptionKey} (validate, decode), or null
 * @param keyManagementAlgorithm     {@code keyManagementAlgorithm} (a comma list for validate and decode), or null
 * @param contentEncryptionAlgorithm {@code contentEncryptionAlgorithm} (likewise), or null
 * @param requireEncryption          {@code requireEncryption}
 * @param allowCompression           {@code allowCompression}
 * @param maxPbes2Count              {@code maxPbes2Count}
 * @param maxTokenLength             {@code maxTokenLength}, which bounds the decrypted token too
 * @param keyStore                   the key store whose entries {@code keyStore:ALIAS} names
 */
public record JweSettings(String encryptionKey, String decryptionKey, String keyManagementAlgorithm,
                          String contentEncryptionAlgorithm, boolean requireEncryption, boolean allowCompression,
                          int maxPbes2Count, int maxTokenLength, KeyStoreSettings keyStore) {

    public JweSettings {
        keyStore = keyStore == null ? KeyStoreSettings.NONE : keyStore;
    }

    /** Names the options that are set, never their values. */
    @Override
    public String toString() {
        return "JweSettings[encryptionKey=" + (encryptionKey != null ? "set" : "none") + ", decryptionKey="
               + (decryptionKey != null ? "set" : "none") + ", keyManagementAlgorithm=" + keyManagementAlgorithm
               + ", contentEncryptionAlgorithm=" + contentEncryptionAlgorithm + "]";
    }
}
