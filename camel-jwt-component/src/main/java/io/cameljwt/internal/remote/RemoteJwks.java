package io.cameljwt.internal.remote;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import io.cameljwt.JwtFailure;
import io.cameljwt.internal.keys.KeyEntry;
import io.cameljwt.internal.keys.KeyLoader;
import io.cameljwt.internal.keys.VerificationKeys;
import io.cameljwt.internal.token.TokenRefusal;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One remote JWK Set and its cache, as the SPEC's <em>Remote keys</em> sets out:
 * <ul>
 * <li>keys are fetched once and used for {@code ttl}; after that the next token (or health probe) starts a refetch in
 * the background and the cached keys go on serving meanwhile;</li>
 * <li>a token whose {@code kid} is unknown waits for a refetch, but at most one fetch starts per
 * {@code refreshInterval}, and one fetch at a time serves every thread (no stampede, no flood of the provider);</li>
 * <li>a failed fetch (down, HTTP error, garbage) leaves the cached keys serving; it is logged, and the next attempt
 * waits {@code refreshInterval}, so the log gets one line per interval at most;</li>
 * <li>but not for ever: keys older than {@code maxStale} (since the fetch that brought them) whose last refetch failed
 * are dropped, so a key the provider withdrew during an outage stops verifying; tokens are then refused as
 * {@code KEYS_UNAVAILABLE}. Age alone drops nothing: an idle endpoint whose provider is fine keeps its keys;</li>
 * <li>a JWK Set that arrives but holds no usable key is the provider's word, not an outage: the cached keys are
 * dropped too, and it is logged at ERROR (usually the {@code algorithm} option fits none of the provider's keys);</li>
 * <li>a token whose {@code kid} names keys is tried against those alone; else (no kid, or only keys without kid fit)
 * against at most {@link #MAX_TRIED_WITHOUT_KID} keys;</li>
 * <li>no message waits longer than {@code timeout} for a fetch, and no fetch lasts longer: one deadline covers the
 * discovery document, the JWK Set, redirects and host lookups ({@link HttpDocuments}).</li>
 * </ul>
 * jose4j's {@code HttpsJwks} caches too, but makes a thread with an unknown {@code kid} wait behind another's fetch
 * and then fetch again when that one failed, and lets the provider's Cache-Control override the configured TTL; so
 * the cache is kept here, {@link HttpDocuments} makes the requests and jose4j parses the JWKs.
 */
final class RemoteJwks {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteJwks.class);

    /**
     * A token without {@code kid} is tried against every key that fits its algorithm (and one with a kid against the
     * keys without one too), each a signature check; a set with more keys than this for one algorithm has rotated
     * keys, whose tokens name their kid and whose keys have one.
     */
    static final int MAX_TRIED_WITHOUT_KID = 3;

    /** Keys as fetched, and when (clock milliseconds). */
    private record Fetched(VerificationKeys keys, long at) {
    }

    private final JwksLocation location;
    private final HttpDocuments http;
    private final List<String> algorithms;
    private final long ttl;
    private final long maxStale;
    private final long refreshInterval;
    private final long timeout;
    private final Executor executor;
    private final LongSupplier clock;

    private volatile Fetched current;
    private volatile String lastFailure;
    /** Whether the keys were dropped for being older than {@code maxStale}, until keys arrive again. */
    private volatile boolean expired;
    private volatile long fetches;
    private volatile long failures;
    /** Set when the endpoint stops: a fetch still under way then fails quietly (its thread was interrupted). */
    private volatile boolean closed;
    /** Guarded by this: the fetch under way, completing with whether it succeeded; and when the last one started. */
    private CompletableFuture<Boolean> inFlight;
    private boolean attempted;
    private long lastAttempt;

    /**
     * @param algorithms the {@code algorithm} option as a list, or empty for the defaults of the keys fetched
     */
    RemoteJwks(JwksLocation location, HttpDocuments http, List<String> algorithms, long ttl, long maxStale,
               long refreshInterval, long timeout, Executor executor, LongSupplier clock) {
        this.location = location;
        this.http = http;
        this.algorithms = List.copyOf(algorithms);
        this.ttl = ttl;
        this.maxStale = maxStale;
        this.refreshInterval = refreshInterval;
        this.timeout = timeout;
        this.executor = executor;
        this.clock = clock;
    }

    String name() {
        return location.name();
    }

    /** Starts the first fetch without waiting for it: an unreachable provider never stops a route from starting. */
    void start() {
        refresh(clock.getAsLong());
    }

    /** The keys that may verify a token with this algorithm and {@code kid}, fetching them where needed. */
    List<KeyEntry> candidates(String algorithm, String kid) throws TokenRefusal {
        long now = clock.getAsLong();
        Fetched fetched = usable(now);
        if (fetched == null) {
            await(refresh(now));
            fetched = usable(clock.getAsLong());
            if (fetched == null) {
                throw unavailable();
            }
        } else if (now - fetched.at() >= ttl) {
            refresh(now); // the cached keys serve while it runs
        }
        if (kid != null && !fetched.keys().hasKid(kid)) {
            CompletableFuture<Boolean> refetch = refresh(now);
            if (refetch != null) {
                boolean fetchedAgain = await(refetch);
                fetched = usable(clock.getAsLong());
                if (fetched == null) { // the refetch found no usable key, and the cached ones are dropped
                    throw unavailable();
                }
                if (!fetchedAgain && !fetched.keys().hasKid(kid)) {
                    throw new TokenRefusal(JwtFailure.KEYS_UNAVAILABLE, "the token's kid is not among the keys cached"
                                                                        + " from " + name() + ", and fetching them again"
                                                                        + " failed or timed out");
                }
            }
            // no refetch allowed yet: an unknown kid is KEY_NOT_FOUND below
        }
        List<KeyEntry> candidates = exactFirst(fetched.keys().candidates(algorithm, kid), kid);
        if (candidates.size() > MAX_TRIED_WITHOUT_KID) {
            // without a kid every key fits; with one, so do the keys that have none
            String fitting = candidates.size() + " " + algorithm + " keys of " + name();
            String why = kid == null ? "the token has no kid, and " + fitting + " fit it"
                    : fitting + " fit the token's kid (a key without kid fits any)";
            throw new TokenRefusal(JwtFailure.KEY_NOT_FOUND, why + ": at most " + MAX_TRIED_WITHOUT_KID + " are tried");
        }
        return candidates;
    }

    /**
     * The keys whose kid is the token's, if any: then the keys without kid (which fit any kid) are not tried, so they
     * neither slow a token down nor make the cap refuse it.
     */
    private static List<KeyEntry> exactFirst(List<KeyEntry> candidates, String kid) {
        if (kid == null) {
            return candidates;
        }
        List<KeyEntry> exact = candidates.stream().filter(key -> kid.equals(key.kid())).toList();
        return exact.isEmpty() ? candidates : exact;
    }

    private TokenRefusal unavailable() {
        String failure = lastFailure;
        return new TokenRefusal(JwtFailure.KEYS_UNAVAILABLE, "no usable keys from " + name()
                                                             + (failure == null ? "" : " (" + failure + ")"));
    }

    /**
     * The cached keys, or null if there are none or they are older than {@code maxStale} and the last fetch, made
     * after they came, failed: then they are dropped (once, logged at ERROR). Keys that are old only because no
     * refetch was tried (no token came) stay: the next token or health probe refetches them.
     */
    private Fetched usable(long now) {
        Fetched fetched = current;
        String failure = lastFailure;
        if (fetched == null || now - fetched.at() < maxStale || failure == null) {
            return fetched;
        }
        synchronized (this) {
            if (current != fetched) {
                return current;
            }
            current = null;
            expired = true;
        }
        LOG.error("The keys of {} are older than jwksMaxStale ({} ms) and fetching them again failed ({}): dropped;"
                  + " tokens are refused as KEYS_UNAVAILABLE until keys arrive", name(), maxStale, failure);
        return null;
    }

    /**
     * The fetch under way, or a new one if the last started at least {@code refreshInterval} ago; null if none may
     * start yet.
     */
    private synchronized CompletableFuture<Boolean> refresh(long now) {
        if (inFlight != null) {
            return inFlight;
        }
        if (attempted && now - lastAttempt < refreshInterval) {
            return null;
        }
        attempted = true;
        lastAttempt = now;
        CompletableFuture<Boolean> fetch = new CompletableFuture<>();
        inFlight = fetch;
        try {
            executor.execute(() -> {
                Outcome outcome = new Outcome(null, "the fetch was cut short");
                try {
                    outcome = fetchOnce();
                } finally {
                    finished(fetch, outcome);
                }
            });
        } catch (RejectedExecutionException e) {
            finished(fetch, new Outcome(null, "the endpoint is stopping"));
        }
        return fetch;
    }

    /**
     * What a fetch yields: the keys, or why it failed; {@code dropKeys} when the answer was a JWK Set without a usable
     * key, which replaces the cached keys rather than leaving them serving.
     */
    private record Outcome(Fetched fetched, String failure, boolean dropKeys) {
        Outcome(Fetched fetched, String failure) {
            this(fetched, failure, false);
        }
    }

    /**
     * Ends a fetch: no longer in flight, then its outcome published. So whoever sees the outcome (new keys, or a
     * failure) knows the fetch is over, and a new kid starts a new fetch rather than joining this one.
     */
    private void finished(CompletableFuture<Boolean> fetch, Outcome outcome) {
        synchronized (this) {
            inFlight = null;
            if (outcome.fetched() != null || outcome.dropKeys()) {
                current = outcome.fetched();
                expired = false;
            }
        }
        lastFailure = outcome.failure();
        fetch.complete(outcome.failure() == null);
    }

    /** Waits for a fetch, at most {@code timeout}; whether it succeeded in that time. */
    private boolean await(CompletableFuture<Boolean> fetch) {
        if (fetch == null) {
            return false;
        }
        try {
            return fetch.get(timeout, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** One fetch, whose outcome {@link #finished} publishes; one deadline for all of it, discovery included. */
    private Outcome fetchOnce() {
        fetches++;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        String json;
        String jwksUri;
        try {
            jwksUri = location.jwksUri(http, deadline);
            json = http.get(jwksUri, deadline);
            if (!isJwkSet(json)) {
                throw new IOException("the answer of " + jwksUri + " is not a JWK Set");
            }
        } catch (Exception | StackOverflowError e) {
            // the messages here name URIs, statuses and kids, never key material; the server's text is cleaned
            String failure = KeyServerText.printable(e instanceof IllegalArgumentException || e instanceof IOException
                    ? e.getMessage() : e.getClass().getSimpleName());
            return failed(failure);
        }
        List<String> skipped = new ArrayList<>();
        VerificationKeys keys;
        try {
            keys = VerificationKeys.fetched(KeyLoader.fetchedJwkEntries(json, "jwksUri", skipped), algorithms, skipped);
        } catch (IllegalArgumentException e) {
            return unusable(jwksUri, skipped);
        }
        Fetched previous = current;
        logFetched(previous == null ? null : loggable(previous.keys().kids()), loggable(keys.kids()), skipped);
        return new Outcome(new Fetched(keys, clock.getAsLong()), null);
    }

    /** Whether the text is a JSON object with a {@code keys} array; its members are judged by the key loader. */
    private static boolean isJwkSet(String json) {
        try {
            return JsonUtil.parseJson(json).get("keys") instanceof List;
        } catch (JoseException | RuntimeException e) {
            return false;
        }
    }

    /** A fetch that failed: the cached keys go on serving (until {@code maxStale}). */
    private Outcome failed(String failure) {
        failures++;
        if (closed) {
            LOG.debug("Fetching the keys of {} stopped with the endpoint: {}", name(), failure);
            return new Outcome(null, failure);
        }
        LOG.warn("Fetching the keys of {} failed: {}; {} (next attempt in {} ms at the earliest)", name(), failure,
                current != null ? "the cached keys go on serving"
                        : "tokens are refused as KEYS_UNAVAILABLE until keys arrive",
                refreshInterval);
        return new Outcome(null, failure);
    }

    /**
     * A JWK Set without a usable key: counted as a failed fetch, but the keys cached before are dropped, since the
     * provider no longer publishes them; logged at ERROR, as it needs someone to look (the provider or 'algorithm').
     */
    private Outcome unusable(String jwksUri, List<String> skipped) {
        failures++;
        String failure = KeyServerText.printable("the JWK Set of " + jwksUri + " holds no usable key"
                                                 + (skipped.isEmpty() ? "" : " (" + String.join("; ", skipped) + ")"));
        if (closed) {
            return new Outcome(null, failure);
        }
        LOG.error("Fetching the keys of {}: {}; {}tokens are refused as KEYS_UNAVAILABLE until usable keys arrive"
                  + " (next attempt in {} ms at the earliest)", name(), failure,
                current != null ? "the keys cached before are dropped, and " : "", refreshInterval);
        return new Outcome(null, failure, true);
    }

    private void logFetched(Set<String> before, Set<String> after, List<String> skipped) {
        if (before == null) {
            LOG.info("Fetched the keys of {}: kids {}", name(), after);
        } else if (!before.equals(after)) {
            Set<String> added = new LinkedHashSet<>(after);
            added.removeAll(before);
            Set<String> removed = new LinkedHashSet<>(before);
            removed.removeAll(after);
            LOG.info("The keys of {} changed: added kids {}, removed kids {}", name(), added, removed);
        } else {
            LOG.debug("Fetched the keys of {} again: unchanged", name());
            return;
        }
        for (String reason : skipped) {
            LOG.warn("A key of {} is left out: {}", name(), reason);
        }
    }

    /** The kids as a log line may hold them: cut short, and without characters that could forge a line. */
    private static Set<String> loggable(Set<String> kids) {
        Set<String> cleaned = new java.util.TreeSet<>();
        kids.forEach(kid -> cleaned.add(VerificationKeys.safe(kid, 64)));
        return cleaned;
    }

    void close() {
        closed = true;
    }

    /**
     * Starts a fetch in the background if no keys are cached or they are older than {@code ttl}, where the refresh
     * interval allows; never waits. So a health probe keeps the keys of an endpoint that gets no tokens fresh.
     */
    void fetchIfDue() {
        long now = clock.getAsLong();
        Fetched fetched = usable(now);
        if (fetched == null || now - fetched.at() >= ttl) {
            refresh(now);
        }
    }

    /** Whether usable keys are cached (fresh, or stale but younger than {@code maxStale}). */
    boolean hasKeys() {
        return usable(clock.getAsLong()) != null;
    }

    /** Whether the keys were dropped for being older than {@code maxStale} (and none came since). */
    boolean expired() {
        return expired && current == null;
    }

    /** Why the last fetch failed, or null if it succeeded; cleaned ({@link KeyServerText}). */
    String lastFailure() {
        return lastFailure;
    }

    long fetches() {
        return fetches;
    }

    long failures() {
        return failures;
    }
}
