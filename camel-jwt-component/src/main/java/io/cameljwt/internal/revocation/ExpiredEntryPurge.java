package io.cameljwt.internal.revocation;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the entries of expired tokens from a {@code revocationRepository}, every {@code revocationPurgeInterval}, on
 * a thread of the revoke endpoint that stops with it. An {@code IdempotentRepository} cannot list its keys, but
 * revocation keys start with the token's {@code exp} (see {@link RevocationList#key}), so one delete of the keys below
 * {@link RevocationList#firstLiveKey} purges a store: for the stores whose delete is known here. A purge that fails is
 * logged and tried again at the next interval; validation never waits for it nor depends on it.
 */
final class ExpiredEntryPurge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredEntryPurge.class);

    /** The delete of one kind of store. */
    @FunctionalInterface
    interface Store {
        /** Removes every entry whose key sorts before {@code key}. */
        void removeBefore(String key);
    }

    private final Store store;
    private final String storeName;
    private final long clockSkewSeconds;
    private final LongSupplier clock;
    private Runnable stop = () -> {
    };

    /** @param clock the time in milliseconds since the epoch */
    ExpiredEntryPurge(Store store, String storeName, long clockSkew, LongSupplier clock) {
        this.store = store;
        this.storeName = storeName;
        this.clockSkewSeconds = clockSkew / 1000;
        this.clock = clock;
    }

    /**
     * Purges {@code repository} every {@code interval} milliseconds from now on, or returns null: with an interval of
     * 0, or a store whose delete is not known here (its own expiry must then be configured, which is said once).
     */
    static ExpiredEntryPurge start(IdempotentRepository repository, long interval, long clockSkew, CamelContext context,
                                  Object owner) {
        if (interval <= 0) {
            return null;
        }
        String name = repository.getClass().getSimpleName();
        Store store = storeOf(repository);
        if (store == null) {
            LOG.info("The revocationRepository ({}) is not one camel-jwt purges: give its entries a time to live of the"
                     + " longest token lifetime plus clockSkew, or more (docs/revocation.md)", name);
            return null;
        }
        ExpiredEntryPurge purge = new ExpiredEntryPurge(store, name, clockSkew, System::currentTimeMillis);
        ScheduledExecutorService executor = context.getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(owner, "JwtRevocationPurge");
        executor.scheduleWithFixedDelay(purge::purge, interval, interval, TimeUnit.MILLISECONDS);
        purge.stop = () -> context.getExecutorServiceManager().shutdownNow(executor);
        return purge;
    }

    /**
     * How {@code repository} is purged, or null. The JDBC and Hazelcast deletes are classes of their own, loaded only
     * when the application has that store, since their artifacts are optional dependencies of this component.
     */
    static Store storeOf(IdempotentRepository repository) {
        if (repository instanceof PurgeableStore memory) {
            return memory::removeBefore;
        }
        if (isA(repository, "org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository")) {
            return new JdbcPurge(repository);
        }
        if (isA(repository, "org.apache.camel.processor.idempotent.hazelcast.HazelcastIdempotentRepository")) {
            return new HazelcastPurge(repository);
        }
        return null;
    }

    private static boolean isA(Object object, String className) {
        return StoreClasses.firstNamed(object, Set.of(className)) != null;
    }

    /** One purge, now: the entries of tokens that expired (with clockSkew) before this second go. */
    void purge() {
        long now = Duration.ofMillis(clock.getAsLong()).toSeconds();
        try {
            store.removeBefore(RevocationList.firstLiveKey(now, clockSkewSeconds));
        } catch (RuntimeException e) {
            // the keys it would delete hold no part of a token, and neither does this message
            LOG.warn("Purging the entries of expired tokens from the revocationRepository ({}) failed, it is tried again"
                     + " at the next revocationPurgeInterval: {}", storeName, e.toString());
        }
    }

    @Override
    public void close() {
        stop.run();
    }
}
