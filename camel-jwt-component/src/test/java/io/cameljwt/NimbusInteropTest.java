package io.cameljwt;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens cross between the component and nimbus-jose-jwt in both directions, for every algorithm: nimbus signs and
 * jwt:validate reads, jwt:generate signs and nimbus verifies (with a verifier from nimbus' factory) and reads. The
 * tokens carry a kid, a typ other than JWT, a custom header, an audience list and claims of every JSON type.
 */
class NimbusInteropTest extends CamelTestSupport {

    private static final String KID = "interop-key";
    private static final String TYPE = "at+jwt";

    /** Claims of every JSON type: string, integer, decimal, boolean, array, object. */
    private static Map<String, Object> customClaims() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("city", "Bern");
        address.put("zip", 3000);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("tenant", "acme");
        claims.put("level", 3);
        claims.put("ratio", 0.75);
        claims.put("admin", true);
        claims.put("roles", List.of("reader", "writer"));
        claims.put("address", address);
        return claims;
    }

    static Stream<String> algorithms() {
        return TestKeys.ALGORITHMS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void tokenSignedByNimbusValidatesWithItsClaimsAndHeaders(String algorithm) throws Exception {
        Instant now = Instant.now();
        Instant expiry = now.plusSeconds(600);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("alice").issuer("https://issuer.example").audience(List.of("api", "web"))
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(expiry))
                .jwtID("id-4711");
        customClaims().forEach(claims::claim);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.parse(algorithm))
                .keyID(KID).type(new JOSEObjectType(TYPE)).customParam("x-trace", "trace-1").build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        jwt.sign(TestKeys.signer(algorithm, keys(algorithm)));

        addRoute("direct:validate", "jwt:validate?" + verificationKey(algorithm) + "&expectedType=RAW(" + TYPE + ")"
                                    + "&issuer=https://issuer.example&audience=web&requiredRoles=writer");
        Exchange exchange = template.request("direct:validate",
                e -> e.getMessage().setHeader("Authorization", "Bearer " + jwt.serialize()));
        assertNull(exchange.getException());
        Message message = exchange.getMessage();

        assertEquals(Boolean.TRUE, message.getHeader(JwtConstants.JWT_VERIFIED));
        assertEquals("alice", message.getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals("https://issuer.example", message.getHeader(JwtConstants.JWT_ISSUER));
        assertEquals("id-4711", message.getHeader(JwtConstants.JWT_ID));
        assertEquals(List.of("api", "web"), message.getHeader(JwtConstants.JWT_AUDIENCE));
        assertEquals(List.of("reader", "writer"), message.getHeader(JwtConstants.JWT_ROLES));
        assertEquals(Instant.ofEpochSecond(expiry.getEpochSecond()), message.getHeader(JwtConstants.JWT_EXPIRES_AT));

        Map<?, ?> read = message.getHeader(JwtConstants.JWT_CLAIMS, Map.class);
        assertEquals("acme", read.get("tenant"));
        assertEquals(3L, ((Number) read.get("level")).longValue());
        assertEquals(0.75, ((Number) read.get("ratio")).doubleValue());
        assertEquals(Boolean.TRUE, read.get("admin"));
        assertEquals(List.of("reader", "writer"), read.get("roles"));
        Map<?, ?> address = (Map<?, ?>) read.get("address");
        assertEquals("Bern", address.get("city"));
        assertEquals(3000L, ((Number) address.get("zip")).longValue());
        assertEquals(now.getEpochSecond(), ((Number) read.get("nbf")).longValue());

        Map<?, ?> joseHeader = message.getHeader(JwtConstants.JWT_HEADER, Map.class);
        assertEquals(algorithm, joseHeader.get("alg"));
        assertEquals(KID, joseHeader.get("kid"));
        assertEquals(TYPE, joseHeader.get("typ"));
        assertEquals("trace-1", joseHeader.get("x-trace"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void tokenFromGenerateVerifiesInNimbusWithItsClaimsAndHeaders(String algorithm) throws Exception {
        addRoute("direct:generate", "jwt:generate?" + signingKey(algorithm) + "&keyId=" + KID + "&type=RAW(" + TYPE + ")"
                                    + "&header.x-trace=trace-1&issuer=https://issuer.example&audience=api,web"
                                    + "&subject=alice&expiresIn=10m");
        long before = Instant.now().getEpochSecond();
        String token = template.requestBody("direct:generate", customClaims(), String.class);

        SignedJWT jwt = SignedJWT.parse(token);
        JWSHeader header = jwt.getHeader();
        assertTrue(jwt.verify(TestKeys.verifier(header, keys(algorithm))), "nimbus does not verify the token");
        assertEquals(JWSAlgorithm.parse(algorithm), header.getAlgorithm());
        assertEquals(KID, header.getKeyID());
        assertEquals(new JOSEObjectType(TYPE), header.getType());
        assertEquals("trace-1", header.getCustomParam("x-trace"));

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("alice", claims.getSubject());
        assertEquals("https://issuer.example", claims.getIssuer());
        assertEquals(List.of("api", "web"), claims.getAudience());
        assertNotNull(claims.getJWTID());
        long issuedAt = claims.getIssueTime().toInstant().getEpochSecond();
        assertTrue(issuedAt >= before && issuedAt <= Instant.now().getEpochSecond(), "iat is not the time of signing");
        assertEquals(issuedAt + 600, claims.getExpirationTime().toInstant().getEpochSecond());
        assertEquals("acme", claims.getStringClaim("tenant"));
        assertEquals(3, claims.getIntegerClaim("level"));
        assertEquals(0.75, claims.getDoubleClaim("ratio"));
        assertEquals(Boolean.TRUE, claims.getBooleanClaim("admin"));
        assertEquals(List.of("reader", "writer"), claims.getStringListClaim("roles"));
        Map<String, Object> address = claims.getJSONObjectClaim("address");
        assertEquals("Bern", address.get("city"));
        assertEquals(3000L, ((Number) address.get("zip")).longValue());
    }

    private void addRoute(String from, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
    }

    /** The keys nimbus uses: the secret, or the family's key pair (the same as the PEM files the endpoints read). */
    private static Object keys(String algorithm) {
        String family = TestKeys.family(algorithm);
        return family.equals("hmac") ? new SecretKeySpec(TestKeys.HMAC_SECRET, "HMAC") : TestKeys.keyPair(family);
    }

    private static String signingKey(String algorithm) {
        String family = TestKeys.family(algorithm);
        return family.equals("hmac") ? secret(algorithm)
                : "privateKey=classpath:keys/" + family + "-pkcs8.pem&algorithm=" + algorithm;
    }

    private static String verificationKey(String algorithm) {
        String family = TestKeys.family(algorithm);
        return family.equals("hmac") ? secret(algorithm)
                : "publicKey=classpath:keys/" + family + "-public.pem&algorithm=" + algorithm;
    }

    private static String secret(String algorithm) {
        return "secret=RAW(" + Base64.getEncoder().encodeToString(TestKeys.HMAC_SECRET)
               + ")&secretEncoding=base64&algorithm=" + algorithm;
    }
}
