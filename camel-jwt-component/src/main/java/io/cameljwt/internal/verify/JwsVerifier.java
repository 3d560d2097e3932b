package io.cameljwt.internal.verify;

import java.util.List;

import io.cameljwt.JwtFailure;
import io.cameljwt.internal.TokenRefusal;
import io.cameljwt.internal.keys.KeyEntry;
import io.cameljwt.internal.keys.KeySource;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Verifies a compact JWS against the configured keys: the algorithm must be on the allowlist, the key must fit it,
 * and keys offered by the token itself ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) are never looked at.
 */
public final class JwsVerifier implements AutoCloseable {

    private final KeySource keys;
    private final AlgorithmConstraints constraints;

    public JwsVerifier(KeySource keys) {
        this.keys = keys;
        this.constraints = new AlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT, keys.algorithms().toArray(String[]::new));
    }

    /** The verified JWS; its payload can then be read with {@code getUnverifiedPayload()} without verifying twice. */
    public JsonWebSignature verify(String token) throws TokenRefusal {
        JsonWebSignature jws = CompactJws.parse(token);
        String algorithm = jws.getAlgorithmHeaderValue();
        Object kid = jws.getHeaders().getObjectHeaderValue("kid");
        if (kid != null && !(kid instanceof String)) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the token's kid is not a string");
        }
        List<KeyEntry> candidates = keys.candidates(algorithm, (String) kid, jws);
        jws.setAlgorithmConstraints(constraints);
        JoseException unusable = null;
        for (KeyEntry candidate : candidates) {
            try {
                jws.setKey(candidate.verificationKey());
                if (jws.verifySignature()) {
                    return jws;
                }
            } catch (JoseException e) {
                unusable = e; // this key could not check the signature; another candidate may
            }
        }
        if (unusable != null && candidates.size() == 1) {
            throw refusalFor(unusable);
        }
        throw new TokenRefusal(JwtFailure.SIGNATURE_INVALID, "the signature does not verify with the configured "
                                                            + algorithm + " key" + (candidates.size() > 1 ? "s" : ""));
    }

    /** Where the keys come from. */
    public KeySource keys() {
        return keys;
    }

    @Override
    public void close() {
        keys.close();
    }

    /** What jose4j raises while verifying: an unusable signature or key (crit never gets here, CompactJws refuses it). */
    private static TokenRefusal refusalFor(JoseException e) {
        return new TokenRefusal(JwtFailure.SIGNATURE_INVALID, "the signature cannot be verified ("
                                                             + e.getClass().getSimpleName() + ")");
    }
}
