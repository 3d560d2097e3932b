package io.cameljwt.internal.remote;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Host lookups of a fetch end by its deadline, as its requests do. */
class HttpDocumentsTest {

    private static final String SLOW_NAME = "slow.example.test";

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch dnsAnswers = new CountDownLatch(1);

    /** A DNS server that answers for {@link #SLOW_NAME} only when the test ends; IP literals need no DNS. */
    private final RemoteUris.Resolver slowDns = host -> {
        if (host.equals(SLOW_NAME)) {
            try {
                dnsAnswers.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return InetAddress.getAllByName(host.equals(SLOW_NAME) ? "93.184.216.35" : host);
    };

    private final HttpDocuments http = new HttpDocuments(null, 1000, executor, slowDns);

    @AfterEach
    void answerAndStop() {
        dnsAnswers.countDown();
        executor.shutdownNow();
    }

    @Test
    void aRedirectToANameUnderASlowDnsServerFailsAtTheDeadlineAsTooSlow() {
        URI origin = URI.create("https://93.184.216.34/keys");
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(500);
        IOException e = assertThrows(IOException.class, () -> RemoteUris.checkFollowed(origin, origin,
                "https://" + SLOW_NAME + "/keys", "the redirect", http.resolver(deadline)));
        assertTrue(e.getMessage().contains("took longer than the timeout"), e.getMessage());
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(took < 5000, "a generous bound over 500 ms (the lookup hangs until the test ends): " + took);
    }

    @Test
    void aLookupWithinTheDeadlineIsJudgedByItsAddresses() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        URI origin = URI.create("https://93.184.216.34/keys");
        assertTrue(RemoteUris.checkFollowed(origin, origin, "https://8.8.8.8/keys", "the redirect",
                http.resolver(deadline)).getHost().equals("8.8.8.8"));
        assertThrows(IllegalArgumentException.class, () -> RemoteUris.checkFollowed(origin, origin,
                "https://10.0.0.1/keys", "the redirect", http.resolver(deadline)));
    }
}
