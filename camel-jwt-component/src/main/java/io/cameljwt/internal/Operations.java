package io.cameljwt.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
import io.cameljwt.internal.settings.EndpointSettings;
import io.cameljwt.internal.settings.RevocationSettings;
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
 * Builds the processor of an endpoint's operation when its first producer starts, from the endpoint's settings: the
 * keys loaded, the key source chosen. Every configuration error is raised here, naming the option.
 */
public final class Operations {

    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);
    /** A JWK member that only private and secret keys have. */
    private static final Pattern PRIVATE_JWK_MEMBER = Pattern.compile("\"(d|k)\"\\s*:");

    private Operations() {
    }

    /**
     * The processor of {@code operation}, with its keys loaded and checked.
     *
     * @param settings   the endpoint's options, resolved at start
     * @param uriOptions the names of the options the endpoint's URI set (the others came from the component)
     * @param owner      what threads started for the operation are named after (the endpoint)
     * @param metrics    the endpoint's counts, which validate's verified-token cache adds to
     */
    public static Processor create(JwtOperation operation, EndpointSettings settings, Set<String> uriOptions,
                                   CamelContext context, Object owner, JwtMetrics metrics) {
        warnOfUnmaskedKeyText(settings, uriOptions);
        KeyLoader keys = new KeyLoader(context);
        return switch (operation) {
            case generate -> new GenerateOperation(settings.issue(), settings.output(),
                    SigningKey.select(keys.load(settings.keys()), settings.keys()), JweEncrypter.of(settings.jwe(), keys));
            case validate, revoke -> {
                // the revocation repository first: nothing to close if it fails
                ValidateOperation.Revocation revocation = revocation(operation, settings.revocation(), context, owner);
                try {
                    JweDecrypter decrypter = JweDecrypter.of(settings.jwe(), keys); // before remote keys start fetching
                    yield validateOperation(operation, settings, decrypter, revocation, metrics,
                            settings.remoteKeys().configured()
                                    ? RemoteKeys.start(settings.remoteKeys(), settings.keys(), context, owner)
                                    : VerificationKeys.of(keys.load(settings.keys()), settings.keys().algorithm()));
                } catch (RuntimeException e) {
                    revocation.close(); // revoke's purge has started
                    throw e;
                }
            }
            case decode -> new DecodeOperation(settings.output(), JweDecrypter.of(settings.jwe(), keys));
            case jwks -> new JwksOperation(settings.keys(), keys.load(settings.keys()));
        };
    }

    /**
     * Camel masks the values of the options it knows as secret (secret, privateKey, the passwords) where it shows an
     * endpoint URI: its logs, its errors, the endpoint's JMX name. It does not know {@code jwks}, {@code encryptionKey}
     * or {@code decryptionKey}, so private or secret key text given in the URI itself, or through a placeholder that
     * Camel resolves into the URI, shows in clear there. A resource or a bean keeps it out of the URI; this says so once,
     * at start, naming the option and never the text.
     */
    private static void warnOfUnmaskedKeyText(EndpointSettings settings, Set<String> uriOptions) {
        Map<String, String> keyText = new LinkedHashMap<>();
        keyText.put("jwks", settings.keys().jwks());
        keyText.put("encryptionKey", settings.jwe().encryptionKey());
        keyText.put("decryptionKey", settings.jwe().decryptionKey());
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
    private static ValidateOperation.Revocation revocation(JwtOperation operation, RevocationSettings settings,
                                                           CamelContext context, Object owner) {
        if (operation == JwtOperation.revoke && settings.repository() == null) {
            throw new IllegalArgumentException(
                    "Option 'revocationRepository' is required by jwt:revoke: the IdempotentRepository (#name) that"
                                               + " holds the revoked tokens");
        }
        RevocationList revoked = RevocationList.start(settings.repository(), context);
        if (operation == JwtOperation.revoke) {
            revoked.purgeExpiredEntries(settings.purgeIntervalMillis(), settings.clockSkewMillis(), context, owner);
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

    private static ValidateOperation validateOperation(JwtOperation operation, EndpointSettings settings,
                                                       JweDecrypter decrypter,
                                                       ValidateOperation.Revocation revocation, JwtMetrics metrics,
                                                       KeySource keys) {
        try {
            return new ValidateOperation(settings.policy(), settings.output(), decrypter,
                    new JwsVerifier(keys, VerifiedTokens.of(settings.tokenCacheSize(), metrics)), revocation, metrics,
                    operation == JwtOperation.revoke);
        } catch (RuntimeException e) {
            keys.close(); // remote keys have started fetching
            throw e;
        }
    }
}
