package io.cameljwt.examples;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import org.apache.camel.support.service.ServiceSupport;

/**
 * DEMO ONLY: a real OAuth 2.0 / OpenID Connect provider in-process on 127.0.0.1, standing in for Keycloak, Entra ID,
 * Auth0 or Okta: NAV's mock-oauth2-server. Its issuer is {@code http://127.0.0.1:PORT/demo}, with discovery
 * ({@code /.well-known/openid-configuration}), keys ({@code /jwks}), an authorize endpoint that answers at once, and
 * a token endpoint ({@code /token}) that takes the authorization_code and the refresh_token grants. Access tokens are
 * RS256 JWTs for the audience given. Tokens carry the issuer of the address they were asked at, so everything here
 * asks at 127.0.0.1.
 */
public final class DemoOAuthProvider extends ServiceSupport {

    static final String ISSUER_ID = "demo";
    /** How long the tokens that a refresh token gets live. */
    static final Duration REFRESHED_LIFETIME = Duration.ofHours(1);

    private static final String REDIRECT_URI = "http://127.0.0.1/callback";
    /**
     * okhttp's MockWebServer logs every request at INFO through java.util.logging, past log4j. Held here: JUL keeps
     * loggers weakly, and a collected logger forgets its level.
     */
    private static final java.util.logging.Logger MOCK_WEB_SERVER_LOG
            = java.util.logging.Logger.getLogger("okhttp3.mockwebserver.MockWebServer");

    /** The tokens of a grant. */
    public record Grant(String accessToken, String refreshToken) {
    }

    private final int port;
    private final String clientId;
    private final String audience;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private MockOAuth2Server server;

    public DemoOAuthProvider(int port, String clientId, String audience) {
        this.port = port;
        this.clientId = clientId;
        this.audience = audience;
    }

    @Override
    protected void doStart() throws Exception {
        MOCK_WEB_SERVER_LOG.setLevel(Level.WARNING);
        server = new MockOAuth2Server();
        server.start(InetAddress.getLoopbackAddress(), port);
        // its first answers load much of the library and take seconds on a busy machine: get them over with here,
        // so that the routes' first fetch of its keys does not run into jwksTimeout
        for (String path : List.of("/.well-known/openid-configuration", "/jwks")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuerUrl() + path))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the demo provider answered " + response.statusCode() + " for " + path);
            }
        }
    }

    @Override
    protected void doStop() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }

    public String issuerUrl() {
        return "http://127.0.0.1:" + port + "/" + ISSUER_ID;
    }

    /**
     * Logs {@code subject} in with the authorization code flow over HTTP, as a user or an administrator consenting
     * once in a browser would, and returns the tokens. The access token lives {@code accessTokenLifetime}; those its
     * refresh token gets live {@link #REFRESHED_LIFETIME}. One login at a time: the provider takes the next token
     * request's settings from a queue.
     */
    public synchronized Grant login(String subject, Duration accessTokenLifetime) throws IOException, InterruptedException {
        Lifetimes callback = new Lifetimes(subject, accessTokenLifetime.toSeconds());
        server.enqueueCallback(callback);
        HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(URI.create(issuerUrl() + "/authorize?" + form(Map.of(
                "client_id", clientId,
                "response_type", "code",
                "redirect_uri", REDIRECT_URI,
                "scope", "openid offline_access",
                "state", "demo-state",
                "nonce", "demo-nonce")))).build(), HttpResponse.BodyHandlers.ofString());
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("authorize answered " + redirect.statusCode() + " without a redirect"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuerUrl() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "authorization_code",
                        "code", queryParameter(URI.create(location), "code"),
                        "redirect_uri", REDIRECT_URI,
                        "client_id", clientId,
                        "client_secret", "unused-by-the-demo-provider"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the token endpoint answered " + response.statusCode());
        }
        // the refresh token keeps this callback: the tokens it gets from now on live longer
        callback.lifetimeSeconds = REFRESHED_LIFETIME.toSeconds();
        JsonNode tokens = HttpJson.mapper().readTree(response.body());
        return new Grant(tokens.path("access_token").asText(), tokens.path("refresh_token").asText());
    }

    /** What the provider puts into the tokens of one login, and of every refresh of it. */
    private final class Lifetimes implements OAuth2TokenCallback {

        private final String subject;
        private volatile long lifetimeSeconds;

        Lifetimes(String subject, long lifetimeSeconds) {
            this.subject = subject;
            this.lifetimeSeconds = lifetimeSeconds;
        }

        @Override
        public String issuerId() {
            return ISSUER_ID;
        }

        @Override
        public String subject(TokenRequest tokenRequest) {
            return subject;
        }

        @Override
        public String typeHeader(TokenRequest tokenRequest) {
            return JOSEObjectType.JWT.getType();
        }

        @Override
        public List<String> audience(TokenRequest tokenRequest) {
            return List.of(audience);
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest tokenRequest) {
            return Map.of("scope", "partner:read");
        }

        @Override
        public long tokenExpiry() {
            return lifetimeSeconds;
        }
    }

    private static String form(Map<String, String> parameters) {
        StringBuilder form = new StringBuilder();
        parameters.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }

    private static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no " + name + " in the redirect");
    }
}
