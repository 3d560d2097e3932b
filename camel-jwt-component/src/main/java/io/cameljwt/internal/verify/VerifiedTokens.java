package io.cameljwt.internal.verify;

import java.util.Map;

import io.cameljwt.internal.keys.KeyEntry;
import io.cameljwt.internal.token.Token;
import io.cameljwt.internal.token.TokenRefusal;
import org.apache.camel.support.LRUCacheFactory;

/**
 * The tokens one validator has verified (option {@code tokenCacheSize}), by their exact text, each with the key that
 * verified it: a token seen again skips its parse and signature check. Only the signature check is remembered, never a
 * verdict: whoever finds a token here still checks that its key is among the keys for it now, then the time claims,
 * the claims policy and revocation. Bounded in entries (least recently added first out) and in size (a token longer
 * than {@link #MAX_TOKEN_LENGTH} is not kept); it lives as long as the validator, so a restart empties it.
 */
public final class VerifiedTokens {

    /** Longer than the tokens identity providers issue; with the entry count, it bounds the memory the cache holds. */
    static final int MAX_TOKEN_LENGTH = 8192;

    /** What the endpoint counts (its JMX attributes). */
    public interface Counts {
        void hit();

        void miss();
    }

    /** A token verified, with its claims read, and the key that verified it. */
    record Entry(Token token, KeyEntry key) {
    }

    private final Map<String, Entry> entries;
    private final Counts counts;

    private VerifiedTokens(int size, Counts counts) {
        this.entries = LRUCacheFactory.newLRUCache(size);
        this.counts = counts;
    }

    /** The cache of {@code size} tokens, or null when {@code size} is 0 (off). */
    public static VerifiedTokens of(int size, Counts counts) {
        return size > 0 ? new VerifiedTokens(size, counts) : null;
    }

    /** The entry for this token, or null; not counted yet, since the caller decides whether it still holds. */
    Entry find(String compact) {
        return compact.length() > MAX_TOKEN_LENGTH ? null : entries.get(compact);
    }

    /**
     * Keeps a token whose signature {@code key} verified, with its claims read. The cache keeps its own copy, so what a
     * route does to the maps of its message never reaches the next one. A token whose payload is no JSON object of
     * claims is not kept: its refusal stays with the token, and is raised when the caller reads its claims.
     */
    void add(Token token, KeyEntry key) {
        if (token.compact().length() > MAX_TOKEN_LENGTH) {
            return;
        }
        Token copy;
        try {
            copy = token.copy();
        } catch (TokenRefusal notClaims) {
            return;
        }
        entries.put(token.compact(), new Entry(copy, key));
    }

    /** The keys changed (a new key set fetched): nothing verified before may be taken as verified now. */
    void clear() {
        entries.clear();
    }

    void hit() {
        counts.hit();
    }

    void miss() {
        counts.miss();
    }

    /** How many tokens are kept, for tests. */
    int size() {
        return entries.size();
    }
}
