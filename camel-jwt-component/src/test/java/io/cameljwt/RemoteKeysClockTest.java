package io.cameljwt;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.concurrent.locks.LockSupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.cameljwt.internal.remote.RemoteKeys;
import io.cameljwt.internal.remote.RemoteKeysHealthCheck;
import io.cameljwt.internal.settings.EndpointSettings;
import io.cameljwt.internal.token.TokenRefusal;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static io.cameljwt.RemoteKeysTest.K1;
import static io.cameljwt.RemoteKeysTest.K2;
import static io.cameljwt.RemoteKeysTest.jwkSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The time rules of remote keys ({@code jwksCacheTtl}, {@code jwksRefreshInterval}) on a clock the test moves, against
 * a real HTTP server: no sleeps, and the intervals are the defaults (10m, 30s).
 */
class RemoteKeysClockTest extends CamelTestSupport {

    private static final long SECOND = 1000;

    private final AtomicLong clock = new AtomicLong(1_000_000);

    /** Remote keys on the server, which serves {@code keys} before the first fetch starts. */
    private RemoteKeys start(JwksServer server, String keys) {
        server.serveKeys(keys);
        return start(server);
    }

    private RemoteKeys start(JwksServer server) {
        JwtConfiguration config = new JwtConfiguration();
        config.setJwksUri(server.url());
        return start(config, clock::get);
    }

    /** The remote keys of a validate endpoint with this configuration, on {@code clock}. */
    private RemoteKeys start(JwtConfiguration config, LongSupplier clock) {
        EndpointSettings settings = TestSettings.of(config);
        return RemoteKeys.start(settings.remoteKeys(), settings.keys(), context, this, clock);
    }

    private void advance(long millis) {
        clock.addAndGet(millis);
    }

    private static JwtFailure refusal(RemoteKeys keys, String kid) {
        return assertThrows(TokenRefusal.class, () -> keys.candidates("RS256", kid, null)).reason();
    }

