package io.cameljwt.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.cameljwt.JwtConfiguration;
import io.cameljwt.JwtOperation;
import io.cameljwt.JwtRevocationUnavailableException;
import io.cameljwt.internal.jwe.JweDecrypter;
import io.cameljwt.internal.jwe.JweEncrypter;
import io.cameljwt.internal.keys.KeyLoader;
import io.cameljwt.internal.keys.KeySource;
import io.cameljwt.internal.keys.SigningKey;
import io.cameljwt.internal.keys.VerificationKeys;
import io.cameljwt.internal.remote.RemoteKeys;
import io.cameljwt.internal.revocation.RevocationList;
import io.cameljwt.internal.token.Token;
import io.cameljwt.internal.token.TokenRefusal;
import io.cameljwt.internal.verify.JwsVerifier;
import io.cameljwt.internal.verify.VerifiedTokens;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the processor of an endpoint's operation when its first producer starts: the configuration checked, the
 * keys loaded, the key source chosen. Every configuration error is raised here, naming the option.
 */
public final class Operations {

    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);
    /** A JWK member that only private and secret keys have. */
    private static final Pattern PRIVATE_JWK_MEMBER = Pattern.compile("\"(d|k)\"\\s*:");

    /** The options of validate's local keys, as {@link #dropInheritedKeySource} tells them from remote ones. */
    private static final Set<String> LOCAL_KEY_OPTIONS = Set.of("secret", "privateKey", "publicKey", "keyStore", "jwks");

    private Operations() {
    }

    /**
     * The processor of {@code operation}, with its keys loaded and checked.
     *
     * @param config     a snapshot of the endpoint's configuration, its values checked
     * @param uriOptions the names of the options the endpoint's URI set (the others came from the component)
     * @param owner      what threads started for the operation are named after (the endpoint)
     * @param metrics    the endpoint's counts, which validate's verified-token cache adds to
     */
    public static Processor create(JwtOperation operation, JwtConfiguration config, Set<String> uriOptions,
                                   CamelContext context, Object owner, JwtMetrics metrics) {
        warnOfUnmaskedKeyText(config, uriOptions);
        if (operation == JwtOperation.validate || operation == JwtOperation.revoke) {
            dropInheritedKeySource(config, uriOptions);
        }
        KeyLoader keys = new KeyLoader(context);
        return switch (operation) {
            case generate -> new GenerateOperation(config, SigningKey.select(keys.load(config), config),
                    JweEncrypter.of(config, keys));
            case validate, revoke -> {
                // the revocation repository first: nothing to close if it fails
                ValidateOperation.Revocation revocation = revocation(operation, config, context, owner);
                try {
                    JweDecrypter decrypter = JweDecrypter.of(config, keys); // before remote keys start fetching
                    yield validateOperation(operation, config, decrypter, revocation, metrics, RemoteKeys.configured(config)
                            ? RemoteKeys.start(config, context, owner)
                            : VerificationKeys.of(keys.load(config), config.getAlgorithm()));
                } catch (RuntimeException e) {
                    revocation.close(); // revoke's purge has started
                    throw e;
                }
            }
            case decode -> new DecodeOperation(config, JweDecrypter.of(config, keys));
            case jwks -> new JwksOperation(config, keys.load(config));
        };
    }

    /**
     * Camel masks the values of the options it knows as secret (secret, privateKey, the passwords) where it shows an
     * endpoint URI: its logs, its errors, the endpoint's JMX name. It does not know {@code jwks}, {@code encryptionKey}
     * or {@code decryptionKey}, so private or secret key text given in the URI itself, or through a placeholder that
     * Camel resolves into the URI, shows in clear there. A resource or a bean keeps it out of the URI; this says so once,
     * at start, naming the option and never the text.
     */
    private static void warnOfUnmaskedKeyText(JwtConfiguration config, Set<String> uriOptions) {
        Map<String, String> keyText = new LinkedHashMap<>();
        keyText.put("jwks", config.getJwks());
        keyText.put("encryptionKey", config.getEncryptionKey());
        keyText.put("decryptionKey", config.getDecryptionKey());
        for (Map.Entry<String, String> option : keyText.entrySet()) {
            String value = option.getValue();
            if (value != null && uriOptions.contains(option.getKey()) && isInlineSecret(option.getKey(), value)
                && URISupport.sanitizeUri("jwt:x?" + option.getKey() + "=v").endsWith("=v")) {
                LOG.warn("Option '{}' holds key text in the endpoint URI, which Camel shows unmasked in its logs and JMX:"
                         + " give it as a resource (file:, classpath:) or a #bean", option.getKey());
            }
        }
    }

    /** Whether the value is the key text itself (not a resource or bean), and holds a private or secret part. */
    private static boolean isInlineSecret(String option, String value) {
        String text = value.trim();
        if (text.startsWith("#") || text.startsWith("classpath:") || text.startsWith("file:") || text.startsWith("ref:")
            || text.startsWith("keyStore:")) {
            return false;
        }
        // a decryption key is private by nature; a JWK is private or secret with a d or k member; a PEM public key is not
        return option.equals("decryptionKey") || PRIVATE_JWK_MEMBER.matcher(text).find()
               || text.contains("PRIVATE KEY");
    }

    /**
     * What validate and revoke do last with {@code revocationRepository}: validate refuses the tokens it holds (when it
     * is set), revoke adds to it (it must be set) and purges it of expired tokens every
     * {@code revocationPurgeInterval} while it runs.
     */
    private static ValidateOperation.Revocation revocation(JwtOperation operation, JwtConfiguration config,
                                                           CamelContext context, Object owner) {
        if (operation == JwtOperation.revoke && config.getRevocationRepository() == null) {
            throw new IllegalArgumentException(
                    "Option 'revocationRepository' is required by jwt:revoke: the IdempotentRepository (#name) that"
                                               + " holds the revoked tokens");
        }
        RevocationList revoked = RevocationList.start(config.getRevocationRepository(), context);
        if (operation == JwtOperation.revoke) {
            revoked.purgeExpiredEntries(config.getRevocationPurgeInterval(), config.getClockSkew(), context, owner);
            return new ValidateOperation.Revocation() {
                @Override
                public void apply(Token token, Message message) throws TokenRefusal, JwtRevocationUnavailableException {
                    revoked.revoke(token, message);
                }

                @Override
                public void close() {
                    revoked.close();
                }
            };
        }
        return revoked == null ? ValidateOperation.Revocation.NONE : revoked::refuseRevoked;
    }

    /**
     * Where validate's keys come from is chosen per endpoint: a URI that names local keys but no remote ones ignores
     * remote keys set on the component, and a URI that names remote keys but no local ones ignores local keys set on
     * the component. So the component can hold the keys of most endpoints while one endpoint checks the tokens of an
     * identity provider. Both kinds on one level (the URI, or the component) stay a configuration error.
     */
    private static void dropInheritedKeySource(JwtConfiguration config, Set<String> uriOptions) {
        boolean uriLocal = uriOptions.stream().anyMatch(LOCAL_KEY_OPTIONS::contains);
        boolean uriRemote = uriOptions.contains("jwksUri") || uriOptions.contains("issuerUri");
        if (uriRemote && !uriLocal) {
            config.setSecret(null);
            config.setPrivateKey(null);
            config.setPublicKey(null);
            config.setKeyStore(null);
            config.setJwks(null);
        } else if (uriLocal && !uriRemote) {
            config.setJwksUri(null);
            config.setIssuerUri(null);
        }
    }

    private static ValidateOperation validateOperation(JwtOperation operation, JwtConfiguration config,
                                                       JweDecrypter decrypter,
                                                       ValidateOperation.Revocation revocation, JwtMetrics metrics,
                                                       KeySource keys) {
        try {
            return new ValidateOperation(config, decrypter,
                    new JwsVerifier(keys, VerifiedTokens.of(config.getTokenCacheSize(), metrics)), revocation, metrics,
                    operation == JwtOperation.revoke);
        } catch (RuntimeException e) {
            keys.close(); // remote keys have started fetching
            throw e;
        }
    }
}
