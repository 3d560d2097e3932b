package io.cameljwt;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctJwkGenerator;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Remote keys through routes, against a real HTTP(S) server on 127.0.0.1 that counts its requests and can rotate,
 * fail, answer garbage or hang. The time-bound rules (one refetch per interval) are in {@link RemoteKeysClockTest}.
 */
class RemoteKeysTest extends JwtRouteTestSupport {

    static final RsaJsonWebKey K1 = Tokens.rsaKey("k1");
    static final RsaJsonWebKey K2 = Tokens.rsaKey("k2");

    /** The public JWK Set of these keys, as a provider publishes it. */
    static String jwkSet(JsonWebKey... keys) {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < keys.length; i++) {
            json.append(i == 0 ? "" : ",").append(keys[i].toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        }
        return json.append("]}").toString();
    }

    /** A token signed by {@code key}, naming {@code kid} (null: none), with these claims over valid ones. */
    static String signedAs(RsaJsonWebKey key, String alg, String kid, Object... claims) {
        Map<String, Object> header = kid == null ? Tokens.header(alg) : Tokens.claims("alg", alg, "kid", kid);
        return Tokens.sign(Tokens.json(header), Tokens.json(Tokens.validClaims(claims)), alg, key.getPrivateKey());
    }

    static String token(RsaJsonWebKey key, Object... claims) {
        return signedAs(key, "RS256", key.getKeyId(), claims);
    }

    private static String jwksUri(JwksServer server, String more) {
        return "jwt:validate?jwksUri=" + server.url() + more;
    }

    // --- cache -----------------------------------------------------------------------------------------------------

