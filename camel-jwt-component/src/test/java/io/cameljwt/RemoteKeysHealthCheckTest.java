package io.cameljwt;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.Test;

import static io.cameljwt.Tokens.claims;
import static io.cameljwt.Tokens.json;
import static io.cameljwt.Tokens.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The readiness check of a validate endpoint with remote keys, read through Camel's health API as a runtime would:
 * UP with keys (also stale ones, with the failure in the details), DOWN with the reason while none could be fetched,
 * there while a route uses the endpoint and gone when it stops, and absent for configured keys.
 */
class RemoteKeysHealthCheckTest extends CamelTestSupport {

    private static final String ID_PREFIX = "producer:jwt-keys-";

    /** The public JWK Set of the test key (kid {@code victim}); what the server answers, also with a 500. */
    private static final String JWKS = new JsonWebKeySet(Tokens.rsa())
            .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    /** A part of the key's modulus: no message or detail may hold it. */
    private static final String MODULUS = ((String) Tokens.rsa().toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
            .get("n")).substring(0, 40);

    private final KeyServer server = new KeyServer();

    /**
     * A JWK Set server on 127.0.0.1, answering every path with its body and the status set. A minimal one of this
     * test's own: a shared fixture with more behaviours is being written elsewhere.
     */
    private static final class KeyServer {
        final Map<String, String> bodies = new ConcurrentHashMap<>(Map.of("/jwks", JWKS));
        volatile int status = 200;
        private final HttpServer http;

        KeyServer() {
            try {
                http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            http.createContext("/", exchange -> {
                byte[] body = bodies.getOrDefault(exchange.getRequestURI().getPath(), "{}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            http.start();
        }

        String uri(String path) {
            return "http://127.0.0.1:" + http.getAddress().getPort() + path;
        }

        void stop() {
            http.stop(0);
        }
    }

    /** The context first, so no fetch of a route still running finds the server gone. */
    @Override
    protected void doPostTearDown() {
        context.stop();
        server.stop();
    }

    /** Refetches allowed after the least interval (1s), so each test can make a fetch happen soon. */
    private String remoteUri() {
        return "jwt:validate?jwksUri=" + server.uri("/jwks") + "&jwksRefreshInterval=1s";
    }

    private void startRoute(String routeId, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:" + routeId).routeId(routeId).to(uri);
            }
        });
    }

    private Exchange sendToken(String routeId, String token) {
        return template.send("direct:" + routeId,
                exchange -> exchange.getMessage().setHeader(JwtConstants.JWT_TOKEN, token));
    }

    /** Signed with the served key; a kid other than {@code victim} is one the JWK Set does not have. */
    private static String token(String kid, Object... claims) {
        return Tokens.sign(json(claims("alg", "RS256", "kid", kid)), json(validClaims(claims)), "RS256",
                Tokens.rsa().getPrivateKey());
    }

    /** The check's id for the endpoint as Camel normalized its URI: readable, one per endpoint. */
    private String checkId(String uri) {
        return ID_PREFIX + context.getEndpoint(uri).getEndpointUri();
    }

