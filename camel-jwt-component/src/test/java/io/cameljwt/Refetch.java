package io.cameljwt;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.apache.camel.Exchange;

/**
 * Waits out {@code jwksRefreshInterval} in route tests. It is at least 1s, so a token with a new kid sent right after
 * a fetch is refused as KEY_NOT_FOUND without a refetch; resending it until the answer is another one lets a test go
 * on as soon as the refetch is allowed, without a fixed sleep. A refusal as KEY_NOT_FOUND starts no fetch, so request
 * counts are those of the refetch alone. {@link #untilAccepted} waits likewise for the fetch after an outage.
 */
final class Refetch {

    private Refetch() {
    }

    /** The first answer that is not KEY_NOT_FOUND, or the last one after 5 s. */
    static Exchange afterInterval(Supplier<Exchange> send) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Exchange exchange = send.get();
        while (keyNotFound(exchange) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            exchange = send.get();
        }
        return exchange;
    }

    /**
     * The first answer that is accepted, or the last one after 5 s: for a provider that recovered, whose keys the next
     * fetch allowed (after the refresh interval) brings.
     */
    static Exchange untilAccepted(Supplier<Exchange> send) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Exchange exchange = send.get();
        while (exchange.getException() != null && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            exchange = send.get();
        }
        return exchange;
    }

    private static boolean keyNotFound(Exchange exchange) {
        return exchange.getException() instanceof JwtValidationException e && e.getReason() == JwtFailure.KEY_NOT_FOUND;
    }
}