    @Test
    void oneFetchServesAThousandValidations() {
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(K1));
            String uri = jwksUri(server, "");
            String token = token(K1);
            for (int i = 0; i < 1000; i++) {
                assertEquals("alice", accepted(sendToken(uri, token)).getHeader(JwtConstants.JWT_SUBJECT));
            }
            assertEquals(1, server.requests());
        }
    }

    @Test
    void aTokenWithTheNewKidAfterRotationTriggersOneRefetchAndRetiredKeysAreRefused() {
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(K1));
            String uri = jwksUri(server, "&jwksRefreshInterval=1s");
            accepted(sendToken(uri, token(K1)));
            assertEquals(1, server.requests());

            server.serveKeys(jwkSet(K2));
            String rotated = token(K2);
            accepted(Refetch.afterInterval(() -> sendToken(uri, rotated)));
            assertEquals(2, server.requests());
            accepted(sendToken(uri, token(K2)));
            assertEquals(2, server.requests(), "a known kid fetches nothing");

            String retired = token(K1);
            refused(sendToken(uri, retired), JwtFailure.KEY_NOT_FOUND, retired);
        }
    }

    @Test
    void withinTheRefreshIntervalAnUnknownKidIsRefusedWithoutAFetch() {
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(K1));
            String uri = jwksUri(server, "");
            accepted(sendToken(uri, token(K1)));
            server.serveKeys(jwkSet(K1, K2));
            String early = token(K2);
            refused(sendToken(uri, early), JwtFailure.KEY_NOT_FOUND, early);
            assertEquals(1, server.requests(), "the default 30s interval has not passed since the first fetch");
        }
    }

    @Test
    void eightThreadsArrivingDuringTheFirstFetchShareIt() throws Exception {
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(K1));
            server.hang();
            String uri = jwksUri(server, "&jwksTimeout=20s");
            String route = routeTo(uri); // starts the route, and with it the first fetch, which hangs
            assertTrue(server.awaitHanging(1, Duration.ofSeconds(10)));
            String token = token(K1);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<Exchange>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(threads.submit(() -> template.send(route,
                            e -> e.getMessage().setHeader(JwtConstants.JWT_TOKEN, token))));
                }
                server.release();
                for (Future<Exchange> result : results) {
                    accepted(result.get());
                }
            } finally {
                threads.shutdownNow();
            }
            assertEquals(1, server.requests());
        }
    }

    @Test
    void aProviderCacheControlDoesNotShortenTheCache() {
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(K1));
            server.cacheControl("max-age=0, no-cache");
            String uri = jwksUri(server, "");
            for (int i = 0; i < 20; i++) {
                accepted(sendToken(uri, token(K1)));
            }
            assertEquals(1, server.requests());
        }
    }

    @Test
    void restartingTheRouteFetchesTheKeysAgain() throws Exception {
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(K1));
            String uri = jwksUri(server, "");
            accepted(sendToken(uri, token(K1)));
            String routeId = context.getRoutes().get(0).getRouteId();
            context.getRouteController().stopRoute(routeId);
            server.serveKeys(jwkSet(K2));
            context.getRouteController().startRoute(routeId);
            accepted(sendToken(uri, token(K2)));
            assertEquals(2, server.requests());
        }
    }

    // --- outages ---------------------------------------------------------------------------------------------------

    enum Outage {
        DOWN, HTTP_500, GARBAGE, EMPTY_SET, NO_USABLE_KEY, OVER_512_KIB
    }

    static void breakDown(JwksServer server, Outage outage) {
        switch (outage) {
            case DOWN -> server.down();
            case HTTP_500 -> server.status(500);
            case GARBAGE -> server.garbage();
            case EMPTY_SET -> server.serveKeys("{\"keys\":[]}");
            case NO_USABLE_KEY -> server.serveKeys("{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0\"}]}");
            // a good set, but longer than answers may be (512 KiB): refused unread
            case OVER_512_KIB -> server.serveKeys("{\"pad\":\"" + "a".repeat(512 * 1024) + "\"," + jwkSet(K1, K2).substring(1));
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Outage.class, names = { "EMPTY_SET", "NO_USABLE_KEY" },
                                                  mode = org.junit.jupiter.params.provider.EnumSource.Mode.EXCLUDE)
    void cachedKeysGoOnServingWhileTheProviderFails(Outage outage) throws Exception {
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(K1));
            String uri = jwksUri(server, "&jwksRefreshInterval=1s");
            accepted(sendToken(uri, token(K1)));
            breakDown(server, outage);
            // a new kid makes the endpoint refetch, which fails: 503, try again later
            String newKid = token(K2);
            refused(Refetch.afterInterval(() -> sendToken(uri, newKid)), JwtFailure.KEYS_UNAVAILABLE, newKid);
            assertTrue(server.requests() > 1, "the endpoint did try to refetch");
            for (int i = 0; i < 5; i++) {
                accepted(sendToken(uri, token(K1)));
            }

            server.serveKeys(jwkSet(K1, K2));
            server.ok();
            accepted(Refetch.afterInterval(() -> sendToken(uri, newKid)));
        }
    }

    /** A JWK Set that arrives but holds no usable key is the provider's word: the keys it no longer lists stop. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Outage.class, names = { "EMPTY_SET", "NO_USABLE_KEY" })
    void aJwkSetWithoutAUsableKeyDropsTheCachedKeysUntilUsableKeysArrive(Outage outage) throws Exception {
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(K1));
            String uri = jwksUri(server, "&jwksRefreshInterval=1s");
            accepted(sendToken(uri, token(K1)));
            breakDown(server, outage);
            String newKid = token(K2);
            JwtValidationException e = refused(Refetch.afterInterval(() -> sendToken(uri, newKid)),
                    JwtFailure.KEYS_UNAVAILABLE, newKid);
            assertTrue(e.getMessage().contains("holds no usable key"), e.getMessage());
            String known = token(K1);
            refused(sendToken(uri, known), JwtFailure.KEYS_UNAVAILABLE, known);

            server.serveKeys(jwkSet(K1, K2));
            String again = token(K1);
            // once the interval has passed, the next token fetches the usable set
            accepted(Refetch.untilAccepted(() -> sendToken(uri, again)));
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Outage.class)
    void withNoKeyEverFetchedTokensAreRefusedAsKeysUnavailable(Outage outage) {
        try (JwksServer server = JwksServer.http()) {
            breakDown(server, outage);
            String uri = jwksUri(server, "");
            String token = token(K1);
            for (int i = 0; i < 10; i++) {
                JwtValidationException e = refused(sendToken(uri, token), JwtFailure.KEYS_UNAVAILABLE, token);
                assertEquals(503, e.httpStatus());
                assertTrue(e.getMessage().contains(server.url()), e.getMessage());
            }
            // one attempt at start; the next waits for the refresh interval, so the provider is not flooded
            assertTrue(server.requests() <= 2, "requests: " + server.requests());
        }
    }

    @Test
    void keysUnavailableIsAHeaderWhenFailOnInvalidIsFalse() {
        try (JwksServer server = JwksServer.http()) {
            server.status(500);
            Message out = accepted(sendToken(jwksUri(server, "&failOnInvalid=false"), token(K1)));
            assertEquals(false, out.getHeader(JwtConstants.JWT_VALID));
            assertEquals("KEYS_UNAVAILABLE", out.getHeader(JwtConstants.JWT_ERROR));
        }
    }

    @Test
    void anUnreachableProviderDoesNotStopTheRouteFromStarting() {
        String url;
        try (JwksServer server = JwksServer.http()) {
            url = server.url();
        }
        String token = token(K1);
        refused(sendToken("jwt:validate?jwksUri=" + url, token), JwtFailure.KEYS_UNAVAILABLE, token);
    }

    @Test
    void aHangingProviderHoldsNoMessageLongerThanTheTimeout() throws Exception {
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(K1));
            server.hang();
            String uri = jwksUri(server, "&jwksTimeout=2s");
            String token = token(K1);
            long start = System.nanoTime();
            refused(sendToken(uri, token), JwtFailure.KEYS_UNAVAILABLE, token);
            long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
            // generous on a loaded 2-core machine: the bound is 2s; the point is that it is not the hang (until close)
            assertTrue(waited < 10_000, "waited " + waited + " ms");
        }
    }

    @Test
    void aHangingRefetchHoldsANewKidNoLongerThanTheTimeoutAndKnownKidsNotAtAll() throws Exception {
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(K1));
            String uri = jwksUri(server, "&jwksTimeout=2s&jwksRefreshInterval=1s");
            accepted(sendToken(uri, token(K1)));
            server.hang();
            String newKid = token(K2);
            long[] start = new long[1];
            refused(Refetch.afterInterval(() -> {
                start[0] = System.nanoTime(); // of the send that reaches the refetch, after the refresh interval
                return sendToken(uri, newKid);
            }), JwtFailure.KEYS_UNAVAILABLE, newKid);
            long waited = Duration.ofNanos(System.nanoTime() - start[0]).toMillis();
            assertTrue(waited < 10_000, "waited " + waited + " ms: the bound is 2s, generous on a loaded machine");
            assertTrue(server.awaitHanging(1, Duration.ofSeconds(5)));
            accepted(sendToken(uri, token(K1))); // the known key does not wait for the hung fetch
        }
    }

    // --- HTTPS -----------------------------------------------------------------------------------------------------

    @Test
    void httpsWithTheProviderTrustedThroughSslContextParameters() {
        try (JwksServer server = JwksServer.https()) {
            server.serveKeys(jwkSet(K1));
            context.getRegistry().bind("idpTls", server.sslContextParameters());
            accepted(sendToken(jwksUri(server, "&sslContextParameters=#idpTls"), token(K1)));
            assertEquals(1, server.requests());
        }
    }

    @Test
    void httpsWithTheGlobalSslContextParameters() {
        try (JwksServer server = JwksServer.https()) {
            server.serveKeys(jwkSet(K1));
            context.setSSLContextParameters(server.sslContextParameters());
            context.getComponent("jwt", JwtComponent.class).setUseGlobalSslContextParameters(true);
            accepted(sendToken(jwksUri(server, ""), token(K1)));
        }
    }

    @Test
    void httpsWithAnUntrustedCertificateFetchesNoKeys() {
        try (JwksServer server = JwksServer.https()) {
            server.serveKeys(jwkSet(K1));
            String token = token(K1);
            refused(sendToken(jwksUri(server, ""), token), JwtFailure.KEYS_UNAVAILABLE, token);
        }
    }

    // --- what a fetched set may hold -------------------------------------------------------------------------------

    @Test
    void keysThatCannotVerifyAreLeftOutAndTheOthersServe() throws Exception {
        RsaJsonWebKey weak = RsaJwkGenerator.generateJwk(1024);
        weak.setKeyId("weak");
        RsaJsonWebKey encryption = Tokens.rsaKey("enc");
        encryption.setUse("enc");
        JsonWebKey secret = OctJwkGenerator.generateJwk(256);
        secret.setKeyId("secret");
        EllipticCurveJsonWebKey ec = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        ec.setKeyId("ec");
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys("{\"keys\":[" + weak.toJson() + "," + encryption.toJson() + ","
                             + secret.toJson(JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC) + ","
                             + "{\"kty\":\"unknown\",\"kid\":\"odd\"}," + ec.toJson() + "," + K1.toJson() + "]}");
            String uri = jwksUri(server, "");
            accepted(sendToken(uri, token(K1)));
            String esToken = Tokens.sign(Tokens.json(Tokens.claims("alg", "ES256", "kid", "ec")),
                    Tokens.json(Tokens.validClaims()), "ES256", ec.getPrivateKey());
            accepted(sendToken(uri, esToken));

            String byWeak = signedAs(weak, "RS256", "weak");
            refused(sendToken(uri, byWeak), JwtFailure.KEY_NOT_FOUND, byWeak);
            String byEncryptionKey = signedAs(encryption, "RS256", "enc");
            refused(sendToken(uri, byEncryptionKey), JwtFailure.KEY_NOT_FOUND, byEncryptionKey);
            String hmac = Tokens.sign(Tokens.json(Tokens.claims("alg", "HS256", "kid", "secret")),
                    Tokens.json(Tokens.validClaims()), "HS256", secret.getKey());
            refused(sendToken(uri, hmac), JwtFailure.ALGORITHM_NOT_ALLOWED, hmac);
            assertEquals(1, server.requests());
        }
    }

    @Test
    void theAcceptedAlgorithmsAreThoseOfTheFetchedKeysUnlessAlgorithmSaysOtherwise() {
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(K1)); // an RSA key without alg: RS256 by default
            String pss = signedAs(K1, "PS256", "k1");
            refused(sendToken(jwksUri(server, ""), pss), JwtFailure.ALGORITHM_NOT_ALLOWED, pss);
            accepted(sendToken(jwksUri(server, "&algorithm=PS256"), pss));
            String rs = token(K1);
            refused(sendToken(jwksUri(server, "&algorithm=PS256"), rs), JwtFailure.ALGORITHM_NOT_ALLOWED, rs);
        }
    }

    @Test
    void aTokenWithoutKidIsCheckedAgainstEveryFittingKey() {
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(K1, K2));
            accepted(sendToken(jwksUri(server, ""), signedAs(K2, "RS256", null)));
            String forged = signedAs(Tokens.attackerRsa(), "RS256", null);
            refused(sendToken(jwksUri(server, ""), forged), JwtFailure.SIGNATURE_INVALID, forged);
        }
    }

    // --- OpenID discovery ------------------------------------------------------------------------------------------

    @Test
    void issuerUriFindsTheKeysThroughDiscoveryAndRequiresItsIss() {
        try (JwksServer server = JwksServer.http()) {
            String issuer = server.issuerUrl("shop");
            server.serveDiscovery(issuer, server.url());
            server.serveKeys(jwkSet(K1));
            String uri = "jwt:validate?issuerUri=" + issuer;
            for (int i = 0; i < 10; i++) {
                assertEquals(issuer, accepted(sendToken(uri, token(K1, "iss", issuer))).getHeader(JwtConstants.JWT_ISSUER));
            }
            String otherIssuer = token(K1, "iss", server.issuerUrl("other"));
            refused(sendToken(uri, otherIssuer), JwtFailure.ISSUER_MISMATCH, otherIssuer);
            String noIssuer = token(K1);
            refused(sendToken(uri, noIssuer), JwtFailure.ISSUER_MISMATCH, noIssuer);
            assertEquals(1, server.requests("/realms/shop/.well-known/openid-configuration"));
            assertEquals(1, server.requests());
        }
    }

    @Test
    void aTrailingSlashOfTheIssuerIsDroppedBeforeTheWellKnownPath() {
        try (JwksServer server = JwksServer.http()) {
            String issuer = server.issuerUrl("shop") + "/";
            server.serve("/realms/shop/.well-known/openid-configuration", "application/json",
                    "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + server.url() + "\"}");
            server.serveKeys(jwkSet(K1));
            accepted(sendToken("jwt:validate?issuerUri=" + issuer, token(K1, "iss", issuer)));
        }
    }

    @Test
    void aDiscoveryDocumentNamingAnotherIssuerYieldsNoKeysUnlessIssuerSaysSo() {
        try (JwksServer server = JwksServer.http()) {
            String reachable = server.issuerUrl("shop");
            String published = "https://sso.example.com/realms/shop";
            server.serve("/realms/shop/.well-known/openid-configuration", "application/json",
                    "{\"issuer\":\"" + published + "\",\"jwks_uri\":\"" + server.url() + "\"}");
            server.serveKeys(jwkSet(K1));
            String asked = token(K1, "iss", reachable);
            JwtValidationException e = refused(sendToken("jwt:validate?issuerUri=" + reachable, asked),
                    JwtFailure.KEYS_UNAVAILABLE, asked);
            assertTrue(e.getMessage().contains("another issuer"), e.getMessage());
            assertEquals(0, server.requests(), "no key is fetched on an impostor's word");

            String uri = "jwt:validate?issuerUri=" + reachable + "&issuer=" + published;
            accepted(sendToken(uri, token(K1, "iss", published)));
            String reachableIss = token(K1, "iss", reachable);
            refused(sendToken(uri, reachableIss), JwtFailure.ISSUER_MISMATCH, reachableIss);
        }
    }

    @Test
    void aDiscoveryDocumentWithAPlainHttpJwksUriElsewhereYieldsNoKeys() {
        try (JwksServer server = JwksServer.http()) {
            String issuer = server.issuerUrl("shop");
            server.serveDiscovery(issuer, "http://sso.example.com/keys");
            String token = token(K1, "iss", issuer);
            refused(sendToken("jwt:validate?issuerUri=" + issuer, token), JwtFailure.KEYS_UNAVAILABLE, token);
        }
    }

    @Test
    void aRedirectIsFollowedOnlyToAnAddressKeysMayBeFetchedFrom() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        Map<String, String> moves = Map.of("/moved", "/keys", "/away", "http://sso.example.invalid/keys");
        http.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.equals("/keys") ? jwkSet(K1).getBytes(StandardCharsets.UTF_8) : new byte[0];
            if (moves.containsKey(path)) {
                exchange.getResponseHeaders().add("Location", moves.get(path));
            }
            exchange.sendResponseHeaders(moves.containsKey(path) ? 302 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        try {
            accepted(sendToken("jwt:validate?jwksUri=" + base + "/moved", token(K1)));

            // plain http is allowed to loopback only, also where a loopback server sends the fetch on
            String token = token(K1);
            JwtValidationException refusal = refused(sendToken("jwt:validate?jwksUri=" + base + "/away", token),
                    JwtFailure.KEYS_UNAVAILABLE, token);
            assertTrue(refusal.getMessage().contains("must be an https:// URL"), refusal.getMessage());
        } finally {
            http.stop(0);
        }
    }

    @Test
    void severalIssuersEachWithTheirKeysAndAnUnlistedIssIsRefusedBeforeAnyFetch() {
        try (JwksServer server = JwksServer.http()) {
            String a = server.issuerUrl("a");
            String b = server.issuerUrl("b");
            server.serveDiscovery(a, server.url());
            server.serveDiscovery(b, server.url("/b/jwks"));
            server.serveKeys(jwkSet(K1));
            server.serve("/b/jwks", "application/json", jwkSet(K2));
            String uri = "jwt:validate?issuerUri=" + a + "," + b + "&jwksRefreshInterval=1s";
            accepted(sendToken(uri, token(K1, "iss", a)));
            accepted(sendToken(uri, token(K2, "iss", b)));

            // b's key under a's name: a's keys have no k2, and refetching them does not help
            String crossed = token(K2, "iss", a);
            refused(sendToken(uri, crossed), JwtFailure.KEY_NOT_FOUND, crossed);

            server.resetCounts();
            String stranger = token(K1, "iss", server.issuerUrl("c"));
            refused(sendToken(uri, stranger), JwtFailure.ISSUER_MISMATCH, stranger);
            String numericIss = token(K1, "iss", 42);
            refused(sendToken(uri, numericIss), JwtFailure.ISSUER_MISMATCH, numericIss);
            assertEquals(0, server.requests("/realms/c/.well-known/openid-configuration"));
            assertEquals(0, server.requests() + server.requests("/b/jwks"));
        }
    }

    // --- fetch rules: deadline, redirects, JSON limits, tokens without kid -------------------------------------------

    @Test
    void aKeyServerThatTricklesItsHeadersIsCutOffAtTheTimeoutAndTokensAreAcceptedSoonAfterItRecovers() {
        try (JwksServer server = JwksServer.http()) {
            server.trickleHeaders();
            String uri = jwksUri(server, "&jwksTimeout=1s&jwksRefreshInterval=1s");
            String token = token(K1);
            long start = System.nanoTime();
            refused(sendToken(uri, token), JwtFailure.KEYS_UNAVAILABLE, token);
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000, "a generous bound over 1s");
            // the fetch gave its connection up: the deadline covers the status line and headers, not the body only
            assertTrue(server.awaitAbandoned(1, Duration.ofSeconds(5)), "the stuck connection was not closed");
            assertEquals(1, server.requests());

            server.serveKeys(jwkSet(K1));
            server.ok();
            accepted(Refetch.untilAccepted(() -> sendToken(uri, token)));
            assertEquals(2, server.requests(), "one fetch while trickling, one after: the next fetch could start");
        }
    }

    @Test
    void aRedirectFromHttpsToPlainHttpIsNotFollowedEvenOnLoopback() {
        try (JwksServer https = JwksServer.https(); JwksServer http = JwksServer.http()) {
            http.serveKeys(jwkSet(K1));
            https.redirect(JwksServer.JWKS_PATH, http.url());
            context.getRegistry().bind("idpTls", https.sslContextParameters());
            String token = token(K1);
            JwtValidationException e = refused(sendToken(jwksUri(https, "&sslContextParameters=#idpTls"), token),
                    JwtFailure.KEYS_UNAVAILABLE, token);
            assertTrue(e.getMessage().contains("from https to plain http"), e.getMessage());
            assertEquals(0, http.requests());
        }
    }

    @Test
    void aRedirectWithinHttpsIsFollowed() {
        try (JwksServer https = JwksServer.https()) {
            https.serve("/moved", "application/json", jwkSet(K1));
            https.redirect(JwksServer.JWKS_PATH, "/moved");
            context.getRegistry().bind("idpTls", https.sslContextParameters());
            accepted(sendToken(jwksUri(https, "&sslContextParameters=#idpTls"), token(K1)));
            assertEquals(1, https.requests("/moved"));
        }
    }

    @Test
    void aDiscoveredJwksUriOnPlainHttpBehindAnHttpsIssuerIsRefused() {
        try (JwksServer https = JwksServer.https(); JwksServer http = JwksServer.http()) {
            http.serveKeys(jwkSet(K1));
            String issuer = https.issuerUrl("shop");
            https.serveDiscovery(issuer, http.url());
            context.getRegistry().bind("idpTls", https.sslContextParameters());
            String token = token(K1, "iss", issuer);
            JwtValidationException e = refused(sendToken("jwt:validate?issuerUri=" + issuer
                                                         + "&sslContextParameters=#idpTls", token),
                    JwtFailure.KEYS_UNAVAILABLE, token);
            assertTrue(e.getMessage().contains("jwks_uri goes from https to plain http"), e.getMessage());
            assertEquals(0, http.requests());
        }
    }

    @Test
    void aJwkSetBeyondTheJsonLimitsOfTokensIsRefusedUnparsed() {
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys("{\"keys\":[" + "[".repeat(100) + "]".repeat(100) + "]}");
            String token = token(K1);
            JwtValidationException e = refused(sendToken(jwksUri(server, ""), token), JwtFailure.KEYS_UNAVAILABLE,
                    token);
            assertTrue(e.getMessage().contains("nests JSON deeper than 64 levels"), e.getMessage());
        }
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys("{\"keys\":[],\"n\":" + "9".repeat(100_000) + "}");
            String token = token(K1);
            JwtValidationException e = refused(sendToken(jwksUri(server, ""), token), JwtFailure.KEYS_UNAVAILABLE,
                    token);
            assertTrue(e.getMessage().contains("holds a number longer than 64 characters"), e.getMessage());
        }
    }

    @Test
    void aTokenWithoutKidIsTriedAgainstAtMostThreeRemoteKeys() {
        RsaJsonWebKey k3 = Tokens.rsaKey("k3");
        RsaJsonWebKey k4 = Tokens.rsaKey("k4");
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(K1, K2, k3));
            accepted(sendToken(jwksUri(server, ""), signedAs(k3, "RS256", null)));
        }
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(K1, K2, k3, k4));
            String withoutKid = signedAs(K1, "RS256", null);
            JwtValidationException e = refused(sendToken(jwksUri(server, ""), withoutKid), JwtFailure.KEY_NOT_FOUND,
                    withoutKid);
            assertTrue(e.getMessage().contains("no kid"), e.getMessage());
            accepted(sendToken(jwksUri(server, ""), token(K1))); // with its kid, the same key verifies
        }
    }

    /** Keys without kid fit any kid, but a key named by the token's kid is tried alone: the cap does not refuse it. */
    @Test
    void aTokenWhoseKidNamesAKeyIsTriedAgainstThatKeyAloneWhateverTheKeysWithoutKid() {
        RsaJsonWebKey unnamed1 = Tokens.rsaKey(null);
        RsaJsonWebKey unnamed2 = Tokens.rsaKey(null);
        RsaJsonWebKey unnamed3 = Tokens.rsaKey(null);
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(unnamed1, unnamed2, unnamed3, K1));
            String uri = jwksUri(server, "");
            accepted(sendToken(uri, token(K1)));
            // a key without kid is not tried for a kid that names another key
            String namedK1ButSignedByUnnamed = signedAs(unnamed1, "RS256", "k1");
            refused(sendToken(uri, namedK1ButSignedByUnnamed), JwtFailure.SIGNATURE_INVALID, namedK1ButSignedByUnnamed);
            // a kid that names no key fits the 3 keys without kid, which are tried
            accepted(sendToken(uri, signedAs(unnamed2, "RS256", "k-unnamed")));
        }
    }

    @Test
    void textFromTheKeyServerReachesTheErrorMessageCleaned() {
        try (JwksServer server = JwksServer.http()) {
            String issuer = server.issuerUrl("shop");
            // JSON escapes: CR LF, ESC, a right-to-left override and quotes, as a provider's document may hold them
            server.serve("/realms/shop/.well-known/openid-configuration", "application/json",
                    "{\"issuer\":\"https://evil.example/\\r\\nWARN forged \\u001b[31m \\u202e \\\"quoted\\\"\","
                    + "\"jwks_uri\":\"" + server.url() + "\"}");
            String token = token(K1, "iss", issuer);
            Message out = accepted(sendToken("jwt:validate?failOnInvalid=false&issuerUri=" + issuer, token));
            assertEquals("KEYS_UNAVAILABLE", out.getHeader(JwtConstants.JWT_ERROR));
            String message = out.getHeader(JwtConstants.JWT_ERROR_MESSAGE, String.class);
            // control characters replaced (then read as the start of a query, masked), quotes replaced
            assertTrue(message.contains("another issuer (https://evil.example/?xxxxxx forged ?[31m ? 'quoted')"), message);
        }
    }

    // --- configuration ---------------------------------------------------------------------------------------------

    /** A cache TTL over the 12h default of jwksMaxStale raises it, unless jwksMaxStale is set (then it must fit). */
    @Test
    void jwksMaxStaleNotSetIsTwelveHoursOrTheCacheTtlIfLonger() {
        JwtConfiguration config = new JwtConfiguration();
        assertEquals(Duration.ofHours(12).toMillis(), config.getJwksMaxStale());
        config.setJwksCacheTtl(Duration.ofHours(24).toMillis());
        assertEquals(Duration.ofHours(24).toMillis(), config.getJwksMaxStale());
        config.setJwksMaxStale(Duration.ofHours(30).toMillis());
        config.setJwksCacheTtl(Duration.ofHours(1).toMillis());
        assertEquals(Duration.ofHours(30).toMillis(), config.getJwksMaxStale(), "a value set stays");
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(K1));
            accepted(sendToken(jwksUri(server, "&jwksCacheTtl=24h"), token(K1)));
        }
    }

    @Test
    void anEndpointWithRemoteKeysIgnoresTheComponentsLocalKeysWhichServeTheOtherEndpoints() {
        context.getComponent("jwt", JwtComponent.class).getConfiguration().setSecret(Tokens.SECRET);
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(K1));
            accepted(sendToken(jwksUri(server, ""), token(K1)));
            String hmac = Tokens.hs256(Tokens.validClaims());
            refused(sendToken(jwksUri(server, ""), hmac), JwtFailure.ALGORITHM_NOT_ALLOWED, hmac);
            accepted(sendToken("jwt:validate", hmac));
        }
    }

    @Test
    void anEndpointWithLocalKeysIgnoresTheComponentsRemoteKeys() {
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(jwkSet(K1));
            context.getComponent("jwt", JwtComponent.class).getConfiguration().setJwksUri(server.url());
            accepted(sendToken("jwt:validate?secret=" + Tokens.SECRET, Tokens.hs256(Tokens.validClaims())));
            assertEquals(0, server.requests());
            accepted(sendToken("jwt:validate", token(K1)));
            assertEquals(1, server.requests());
        }
    }

    @Test
    void remoteAndLocalKeysBothOnTheComponentStopTheRouteNamingBoth() {
        JwtConfiguration component = context.getComponent("jwt", JwtComponent.class).getConfiguration();
        component.setSecret(Tokens.SECRET);
        component.setJwksUri("https://sso.example.com/keys");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> routeTo("jwt:validate"));
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("'jwksUri'") && cause.getMessage().contains("'secret'"), cause.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jwksUri=http://sso.example.com/keys|jwksUri",
            "jwksUri=https://sso.example.com/keys&issuerUri=https://sso.example.com|jwksUri' and 'issuerUri",
            "jwksUri=https://sso.example.com/keys&secret=0123456789abcdef0123456789abcdef|secret",
            "issuerUri=https://sso.example.com&publicKey=classpath:keys/rsa-public.pem|publicKey",
            "jwksUri=https://sso.example.com/keys&algorithm=HS256|algorithm",
            "jwksUri=https://sso.example.com/keys&algorithm=none|algorithm",
            "issuerUri=https://a.example.com,https://b.example.com&issuer=https://a.example.com|issuer",
            "issuerUri=https://a.example.com,https://a.example.com|issuerUri",
            "jwksUri=https://sso.example.com/keys&jwksTimeout=0|jwksTimeout",
            "jwksUri=https://sso.example.com/keys&jwksCacheTtl=0|jwksCacheTtl",
            "jwksUri=https://sso.example.com/keys&jwksRefreshInterval=-1|jwksRefreshInterval",
            "jwksUri=https://sso.example.com/keys&jwksRefreshInterval=0|jwksRefreshInterval",
            "jwksUri=https://sso.example.com/keys&jwksRefreshInterval=999|jwksRefreshInterval",
            "jwksUri=https://sso.example.com/keys&jwksMaxStale=0|jwksMaxStale",
            "jwksUri=https://sso.example.com/keys&jwksMaxStale=5m|jwksMaxStale",
            "jwksUri=https://sso.example.com/keys&jwksCacheTtl=2h&jwksMaxStale=1h|jwksMaxStale" })
    void aWrongRemoteKeyConfigurationStopsTheRouteNamingTheOption(String caseText) {
        String[] parts = caseText.split("\\|");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> routeTo("jwt:validate?" + parts[0]));
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("'" + parts[1] + "'"), cause.getMessage());
        assertFalse(cause.getMessage().contains("0123456789abcdef"), "the secret never shows");
    }
}
