package io.cameljwt.internal.keys;

import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.util.List;

/**
 * One usable key with the JWK attributes that select it.
 *
 * @param option    the option it came from, for error messages (never the key itself)
 * @param kid       the key id, or null
 * @param algorithm the {@code alg} the key is bound to, or null
 * @param use       the JWK {@code use}, or null
 * @param key       a {@link java.security.PublicKey}, {@link java.security.PrivateKey} or {@link javax.crypto.SecretKey}
 * @param publicKey for a private key, its public half where known (to publish it or to verify with it), else null
 * @param keyOps    the JWK {@code key_ops}, or null when the key does not restrict its operations
 * @param alias     the key store alias of the entry, or null. It is not a {@code kid}: validate tries key store entries
 *                  for a token whatever its kid (a trust store's aliases rarely match an issuer's kids), but generate
 *                  and jwks name the key by it (see {@link #name()})
 */
public record KeyEntry(String option, String kid, String algorithm, String use, Key key, PublicKey publicKey,
        List<String> keyOps, String alias) {

    public KeyEntry {
        if (publicKey == null && key instanceof PublicKey pub) {
            publicKey = pub;
        }
        keyOps = keyOps == null ? null : List.copyOf(keyOps);
    }

    /** A key that is no key store entry. */
    public KeyEntry(String option, String kid, String algorithm, String use, Key key, PublicKey publicKey,
                    List<String> keyOps) {
        this(option, kid, algorithm, use, key, publicKey, keyOps, null);
    }

    /** A key that does not restrict its operations (a secret, PEM, key store entry, or JWK without key_ops). */
    public KeyEntry(String option, String kid, String algorithm, String use, Key key, PublicKey publicKey) {
        this(option, kid, algorithm, use, key, publicKey, null, null);
    }

    /**
     * What generate writes as the token's {@code kid} and jwks publishes when {@code keyId} does not say otherwise: the
     * JWK's kid, else the key store alias, else null.
     */
    public String name() {
        return kid != null ? kid : alias;
    }

    public boolean isPrivate() {
        return key instanceof PrivateKey;
    }

    public boolean isSecret() {
        return key instanceof javax.crypto.SecretKey;
    }

    /** Whether this entry may verify signatures: {@link #whyNotVerifier()} finds nothing against it. */
    public boolean canVerify() {
        return whyNotVerifier() == null;
    }

    /**
     * Why this entry may not verify signatures, or null if it may: it needs a key to verify with, its {@code alg} (if
     * any) must be a supported JWS algorithm, its {@code use} (if any) {@code sig} and its {@code key_ops} (if any)
     * must include {@code verify} (RFC 7517 sections 4.2 to 4.4). The reason names no key material.
     */
    public String whyNotVerifier() {
        if (verificationKey() == null) {
            // the JDK derives no public key from an EC or EdDSA private key (an RSA CRT key carries its own)
            return (key instanceof ECKey || key instanceof EdECKey ? "an EC or EdDSA private key" : "this private key")
                   + " cannot verify on its own; set 'publicKey' (or use a key store / JWK that holds the public key)";
        }
        return whyNotFor("verify");
    }

    /**
     * Whether this entry may sign: it is a private key or a secret, its {@code alg} (if any) is a supported JWS
     * algorithm, its {@code use} (if any) is {@code sig} and its {@code key_ops} (if any) include {@code sign}.
     */
    public boolean canSign() {
        return (isPrivate() || isSecret()) && whyNotFor("sign") == null;
    }

    /**
     * What the JWK attributes say against {@code operation} ("sign" or "verify"), or null. A key bound to an
     * {@code alg} that is no supported JWS algorithm (RSA-OAEP, A256GCM, "ES521") is for something else: it takes no
     * part in signing or verifying, even without a {@code use}.
     */
    private String whyNotFor(String operation) {
        if (algorithm != null && !Algorithms.isSupported(algorithm)) {
            return "its alg " + VerificationKeys.safe(algorithm) + " is not a JWS algorithm this component supports";
        }
        if (use != null && !"sig".equals(use)) {
            return "its use is " + VerificationKeys.safe(use) + ", not sig";
        }
        if (keyOps != null && !keyOps.contains(operation)) {
            return "its key_ops do not include " + operation;
        }
        return null;
    }

    /** The key to verify signatures with: the secret, or the public half. Null if this entry cannot verify. */
    public Key verificationKey() {
        return isSecret() ? key : publicKey;
    }

    /**
     * The key whose type, size and curve decide which algorithms fit this entry: the secret, else the public half
     * where known (a private key has the same type and size), else the private key itself.
     */
    public Key inspectedKey() {
        return isSecret() || publicKey == null ? key : publicKey;
    }

    /** What this entry is called in messages: its option and kid, never its material. */
    public String describe() {
        return kid == null ? "'" + option + "'" : "'" + option + "' (kid " + kid + ")";
    }
}
