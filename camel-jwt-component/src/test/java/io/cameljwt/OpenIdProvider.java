package io.cameljwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.Headers;

/**
 * A real OpenID provider for the remote-keys tests: NAV's {@code mock-oauth2-server} (2.1.10) started in-process on
 * 127.0.0.1 with a free port. Any path segment is an issuer: issuer {@code realm1} is
 * {@code http://127.0.0.1:PORT/realm1}, with discovery at {@code /realm1/.well-known/openid-configuration}, keys at
 * {@code /realm1/jwks} and tokens at {@code /realm1/token}. Tokens are RS256 with {@code typ: JWT}; each issuer has
 * its own 2048-bit RSA key whose {@code kid} is the issuer id (the first five issuers get fixed keys shipped in the
 * library's jar, later ones fresh keys). Tokens fetched over HTTP carry the {@code iss} of the URL asked, so ask with
 * {@code 127.0.0.1}, as {@link #issuerUrl(String)} does.
 *
 * <p>What the library can do, read from its sources (package {@code no.nav.security.mock.oauth2}):
 * <ul>
 * <li><b>Custom claims</b> (e.g. Keycloak's {@code realm_access.roles}): a {@code DefaultOAuth2TokenCallback(issuerId,
 * subject, typeHeader, audience, claims, expirySeconds)} decides the next token of that issuer: pass it to
 * {@code MockOAuth2Server.enqueueCallback} (used once, by the next token request of that issuer; this helper's
 * {@link #token} and {@link #login} do that), or in {@code OAuth2Config.tokenCallbacks} (used for every token of the
 * issuer). Claims may be nested maps and lists. Any {@code OAuth2TokenCallback} implementation can also choose the
 * claims from the request, and {@code RequestMappingTokenCallback} matches on a form parameter (the JSON config of
 * the standalone server). A callback sets {@code sub}, {@code aud}, the {@code typ} header (e.g. {@code at+jwt}) and the
 * lifetime; {@code iss}, {@code iat}, {@code nbf}, {@code exp}, {@code jti} and {@code tid} are always set.
 * For client_credentials the subject is always the client id. {@code MockOAuth2Server.issueToken(...)} signs a token
 * in-process without HTTP.</li>
 * <li><b>Key rotation</b>: not supported. {@code KeyProvider} keeps one key per issuer for the server's life (a private
 * map filled on first use; {@code generate(algorithm)} only changes the algorithm of keys not yet made), the JWK Set
 * publishes only that key, and its {@code kid} is always the issuer id. {@link #rotateKeys(String)} therefore puts a
 * new key with a new {@code kid} into that private map by reflection (checked by {@code MockOAuth2ServerSmokeTest}, so
 * a library upgrade that breaks it fails loudly), and an extra route publishes the previous keys next to it until
 * {@link #retirePreviousKeys(String)}.</li>
 * <li><b>refresh_token grant</b>: supported. The authorization_code grant returns a {@code refresh_token} (an opaque
 * UUID) besides {@code access_token} and {@code id_token}; the refresh_token grant returns new tokens with the claims
 * of the original login ({@code OAuth2Config.rotateRefreshToken} also issues a new refresh token each time). An unknown
 * refresh token is accepted too, with the default claims. client_credentials, password, jwt-bearer and token-exchange
 * give no refresh token. The authorize endpoint answers at once with a redirect holding the code (no login page unless
 * {@code interactiveLogin}); see {@link #login}.</li>
 * </ul>
 *
 * <p>Not for concurrent token requests: {@link #token} and {@link #login} queue a callback and then ask for the token,
 * so they are synchronized.
 */
final class OpenIdProvider implements AutoCloseable {

    /** The client id of the tokens; for client_credentials it is also their {@code sub}. */
    static final String CLIENT_ID = "camel-jwt-test";
    /** The {@code aud} of the tokens of {@link #token} and {@link #login}. */
    static final String AUDIENCE = "camel-jwt-api";
    private static final String REDIRECT_URI = "http://127.0.0.1/callback";

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Its MockWebServer logs every request at INFO through java.util.logging, past the test logging. Held here: JUL
     * keeps loggers weakly, and a collected logger forgets its level.
     */
    private static final Logger MOCK_WEB_SERVER_LOG = Logger.getLogger("okhttp3.mockwebserver.MockWebServer");

