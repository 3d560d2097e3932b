package io.cameljwt.internal.jwe;

import java.security.Key;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.SecretKey;

import io.cameljwt.internal.keys.KeyEntry;
import io.cameljwt.internal.keys.KeyLoader;
import io.cameljwt.internal.keys.Pem;
import io.cameljwt.internal.settings.KeyStoreSettings;
import org.jose4j.keys.AesKey;

/**
 * Turns {@code encryptionKey} or {@code decryptionKey} into keys, once, at start, with the helpers of
 * {@link KeyLoader}. The value is one of: a {@code #bean} (a key, key pair, certificate, or text that is read as
 * below); {@code keyStore:ALIAS}, an entry of the endpoint's {@code keyStore}; or text, given inline or as a resource
 * ({@code classpath:}, {@code file:}, {@code ref:}): a JWK or JWK Set (a secret as {@code kty: oct}), or a PEM key
 * (encryptionKey: a public key or certificate; decryptionKey: a private key).
 */
final class JweKeys {

    /** The prefix that names an entry of the endpoint's key store. */
    static final String KEY_STORE_PREFIX = "keyStore:";

    private JweKeys() {
    }

    /**
     * @param decrypting true for {@code decryptionKey}, false for {@code encryptionKey}
     * @param option     the option's name, for messages (which never hold the value)
     * @param keyStore   the endpoint's key store, whose entries {@code keyStore:ALIAS} names
     */
    static List<KeyEntry> load(String value, String option, boolean decrypting, KeyStoreSettings keyStore,
                               KeyLoader loader) {
        Object bean = loader.reference(value, option);
        if (bean != null && !(bean instanceof String)) {
            return List.of(secretAsAes(fromBean(bean, option, decrypting)));
        }
        String text = (bean instanceof String beanText ? beanText : value).trim();
        if (text.startsWith(KEY_STORE_PREFIX)) {
            String alias = text.substring(KEY_STORE_PREFIX.length()).trim();
            if (alias.isEmpty()) {
                throw new IllegalArgumentException("Option '" + option + "': keyStore: needs the alias of an entry");
            }
            return List.of(secretAsAes(loader.keyStoreEntry(keyStore, alias, option)));
        }
        text = loader.text(text, option).trim();
        List<KeyEntry> entries = new ArrayList<>();
        if (text.startsWith("{")) {
            KeyLoader.jwkEntries(text, option).forEach(entry -> entries.add(secretAsAes(entry)));
        } else if (text.contains("-----BEGIN")) {
            if (decrypting) {
                PrivateKey key = Pem.privateKey(text, option);
                entries.add(new KeyEntry(option, null, null, null, key, KeyLoader.publicHalf(key)));
            } else {
                entries.add(new KeyEntry(option, null, null, null, Pem.publicKey(text, option), null));
            }
        } else {
            throw new IllegalArgumentException("Option '" + option + "' is neither a JWK, a PEM key, a key store entry"
                                               + " (keyStore:ALIAS) nor a #bean");
        }
        return entries;
    }

    private static KeyEntry fromBean(Object bean, String option, boolean decrypting) {
        Key key;
        PublicKey publicKey = null;
        if (bean instanceof KeyPair pair) {
            key = decrypting ? pair.getPrivate() : pair.getPublic();
            publicKey = pair.getPublic();
        } else if (bean instanceof Certificate certificate) {
            key = certificate.getPublicKey();
        } else if (bean instanceof PrivateKey privateKey) {
            key = privateKey;
            publicKey = KeyLoader.publicHalf(privateKey);
        } else if (bean instanceof Key other) {
            key = other;
        } else {
            throw new IllegalArgumentException("Option '" + option + "' refers to a bean (#name) that is neither a key,"
                                               + " a key pair, a certificate nor text");
        }
        return new KeyEntry(option, null, null, null, key, publicKey);
    }

    /**
     * jose4j's AES key wrap wants a key whose algorithm is "AES"; a secret from a key store or a bean may be called
     * "HmacSHA256" or anything else. Its bytes are what count, so every secret is carried as an AES key.
     */
    private static KeyEntry secretAsAes(KeyEntry entry) {
        if (!(entry.key() instanceof SecretKey secret) || "AES".equals(secret.getAlgorithm())) {
            return entry;
        }
        byte[] bytes = secret.getEncoded();
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("Option " + entry.describe() + ": the secret has no bytes to read");
        }
        return new KeyEntry(entry.option(), entry.kid(), entry.algorithm(), entry.use(), new AesKey(bytes),
                entry.publicKey(), entry.keyOps(), entry.alias());
    }
}
