package io.cameljwt.internal.verify;

import java.security.Key;
import java.util.List;

import io.cameljwt.JwtFailure;
import io.cameljwt.internal.keys.KeyEntry;
import io.cameljwt.internal.keys.KeySource;
import io.cameljwt.internal.token.RecentHeader;
import io.cameljwt.internal.token.Token;
import io.cameljwt.internal.token.TokenRefusal;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.HmacUsingShaAlgorithm;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.lang.JoseException;

/**
 * Verifies a parsed token against the configured keys: the algorithm must be on the allowlist, the key must fit it,
 * and keys offered by the token itself ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) are never looked at.
 * HMAC, RS* and EdDSA signatures are checked on the bytes the token already holds, with a {@code Mac} or
 * {@code Signature} kept per thread ({@link ThreadMacs}, {@link ThreadSignatures}); the other algorithms (PS*, ES*)
 * by jose4j's signature algorithm, as its {@code JsonWebSignature.verifySignature()} would, on a copy of the signing
 * input. The keys were checked against jose4j's rules for their algorithms once, when they were loaded or fetched
 * ({@link io.cameljwt.internal.keys.VerificationKeys}), so no message pays for that again.
 */
public final class JwsVerifier implements AutoCloseable {

    /** jose4j's default: the JCA's preferred providers. Holds no state a verification changes. */
    private static final ProviderContext PROVIDERS = new ProviderContext();

    private final KeySource keys;
    /** The tokens verified already, or null when {@code tokenCacheSize} is 0. */
    private final VerifiedTokens verified;
    private final ThreadMacs macs = new ThreadMacs();
    private final ThreadSignatures signatures = new ThreadSignatures();
    /** The headers of the tokens the endpoint verified last, which most tokens repeat. */
    private final RecentHeader recentHeader = new RecentHeader();

    public JwsVerifier(KeySource keys) {
        this(keys, null);
    }

    /** @param verified the verified-token cache, or null for none */
    public JwsVerifier(KeySource keys, VerifiedTokens verified) {
        this.keys = keys;
        this.verified = verified;
    }

    /**
     * The token, parsed and its signature verified; its claims are read afterwards, by the caller. A token in the
     * cache is taken from there, as a copy for the message, while its key is still among the keys for it.
     */
    public Token verify(String compact) throws TokenRefusal {
        if (verified != null) {
            VerifiedTokens.Entry entry = verified.find(compact);
            if (entry != null) {
                Token token = entry.token();
                // asked as for any token: a remote source refetches on its schedule, and refuses as it would without
                // a cache
                if (containsSame(keys.candidates(token.algorithm(), (String) token.kid(), token), entry.key())) {
                    verified.hit();
                    return token.copy();
                }
                verified.clear(); // the keys changed since: every entry was verified with keys of before
            }
            verified.miss();
        }
        Token token = Token.parse(compact, recentHeader);
        KeyEntry key = verify(token);
        if (verified != null) {
            verified.add(token, key);
        }
        recentHeader.remember(token);
        return token;
    }

    /**
     * Refuses the token unless one of the keys for its algorithm and kid verifies its signature.
     *
     * @return the key that verified it
     */
    public KeyEntry verify(Token token) throws TokenRefusal {
        String algorithm = token.algorithm();
        Object kid = token.kid();
        if (kid != null && !(kid instanceof String)) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the token's kid is not a string");
        }
        // the source refuses an algorithm off the allowlist, so jose4j is only asked for allowed ones
        List<KeyEntry> candidates = keys.candidates(algorithm, (String) kid, token);
        JoseException unusable = null;
        JsonWebSignatureAlgorithm verifier = null;
        try {
            verifier = AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().getAlgorithm(algorithm);
        } catch (JoseException e) {
            unusable = e; // this JVM cannot check the algorithm (as jose4j would find for each key)
        }
        if (verifier != null && !candidates.isEmpty()) {
            byte[] signature = token.signature();
            boolean perThread = verifier instanceof HmacUsingShaAlgorithm || ThreadSignatures.handles(verifier);
            int length = token.signingInputLength();
            // the per-thread checks read the signing input where the token holds it; jose4j's own algorithms read a
            // whole array, so they get a copy of the exact length
            byte[] input = perThread ? token.signingInputBytes() : token.signingInput();
            for (KeyEntry candidate : candidates) {
                try {
                    Key key = candidate.verificationKey();
                    boolean valid;
                    if (verifier instanceof HmacUsingShaAlgorithm hmac) {
                        valid = macs.verify(hmac, signature, key, input, length);
                    } else if (ThreadSignatures.handles(verifier)) {
                        valid = signatures.verify(verifier, signature, key, input, length);
                    } else {
                        valid = verifier.verifySignature(signature, key, input, PROVIDERS);
                    }
                    if (valid) {
                        return candidate;
                    }
                } catch (JoseException e) {
                    unusable = e; // this key could not check the signature; another candidate may
                }
            }
        }
        if (unusable != null && candidates.size() == 1) {
            throw refusalFor(unusable);
        }
        throw new TokenRefusal(JwtFailure.SIGNATURE_INVALID, "the signature does not verify with the configured "
                                                            + algorithm + " key" + (candidates.size() > 1 ? "s" : ""));
    }

    /** Whether the keys hold this very entry (a key fetched again is another entry, even with the same material). */
    private static boolean containsSame(List<KeyEntry> candidates, KeyEntry key) {
        for (KeyEntry candidate : candidates) {
            if (candidate == key) {
                return true;
            }
        }
        return false;
    }

    /** Where the keys come from. */
    public KeySource keys() {
        return keys;
    }

    @Override
    public void close() {
        keys.close();
    }

    /** What jose4j raises while verifying: an unusable signature or key (crit never gets here, Token refuses it). */
    private static TokenRefusal refusalFor(JoseException e) {
        return new TokenRefusal(JwtFailure.SIGNATURE_INVALID, "the signature cannot be verified ("
                                                             + e.getClass().getSimpleName() + ")");
    }
}
