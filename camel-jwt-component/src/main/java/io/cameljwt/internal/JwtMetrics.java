package io.cameljwt.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

import io.cameljwt.JwtFailure;
import io.cameljwt.JwtOperation;
import io.cameljwt.internal.remote.RemoteKeys;
import io.cameljwt.internal.verify.VerifiedTokens;

/**
 * What one jwt endpoint has done, as its JMX attributes report it (docs/metrics.md): tokens accepted, decoded and
 * generated, tokens refused per {@link JwtFailure}, and the fetches of its remote keys. The producer records each
 * exchange here, once, after the operation ran; the counts live as long as the endpoint, across route restarts, until
 * {@link #reset()}.
 */
public final class JwtMetrics implements VerifiedTokens.Counts {

    private static final CompositeType BY_REASON = byReasonType();

    private final LongAdder accepted = new LongAdder();
    private final LongAdder decoded = new LongAdder();
    private final LongAdder generated = new LongAdder();
    private final LongAdder revoked = new LongAdder();
    private final LongAdder tokenCacheHits = new LongAdder();
    private final LongAdder tokenCacheMisses = new LongAdder();
    /** One adder per reason, all made here and never replaced, so any thread may read the map. */
    private final Map<JwtFailure, LongAdder> refused = new EnumMap<>(JwtFailure.class);

    /** The remote keys of the running operation, or null. Guarded by this, as are the two below. */
    private RemoteKeys remoteKeys;
    /**
     * Added to the running keys' own counts, which start at 0 with each operation: the counts of operations stopped
     * before, less those at the last reset.
     */
    private long fetchesCarried;
    private long failuresCarried;

    public JwtMetrics() {
        for (JwtFailure reason : JwtFailure.values()) {
            refused.put(reason, new LongAdder());
        }
    }

    /** Records a token the operation refused with an exception. */
    public void onRefused(JwtFailure reason) {
        refused.get(reason).increment();
    }

    /** Records a token validate accepted. */
    public void onAccepted() {
        accepted.increment();
    }

    /** Records a token revoke added to the revocation repository. */
    public void onRevoked() {
        revoked.increment();
    }

    /**
     * Records an exchange generate or decode finished without an exception. validate and revoke tell their outcomes
     * themselves ({@link #onAccepted}, {@link #onRevoked}, {@link #onRefused}), also with {@code failOnInvalid=false}.
     */
    public void onCompleted(JwtOperation operation) {
        switch (operation) {
            case generate -> generated.increment();
            case decode -> decoded.increment();
            default -> {
                // validate and revoke count in ValidateOperation; jwks publishes keys: nothing to count
            }
        }
    }

    /** A token found in the verified-token cache. */
    @Override
    public void hit() {
        tokenCacheHits.increment();
    }

    /** A token looked for in the verified-token cache and verified, as it was not there. */
    @Override
    public void miss() {
        tokenCacheMisses.increment();
    }

    /** Called when an operation starts, with its remote keys (null without). */
    public synchronized void attach(RemoteKeys keys) {
        remoteKeys = keys;
    }

    /** Called when the operation stops: its fetch counts are kept, as the next operation's start at 0. */
    public synchronized void detach() {
        if (remoteKeys != null) {
            fetchesCarried += remoteKeys.fetches();
            failuresCarried += remoteKeys.fetchFailures();
            remoteKeys = null;
        }
    }

    public long accepted() {
        return accepted.sum();
    }

    public long decoded() {
        return decoded.sum();
    }

    public long generated() {
        return generated.sum();
    }

    public long revoked() {
        return revoked.sum();
    }

    public long tokenCacheHits() {
        return tokenCacheHits.sum();
    }

    public long tokenCacheMisses() {
        return tokenCacheMisses.sum();
    }

    public long refused(JwtFailure reason) {
        return refused.get(reason).sum();
    }

    public long refusedTotal() {
        return refused.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Every reason with its count, zeros included, so a monitoring system sees the same series at every scrape. */
    public CompositeData refusedByReason() {
        JwtFailure[] reasons = JwtFailure.values();
        String[] names = new String[reasons.length];
        Object[] counts = new Object[reasons.length];
        for (int i = 0; i < reasons.length; i++) {
            names[i] = reasons[i].name();
            counts[i] = refused(reasons[i]);
        }
        try {
            return new CompositeDataSupport(BY_REASON, names, counts);
        } catch (OpenDataException e) {
            throw new IllegalStateException(e); // the type above fits these values
        }
    }

    public synchronized long keyFetches() {
        return fetchesCarried + (remoteKeys == null ? 0 : remoteKeys.fetches());
    }

    public synchronized long keyFetchFailures() {
        return failuresCarried + (remoteKeys == null ? 0 : remoteKeys.fetchFailures());
    }

    /** Whether the running operation has keys from every remote source; null without remote keys or when stopped. */
    public synchronized Boolean keysCached() {
        return remoteKeys == null ? null : remoteKeys.keysCached();
    }

    /** Sets every count to 0; the remote keys go on counting from there. */
    public synchronized void reset() {
        accepted.reset();
        decoded.reset();
        generated.reset();
        revoked.reset();
        tokenCacheHits.reset();
        tokenCacheMisses.reset();
        refused.values().forEach(LongAdder::reset);
        fetchesCarried = remoteKeys == null ? 0 : -remoteKeys.fetches();
        failuresCarried = remoteKeys == null ? 0 : -remoteKeys.fetchFailures();
    }

    private static CompositeType byReasonType() {
        JwtFailure[] reasons = JwtFailure.values();
        String[] names = new String[reasons.length];
        String[] descriptions = new String[reasons.length];
        OpenType<?>[] types = new OpenType<?>[reasons.length];
        for (int i = 0; i < reasons.length; i++) {
            names[i] = reasons[i].name();
            descriptions[i] = "Tokens refused as " + reasons[i].name();
            types[i] = SimpleType.LONG;
        }
        try {
            return new CompositeType("JwtRefusalsByReason", "Tokens refused, per JwtFailure", names, descriptions, types);
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }
}
