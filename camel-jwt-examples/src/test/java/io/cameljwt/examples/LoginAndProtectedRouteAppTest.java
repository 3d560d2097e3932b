package io.cameljwt.examples;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Boots the example as Camel Main does (this package's routes, {@code application.properties}) on a free port and
 * calls it over real HTTP.
 */
class LoginAndProtectedRouteAppTest extends CamelMainTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    // static: CamelTestSupport reads the configuration below while it is constructed
    private static final int PORT = AvailablePortFinder.getNextAvailable();
    private static final int OAUTH_PORT = AvailablePortFinder.getNextAvailable();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected Class<?> getMainClass() {
        return LoginAndProtectedRouteApp.class;
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        Properties overrides = new Properties();
        overrides.setProperty("http.port", String.valueOf(PORT));
        // the routes of this package include the OAuth client's, which start the demo provider
        overrides.setProperty("oauth.demoProvider.port", String.valueOf(OAUTH_PORT));
        configuration.withUseOverridePropertiesWithPropertiesComponent(overrides);
    }

    @Test
    void loginWithTheRightPasswordIssuesABearerTokenWithSubjectAndRoles() throws Exception {
        HttpResponse<String> response = login("alice", password("alice"));

        assertEquals(200, response.statusCode());
        Map<?, ?> answer = JSON.readValue(response.body(), Map.class);
        assertEquals("Bearer", answer.get("token_type"));
        assertEquals(900, answer.get("expires_in"));
        Map<?, ?> claims = claims((String) answer.get("access_token"));
        assertEquals("alice", claims.get("sub"));
        assertEquals(List.of("user"), claims.get("roles"));
        assertEquals("https://login.example.test", claims.get("iss"));
        assertEquals("orders-api", claims.get("aud"));
        assertEquals(((Number) claims.get("iat")).longValue() + 900, ((Number) claims.get("exp")).longValue());
    }

    @Test
    void loginSignsWithTheRsaKeyUnderItsKid() throws Exception {
        Map<?, ?> header = header(token("alice"));

        assertEquals("RS256", header.get("alg"));
        assertEquals("login-2026-11", header.get("kid"));
    }

    @Test
    void theJwkSetPublishesThePublicKeyUnderTheKidOfTheTokens() throws Exception {
        HttpResponse<String> response = get("/.well-known/jwks.json?probe=echo", null);

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null));
        List<?> keys = (List<?>) JSON.readValue(response.body(), Map.class).get("keys");
        assertEquals(1, keys.size());
        Map<?, ?> key = (Map<?, ?>) keys.get(0);
        assertEquals(Set.of("kty", "kid", "use", "alg", "n", "e"), key.keySet());
        assertEquals("RSA", key.get("kty"));
        assertEquals(header(token("alice")).get("kid"), key.get("kid"));
        assertEquals("RS256", key.get("alg"));
        // the request's query parameter, a header on the exchange, must not come back
        assertFalse(response.headers().map().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("probe")));
    }

    @Test
    void aTokenSignedWithHs256UnderThePublicKeyAsSecretIsRefused() throws Exception {
        // the algorithm confusion attack: the public key is no secret, so it must never serve as an HMAC key
        String publicPem;
        try (InputStream in = getClass().getResourceAsStream("/keys/login-public.pem")) {
            publicPem = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue("login-2026-11");
        jws.setPayload(new String(Base64.getUrlDecoder().decode(token("carol").split("\\.")[1]), StandardCharsets.UTF_8));
        jws.setKey(new HmacKey(publicPem.getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> response = get("/api/admin", jws.getCompactSerialization());

        assertEquals(401, response.statusCode());
        assertEquals(Map.of("error", "ALGORITHM_NOT_ALLOWED"), JSON.readValue(response.body(), Map.class));
    }

    @Test
    void loginWithAWrongPasswordIsRefusedWith401() throws Exception {
        HttpResponse<String> response = login("alice", password("alice") + "x");

        assertEquals(401, response.statusCode());
        assertEquals(Map.of("error", "invalid_credentials"), JSON.readValue(response.body(), Map.class));
    }

    @Test
    void loginOfAnUnknownUserLooksLikeAWrongPassword() throws Exception {
        HttpResponse<String> response = login("mallory", "whatever");

        assertEquals(401, response.statusCode());
        assertEquals(Map.of("error", "invalid_credentials"), JSON.readValue(response.body(), Map.class));
    }

    @Test
    void loginWithoutJsonCredentialsIsABadRequest() throws Exception {
        HttpResponse<String> response = post("/login", "username=alice&password=" + password("alice"),
                "application/x-www-form-urlencoded");

        assertEquals(400, response.statusCode());
        assertEquals(Map.of("error", "invalid_request"), JSON.readValue(response.body(), Map.class));
        // platform-http turns form fields into headers; none may come back in the answer
        assertFalse(response.headers().map().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("password")));
    }

    @Test
    void ordersWithAUserTokenAnswer200NamingTheSubject() throws Exception {
        HttpResponse<String> response = get("/api/orders", token("alice"));

        assertEquals(200, response.statusCode());
        Map<?, ?> answer = JSON.readValue(response.body(), Map.class);
        assertEquals("alice", answer.get("subject"));
        assertEquals(2, ((List<?>) answer.get("orders")).size());
    }

    @Test
    void ordersWithoutATokenAnswer401WithABareBearerChallenge() throws Exception {
        HttpResponse<String> response = get("/api/orders", null);

        assertEquals(401, response.statusCode());
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(null));
        assertEquals(Map.of("error", "TOKEN_MISSING"), JSON.readValue(response.body(), Map.class));
    }

    @Test
    void adminWithATokenLackingTheAdminRoleAnswers403() throws Exception {
        HttpResponse<String> response = get("/api/admin", token("alice"));

        assertEquals(403, response.statusCode());
        assertEquals("Bearer error=\"insufficient_scope\"", response.headers().firstValue("WWW-Authenticate").orElse(null));
        assertEquals(Map.of("error", "INSUFFICIENT_ROLES"), JSON.readValue(response.body(), Map.class));
    }

    @Test
    void adminWithAnAdminTokenAnswers200() throws Exception {
        HttpResponse<String> response = get("/api/admin", token("carol"));

        assertEquals(200, response.statusCode());
        assertEquals("carol", JSON.readValue(response.body(), Map.class).get("subject"));
    }

    @Test
    void aTokenEditedToClaimAdminIsRefusedWith401AndNotEchoed() throws Exception {
        String forged = DemoClient.claimAdmin(token("alice"));
        assertEquals(List.of("admin", "user"), claims(forged).get("roles"));

        HttpResponse<String> response = get("/api/admin", forged);

        assertEquals(401, response.statusCode());
        assertEquals("Bearer error=\"invalid_token\"", response.headers().firstValue("WWW-Authenticate").orElse(null));
        assertEquals(Map.of("error", "SIGNATURE_INVALID"), JSON.readValue(response.body(), Map.class));
        String signature = forged.substring(forged.lastIndexOf('.') + 1);
        assertFalse(response.body().contains(signature));
        assertFalse(response.headers().map().toString().contains(signature));
    }

    @Test
    void aTokenWithTheSignatureOfAnotherTokenIsRefusedWith401() throws Exception {
        // same claims and header, signature from elsewhere: what a token signed with another key looks like
        String token = token("alice");
        String other = token("carol");
        String spliced = token.substring(0, token.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));

        HttpResponse<String> response = get("/api/orders", spliced);

        assertEquals(401, response.statusCode());
        assertEquals(Map.of("error", "SIGNATURE_INVALID"), JSON.readValue(response.body(), Map.class));
    }

    @Test
    void camelHeadersSentByTheClientDoNotChangeTheIssuedToken() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/login")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("CamelJwtClaims", "{\"roles\":[\"admin\"]}")
                .POST(HttpRequest.BodyPublishers.ofString(credentials("alice", password("alice")))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        Map<?, ?> answer = JSON.readValue(response.body(), Map.class);
        assertEquals(List.of("user"), claims((String) answer.get("access_token")).get("roles"));
    }

    @Test
    void theDemoGetsTheExpectedStatusForEveryRequest() throws Exception {
        List<DemoClient.Step> steps = new DemoClient(uri("/")).run("alice", password("alice"), "carol", password("carol"));

        assertEquals(10, steps.size());
        assertTrue(steps.stream().allMatch(DemoClient.Step::asExpected), steps::toString);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private String password(String user) {
        return context.resolvePropertyPlaceholders("{{demo.user." + user + ".password}}");
    }

    private String token(String user) throws Exception {
        HttpResponse<String> response = login(user, password(user));
        assertEquals(200, response.statusCode());
        String token = (String) JSON.readValue(response.body(), Map.class).get("access_token");
        assertNotNull(token);
        return token;
    }

    private HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
        return post("/login", credentials(username, password), "application/json");
    }

    private static String credentials(String username, String password) throws IOException {
        return JSON.writeValueAsString(Map.of("username", username, "password", password));
    }

    private HttpResponse<String> post(String path, String body, String contentType) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + PORT + path);
    }

    /** The payload of a compact JWS, read without checking anything: only to look at what was issued. */
    private static Map<?, ?> claims(String token) throws IOException {
        return part(token, 1);
    }

    /** The header of a compact JWS, read without checking anything. */
    private static Map<?, ?> header(String token) throws IOException {
        return part(token, 0);
    }

    private static Map<?, ?> part(String token, int index) throws IOException {
        String part = token.split("\\.")[index];
        return JSON.readValue(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8), Map.class);
    }
}
