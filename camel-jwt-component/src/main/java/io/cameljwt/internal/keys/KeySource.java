package io.cameljwt.internal.keys;

import java.util.List;
import java.util.Set;

import io.cameljwt.internal.token.Token;
import io.cameljwt.internal.token.TokenRefusal;

/**
 * Where validate finds the keys that may verify a token: the configured keys ({@link VerificationKeys}) or a remote
 * JWK Set with its cache.
 */
public interface KeySource extends AutoCloseable {

    /** Every algorithm a token may use; a token with another is refused before any key is looked for. */
    Set<String> algorithms();

    /**
     * The keys to try for a token, by its algorithm and {@code kid}; the parsed, not yet verified, token is at hand
     * for a source that picks keys by its issuer.
     */
    List<KeyEntry> candidates(String algorithm, String kid, Token token) throws TokenRefusal;

    /** Releases what the source holds (threads fetching keys); the configured keys hold nothing. */
    @Override
    default void close() {
    }
}
