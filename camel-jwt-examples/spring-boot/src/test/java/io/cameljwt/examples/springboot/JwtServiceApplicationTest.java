package io.cameljwt.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameljwt.JwtComponent;
import io.cameljwt.JwtConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the service on a random port, with {@code application.yaml} as it is but for the signing key, which comes
 * in as PEM text the way a secret store hands it over, and calls it over real HTTP.
 */
@CamelSpringBootTest
@SpringBootTest(classes = JwtServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtServiceApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair SIGNING_KEY = rsaKeyPair();

    @LocalServerPort
    private int port;

    @Autowired
    private CamelContext camelContext;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The private key as PEM text with its line breaks, as an environment variable or Vault would hold it. */
    @DynamicPropertySource
    static void signingKeyFromASecretStore(DynamicPropertyRegistry registry) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                     + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(SIGNING_KEY.getPrivate().getEncoded())
                     + "\n-----END PRIVATE KEY-----\n";
        registry.add("login.private-key", () -> pem);
    }

    @Test
    void componentOptionsFromApplicationYamlReachTheComponent() {
        JwtConfiguration configuration = camelContext.getComponent("jwt", JwtComponent.class).getConfiguration();

        assertEquals("https://login.example.test", configuration.getIssuer());
        assertEquals("orders-api", configuration.getAudience());
        assertEquals("spring-login-2026-12", configuration.getKeyId());
        assertEquals(Duration.ofMinutes(15).toMillis(), configuration.getExpiresIn());
        assertEquals(Map.of("tenant", "acme"), configuration.getClaims());
        assertTrue(configuration.getPrivateKey().startsWith("-----BEGIN PRIVATE KEY-----\n"));
    }

    @Test
    void loginIssuesAnRs256TokenWithTheComponentsKeyIssuerAudienceLifetimeAndClaims() throws Exception {
        HttpResponse<String> response = login("alice", "alice-demo-password");

        assertEquals(200, response.statusCode());
        Map<?, ?> answer = JSON.readValue(response.body(), Map.class);
        assertEquals("Bearer", answer.get("token_type"));
        assertEquals(900, answer.get("expires_in"));
        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization((String) answer.get("access_token"));
        assertEquals("RS256", jws.getAlgorithmHeaderValue());
        assertEquals("spring-login-2026-12", jws.getKeyIdHeaderValue());
        jws.setKey(SIGNING_KEY.getPublic());
        assertTrue(jws.verifySignature(), "signed with the key given as login.private-key");
        JwtClaims claims = JwtClaims.parse(jws.getPayload());
        assertEquals("alice", claims.getSubject());
        assertEquals(List.of("user"), claims.getStringListClaimValue("roles"));
        assertEquals("https://login.example.test", claims.getIssuer());
        assertEquals(List.of("orders-api"), claims.getAudience());
        assertEquals("acme", claims.getStringClaimValue("tenant"));
        assertEquals(900, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
    }

    @Test
    void loginWithAWrongPasswordIsRefusedWith401() throws Exception {
        HttpResponse<String> response = login("alice", "not-her-password");

        assertEquals(401, response.statusCode());
        assertEquals("{\"error\":\"invalid_credentials\"}", response.body());
    }

    @Test
    void protectedRouteAnswersTheTokensSubject() throws Exception {
        HttpResponse<String> response = get("/api/orders", token("alice", "alice-demo-password"));

        assertEquals(200, response.statusCode());
        assertEquals("alice", JSON.readValue(response.body(), Map.class).get("subject"));
    }

    @Test
    void protectedRouteWithoutATokenIs401WithABareBearerChallenge() throws Exception {
        HttpResponse<String> response = get("/api/orders", null);

        assertEquals(401, response.statusCode());
        assertEquals("{\"error\":\"TOKEN_MISSING\"}", response.body());
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    void adminRouteWithoutTheAdminRoleIs403() throws Exception {
        HttpResponse<String> response = get("/api/admin", token("alice", "alice-demo-password"));

        assertEquals(403, response.statusCode());
        assertEquals("{\"error\":\"INSUFFICIENT_ROLES\"}", response.body());
        assertEquals("Bearer error=\"insufficient_scope\"", response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    void adminRouteWithTheAdminRoleIs200() throws Exception {
        HttpResponse<String> response = get("/api/admin", token("carol", "carol-demo-password"));

        assertEquals(200, response.statusCode());
        assertEquals("carol", JSON.readValue(response.body(), Map.class).get("subject"));
    }

    @Test
    void tokenWithoutTheComponentsFixedClaimIsRefused() throws Exception {
        JwtClaims claims = validClaims("carol", List.of("user", "admin"));
        claims.unsetClaim("tenant");

        HttpResponse<String> response = get("/api/admin", sign(claims));

        assertEquals(401, response.statusCode());
        assertEquals("{\"error\":\"CLAIM_MISSING\"}", response.body());
    }

    @Test
    void tokenOfAnotherTenantIsRefused() throws Exception {
        JwtClaims claims = validClaims("carol", List.of("user", "admin"));
        claims.setClaim("tenant", "globex");

        HttpResponse<String> response = get("/api/admin", sign(claims));

        assertEquals(401, response.statusCode());
        assertEquals("{\"error\":\"CLAIM_MISMATCH\"}", response.body());
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() throws Exception {
        JwtClaims claims = validClaims("alice", List.of("user"));
        claims.setIssuer("https://login.other.test");

        HttpResponse<String> response = get("/api/orders", sign(claims));

        assertEquals(401, response.statusCode());
        assertEquals("{\"error\":\"ISSUER_MISMATCH\"}", response.body());
    }

    @Test
    void jwksPublishesThePublicKeyThatVerifiesTheLoginTokens() throws Exception {
        HttpResponse<String> response = get("/.well-known/jwks.json", null);

        assertEquals(200, response.statusCode());
        JsonWebKeySet set = new JsonWebKeySet(response.body());
        assertEquals(1, set.getJsonWebKeys().size());
        RsaJsonWebKey key = (RsaJsonWebKey) set.getJsonWebKeys().get(0);
        assertEquals("spring-login-2026-12", key.getKeyId());
        assertEquals(SIGNING_KEY.getPublic(), key.getPublicKey());
        assertFalse(response.body().contains("\"d\""), "no private member");

        // a service that holds nothing but the published set accepts the login's token
        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKey(key.getPublicKey())
                .setExpectedIssuer("https://login.example.test")
                .setExpectedAudience("orders-api")
                .build()
                .processToClaims(token("alice", "alice-demo-password"));
        assertEquals("alice", claims.getSubject());
    }

    private HttpResponse<String> login(String username, String password) throws Exception {
        String body = JSON.writeValueAsString(Map.of("username", username, "password", password));
        return http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(String username, String password) throws Exception {
        HttpResponse<String> response = login(username, password);
        assertEquals(200, response.statusCode());
        return (String) JSON.readValue(response.body(), Map.class).get("access_token");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** What the login issues, signed by the test with the service's own key so one claim can be changed. */
    private static JwtClaims validClaims(String subject, List<String> roles) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        claims.setStringListClaim("roles", roles);
        claims.setIssuer("https://login.example.test");
        claims.setAudience("orders-api");
        claims.setClaim("tenant", "acme");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        return claims;
    }

    private static String sign(JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue("spring-login-2026-12");
        jws.setKey(SIGNING_KEY.getPrivate());
        return jws.getCompactSerialization();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