    @Test
    void eightThreadsSendingHundredsOfUnknownKidsWithinOneIntervalFetchAtMostTwice() throws Exception {
        try (JwksServer server = JwksServer.http(); RemoteKeys keys = start(server, jwkSet(K1))) {
            assertEquals(1, keys.candidates("RS256", "k1", null).size());
            advance(31 * SECOND); // the interval since the first fetch has passed: one refetch is allowed

            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<JwtFailure>> results = new ArrayList<>();
                for (int i = 0; i < 8 * 200; i++) {
                    results.add(threads.submit(() -> refusal(keys, UUID.randomUUID().toString())));
                }
                for (Future<JwtFailure> result : results) {
                    assertEquals(JwtFailure.KEY_NOT_FOUND, result.get());
                }
            } finally {
                threads.shutdownNow();
            }
            assertEquals(2, server.requests());
            assertEquals(1, keys.candidates("RS256", "k1", null).size(), "the known key still serves");
        }
    }

    @Test
    void aNewKidIsFetchedOnceTheIntervalHasPassed() throws Exception {
        try (JwksServer server = JwksServer.http(); RemoteKeys keys = start(server, jwkSet(K1))) {
            keys.candidates("RS256", "k1", null);
            server.serveKeys(jwkSet(K1, K2));
            advance(29 * SECOND);
            assertEquals(JwtFailure.KEY_NOT_FOUND, refusal(keys, "k2"));
            assertEquals(1, server.requests());
            advance(SECOND);
            assertEquals(1, keys.candidates("RS256", "k2", null).size());
            assertEquals(2, server.requests());
        }
    }

    @Test
    void afterAFailedFetchTheNextAttemptWaitsForTheInterval() throws Exception {
        try (JwksServer server = JwksServer.http()) {
            server.status(500);
            try (RemoteKeys keys = start(server)) {
                assertEquals(JwtFailure.KEYS_UNAVAILABLE, refusal(keys, "k1"));
                advance(10 * SECOND);
                server.serveKeys(jwkSet(K1));
                server.ok();
                assertEquals(JwtFailure.KEYS_UNAVAILABLE, refusal(keys, "k1"));
                assertEquals(1, server.requests(), "no attempt before the interval");
                advance(20 * SECOND);
                assertEquals(1, keys.candidates("RS256", "k1", null).size());
                assertEquals(2, server.requests());
                assertTrue(keys.states().get(0).hasKeys());
            }
        }
    }

    @Test
    void expiredKeysServeWhileTheRefetchRunsInTheBackground() throws Exception {
        try (JwksServer server = JwksServer.http(); RemoteKeys keys = start(server, jwkSet(K1))) {
            keys.candidates("RS256", "k1", null);
            advance(10 * 60 * SECOND - 1);
            keys.candidates("RS256", "k1", null);
            assertEquals(1, server.requests(), "the keys are younger than jwksCacheTtl");

            server.hang();
            advance(1);
            // the keys are 10 minutes old: a refetch starts, and the known kid does not wait for it
            assertEquals(1, keys.candidates("RS256", "k1", null).size());
            assertTrue(server.awaitHanging(1, Duration.ofSeconds(10)));
            server.serveKeys(jwkSet(K2));
            server.release();
            // once the refetch is in, the set is the new one
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!fetchedK2(keys) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(fetchedK2(keys));
            assertEquals(JwtFailure.KEY_NOT_FOUND, refusal(keys, "k1"));
        }
    }

    @Test
    void expiredKeysGoOnServingWhenTheirRefetchFails() throws Exception {
        try (JwksServer server = JwksServer.http(); RemoteKeys keys = start(server, jwkSet(K1))) {
            keys.candidates("RS256", "k1", null);
            server.status(500);
            advance(10 * 60 * SECOND);
            assertEquals(1, keys.candidates("RS256", "k1", null).size()); // starts the refetch, which fails
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (keys.states().get(0).lastFailure() == null && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(keys.states().get(0).lastFailure().contains("500"), keys.states().get(0).lastFailure());
            assertEquals(1, keys.candidates("RS256", "k1", null).size());
            assertEquals(2, server.requests(), "the next attempt waits for the refresh interval");
        }
    }

    @Test
    void aBodyThatTricklesInIsGivenUpOnceTheFetchTakesLongerThanTheTimeout() throws Exception {
        try (JwksServer server = JwksServer.http()) {
            server.trickle();
            JwtConfiguration config = new JwtConfiguration();
            config.setJwksUri(server.url());
            config.setJwksTimeout(SECOND);
            try (RemoteKeys keys = start(config, clock::get)) {
                assertEquals(JwtFailure.KEYS_UNAVAILABLE, refusal(keys, "k1"));
                // the fetch itself ends too, soon after the timeout, rather than reading a space every 100 ms forever
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (keys.states().get(0).lastFailure() == null && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertTrue(keys.states().get(0).lastFailure().contains("took longer than the timeout"),
                        String.valueOf(keys.states().get(0).lastFailure()));

                server.serveKeys(jwkSet(K1));
                server.ok();
                advance(30 * SECOND);
                assertEquals(1, keys.candidates("RS256", "k1", null).size(), "the source is free to fetch again");
            }
        }
    }

    @Test
    void keysOlderThanMaxStaleAreDroppedWhileFetchesFailAndTheHealthCheckGoesDown() throws Exception {
        try (JwksServer server = JwksServer.http(); RemoteKeys keys = start(server, jwkSet(K1))) {
            RemoteKeysHealthCheck check = new RemoteKeysHealthCheck("jwt://validate", Set.of(), keys);
            keys.candidates("RS256", "k1", null);
            server.status(500);
            advance(12 * 60 * 60 * SECOND - 1); // the default jwksMaxStale is 12h
            assertEquals(1, keys.candidates("RS256", "k1", null).size(), "stale keys serve while fetches fail");
            awaitFailure(keys);
            assertEquals(HealthCheck.State.UP, check.call(Map.of()).getState());

            advance(1);
            assertEquals(JwtFailure.KEYS_UNAVAILABLE, refusal(keys, "k1"));
            assertFalse(keys.states().get(0).hasKeys());
            HealthCheck.Result result = check.call(Map.of());
            assertEquals(HealthCheck.State.DOWN, result.getState());
            String message = result.getMessage().orElseThrow();
            assertTrue(message.contains("older than jwksMaxStale") && message.contains("500"), message);

            server.ok();
            advance(30 * SECOND);
            assertEquals(1, keys.candidates("RS256", "k1", null).size(), "keys that arrive serve again");
        }
    }

    /**
     * Age alone drops nothing: an idle endpoint (no token for 12h) whose provider is fine stays UP, and its health
     * probe refetches the keys due; only when that refetch fails are the keys, older than jwksMaxStale, dropped.
     */
    @Test
    void anIdleEndpointKeepsItsKeysPastMaxStaleUntilARefetchFails() throws Exception {
        try (JwksServer server = JwksServer.http(); RemoteKeys keys = start(server, jwkSet(K1))) {
            RemoteKeysHealthCheck check = new RemoteKeysHealthCheck("jwt://validate", Set.of(), keys);
            assertEquals(1, keys.candidates("RS256", "k1", null).size());
            server.serveKeys(jwkSet(K1, K2));
            advance(12 * 60 * 60 * SECOND); // idle for the default jwksMaxStale
            assertEquals(1, server.requests(), "no refetch was tried, so none failed");
            HealthCheck.Result result = check.call(Map.of());
            assertEquals(HealthCheck.State.UP, result.getState(), result.getMessage().orElse(""));
            // the probe refetched the keys older than the TTL (a token could not: the clock has not moved since)
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!fetchedK2(keys) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
            assertTrue(fetchedK2(keys), "the probe did not refetch the keys");
            assertEquals(2, server.requests());

            server.status(500);
            advance(13 * 60 * 60 * SECOND); // idle again; now the provider fails
            assertEquals(HealthCheck.State.UP, check.call(Map.of()).getState(), "no refetch has failed yet");
            deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (keys.states().get(0).lastFailure() == null && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
            result = check.call(Map.of());
            assertEquals(HealthCheck.State.DOWN, result.getState());
            String message = result.getMessage().orElseThrow();
            assertTrue(message.contains("older than jwksMaxStale, were dropped") && message.contains("500"), message);
            assertFalse(message.contains("no fetch has completed yet"), message);
            assertEquals(JwtFailure.KEYS_UNAVAILABLE, refusal(keys, "k1"));
        }
    }

    /** jwksTimeout bounds each whole fetch: with issuerUri, the discovery document and the JWK Set together. */
    @Test
    void theFirstFetchThroughDiscoveryEndsWithinJwksTimeout() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService pool = Executors.newCachedThreadPool();
        server.setExecutor(pool);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        CountDownLatch end = new CountDownLatch(1);
        server.createContext("/.well-known/openid-configuration", exchange -> {
            pause(end, 2500); // slow, but within jwksTimeout=3s
            send(exchange, "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/jwks\"}");
        });
        server.createContext("/jwks", exchange -> {
            pause(end, 30_000); // hangs until the test ends
            send(exchange, jwkSet(K1));
        });
        server.start();
        try {
            JwtConfiguration config = new JwtConfiguration();
            config.setIssuerUri(base);
            config.setJwksTimeout(3000);
            long start = System.nanoTime();
            try (RemoteKeys keys = start(config, System::currentTimeMillis)) {
                awaitFailure(keys);
                long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
                String failure = keys.states().get(0).lastFailure();
                assertTrue(failure.contains("took longer than the timeout"), failure);
                // one deadline: about 3s; a deadline per request would be 2.5s + 3s
                assertTrue(took < 5000, "with jwksTimeout=3s the fetch ended after " + took + " ms: " + failure);
            }
        } finally {
            end.countDown();
            server.stop(0);
            pool.shutdownNow();
        }
    }

    private static void pause(CountDownLatch end, long millis) {
        try {
            end.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void aJwkSetWithoutAUsableKeyDropsTheCachedKeysAndTheHealthCheckGoesDown() throws Exception {
        try (JwksServer server = JwksServer.http(); RemoteKeys keys = start(server, jwkSet(K1))) {
            RemoteKeysHealthCheck check = new RemoteKeysHealthCheck("jwt://validate", Set.of(), keys);
            keys.candidates("RS256", "k1", null);
            assertEquals(HealthCheck.State.UP, check.call(Map.of()).getState());
            server.serveKeys("{\"keys\":[]}");
            advance(30 * SECOND);
            TokenRefusal refusal = assertThrows(TokenRefusal.class, () -> keys.candidates("RS256", "k2", null));
            assertEquals(JwtFailure.KEYS_UNAVAILABLE, refusal.reason());
            assertEquals(JwtFailure.KEYS_UNAVAILABLE, refusal(keys, "k1"), "the keys no longer listed are dropped");
            HealthCheck.Result result = check.call(Map.of());
            assertEquals(HealthCheck.State.DOWN, result.getState());
            assertTrue(result.getMessage().orElseThrow().contains("holds no usable key"),
                    result.getMessage().orElseThrow());
            assertEquals(1L, keys.fetchFailures());
        }
    }

    private static void awaitFailure(RemoteKeys keys) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (keys.states().get(0).lastFailure() == null && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        assertTrue(keys.states().get(0).lastFailure() != null, "the refetch did not fail in time");
    }

    private static boolean fetchedK2(RemoteKeys keys) {
        try {
            return !keys.candidates("RS256", "k2", null).isEmpty();
        } catch (TokenRefusal e) {
            return false;
        }
    }

    @Test
    void closingStopsTheFetchingThreads() throws Exception {
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(K1));
            server.hang();
            RemoteKeys keys = start(server);
            assertTrue(server.awaitHanging(1, Duration.ofSeconds(10)));
            keys.close();
            advance(31 * SECOND);
            // no thread is left to fetch: the refusal is immediate
            assertFalse(keys.states().get(0).hasKeys());
            assertEquals(JwtFailure.KEYS_UNAVAILABLE, refusal(keys, "k1"));
        }
    }

    /** Java 17's HttpClient cannot be closed: its work runs on an executor that closing shuts down. */
    @Test
    void closingEndsTheThreadsOfTheHttpClient() throws Exception {
        try (JwksServer server = JwksServer.http()) {
            RemoteKeys keys = start(server, jwkSet(K1));
            assertEquals(1, keys.candidates("RS256", "k1", null).size());
            assertTrue(httpThreads() > 0, "the client works on the endpoint's executor");
            keys.close();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (httpThreads() > 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            assertEquals(0, httpThreads(), "threads left after close");
        }
    }

    private static long httpThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().contains("JwtRemoteKeysHttp")).count();
    }
}
