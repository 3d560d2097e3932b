package io.cameljwt.internal.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cameljwt.internal.settings.KeySettings;
import io.cameljwt.internal.settings.KeyStoreSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Turns the key options ({@code secret}, {@code privateKey}, {@code publicKey}, {@code keyStore}, {@code jwks}) into
 * {@link KeyEntry}s, once, at start. Messages name the option, never the key.
 */
public final class KeyLoader {

    private static final List<String> RESOURCE_SCHEMES = List.of("classpath:", "file:", "ref:");

    private final CamelContext context;

    public KeyLoader(CamelContext context) {
        this.context = context;
    }

    /** Every key the configuration names, in option order: secret, privateKey, publicKey, keyStore, jwks. */
    public List<KeyEntry> load(KeySettings settings) {
        List<KeyEntry> entries = new ArrayList<>();
        if (settings.secret() != null) {
            entries.add(new KeyEntry("secret", null, null, null,
                    new HmacKey(decodeSecret(secretText(settings.secret()), settings.secretEncoding())), null));
        }
        if (settings.privateKey() != null) {
            PrivateKey key = Pem.privateKey(text(settings.privateKey(), "privateKey"), "privateKey");
            entries.add(new KeyEntry("privateKey", null, null, null, key, publicHalf(key)));
        }
        if (settings.publicKey() != null) {
            PublicKey key = Pem.publicKey(text(settings.publicKey(), "publicKey"), "publicKey");
            entries.add(new KeyEntry("publicKey", null, null, null, key, null));
        }
        if (settings.keyStore().store() != null) {
            entries.addAll(keyStoreEntries(settings.keyStore()));
        }
        if (settings.jwks() != null) {
            entries.addAll(jwkEntries(text(settings.jwks(), "jwks"), "jwks"));
        }
        return entries;
    }

    /**
     * The keys of a JWK or JWK Set (JSON text). Every key must be readable: a key that is not (a missing member, an
     * empty secret, an RSA exponent under 3) is refused with its position and kid, rather than left out of the set
     * as jose4j's {@code JsonWebKeySet} would.
     */
    public static List<KeyEntry> jwkEntries(String json, String option) {
        return jwkEntries(json, option, null);
    }

    /**
     * As {@link #jwkEntries(String, String)}, for a JWK Set fetched from {@code option}'s URI: only a JWK Set is
     * accepted, and a key that is not readable is left out and said in {@code skipped} (an identity provider's set may
     * hold keys of kinds this component does not know, next to the ones it needs).
     */
    public static List<KeyEntry> fetchedJwkEntries(String json, String option, List<String> skipped) {
        return jwkEntries(json, option, skipped);
    }

    private static List<KeyEntry> jwkEntries(String json, String option, List<String> skipped) {
        String subject = skipped == null ? "Option '" + option + "'" : "the answer";
        List<?> members;
        boolean isSet;
        try {
            Map<String, Object> parsed = JsonUtil.parseJson(json);
            isSet = parsed.containsKey("keys");
            if (!isSet && skipped != null) {
                throw new IllegalArgumentException("not a JWK Set");
            }
            members = isSet ? (List<?>) parsed.get("keys") : List.of(parsed);
        } catch (JoseException | RuntimeException e) {
            throw new IllegalArgumentException(subject + " is not a valid " + (skipped != null ? "JWK Set" : "JWK or JWK Set"));
        }
        List<KeyEntry> entries = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String which = isSet ? "key " + (i + 1) + " of the JWK Set" : "the JWK";
            try {
                KeyEntry entry = jwkEntry(members.get(i), option, skipped == null ? "Option '" + option + "': " + which
                        : which);
                if (entry != null) {
                    entries.add(entry);
                }
            } catch (IllegalArgumentException e) {
                if (skipped == null) {
                    throw e;
                }
                skipped.add(e.getMessage());
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(subject + " holds no usable key");
        }
        return Collections.unmodifiableList(entries);
    }

