package io.cameljwt.examples.cookbook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.cameljwt.JwtConstants;
import io.cameljwt.examples.cookbook.transform.TokenTranslationRoute;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.RsaKeyUtil;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cookbook use 11: {@link TokenTranslationRoute} turns issuer A's HS256 token into issuer B's RS256 token over real
 * HTTP. A's tokens are made here with jose4j, as the partner's own system would; B's are checked with jose4j and with
 * the component, as B's relying parties would.
 */
class TokenTranslationBetweenIssuersTest extends IdentityCookbookTestSupport {

    private static final String ISSUER_A = "https://partner-a.example";
    private static final String ISSUER_B = "https://gateway.example";
    // DEMO ONLY: a real shared secret comes from a vault; 32 bytes for HS256, with a '+' that RAW() keeps
    private static final String SECRET_A = "partner-a+demo-only-shared-secret-0123456789";

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("translate.issuerA", ISSUER_A);
        properties.setProperty("translate.issuerA.secret", SECRET_A);
        properties.setProperty("translate.issuerA.audience", "gateway");
        properties.setProperty("translate.issuerB", ISSUER_B);
        properties.setProperty("translate.issuerB.privateKey", "classpath:cookbook/keys/issuer-b-private.pem");
        properties.setProperty("translate.issuerB.keyId", "gateway-2026");
        properties.setProperty("translate.issuerB.audience", "orders-backend");
        return properties;
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addRoutesBuilder(new TokenTranslationRoute());
        // a relying party of issuer B, with B's public key only
        configuration.addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:backend").to("jwt:validate?publicKey=classpath:cookbook/keys/issuer-b-public.pem"
                                          + "&issuer=" + ISSUER_B + "&audience=orders-backend&algorithm=RS256");
            }
        });
    }

    @Test
    void issuerAsTokenBecomesIssuerBsRs256TokenWithTheTranslatedClaims() throws Exception {
        String tokenA = tokenOfA(ISSUER_A, SECRET_A, AlgorithmIdentifiers.HMAC_SHA256);

        HttpResponse<String> response = translate(tokenA);

        assertEquals(200, response.statusCode());
        Map<?, ?> answer = json(response);
        assertEquals("urn:ietf:params:oauth:token-type:jwt", answer.get("issued_token_type"));
        assertEquals(300, answer.get("expires_in"));
        JwtContext tokenB = verifyAsRelyingPartyOfB((String) answer.get("access_token"));
        JwtClaims claims = tokenB.getJwtClaims();
        assertEquals("RS256", tokenB.getJoseObjects().get(0).getAlgorithmHeaderValue());
        assertEquals("gateway-2026", tokenB.getJoseObjects().get(0).getKeyIdHeaderValue());
        assertEquals(ISSUER_B, claims.getIssuer());
        assertEquals(List.of("orders-backend"), claims.getAudience());
        assertEquals("partner-a:alice", claims.getSubject());
        assertEquals(List.of("buyer", "approver"), claims.getStringListClaimValue("roles"));
        assertEquals("emea", claims.getStringClaimValue("region"));
        assertNull(claims.getClaimValue("groups"));
        // B's lifetime and id, not A's
        assertEquals(300, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
        assertNotEquals("a-token-1", claims.getJwtId());
    }

    @Test
    void theComponentValidatesTheTranslatedTokenWithIssuerBsPublicKey() throws Exception {
        String tokenB = (String) json(translate(tokenOfA(ISSUER_A, SECRET_A, AlgorithmIdentifiers.HMAC_SHA256)))
                .get("access_token");

        Exchange exchange = template.send("direct:backend", e -> e.getMessage().setHeader(JwtConstants.JWT_TOKEN, tokenB));

        assertNull(exchange.getException());
        assertEquals("partner-a:alice", exchange.getMessage().getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals(List.of("buyer", "approver"), exchange.getMessage().getHeader(JwtConstants.JWT_ROLES));
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefusedAndNothingIsIssued() throws Exception {
        HttpResponse<String> response = translate(tokenOfA(ISSUER_A, "another-secret-of-at-least-32-bytes!!",
                AlgorithmIdentifiers.HMAC_SHA256));

        assertEquals(401, response.statusCode());
        assertEquals(refusal("SIGNATURE_INVALID"), json(response));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedAsIssuerMismatch() throws Exception {
        HttpResponse<String> response = translate(tokenOfA("https://partner-c.example", SECRET_A,
                AlgorithmIdentifiers.HMAC_SHA256));

        assertEquals(401, response.statusCode());
        assertEquals(refusal("ISSUER_MISMATCH"), json(response));
    }

    @Test
    void aTokenOfAWithAnotherHmacAlgorithmIsRefusedAsAlgorithmNotAllowed() throws Exception {
        HttpResponse<String> response = translate(tokenOfA(ISSUER_A, SECRET_A + "-longer-for-hs512-0123456789abcdef",
                AlgorithmIdentifiers.HMAC_SHA512));

        assertEquals(401, response.statusCode());
        assertEquals(refusal("ALGORITHM_NOT_ALLOWED"), json(response));
    }

    @Test
    void aRequestWithoutATokenIsRefusedAsTokenMissing() throws Exception {
        HttpResponse<String> response = postJson("/token/translate", Map.of(), null);

        assertEquals(401, response.statusCode());
        assertEquals(refusal("TOKEN_MISSING"), json(response));
    }

    private HttpResponse<String> translate(String tokenA) throws Exception {
        return postJson("/token/translate", Map.of(), tokenA);
    }

    /** A token as partner A's system makes it: HMAC with the shared secret. */
    private static String tokenOfA(String issuer, String secret, String algorithm) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience("gateway");
        claims.setSubject("alice");
        claims.setJwtId("a-token-1");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setStringListClaim("groups", "buyer", "approver");
        claims.setClaim("region", "emea");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }

    private static JwtContext verifyAsRelyingPartyOfB(String token) throws Exception {
        JwtContext context = new JwtConsumerBuilder()
                .setVerificationKey(new RsaKeyUtil().fromPemEncoded(resource("/cookbook/keys/issuer-b-public.pem")))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                .setExpectedIssuer(ISSUER_B)
                .setExpectedAudience("orders-backend")
                .setRequireExpirationTime()
                .build()
                .process(token);
        assertTrue(context.getJwtClaims().getExpirationTime().isAfter(NumericDate.now()));
        return context;
    }
}