    private final KeyProvider keys = new KeyProvider();
    private final Map<String, List<JWK>> previousKeys = new ConcurrentHashMap<>();
    private final AtomicInteger rotations = new AtomicInteger();
    private final MockOAuth2Server server;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private OpenIdProvider() {
        OAuth2Config config = new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(keys));
        this.server = new MockOAuth2Server(config, new PreviousKeysRoute());
    }

    /** Starts a provider on 127.0.0.1 with a free port. */
    static OpenIdProvider start() {
        MOCK_WEB_SERVER_LOG.setLevel(Level.WARNING);
        OpenIdProvider provider = new OpenIdProvider();
        provider.server.start(InetAddress.getLoopbackAddress(), 0);
        return provider;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.baseUrl().port();
    }

    /** The issuer {@code issuerId}, e.g. {@code http://127.0.0.1:PORT/realm1}: its tokens' {@code iss}. */
    String issuerUrl(String issuerId) {
        return baseUrl() + "/" + issuerId;
    }

    /** Its OpenID discovery document. */
    String discoveryUrl(String issuerId) {
        return issuerUrl(issuerId) + "/.well-known/openid-configuration";
    }

    /** Its JWK Set, as the discovery document names it. */
    String jwksUrl(String issuerId) {
        return issuerUrl(issuerId) + "/jwks";
    }

    /** Its token endpoint. */
    String tokenUrl(String issuerId) {
        return issuerUrl(issuerId) + "/token";
    }

    /**
     * An access token of {@code issuerId} from its token endpoint (client_credentials grant, a real HTTP POST), with
     * {@code sub} {@link #CLIENT_ID}, {@code aud} {@link #AUDIENCE}, 1 hour of life and these extra claims.
     */
    synchronized String token(String issuerId, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, CLIENT_ID, JOSEObjectType.JWT.getType(),
                List.of(AUDIENCE), claims, 3600));
        return (String) post(tokenUrl(issuerId), Map.of(
                "grant_type", "client_credentials",
                "client_id", CLIENT_ID,
                "client_secret", "secret",
                "scope", AUDIENCE)).get("access_token");
    }

    /**
     * Logs {@code subject} in through the authorization code flow over HTTP (authorize redirect, then the token
     * endpoint) and returns the token response: {@code access_token}, {@code id_token}, {@code refresh_token}, ...
     * The access token has {@code aud} {@link #AUDIENCE} and these extra claims; the id token has {@code aud}
     * {@link #CLIENT_ID}.
     */
    synchronized Map<String, Object> login(String issuerId, String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, JOSEObjectType.JWT.getType(),
                List.of(AUDIENCE), claims, 3600));
        String authorize = issuerUrl(issuerId) + "/authorize?" + form(Map.of(
                "client_id", CLIENT_ID,
                "response_type", "code",
                "redirect_uri", REDIRECT_URI,
                "scope", "openid",
                "state", "state-1",
                "nonce", "nonce-1"));
        HttpResponse<String> redirect = send(HttpRequest.newBuilder(URI.create(authorize)).build());
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("authorize answered " + redirect.statusCode()
                        + " without a redirect"));
        String code = queryParameter(URI.create(location), "code");
        return post(tokenUrl(issuerId), Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", REDIRECT_URI,
                "client_id", CLIENT_ID,
                "client_secret", "secret"));
    }

    /** The refresh_token grant over HTTP: new tokens with the claims of the login that gave {@code refreshToken}. */
    Map<String, Object> refresh(String issuerId, String refreshToken) {
        return post(tokenUrl(issuerId), Map.of(
                "grant_type", "refresh_token",
                "refresh_token", refreshToken,
                "client_id", CLIENT_ID,
                "client_secret", "secret"));
    }

    /** GETs {@code url} and returns the body of its 200 answer (a discovery document, a JWK Set). */
    String fetch(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    /**
     * Rotates the signing key of {@code issuerId}: from now on its tokens are signed by a new RSA key with a new
     * {@code kid} (returned), and its JWK Set publishes the new key first and every previous key after it (a graceful
     * rotation, as Keycloak, Auth0 or Entra ID do) until {@link #retirePreviousKeys(String)}.
     */
    synchronized String rotateKeys(String issuerId) {
        JWK previous = keys.signingKey(issuerId).toPublicJWK();
        JWK next;
        try {
            next = new RSAKeyGenerator(2048)
                    .keyID(issuerId + "-rotated-" + rotations.incrementAndGet())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        previousKeys.computeIfAbsent(issuerId, id -> new CopyOnWriteArrayList<>()).add(0, previous);
        signingKeys().put(issuerId, next);
        return next.getKeyID();
    }

    /** The JWK Set of {@code issuerId} publishes only its current key again: tokens of older keys stop verifying. */
    void retirePreviousKeys(String issuerId) {
        previousKeys.remove(issuerId);
    }

    /** The library's server, for anything else (e.g. {@code issueToken}, {@code enqueueCallback}). */
    MockOAuth2Server server() {
        return server;
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** KeyProvider's private map issuer id -> signing key: the library offers no other way to change a key. */
    @SuppressWarnings("unchecked")
    private Map<String, JWK> signingKeys() {
        try {
            Field field = KeyProvider.class.getDeclaredField("signingKeys");
            field.setAccessible(true);
            return (Map<String, JWK>) field.get(keys);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("mock-oauth2-server's KeyProvider changed: rotateKeys needs a new way", e);
        }
    }

    /** Answers {@code GET /ISSUER/jwks} of an issuer that rotated: its current key and the previous ones. */
    private final class PreviousKeysRoute implements Route {

        private String issuerOf(OAuth2HttpRequest request) {
            List<String> segments = request.getUrl().pathSegments();
            boolean jwks = "GET".equals(request.getMethod()) && segments.size() == 2 && "jwks".equals(segments.get(1));
            return jwks ? segments.get(0) : null;
        }

        @Override
        public boolean match(OAuth2HttpRequest request) {
            String issuerId = issuerOf(request);
            return issuerId != null && previousKeys.containsKey(issuerId);
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            String issuerId = issuerOf(request);
            List<JWK> published = new ArrayList<>();
            published.add(keys.signingKey(issuerId).toPublicJWK());
            published.addAll(previousKeys.getOrDefault(issuerId, List.of()));
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json;charset=UTF-8"), 200,
                    new JWKSet(published).toString(), null);
        }
    }

    private Map<String, Object> post(String url, Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readValue(response.body(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
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
