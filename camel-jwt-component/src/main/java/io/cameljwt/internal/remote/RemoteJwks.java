package io.cameljwt.internal.remote;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One remote JWK Set and its cache, as the SPEC's <em>Remote keys</em> sets out:
 * <ul>
 * <li>keys are fetched once and used for {@code ttl}; after that the next token starts a refetch in the background
 * and the cached keys go on serving meanwhile;</li>
 * <li>a token whose {@code kid} is unknown waits for a refetch, but at most one fetch starts per
 * {@code refreshInterval}, and one fetch at a time serves every thread (no stampede, no flood of the provider);</li>
 * <li>a failed fetch (down, HTTP error, garbage, no usable key) leaves the cached keys serving; it is logged, and the
 * next attempt waits {@code refreshInterval}, so the log gets one line per interval at most;</li>
 * <li>no message waits longer than {@code timeout} for a fetch.</li>
 * </ul>
 * jose4j's {@code HttpsJwks} caches too, but makes a thread with an unknown {@code kid} wait behind another's fetch
 * and then fetch again when that one failed, and lets the provider's Cache-Control override the configured TTL; so
 * the cache is kept here, {@link HttpDocuments} makes the requests and jose4j parses the JWKs.
 */
final class RemoteJwks {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteJwks.class);

    /** Keys as fetched, and when (clock milliseconds). */
    private record Fetched(VerificationKeys keys, long at) {
    }

    private final JwksLocation location;
    private final HttpDocuments http;
    private final List<String> algorithms;
    private final long ttl;
    private final long refreshInterval;
    private final long timeout;
    private final Executor executor;
    private final LongSupplier clock;

    private volatile Fetched current;
    private volatile String lastFailure;
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
    RemoteJwks(JwksLocation location, HttpDocuments http, List<String> algorithms, long ttl, long refreshInterval,
               long timeout, Executor executor, LongSupplier clock) {
        this.location = location;
        this.http = http;
        this.algorithms = List.copyOf(algorithms);
        this.ttl = ttl;
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
        Fetched fetched = current;
        if (fetched == null) {
            await(refresh(now));
            fetched = current;
            if (fetched == null) {
                String failure = lastFailure;
                throw new TokenRefusal(JwtFailure.KEYS_UNAVAILABLE, "no keys could be fetched yet from " + name()
                                                                    + (failure == null ? "" : " (" + failure + ")"));
            }
        } else if (now - fetched.at() >= ttl) {
            refresh(now); // the cached keys serve while it runs
        }
        if (kid != null && !fetched.keys().hasKid(kid)) {
            CompletableFuture<Boolean> refetch = refresh(now);
            if (refetch != null) {
                boolean fetchedAgain = await(refetch);
                fetched = current;
                if (!fetchedAgain && !fetched.keys().hasKid(kid)) {
                    throw new TokenRefusal(JwtFailure.KEYS_UNAVAILABLE, "the token's kid is not among the keys cached"
                                                                        + " from " + name() + ", and fetching them again"
                                                                        + " failed or timed out");
                }
            }
            // no refetch allowed yet: an unknown kid is KEY_NOT_FOUND below
        }
        return fetched.keys().candidates(algorithm, kid);
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

    /** What a fetch yields: the keys, or why it failed. */
    private record Outcome(Fetched fetched, String failure) {
    }

    /**
     * Ends a fetch: no longer in flight, then its outcome published. So whoever sees the outcome (new keys, or a
     * failure) knows the fetch is over, and a new kid starts a new fetch rather than joining this one.
     */
    private void finished(CompletableFuture<Boolean> fetch, Outcome outcome) {
        synchronized (this) {
            inFlight = null;
        }
        if (outcome.fetched() != null) {
            current = outcome.fetched();
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

    /** One fetch, whose outcome {@link #finished} publishes. */
    private Outcome fetchOnce() {
        fetches++;
        try {
            String json = http.get(location.jwksUri(http));
            List<String> skipped = new ArrayList<>();
            VerificationKeys keys = VerificationKeys.fetched(
                    KeyLoader.fetchedJwkEntries(json, "jwksUri", skipped), algorithms, skipped);
            Fetched previous = current;
            logFetched(previous == null ? null : loggable(previous.keys().kids()), loggable(keys.kids()), skipped);
            return new Outcome(new Fetched(keys, clock.getAsLong()), null);
        } catch (Exception | StackOverflowError e) {
            failures++;
            // the messages here name URIs, statuses and kids, never key material
            String failure = e instanceof IllegalArgumentException || e instanceof java.io.IOException
                    ? e.getMessage() : e.getClass().getSimpleName();
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

    /** Starts a fetch in the background if no keys are cached and the refresh interval allows; never waits. */
    void fetchIfMissing() {
        if (current == null) {
            refresh(clock.getAsLong());
        }
    }

    /** Whether keys are cached (fresh or stale). */
    boolean hasKeys() {
        return current != null;
    }

    /** Why the last fetch failed, or null if it succeeded. */
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
