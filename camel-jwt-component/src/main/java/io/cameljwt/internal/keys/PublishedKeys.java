package io.cameljwt.internal.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.cameljwt.internal.settings.KeySettings;
import io.cameljwt.internal.settings.OptionValues;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public JWK Set that {@code jwt:jwks} publishes: the public half of every configured signature key, once per
 * key and kid, with {@code kid}, {@code use: sig} and {@code alg}. HMAC secrets are never published.
 * <p>
 * A key's kid is its JWK {@code kid}; else {@code keyId} for the key that generate signs with under the same options;
 * else its key store alias; else its RFC 7638 thumbprint, so a key without a name still has a stable one.
 */
public final class PublishedKeys {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedKeys.class);

    private PublishedKeys() {
    }

    /** The JWK Set as JSON, built once at start. */
    public static String json(List<KeyEntry> keys, KeySettings settings) {
        List<String> algorithms = OptionValues.commaList(settings.algorithm());
        algorithms.forEach(Algorithms::requireUsable);
        List<KeyEntry> secrets = keys.stream().filter(KeyEntry::isSecret).toList();
        List<KeyEntry> published = keys.stream()
                .filter(k -> !k.isSecret() && (k.canSign() || k.canVerify())).toList();
        if (published.isEmpty()) {
            throw new IllegalArgumentException(secrets.isEmpty()
                    ? "jwks needs a public key to publish: set 'privateKey', 'publicKey', 'keyStore' or 'jwks'"
                    : "Option " + describe(secrets) + ": jwks publishes public keys only, never an HMAC secret;"
                      + " set 'privateKey', 'publicKey', 'keyStore' or 'jwks' with an RSA, EC or EdDSA key");
        }
        KeyEntry named = null;
        if (settings.keyId() != null) {
            // the key generate would sign with; without any signing key, the public key keyId names
            List<KeyEntry> signers = keys.stream().filter(KeyEntry::canSign).toList();
            named = SigningKey.namedBy(settings.keyId(), signers.isEmpty() ? published : signers, "key");
        }
        // each distinct public key (by thumbprint), with the kids it goes by; null stands for "no name of its own"
        Map<String, PublicKey> publicKeys = new LinkedHashMap<>();
        Map<String, Map<String, KeyEntry>> kidsByThumbprint = new LinkedHashMap<>();
        for (KeyEntry entry : published) {
            PublicKey publicKey = publicHalf(entry, published);
            String thumbprint = thumbprint(publicKey);
            String kid = entry == named && entry.kid() == null ? settings.keyId() : entry.name();
            publicKeys.putIfAbsent(thumbprint, publicKey);
            kidsByThumbprint.computeIfAbsent(thumbprint, t -> new LinkedHashMap<>()).putIfAbsent(kid, entry);
        }
        List<PublicJsonWebKey> jwks = new ArrayList<>();
        Map<String, String> thumbprintByKid = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, KeyEntry>> byKid : kidsByThumbprint.entrySet()) {
            String thumbprint = byKid.getKey();
            Map<String, KeyEntry> kids = byKid.getValue();
            if (kids.size() > 1) {
                kids.remove(null); // a named copy serves; the same key without a name is not published again
            }
            for (Map.Entry<String, KeyEntry> kid : kids.entrySet()) {
                String name = kid.getKey() != null ? kid.getKey() : thumbprint;
                String other = thumbprintByKid.putIfAbsent(name, thumbprint);
                if (other != null && !other.equals(thumbprint)) {
                    throw new IllegalArgumentException("Option " + kid.getValue().describe()
                                                       + ": two different keys have the kid " + name
                                                       + "; give each key its own kid");
                }
                jwks.add(jwk(publicKeys.get(thumbprint), name, algorithm(kid.getValue(), algorithms)));
            }
        }
        if (!secrets.isEmpty()) {
            LOG.debug("jwks leaves out the HMAC secret(s) of {}: only public keys are published", describe(secrets));
        }
        LOG.debug("jwks publishes {} key(s), kid {}", jwks.size(), thumbprintByKid.keySet());
        return new JsonWebKeySet(jwks).toJson(OutputControlLevel.PUBLIC_ONLY);
    }

    /**
     * The public key of an entry. The JDK derives none from an EC or EdDSA private key read from PEM: its public key must
     * be among the other configured keys (say {@code publicKey}), found by signing with the private key and verifying.
     */
    private static PublicKey publicHalf(KeyEntry entry, List<KeyEntry> keys) {
        if (entry.publicKey() != null) {
            return entry.publicKey();
        }
        PrivateKey privateKey = (PrivateKey) entry.key();
        String algorithm = privateKey instanceof ECKey ? "SHA256withECDSA" : "EdDSA";
        byte[] probe = "camel-jwt key pair check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            for (KeyEntry other : keys) {
                if (other.publicKey() != null && verifies(algorithm, other.publicKey(), probe, signature)) {
                    return other.publicKey();
                }
            }
        } catch (GeneralSecurityException e) {
            // a key the probe cannot sign with: no public half found
        }
        throw new IllegalArgumentException("Option " + entry.describe() + ": the public key of this private key cannot"
                                           + " be derived from it (EC and EdDSA keys); set 'publicKey' to its public key"
                                           + " or certificate so jwks can publish it");
    }

    private static boolean verifies(String algorithm, PublicKey publicKey, byte[] probe, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | ProviderException e) {
            return false; // another kind of key or another curve: not the pair
        }
    }

    /**
     * The entry's {@code alg}: its own, else the first of the {@code algorithm} option that fits it, else the default
     * for its type. A key that no supported algorithm fits, or that is too weak to verify, is refused.
     */
    private static String algorithm(KeyEntry entry, List<String> algorithms) {
        String algorithm = entry.algorithm() != null ? entry.algorithm()
                : algorithms.stream().filter(a -> Algorithms.misfit(a, entry) == null).findFirst()
                        .orElseGet(() -> Algorithms.defaultFor(entry));
        if (algorithm == null) {
            throw new IllegalArgumentException("Option " + entry.describe() + ": no supported JWS algorithm fits this key");
        }
        String misfit = Algorithms.misfit(algorithm, entry);
        if (misfit != null) {
            throw new IllegalArgumentException("Option " + entry.describe() + ": " + misfit);
        }
        return algorithm;
    }

    private static PublicJsonWebKey jwk(PublicKey publicKey, String kid, String algorithm) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(publicKey);
            jwk.setKeyId(kid);
            jwk.setUse("sig");
            jwk.setAlgorithm(algorithm);
            return jwk;
        } catch (JoseException e) {
            throw new IllegalArgumentException("A configured public key cannot be written as a JWK ("
                                               + e.getClass().getSimpleName() + ")");
        }
    }

    /** The RFC 7638 SHA-256 thumbprint: the same for a key however it was configured. */
    private static String thumbprint(PublicKey publicKey) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(publicKey).calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (JoseException e) {
            throw new IllegalArgumentException("A configured public key cannot be written as a JWK ("
                                               + e.getClass().getSimpleName() + ")");
        }
    }

    private static String describe(List<KeyEntry> entries) {
        return entries.stream().map(KeyEntry::describe).distinct().collect(Collectors.joining(", "));
    }
}