    /**
     * One member of a JWK Set as a key, or null if it holds no key; an unreadable member is refused, with a message
     * that starts with {@code which}.
     */
    private static KeyEntry jwkEntry(Object member, String option, String which) {
        if (!(member instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(which + " is not a JSON object");
        }
        JsonWebKey jwk;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) map;
            jwk = JsonWebKey.Factory.newJwk(params);
        } catch (JoseException | RuntimeException e) {
            Object kid = map.get("kid");
            throw new IllegalArgumentException(which
                                               + (kid instanceof String k ? " (kid " + VerificationKeys.safe(k, 64) + ")" : "")
                                               + " is not a valid key (" + rootCause(e).getClass().getSimpleName() + ")");
        }
        Key key;
        PublicKey publicKey = null;
        if (jwk instanceof PublicJsonWebKey pub) {
            publicKey = pub.getPublicKey();
            key = pub.getPrivateKey() != null ? pub.getPrivateKey() : publicKey;
        } else {
            key = jwk.getKey();
        }
        return key == null ? null
                : new KeyEntry(option, jwk.getKeyId(), jwk.getAlgorithm(), jwk.getUse(), key, publicKey, keyOps(jwk, option));
    }

    /** The innermost cause, whose type says what was wrong (its message might quote the key, so it is not used). */
    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The JWK's {@code key_ops}, or null without them; a list that is not all strings is refused. */
    private static List<String> keyOps(JsonWebKey jwk, String option) {
        List<?> ops = jwk.getKeyOps();
        if (ops == null) {
            return null;
        }
        List<String> strings = new ArrayList<>(ops.size());
        for (Object op : ops) {
            if (!(op instanceof String s)) {
                throw new IllegalArgumentException("Option '" + option + "': the key_ops of a key are not all strings");
            }
            strings.add(s);
        }
        return strings;
    }

    static byte[] decodeSecret(String secret, String encoding) {
        String name = encoding == null ? "utf8" : encoding.toLowerCase(Locale.ROOT);
        try {
            byte[] bytes = switch (name) {
                case "utf8" -> secret.getBytes(StandardCharsets.UTF_8);
                case "base64" -> decodeBase64(secret);
                case "base64url" -> Base64.getUrlDecoder().decode(secret.trim());
                case "hex" -> HexFormat.of().parseHex(secret.trim());
                default -> throw new IllegalArgumentException(
                        "Option 'secretEncoding' must be utf8, base64, base64url or hex, not '" + encoding + "'");
            };
            if (bytes.length == 0) {
                throw new IllegalArgumentException("Option 'secret' is empty");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Option '")) {
                throw e;
            }
            // the decoder's own message may quote the input: do not pass it on
            throw new IllegalArgumentException("Option 'secret' is not valid " + name);
        }
    }

    /**
     * Strict Base64, split over lines or not. A lenient decoder would skip the spaces that a '+' becomes in a URI without
     * RAW(...), and quietly yield another, shorter secret.
     */
    private static byte[] decodeBase64(String secret) {
        if (secret.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("Option 'secret' holds a space, which base64 never does: in a URI a '+'"
                                               + " turns into a space unless the value is wrapped in RAW(...)");
        }
        return Base64.getDecoder().decode(secret.strip().replaceAll("[\\r\\n]", ""));
    }

    private List<KeyEntry> keyStoreEntries(KeyStoreSettings settings) {
        KeyStore store = openKeyStore(settings);
        char[] keyPassword = keyPassword(settings);
        List<KeyEntry> entries = new ArrayList<>();
        try {
            List<String> aliases = settings.alias() != null
                    ? List.of(settings.alias()) : Collections.list(store.aliases());
            for (String alias : aliases) {
                if (!store.containsAlias(alias)) {
                    throw new IllegalArgumentException("Option 'keyAlias': the key store has no entry '" + alias + "'");
                }
                Certificate certificate = store.getCertificate(alias);
                PublicKey publicKey = certificate != null ? certificate.getPublicKey() : null;
                Key key = publicKey;
                if (store.isKeyEntry(alias)) {
                    try {
                        key = store.getKey(alias, keyPassword);
                    } catch (UnrecoverableKeyException e) {
                        // verifying needs only the certificate, so validate works without the key password;
                        // generate then finds no private key and names 'keyPassword' (see SigningKey)
                        if (publicKey == null) {
                            throw new IllegalArgumentException(
                                    "Option 'keyPassword': the key of entry '" + alias + "' cannot be read with it");
                        }
                    }
                }
                if (key != null) {
                    entries.add(new KeyEntry("keyStore", null, null, null, key, publicKey, null, alias));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "Option 'keyPassword': a key of the key store cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("Option 'keyStore' holds no key or certificate");
        }
        return entries;
    }

    /** The password of the key store's entries: {@code keyPassword}, else the store's own. */
    private char[] keyPassword(KeyStoreSettings settings) {
        String storePassword = password(settings.storePassword(), "keyStorePassword");
        if (storePassword == null && settings.store() instanceof KeyStoreParameters parameters) {
            storePassword = parameters.getPassword();
        }
        String entryPassword = password(settings.keyPassword(), "keyPassword");
        return entryPassword != null ? entryPassword.toCharArray()
                : storePassword != null ? storePassword.toCharArray() : new char[0];
    }

    /**
     * The entry {@code alias} of the endpoint's {@code keyStore}, for a key option that names it (such as
     * {@code decryptionKey=keyStore:alias}): its private or secret key (opened with {@code keyPassword}, else the
     * store's password) with the public key of its certificate, or a trusted certificate's public key.
     */
    public KeyEntry keyStoreEntry(KeyStoreSettings settings, String alias, String option) {
        if (settings.store() == null) {
            throw new IllegalArgumentException("Option '" + option + "' names a key store entry, but 'keyStore' is not set");
        }
        KeyStore store = openKeyStore(settings);
        try {
            if (!store.containsAlias(alias)) {
                throw new IllegalArgumentException("Option '" + option + "': the key store has no entry '" + alias + "'");
            }
            Certificate certificate = store.getCertificate(alias);
            PublicKey publicKey = certificate != null ? certificate.getPublicKey() : null;
            Key key = store.isKeyEntry(alias) ? store.getKey(alias, keyPassword(settings)) : publicKey;
            return new KeyEntry(option, null, null, null, key, publicKey, null, alias);
        } catch (UnrecoverableKeyException e) {
            throw new IllegalArgumentException(
                    "Option 'keyPassword': the key of entry '" + alias + "' cannot be read with it");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Option '" + option + "': the entry '" + alias
                                               + "' cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private KeyStore openKeyStore(KeyStoreSettings settings) {
        Object source = settings.store();
        if (source instanceof KeyStoreParameters parameters) {
            try {
                parameters.setCamelContext(context);
                return parameters.createKeyStore();
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalArgumentException(
                        "Option 'keyStore': the KeyStoreParameters cannot be loaded (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (source instanceof KeyStore store) {
            return store;
        }
        byte[] bytes = bytes(String.valueOf(source), "keyStore");
        String storePassword = password(settings.storePassword(), "keyStorePassword");
        char[] password = storePassword == null ? null : storePassword.toCharArray();
        for (String type : List.of("PKCS12", "JKS")) {
            try {
                KeyStore store = KeyStore.getInstance(type);
                store.load(new ByteArrayInputStream(bytes), password);
                return store;
            } catch (GeneralSecurityException | IOException e) {
                // not this type, or a wrong password: try the next
            }
        }
        throw new IllegalArgumentException(
                "Option 'keyStore' is neither a PKCS#12 nor a JKS key store that opens with 'keyStorePassword'");
    }

    /** The public half of an RSA private key, which the key itself carries; other kinds need their own public key. */
    public static PublicKey publicHalf(PrivateKey key) {
        if (key instanceof RSAPrivateCrtKey rsa) {
            try {
                return KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            } catch (GeneralSecurityException e) {
                return null;
            }
        }
        return null;
    }

    /** The option's text: a {@code #name} bean's, a resource's content, or the value itself. */
    public String text(String value, String option) {
        String resolved = bean(value, option);
        return isResource(resolved) ? new String(bytes(resolved, option), StandardCharsets.UTF_8) : resolved;
    }

    /**
     * The text of {@code secret}: like the other key options, a {@code #name} bean's, a resource's content (then
     * without the line break that ends it, as {@code echo} writes one), or the value itself. A URL is refused rather
     * than taken as the secret: keys are never fetched, and an address used as an HMAC key would be a guessable one.
     */
    private String secretText(String value) {
        String resolved = bean(value, "secret");
        String trimmed = resolved.trim().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("http:") || trimmed.startsWith("https:")) {
            throw new IllegalArgumentException("Option 'secret' is a URL, which is never fetched: give the secret itself,"
                                               + " a resource (classpath:, file: or ref:) or a #bean");
        }
        if (!isResource(resolved)) {
            return resolved;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes(resolved, "secret"))).toString();
        } catch (CharacterCodingException e) {
            // read leniently, its bytes would silently become another key
            throw new IllegalArgumentException("Option 'secret': resource " + resolved.trim() + " is not UTF-8 text;"
                                               + " write a binary secret in base64 or hex and set 'secretEncoding'");
        }
        return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private String password(String value, String option) {
        return value == null ? null : bean(value, option);
    }

    /**
     * Camel binds {@code #name} to a bean only for options of an object type; for these text options it would hand
     * over the reference itself, and a bean name would quietly become the key. So {@code #name} (and
     * {@code #bean:name}) is looked up here, and a name the registry lacks is an error, never a key. The message never
     * holds the name: a secret or password that merely begins with '#' would show in it.
     */
    private String bean(String value, String option) {
        Object bean = reference(value, option);
        if (bean == null) {
            return value;
        }
        if (bean instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("Option '" + option + "' refers to a bean (#name) that is not a String");
    }

    /**
     * The bean that a {@code #name} (or {@code #bean:name}) value refers to, or null if the value is no reference. A
     * name the registry lacks is an error, whose message does not hold the name (see {@link #bean}).
     */
    public Object reference(String value, String option) {
        String trimmed = value.trim();
        if (!trimmed.startsWith("#")) {
            return null;
        }
        String name = trimmed.startsWith("#bean:") ? trimmed.substring("#bean:".length()) : trimmed.substring(1);
        Object bean = context.getRegistry().lookupByName(name);
        if (bean == null) {
            throw new IllegalArgumentException(
                    "Option '" + option + "' refers to a bean (#name) that the registry does not have");
        }
        return bean;
    }

    private byte[] bytes(String value, String option) {
        if (!isResource(value)) {
            throw new IllegalArgumentException(
                    "Option '" + option + "' must be a resource (classpath:, file: or ref:) or a #bean");
        }
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(context, value.trim())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("Option '" + option + "': resource " + value.trim() + " cannot be read");
        }
    }

    private static boolean isResource(String value) {
        String trimmed = value.trim();
        return RESOURCE_SCHEMES.stream().anyMatch(trimmed::startsWith);
    }
}
