package io.cameljwt.examples.cookbook;

import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtFailure;
import io.cameljwt.JwtValidationException;
import io.cameljwt.examples.LoginRoute;
import io.cameljwt.examples.cookbook.login.EncryptedLoginRoutes;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.RsaKeyUtil;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Cookbook use 2: the login issues signed tokens ({@link LoginRoute}, {@code POST /login}) and encrypted ones
 * ({@link EncryptedLoginRoutes}, {@code POST /login/encrypted}). Each is checked as the component checks it and as an
 * outside party would with jose4j alone: the signed one against the JWK Set the login publishes, the encrypted one
 * decrypted with the API's private key.
 */
class LoginIssuesSignedAndEncryptedTokensTest extends IdentityCookbookTestSupport {

    private static final String API_PRIVATE_KEY = "/cookbook/keys/api-encryption-private.pem";

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("profile.audience", "profile-api");
        properties.setProperty("profile.encryptionKey", "classpath:cookbook/keys/api-encryption-public.pem");
        properties.setProperty("profile.decryptionKey", "classpath:cookbook/keys/api-encryption-private.pem");
        return properties;
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addRoutesBuilder(new LoginRoute());
        configuration.addRoutesBuilder(new EncryptedLoginRoutes());
        // the component as another service uses it: the signed tokens checked against the published JWK Set
        configuration.addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:validate-signed")
                        .to("jwt:validate?jwksUri=http://127.0.0.1:{{http.port}}/.well-known/jwks.json"
                            + "&issuer={{jwt.issuer}}&audience={{jwt.audience}}");
            }
        });
    }

    @Test
    void theSignedLoginTokenValidatesWithTheComponentAgainstThePublishedJwkSet() throws Exception {
        String token = accessToken("/login");

        Exchange exchange = template.send("direct:validate-signed", e -> e.getMessage().setHeader(JwtConstants.JWT_TOKEN, token));

        assertNull(exchange.getException());
        assertEquals("alice", exchange.getMessage().getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals(List.of("user"), exchange.getMessage().getHeader(JwtConstants.JWT_ROLES));
    }

    @Test
    void theSignedLoginTokenVerifiesWithJose4jAgainstThePublishedJwkSet() throws Exception {
        String token = accessToken("/login");

        HttpsJwks jwks = new HttpsJwks(uri("/.well-known/jwks.json").toString());
        JwtConsumer outsider = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                .setExpectedIssuer("https://login.example.test")
                .setExpectedAudience("orders-api")
                .setRequireExpirationTime()
                .build();
        JwtClaims claims = outsider.processToClaims(token);

        assertEquals("alice", claims.getSubject());
        assertEquals(List.of("user"), claims.getStringListClaimValue("roles"));
    }

    @Test
    void theEncryptedLoginTokenHidesItsClaimsFromTheClient() throws Exception {
        String token = accessToken("/login/encrypted");

        String[] parts = token.split("\\.");
        assertEquals(5, parts.length);
        Map<?, ?> header = part(token, 0);
        assertEquals("RSA-OAEP-256", header.get("alg"));
        assertEquals("A256GCM", header.get("enc"));
        assertEquals("JWT", header.get("cty"));
        // the ciphertext, not the claims: nothing of them can be read without the API's private key
        assertFalse(token.contains(Base64.getUrlEncoder().withoutPadding().encodeToString("alice".getBytes())));
    }

    @Test
    void theEncryptedLoginTokenDecryptsWithJose4jAndHoldsTheLoginsSignedToken() throws Exception {
        String token = accessToken("/login/encrypted");

        JwtConsumer api = new JwtConsumerBuilder()
                .setDecryptionKey(privateKey())
                .setJweAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        KeyManagementAlgorithmIdentifiers.RSA_OAEP_256)
                .setJweContentEncryptionAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        ContentEncryptionAlgorithmIdentifiers.AES_256_GCM)
                .setVerificationKey(new RsaKeyUtil().fromPemEncoded(resource("/keys/login-public.pem")))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                .setEnableRequireEncryption()
                .setEnableRequireIntegrity()
                .setExpectedIssuer("https://login.example.test")
                .setExpectedAudience("profile-api")
                .build();
        JwtClaims claims = api.processToClaims(token);

        assertEquals("alice", claims.getSubject());
        assertEquals(List.of("user"), claims.getStringListClaimValue("roles"));
    }

    @Test
    void theApiAcceptsTheEncryptedLoginToken() throws Exception {
        HttpResponse<String> response = get("/api/profile", accessToken("/login/encrypted"));

        assertEquals(200, response.statusCode());
        assertEquals(Map.of("subject", "alice", "roles", List.of("user")), json(response));
    }

    @Test
    void theApiRefusesASignedTokenThatIsNotEncryptedAsMalformed() throws Exception {
        HttpResponse<String> response = get("/api/profile", accessToken("/login"));

        assertEquals(401, response.statusCode());
        assertEquals(refusal("MALFORMED"), json(response));
    }

    @Test
    void theApiRefusesATokenEncryptedToAnotherKeyAsDecryptionFailed() throws Exception {
        // the login's signed token, encrypted to a key that is not the API's
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.RSA_OAEP_256);
        jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
        jwe.setContentTypeHeaderValue("JWT");
        jwe.setPayload(accessToken("/login"));
        jwe.setKey(new RsaKeyUtil().fromPemEncoded(resource("/cookbook/keys/issuer-b-public.pem")));

        HttpResponse<String> response = get("/api/profile", jwe.getCompactSerialization());

        assertEquals(401, response.statusCode());
        assertEquals(refusal("DECRYPTION_FAILED"), json(response));
    }

    @Test
    void theComponentRefusesTheEncryptedTokenWithoutTheDecryptionKey() throws Exception {
        String token = accessToken("/login/encrypted");

        Exchange exchange = template.send("direct:validate-signed", e -> e.getMessage().setHeader(JwtConstants.JWT_TOKEN, token));

        JwtValidationException refusal = assertInstanceOf(JwtValidationException.class, exchange.getException());
        assertEquals(JwtFailure.MALFORMED, refusal.getReason());
    }

    @Test
    void theEncryptedLoginRefusesAWrongPassword() throws Exception {
        HttpResponse<String> response = postJson("/login/encrypted", Map.of("username", "alice", "password", "wrong"), null);

        assertEquals(401, response.statusCode());
        assertEquals(Map.of("error", "invalid_credentials"), json(response));
    }

    /** The API's private key (PKCS#8 PEM), as the API would load it. */
    private static PrivateKey privateKey() throws Exception {
        String pem = resource(API_PRIVATE_KEY).replaceAll("-----[A-Z ]+-----|\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private String accessToken(String login) throws Exception {
        HttpResponse<String> response = postJson(login, Map.of("username", "alice", "password", "alice-demo-password"), null);
        assertEquals(200, response.statusCode(), response::body);
        return (String) json(response).get("access_token");
    }
}
