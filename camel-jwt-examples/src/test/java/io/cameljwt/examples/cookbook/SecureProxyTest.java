package io.cameljwt.examples.cookbook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cookbook 13: {@code cookbook/secure-proxy.camel.yaml}, loaded as Camel JBang loads it, in front of an upstream
 * service (a JDK HTTP server on 127.0.0.1 that records what it receives), called over real HTTP.
 */
class SecureProxyTest extends HttpApiTestSupport {

    /** What the upstream received: one per request. */
    record Received(String method, String uri, Headers headers, String body) {
    }

    private final TestIssuer idp = new TestIssuer("https://idp.example.test", "idp-1");
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private HttpServer upstream;

    @Override
    protected Properties properties() {
        try {
            upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        upstream.createContext("/", this::answer);
        upstream.start();
        Properties properties = new Properties();
        properties.setProperty("proxy.idpPublicKey", idp.publicKeyPem());
        properties.setProperty("proxy.issuer", idp.issuer());
        properties.setProperty("proxy.audience", "inventory-api");
        properties.setProperty("proxy.upstreamUrl", "http://127.0.0.1:" + upstream.getAddress().getPort());
        return properties;
    }

    /** The upstream: records the request; 404 under /missing, else 200 with a JSON body and a header of its own. */
    private void answer(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        boolean missing = exchange.getRequestURI().getPath().startsWith("/missing");
        byte[] body = (missing ? "{\"error\":\"not_found\"}" : "{\"upstream\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Upstream", "inventory-1");
        exchange.sendResponseHeaders(missing ? 404 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterAll
    void stopUpstream() {
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    @BeforeEach
    void forgetEarlierRequests() {
        received.clear();
    }

    @Override
    protected List<String> yamlRoutes() {
        return List.of("cookbook/secure-proxy.camel.yaml");
    }

    private String token(String subject, String... roles) {
        return idp.token(subject, "inventory-api", claims -> claims.setStringListClaim("roles", roles));
    }

    @Test
    void aCheckedRequestIsForwardedWithTheIdentityAsHeadersAndWithoutTheToken() throws Exception {
        var response = send(bearer(request("/proxy/items/7?color=red"), token("alice", "user", "auditor"))
                .header("X-Request-Id", "r-42").GET());

        assertEquals(200, response.statusCode());
        assertEquals(Map.of("upstream", "ok"), json(response));
        Received request = received.poll();
        assertEquals("GET", request.method());
        assertEquals("/items/7?color=red", request.uri());
        assertEquals("alice", request.headers().getFirst("X-Auth-Subject"));
        assertEquals("user,auditor", request.headers().getFirst("X-Auth-Roles"));
        assertEquals("r-42", request.headers().getFirst("X-Request-Id"));
        assertNull(request.headers().getFirst("Authorization"));
        assertFalse(request.headers().keySet().stream().anyMatch(h -> h.toLowerCase().startsWith("cameljwt")),
                request.headers().keySet().toString());
    }

    @Test
    void aPostIsForwardedWithItsBodyAndContentType() throws Exception {
        var response = send("POST", "/proxy/items", token("alice", "user"), "{\"sku\":\"A-1\"}");

        assertEquals(200, response.statusCode());
        Received request = received.poll();
        assertEquals("POST", request.method());
        assertEquals("/items", request.uri());
        assertEquals("{\"sku\":\"A-1\"}", request.body());
        assertTrue(request.headers().getFirst("Content-Type").startsWith("application/json"));
    }

    @Test
    void identityHeadersSentByTheClientAreNotForwarded() throws Exception {
        send(bearer(request("/proxy/items/7"), token("alice", "user"))
                .header("X-Auth-Subject", "root").header("X-Auth-Roles", "admin").header("X-Auth-Tenant", "globex")
                .GET());

        Received request = received.poll();
        assertEquals(List.of("alice"), request.headers().get("X-Auth-Subject"));
        assertEquals(List.of("user"), request.headers().get("X-Auth-Roles"));
        assertNull(request.headers().getFirst("X-Auth-Tenant"));
    }

    @Test
    void theUpstreamsStatusAndHeadersComeBackButNotTheIdentityHeaders() throws Exception {
        var response = get("/proxy/missing/item", token("alice", "user"));

        assertEquals(404, response.statusCode());
        assertEquals(Map.of("error", "not_found"), json(response));
        assertEquals("inventory-1", response.headers().firstValue("X-Upstream").orElse(null));
        assertFalse(response.headers().firstValue("X-Auth-Subject").isPresent());
        assertFalse(response.headers().firstValue("Authorization").isPresent());
    }

    @Test
    void aRequestWithoutATokenIsRefusedAndNotForwarded() throws Exception {
        var response = get("/proxy/items/7", null);

        assertEquals(401, response.statusCode());
        assertEquals("Bearer", challenge(response));
        assertEquals(Map.of("error", "TOKEN_MISSING"), json(response));
        assertTrue(received.isEmpty());
    }

    @Test
    void aTokenForAnotherApiIsRefusedAndNotForwarded() throws Exception {
        var response = get("/proxy/items/7", idp.token("alice", "billing-api"));

        assertEquals(401, response.statusCode());
        assertEquals("Bearer error=\"invalid_token\"", challenge(response));
        assertEquals(Map.of("error", "AUDIENCE_MISMATCH"), json(response));
        assertTrue(received.isEmpty());
    }

    @Test
    void aPathThatOnlyStartsLikeTheProxysIsNotForwarded() throws Exception {
        var response = get("/proxyitems/7", token("alice", "user"));

        assertEquals(404, response.statusCode());
        assertTrue(received.isEmpty());
    }
}
