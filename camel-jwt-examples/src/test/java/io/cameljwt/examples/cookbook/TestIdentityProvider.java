package io.cameljwt.examples.cookbook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * A real OAuth 2.0 / OpenID Connect provider (NAV's mock-oauth2-server) on 127.0.0.1, signing with an RSA key made
 * for the test. Its issuers are {@code http://127.0.0.1:PORT/<issuerId>}, each
 * with discovery, a JWK Set and a token endpoint.
 */
final class TestIdentityProvider implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private MockOAuth2Server server;

    TestIdentityProvider(int port) {
        this.port = port;
    }

    /**
     * Starts the provider, signing with a new RSA key. (mock-oauth2-server names each issuer's key by the issuer's id,
     * so it cannot rotate to a new {@code kid}: {@link RotatingOpenIdProvider} does.)
     */
    void start() throws JOSEException, IOException, InterruptedException {
        String key = new RSAKeyGenerator(2048).generate().toJSONString();
        String config = JSON.writeValueAsString(Map.of("tokenProvider",
                Map.of("keyProvider", Map.of("initialKeys", key, "algorithm", "RS256"))));
        server = new MockOAuth2Server(OAuth2Config.Companion.fromJson(config));
        server.start(InetAddress.getLoopbackAddress(), port);
        // its first answer loads much of the library: get it over with before a route's first fetch of the keys
        send(HttpRequest.newBuilder(URI.create(issuer("warm-up") + "/.well-known/openid-configuration")).GET());
    }

    String issuer(String issuerId) {
        return "http://127.0.0.1:" + port + "/" + issuerId;
    }

    /** The provider serves the next token request of {@code callback}'s issuer with it. */
    void enqueue(IssuedTokenCallback callback) {
        server.enqueueCallback(callback);
    }

    /** An access token, asked for over HTTP with the client_credentials grant, with the claims of {@code callback}. */
    String accessToken(IssuedTokenCallback callback) throws IOException, InterruptedException {
        enqueue(callback);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(issuer(callback.issuerId()) + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=profile&client_id=test-client&client_secret=test-secret")));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the token endpoint answered " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }
}
