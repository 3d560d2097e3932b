package io.cameljwt;

import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

import io.cameljwt.internal.revocation.PurgeableStore;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A {@code revocationRepository} for one JVM that never forgets an entry on its own, unlike Camel's
 * {@code MemoryIdempotentRepository}, which drops its oldest entries once full and so would let a revoked token back
 * in. Entries leave only when the {@code jwt:revoke} endpoints purge those of expired tokens (every
 * {@code revocationPurgeInterval}), through {@link #removeBefore(String)}: revocation keys start with the token's
 * {@code exp}, so the entries of expired tokens are the keys that sort first. The entries are lost when the JVM stops,
 * not when the store stops.
 * <p>
 * Usage: {@code context.getRegistry().bind("revokedTokens", new JwtRevocationMemoryStore())}, then
 * {@code revocationRepository=#revokedTokens}.
 */
public class JwtRevocationMemoryStore extends ServiceSupport implements IdempotentRepository, PurgeableStore {

    /** Sorted, so the entries of expired tokens are a head of the set. */
    private final NavigableSet<String> keys = new ConcurrentSkipListSet<>();

    @Override
    public boolean add(String key) {
        return keys.add(key);
    }

    @Override
    public boolean contains(String key) {
        return keys.contains(key);
    }

    @Override
    public boolean remove(String key) {
        return keys.remove(key);
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        keys.clear();
    }

    /** How many entries the store holds. */
    public int size() {
        return keys.size();
    }

    /**
     * Removes every entry whose key sorts before {@code key}, and says how many. The revoke endpoints call it with the
     * key of the first instant at which a token is still accepted, so only entries of expired tokens go.
     */
    @Override
    public int removeBefore(String key) {
        NavigableSet<String> expired = keys.headSet(key, false);
        int removed = 0;
        while (expired.pollFirst() != null) {
            removed++;
        }
        return removed;
    }
}
