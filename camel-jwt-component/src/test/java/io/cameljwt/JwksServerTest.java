package io.cameljwt;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test fixture {@link JwksServer} does what the remote-keys tests rely on, seen by a real HTTP client. */
class JwksServerTest {

    private static final String KEYS = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"k1\",\"k\":\"AAAA\"}]}";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private JwksServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return get(client, url);
    }

    private CompletableFuture<HttpResponse<String>> getAsync(String url) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheKeysOnLoopbackAndCountsEachRequest() throws Exception {
        server = JwksServer.http();
        server.serveKeys(KEYS);

        assertTrue(server.url().matches("http://127\\.0\\.0\\.1:\\d+/jwks"), server.url());
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = get(server.url());
            assertEquals(200, response.statusCode());
            assertEquals(KEYS, response.body());
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        }
        assertEquals(3, server.requests());
        assertFalse(get(server.url()).headers().firstValue("Cache-Control").isPresent());

        server.resetCounts();
        assertEquals(0, server.requests());
    }

    @Test
    void newKeysAreServedAtOnce() throws Exception {
        server = JwksServer.http();
        assertEquals("{\"keys\":[]}", get(server.url()).body());

        server.serveKeys(KEYS);

        assertEquals(KEYS, get(server.url()).body());
    }

    @Test
    void cacheControlIsSentWhenSet() throws Exception {
        server = JwksServer.http();
        server.cacheControl("max-age=60");

        assertEquals("max-age=60", get(server.url()).headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void discoveryNamesTheIssuerAndItsJwksUri() throws Exception {
        server = JwksServer.http();
        String issuer = server.issuerUrl("acme");
        server.serveDiscovery(issuer, server.url());

        HttpResponse<String> response = get(issuer + "/.well-known/openid-configuration");

        assertEquals(200, response.statusCode());
        Map<?, ?> discovery = new ObjectMapper().readValue(response.body(), Map.class);
        assertEquals(server.baseUrl() + "/realms/acme", discovery.get("issuer"));
        assertEquals(server.url(), discovery.get("jwks_uri"));
        assertEquals(List.of("public"), discovery.get("subject_types_supported"));
        assertEquals(1, server.requests("/realms/acme/.well-known/openid-configuration"));
        assertEquals(0, server.requests());
    }

    @Test
    void otherDocumentsAreServedAndCountedPerPath() throws Exception {
        server = JwksServer.http();
        server.serve("/other", "text/plain", "hello");

        assertEquals("hello", get(server.url("/other")).body());
        assertEquals(404, get(server.url("/missing")).statusCode());
        assertEquals(1, server.requests("/other"));
        assertEquals(1, server.requests("/missing"));
        assertEquals(0, server.requests());
    }

    @Test
    void downClosesTheConnectionWithoutAnAnswer() throws Exception {
        server = JwksServer.http();
        server.serveKeys(KEYS);
        server.down();

        assertThrows(IOException.class, () -> get(server.url()));
        assertTrue(server.requests() >= 1);

        server.ok();
        assertEquals(KEYS, get(server.url()).body());
    }

    @Test
    void statusAnswersThatStatusWithAShortBody() throws Exception {
        server = JwksServer.http();
        server.serveKeys(KEYS);
        server.status(500);

        HttpResponse<String> response = get(server.url());

        assertEquals(500, response.statusCode());
        assertEquals("error 500", response.body());
        assertEquals(1, server.requests());
    }

    @Test
    void garbageAnswers200JsonThatIsNoJwkSet() throws Exception {
        server = JwksServer.http();
        server.serveKeys(KEYS);
        server.garbage();

        HttpResponse<String> response = get(server.url());

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("<html>oops</html>", response.body());
    }

    @Test
    void behaviourCanBeSetPerPath() throws Exception {
        server = JwksServer.http();
        server.serveKeys(KEYS);
        server.serve("/other", "text/plain", "hello");
        server.status("/other", 503);

        assertEquals(503, get(server.url("/other")).statusCode());
        assertEquals(KEYS, get(server.url()).body());

        server.ok("/other");
        assertEquals("hello", get(server.url("/other")).body());
    }

    @Test
    void hangHoldsTheAnswerUntilReleaseWhileOtherPathsAnswer() throws Exception {
        server = JwksServer.http();
        server.serveKeys(KEYS);
        server.serveDiscovery(server.issuerUrl("acme"), server.url());
        server.hang();

        CompletableFuture<HttpResponse<String>> first = getAsync(server.url());
        CompletableFuture<HttpResponse<String>> second = getAsync(server.url());
        assertTrue(server.awaitHanging(2, WAIT));
        assertEquals(200, get(server.issuerUrl("acme") + "/.well-known/openid-configuration").statusCode());
        assertFalse(first.isDone());
        assertFalse(second.isDone());

        server.release();

        assertEquals(KEYS, first.get(WAIT.toSeconds(), TimeUnit.SECONDS).body());
        assertEquals(KEYS, second.get(WAIT.toSeconds(), TimeUnit.SECONDS).body());
        assertEquals(KEYS, get(server.url()).body());
        assertEquals(3, server.requests());
        assertEquals(0, server.hanging());
    }

    @Test
    void aClientWithATimeoutGivesUpOnAHungServer() throws Exception {
        server = JwksServer.http();
        server.hang();

        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url()))
                .timeout(Duration.ofMillis(500))
                .build();

        assertThrows(HttpTimeoutException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void closeReleasesHungRequestsAndStopsListening() throws Exception {
        server = JwksServer.http();
        server.hang();
        String url = server.url();
        CompletableFuture<HttpResponse<String>> hung = getAsync(url);
        assertTrue(server.awaitHanging(1, WAIT));

        server.close();

        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> hung.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failed.getCause());
        assertThrows(ConnectException.class, () -> get(HttpClient.newHttpClient(), url));
    }

    @Test
    void httpsIsTrustedThroughTheCamelSslContextParameters() throws Exception {
        server = JwksServer.https();
        server.serveKeys(KEYS);
        assertTrue(server.url().startsWith("https://127.0.0.1:"), server.url());

        SSLContext ssl;
        try (CamelContext camel = new DefaultCamelContext()) {
            ssl = server.sslContextParameters().createSSLContext(camel);
        }
        HttpResponse<String> response = get(HttpClient.newBuilder().sslContext(ssl).build(), server.url());

        assertEquals(KEYS, response.body());
        X509Certificate certificate = (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
        assertTrue(certificate.getSubjectAlternativeNames().contains(List.of(7, "127.0.0.1")));
        assertTrue(certificate.getSubjectAlternativeNames().contains(List.of(2, "localhost")));
        assertTrue(certificate.getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(3))));
        assertEquals("EC", certificate.getPublicKey().getAlgorithm());
    }

    @Test
    void httpsIsTrustedThroughTheTrustStoreFile() throws Exception {
        server = JwksServer.https();
        server.serveKeys(KEYS);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(server.trustStore())) {
            trust.load(in, server.trustStorePassword().toCharArray());
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trustManagers.getTrustManagers(), null);

        assertEquals(KEYS, get(HttpClient.newBuilder().sslContext(ssl).build(), server.url()).body());
    }

    @Test
    void httpsIsRefusedByTheDefaultTrustStore() throws Exception {
        server = JwksServer.https();

        assertThrows(SSLHandshakeException.class, () -> get(HttpClient.newHttpClient(), server.url()));
    }

    @Test
    void closeDeletesTheTrustStore() {
        server = JwksServer.https();
        Path trustStore = server.trustStore();
        assertTrue(Files.exists(trustStore));

        server.close();

        assertFalse(Files.exists(trustStore));
        assertFalse(Files.exists(trustStore.getParent()));
    }

    @Test
    void plainHttpHasNoTrustStore() {
        server = JwksServer.http();

        assertThrows(IllegalStateException.class, server::trustStore);
    }
}
