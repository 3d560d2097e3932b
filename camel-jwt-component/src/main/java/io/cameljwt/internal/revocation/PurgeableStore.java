package io.cameljwt.internal.revocation;

/**
 * A revocation store that can drop the entries of expired tokens itself: those whose keys sort before a given key
 * (revocation keys start with the token's {@code exp}). {@link io.cameljwt.JwtRevocationMemoryStore} is one; the purge
 * knows it by this interface, so this package does not depend on the public one.
 */
public interface PurgeableStore {

    /** Removes every entry whose key sorts before {@code key}, and says how many. */
    int removeBefore(String key);
}
