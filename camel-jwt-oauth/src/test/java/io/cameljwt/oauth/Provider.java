package io.cameljwt.oauth;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID provider (mock-oauth2-server) on 127.0.0.1: discovery, JWK Set and a token endpoint, reached over
 * HTTP as an application would.
 */
final class Provider implements AutoCloseable {

    static final String CLIENT_ID = "orders-client";

    private final MockOAuth2Server server = new MockOAuth2Server();
    private final HttpClient http = HttpClient.newHttpClient();

    Provider() {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    /** The issuer {@code issuerId} as its tokens name it: {@code http://127.0.0.1:PORT/ISSUER}. */
    String issuer(String issuerId) {
        return "http://127.0.0.1:" + server.baseUrl().port() + "/" + issuerId;
    }

    /** An access token from the token endpoint (client_credentials) with this audience and these claims. */
    synchronized String token(String issuerId, String audience, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, CLIENT_ID, JOSEObjectType.JWT.getType(),
                List.of(audience), claims, 3600));
        String form = Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", "secret",
                "scope", audience).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer(issuerId) + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return (String) new ObjectMapper().readValue(response.body(), Map.class).get("access_token");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
