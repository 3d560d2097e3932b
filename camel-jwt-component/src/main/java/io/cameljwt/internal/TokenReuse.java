package io.cameljwt.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cameljwt.internal.settings.IssueSettings;

/**
 * {@code reuseUntil}: generate hands out the token it made last for the same claims while that token has more than
 * {@code reuseUntil} left to live, instead of signing a new one per message (APIs that take a JWT as their bearer
 * token, rate-limited signing keys, HSMs). With {@code reuseUntil=0} every message gets a new token.
 *
 * <p>The key is what the message adds to the URI's claims (those are the same for every message of the endpoint), as
 * JSON with sorted names, so a change to any claim makes a new token. What generate writes per token ({@code exp},
 * {@code iat}, {@code nbf}, {@code jti}) is not part of the key; a message that sets one of them itself gets a new
 * token, which is not kept. One token is made at a time per key: other threads wanting it wait for it instead of
 * signing their own, and no lock is held while it is made.
 */
public final class TokenReuse {

    /** How many claim sets keep a token; beyond that the least recently used is forgotten. */
    static final int MAX_KEPT = 100;
    /** The claims generate makes per token. */
    private static final Set<String> PER_TOKEN = Set.of("exp", "iat", "nbf", "jti");

    /** Makes a token: signs (and whatever else generate does) the claims already built for this message. */
    @FunctionalInterface
    public interface TokenMaker {
        String make() throws Exception;
    }

    private record Kept(String token, Instant expiresAt) {
    }

    private final long reuseUntilMillis;
    private final long expiresInSeconds;
    private final ObjectWriter keyWriter;
    /** Per key, the token made last, or the one being made. Guarded by itself. */
    private final Map<String, CompletableFuture<Kept>> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Kept>> eldest) {
            return size() > MAX_KEPT;
        }
    };

    /**
     * @throws IllegalArgumentException naming the option when {@code reuseUntil} is set with tokens that never expire,
     *                                  or is not shorter than {@code expiresIn} (no token would ever be reused)
     */
    public TokenReuse(IssueSettings settings, ObjectMapper mapper) {
        long reuseUntil = settings.reuseUntilMillis();
        long expiresIn = settings.expiresInMillis();
        if (reuseUntil > 0 && expiresIn == 0) {
            throw new IllegalArgumentException(
                    "Option 'reuseUntil' needs tokens that expire: it cannot be used with expiresIn=0");
        }
        if (reuseUntil > 0 && reuseUntil >= expiresIn) {
            throw new IllegalArgumentException("Option 'reuseUntil' (" + reuseUntil / 1000 + "s) must be shorter than"
                                               + " 'expiresIn' (" + expiresIn / 1000
                                               + "s): no token would ever be reused");
        }
        this.reuseUntilMillis = reuseUntil;
        this.expiresInSeconds = expiresIn / 1000;
        this.keyWriter = mapper.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /**
     * The token for this message: one kept for the same claims that is still fresh, or a new one from {@code maker}.
     *
     * @param messageClaims the claims the message adds to the URI's (body and {@code CamelJwtClaims})
     * @param now           the time the message's token is made at: its {@code exp} is this plus {@code expiresIn}
     */
    public String token(Map<String, Object> messageClaims, Instant now, TokenMaker maker) throws Exception {
        if (reuseUntilMillis == 0 || !Collections.disjoint(messageClaims.keySet(), PER_TOKEN)) {
            return maker.make();
        }
        String key = keyWriter.writeValueAsString(messageClaims);
        while (true) {
            CompletableFuture<Kept> found;
            CompletableFuture<Kept> mine = null;
            synchronized (kept) {
                found = kept.get(key);
                if (found == null || found.isCompletedExceptionally() || (found.isDone() && !fresh(found.join(), now))) {
                    mine = new CompletableFuture<>();
                    kept.put(key, mine);
                }
            }
            if (mine != null) {
                return make(key, mine, now, maker);
            }
            try {
                Kept other = found.get(); // made by another thread for the same claims
                if (fresh(other, now)) {
                    return other.token();
                }
            } catch (ExecutionException e) {
                // that thread failed and said so itself; this one tries on its own
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw e;
            }
        }
    }

    private String make(String key, CompletableFuture<Kept> mine, Instant now, TokenMaker maker) throws Exception {
        try {
            String token = maker.make();
            mine.complete(new Kept(token, Instant.ofEpochSecond(now.getEpochSecond() + expiresInSeconds)));
            return token;
        } catch (Throwable e) {
            synchronized (kept) {
                kept.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** More than {@code reuseUntil} left to live. */
    private boolean fresh(Kept kept, Instant now) {
        return kept.expiresAt().isAfter(now.plusMillis(reuseUntilMillis));
    }
}