    /** The check's result among all readiness results, as a runtime asks for them (every detail shown). */
    private HealthCheck.Result readiness(String id) {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context, "full");
        return results.stream().filter(r -> r.getCheck().getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no readiness result for " + id + " among " + results.stream()
                        .map(r -> r.getCheck().getId()).toList()));
    }

    private HealthCheckRegistry registry() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        assertNotNull(registry, "camel-health is a test dependency, so the registry exists");
        return registry;
    }

    private static void assertNoKeyMaterial(HealthCheck.Result result) {
        String text = result.getMessage().orElse("") + " " + result.getDetails();
        assertFalse(text.contains(MODULUS), "the result quotes the key");
        assertFalse(text.contains("\"kty\""), "the result quotes the JWK Set");
    }

    @Test
    void keysFetchedMakeTheEndpointReady() throws Exception {
        startRoute("remote", remoteUri());
        assertNull(sendToken("remote", token("victim")).getException());

        String id = checkId(remoteUri());
        assertEquals(ID_PREFIX + "jwt://validate?jwksRefreshInterval=1s&jwksUri=" + server.uri("/jwks")
                             .replace(":", "%3A").replace("/", "%2F"),
                id, "the id is the endpoint's URI");
        assertTrue(registry().getCheckIDs().contains(id));

        HealthCheck.Result result = readiness(id);
        assertEquals(HealthCheck.State.UP, result.getState(), () -> result.getMessage().orElse(""));
        assertEquals(server.uri("/jwks"), result.getDetails().get("source.1.uri"));
        assertEquals(true, result.getDetails().get("source.1.keysCached"));
        assertNull(result.getDetails().get("source.1.lastFailure"));
        assertEquals(Optional.empty(), result.getMessage());
        assertTrue(result.getCheck().isReadiness());
        assertFalse(result.getCheck().isLiveness(), "a provider outage is no reason to restart");
        assertNoKeyMaterial(result);
    }

    @Test
    void providerFailingFromTheStartMakesTheEndpointNotReadyWithTheReason() throws Exception {
        server.status = 500; // with the JWK Set as the body: it must not be read
        startRoute("remote", remoteUri());
        JwtValidationException refusal = assertInstanceOf(JwtValidationException.class,
                sendToken("remote", token("victim")).getException());
        assertEquals(JwtFailure.KEYS_UNAVAILABLE, refusal.getReason());

        HealthCheck.Result result = readiness(checkId(remoteUri()));
        assertEquals(HealthCheck.State.DOWN, result.getState());
        String message = result.getMessage().orElseThrow();
        assertTrue(message.contains(server.uri("/jwks")), message);
        assertTrue(message.contains("500"), "the message names the failure: " + message);
        assertEquals(false, result.getDetails().get("source.1.keysCached"));
        assertTrue(String.valueOf(result.getDetails().get("source.1.lastFailure")).contains("500"));
        assertNoKeyMaterial(result);
    }

    @Test
    void anEndpointWithoutKeysBecomesReadyWhenItsProviderComesBackWithoutWaitingForAToken() throws Exception {
        server.status = 500;
        startRoute("remote", remoteUri());
        String id = checkId(remoteUri());
        assertEquals(HealthCheck.State.DOWN, readiness(id).getState());

        // an instance that is not ready gets no tokens: the probes themselves must fetch the keys again
        server.status = 200;
        HealthCheck.Result result = awaitState(id, HealthCheck.State.UP);
        assertEquals(true, result.getDetails().get("source.1.keysCached"));
        assertNull(sendToken("remote", token("victim")).getException());
    }

    @Test
    void staleKeysKeepTheEndpointReadyAndTheFailedRefetchIsInTheDetails() throws Exception {
        startRoute("remote", remoteUri());
        assertNull(sendToken("remote", token("victim")).getException());

        server.status = 500;
        // an unknown kid makes the endpoint fetch again, which fails
        JwtValidationException refusal = assertInstanceOf(JwtValidationException.class,
                Refetch.afterInterval(() -> sendToken("remote", token("rotated"))).getException());
        assertEquals(JwtFailure.KEYS_UNAVAILABLE, refusal.getReason());

        HealthCheck.Result result = readiness(checkId(remoteUri()));
        assertEquals(HealthCheck.State.UP, result.getState(), "the stale keys still serve");
        assertEquals(true, result.getDetails().get("source.1.keysCached"));
        assertTrue(String.valueOf(result.getDetails().get("source.1.lastFailure")).contains("500"), result::toString);
        assertTrue(result.getMessage().orElseThrow().contains("500"));
        assertNoKeyMaterial(result);
        assertNull(sendToken("remote", token("victim")).getException(), "the known key goes on verifying");
    }

    @Test
    void stoppingTheRouteUnregistersTheCheckAndStartingItRegistersItAgain() throws Exception {
        startRoute("remote", remoteUri());
        String id = checkId(remoteUri());
        assertTrue(registry().getCheck(id).isPresent());

        context.getRouteController().stopRoute("remote");
        assertFalse(registry().getCheck(id).isPresent());
        assertTrue(HealthCheckHelper.invokeReadiness(context, "full").stream()
                .noneMatch(r -> r.getCheck().getId().equals(id)));

        context.getRouteController().startRoute("remote");
        assertTrue(registry().getCheck(id).isPresent());
    }

    @Test
    void onlyEndpointsWithRemoteKeysHaveTheCheck() throws Exception {
        startRoute("static", "jwt:validate?secret=RAW(" + Tokens.SECRET + ")");
        startRoute("generate", "jwt:generate?secret=RAW(" + Tokens.SECRET + ")");
        startRoute("remote", remoteUri());

        assertEquals(List.of(checkId(remoteUri())),
                registry().getCheckIDs().stream().filter(id -> id.startsWith(ID_PREFIX)).toList());
    }

    @Test
    void aProviderDocumentCannotForgeTheHealthOutput() throws Exception {
        // the discovery document is the provider's text, and the failure quotes its issuer: into logs, and into
        // health output, which some endpoints print into JSON unescaped
        server.bodies.put("/.well-known/openid-configuration",
                json(Map.of("issuer", "evil\",\n\"status\": \"UP", "jwks_uri", server.uri("/jwks"))));
        String uri = "jwt:validate?issuerUri=" + server.uri("") + "&jwksRefreshInterval=1s";
        startRoute("remote", uri);
        JwtValidationException refusal = assertInstanceOf(JwtValidationException.class,
                sendToken("remote", token("victim", "iss", server.uri(""))).getException());
        assertTrue(refusal.getMessage().contains("another issuer"), refusal.getMessage());
        assertFalse(refusal.getMessage().contains("\n"), "the provider's text forges a log line");

        HealthCheck.Result result = readiness(checkId(uri));
        assertEquals(HealthCheck.State.DOWN, result.getState());
        String message = result.getMessage().orElseThrow();
        assertTrue(message.contains("another issuer"), message);
        assertFalse(message.contains("\"") || message.contains("\n"), message);
        result.getDetails().values()
                .forEach(value -> assertFalse(String.valueOf(value).contains("\""), value::toString));
    }

    @Test
    void theIdAndDetailsMaskEverySecretOptionAlsoThoseCamelDoesNotKnowSuchAsDecryptionKey() throws Exception {
        // the documented way to bring a key in: a placeholder wrapped in RAW(...), resolved into the endpoint URI
        String pem = TestKeys.text("keys/rsa-pkcs8.pem").replaceAll("\\s+", " ").trim();
        context.getPropertiesComponent().addInitialProperty("jwe.key", pem);
        String uri = remoteUri() + "&decryptionKey=RAW({{jwe.key}})";
        startRoute("remote", uri);
        assertNull(sendToken("remote", token("victim")).getException());

        String keyText = pem.substring(40, 80); // Base64 of the private key, no URI encoding needed
        String id = registry().getCheckIDs().stream().filter(i -> i.startsWith(ID_PREFIX)).findFirst().orElseThrow();
        assertFalse(id.contains(keyText), "the check's id holds the private key");
        assertTrue(id.contains("decryptionKey=xxxxxx"), id);
        HealthCheck.Result result = readiness(id);
        assertEquals(HealthCheck.State.UP, result.getState());
        assertFalse(String.valueOf(result.getDetails()).contains(keyText), "a detail holds the private key");
    }

    /** Probes until the check reports the state; a few seconds at most. */
    private HealthCheck.Result awaitState(String id, HealthCheck.State state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        HealthCheck.Result result = readiness(id);
        while (result.getState() != state) {
            if (System.nanoTime() > deadline) {
                fail("the check stayed " + result.getState() + ": " + result.getMessage().orElse(""));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            result = readiness(id);
        }
        return result;
    }
}
