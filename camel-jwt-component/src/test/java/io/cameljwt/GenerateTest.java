package io.cameljwt;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.cameljwt.Tokens.now;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jwt:generate} through real routes. Every token is checked with jose4j directly: its signature with the
 * secret, then its header and claims.
 */
class GenerateTest extends JwtRouteTestSupport {

    private static final String GEN = "jwt:generate?secret=" + Tokens.SECRET;

    /** A claims POJO, mapped by Jackson through its getters. */
    public static class Login {
        private final String sub;
        private final List<String> roles;

        Login(String sub, List<String> roles) {
            this.sub = sub;
            this.roles = roles;
        }

        public String getSub() {
            return sub;
        }

        public List<String> getRoles() {
            return roles;
        }
    }

    private String generate(String uri, Object body) {
        return generate(uri, body, Map.of()).getBody(String.class);
    }

    private Message generate(String uri, Object body, Map<String, Object> headers) {
        return accepted(send(uri, body, headers));
    }

    /** The verified JWS of a token this test's secret signed. */
    private static JsonWebSignature verified(String token) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        jws.setKey(Tokens.HMAC_KEY);
        assertTrue(jws.verifySignature(), "the token's signature does not verify with the secret");
        return jws;
    }

    private static Map<String, Object> claimsOf(String token) throws JoseException {
        return JsonUtil.parseJson(verified(token).getPayload());
    }

    private static Map<String, Object> headerOf(String token) throws JoseException {
        return JsonUtil.parseJson(verified(token).getHeaders().getFullHeaderAsJsonString());
    }

    // --- where the claims come from --------------------------------------------------------------------------------

    @Test
    void mapBodyBecomesTheClaims() throws Exception {
        Map<String, Object> claims = claimsOf(generate(GEN, Map.of("sub", "alice", "roles", List.of("admin"), "n", 7)));
        assertEquals("alice", claims.get("sub"));
        assertEquals(List.of("admin"), claims.get("roles"));
        assertEquals(7L, claims.get("n"));
    }

    @Test
    void jsonObjectTextBodyBecomesTheClaims() throws Exception {
        Map<String, Object> claims = claimsOf(generate(GEN, "  {\"sub\":\"alice\",\"tenant\":{\"id\":\"acme\"}}\n"));
        assertEquals("alice", claims.get("sub"));
        assertEquals(Map.of("id", "acme"), claims.get("tenant"));
    }

    @Test
    void jsonObjectBytesBodyBecomesTheClaims() throws Exception {
        Map<String, Object> claims = claimsOf(generate(GEN, "{\"sub\":\"alice\"}".getBytes()));
        assertEquals("alice", claims.get("sub"));
    }

    @Test
    void pojoBodyIsMappedByJackson() throws Exception {
        Map<String, Object> claims = claimsOf(generate(GEN, new Login("alice", List.of("user", "admin"))));
        assertEquals("alice", claims.get("sub"));
        assertEquals(List.of("user", "admin"), claims.get("roles"));
    }

    @Test
    void emptyBodyGivesTheUriClaimsOnly() throws Exception {
        Map<String, Object> claims = claimsOf(generate(GEN + "&subject=svc", null));
        assertEquals("svc", claims.get("sub"));
        assertNotNull(claims.get("exp"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "  \n" })
    @NullSource
    void camelJwtClaimsHeaderAloneGivesTheClaimsWhenTheBodyIsEmpty(String body) throws Exception {
        Message message = generate(GEN, body, Map.of(JwtConstants.JWT_CLAIMS, Map.of("sub", "header", "tenant", "acme")));
        Map<String, Object> claims = claimsOf(message.getBody(String.class));
        assertEquals("header", claims.get("sub"));
        assertEquals("acme", claims.get("tenant"));
    }

    @Test
    void camelJwtClaimsHeaderWinsOverTheBody() throws Exception {
        Message message = generate(GEN, Map.of("sub", "body", "tenant", "acme"),
                Map.of(JwtConstants.JWT_CLAIMS, Map.of("sub", "header", "extra", true)));
        Map<String, Object> claims = claimsOf(message.getBody(String.class));
        assertEquals("header", claims.get("sub"));
        assertEquals("acme", claims.get("tenant"));
        assertEquals(true, claims.get("extra"));
    }

    @Test
    void bodyWinsOverUriOptions() throws Exception {
        String uri = GEN + "&issuer=uri-iss&subject=uri-sub&claim.tenant=uri-tenant&audience=uri-aud";
        Map<String, Object> claims = claimsOf(generate(uri, Map.of("sub", "body-sub", "tenant", "body-tenant")));
        assertEquals("body-sub", claims.get("sub"));
        assertEquals("body-tenant", claims.get("tenant"));
        assertEquals("uri-iss", claims.get("iss"));
        assertEquals("uri-aud", claims.get("aud"));
    }

    @Test
    void bodyCanOverrideTheTimeClaims() throws Exception {
        long exp = now() + 42;
        Map<String, Object> claims = claimsOf(generate(GEN, Map.of("exp", exp)));
        assertEquals(exp, claims.get("exp"));
    }

    static Stream<Object> notClaimsObjects() {
        return Stream.of(42, "[1,2,3]", "[{\"sub\":\"a\"}]", "hello world", "\"just a string\"", "{not json",
                "{\"sub\":\"a\"} trailing text",
                List.of(Map.of("sub", "a")), true);
    }

    @ParameterizedTest
    @MethodSource("notClaimsObjects")
    void bodyThatIsNotAClaimsObjectRaisesInvalidPayloadException(Object body) {
        Exchange result = send(GEN, body, Map.of());
        assertInstanceOf(InvalidPayloadException.class, result.getException(), () -> "got " + result.getException());
    }

    @Test
    void timeClaimsThatAreNotNumericDatesRaiseInvalidPayloadException() {
        for (Object body : List.of(Map.of("exp", "never"), Map.of("nbf", true), "{\"iat\":\"yesterday\"}")) {
            Exchange result = send(GEN, body, Map.of());
            assertInstanceOf(InvalidPayloadException.class, result.getException(), () -> body + " gave " + result.getException());
        }
    }

    static Stream<Arguments> timeClaimsThatAreNotNumbers() {
        return Stream.of("exp", "nbf", "iat").flatMap(name -> Stream.of(
                Arguments.of(name, "null", null),
                Arguments.of(name, "text", "1767225600"),
                Arguments.of(name, "boolean", true),
                Arguments.of(name, "object", Map.of("seconds", 1767225600L)),
                Arguments.of(name, "array", List.of(1767225600L))));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("timeClaimsThatAreNotNumbers")
    void timeClaimThatIsNotANumberIsRefusedFromTheBodyTheJsonTextAndTheHeader(String name, String kind, Object value)
            throws Exception {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "x");
        claims.put(name, value);
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(claims);
        String uri = GEN + "&notBefore=1m"; // every time claim has a value from the URI that the message would replace
        for (Exchange result : List.of(send(uri, claims, Map.of()), send(uri, json, Map.of()),
                send(uri, null, Map.of(JwtConstants.JWT_CLAIMS, claims)))) {
            InvalidPayloadException e = assertInstanceOf(InvalidPayloadException.class, result.getException(),
                    () -> "got " + result.getException());
            assertTrue(causeMessages(e).contains("the claim " + name + " is not a NumericDate"), causeMessages(e));
        }
    }

    @Test
    void nullExpInTheBodyIsRefusedRatherThanIssuingATokenWithoutExpiry() {
        String body = "{\"sub\":\"x\",\"exp\":null}";
        Exchange result = send(GEN, body, Map.of());
        assertInstanceOf(InvalidPayloadException.class, result.getException(), () -> "got " + result.getException());
        assertEquals(body, result.getMessage().getBody(), "no token was written");
    }

    @Test
    void nullExpIsRefusedEvenWhereTokensWithoutExpiryAreAllowed() {
        Exchange result = send(GEN + "&expiresIn=0&allowNoExpiry=true", "{\"sub\":\"x\",\"exp\":null}", Map.of());
        assertInstanceOf(InvalidPayloadException.class, result.getException(), () -> "got " + result.getException());
    }

    @Test
    void fractionalTimeClaimIsANumericDateAndIsSignedAsGiven() throws Exception {
        // RFC 7519 section 2: a NumericDate may be non-integer
        double exp = now() + 60.5;
        assertEquals(exp, claimsOf(generate(GEN, "{\"exp\":" + exp + "}")).get("exp"));
    }

    static Stream<Object> bodiesWithADuplicateMemberName() {
        String json = "{\"sub\":\"x\",\"role\":\"user\",\"role\":\"admin\"}";
        return Stream.of(json, json.getBytes(StandardCharsets.UTF_8),
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "{\"sub\":\"x\",\"tenant\":{\"id\":\"a\",\"id\":\"b\"}}");
    }

    @ParameterizedTest
    @MethodSource("bodiesWithADuplicateMemberName")
    void jsonBodyWithADuplicateMemberNameIsRefusedRatherThanSignedWithOneOfThem(Object body) {
        Exchange result = send(GEN, body, Map.of());
        assertInstanceOf(InvalidPayloadException.class, result.getException(), () -> "got " + result.getException());
    }

    /** A POJO whose getter and any-getter both write {@code role}. */
    public static class TwoRoles {
        public String getRole() {
            return "user";
        }

        @com.fasterxml.jackson.annotation.JsonAnyGetter
        public Map<String, Object> getOthers() {
            return Map.of("role", "admin");
        }
    }

    @Test
    void pojoThatWritesAMemberNameTwiceIsRefused() {
        Exchange asBody = send(GEN, new TwoRoles(), Map.of());
        assertInstanceOf(InvalidPayloadException.class, asBody.getException(), () -> "got " + asBody.getException());
        Exchange asClaim = send(GEN, Map.of("sub", "x", "profile", new TwoRoles()), Map.of());
        assertInstanceOf(InvalidPayloadException.class, asClaim.getException(), () -> "got " + asClaim.getException());
    }

    @Test
    void claimsHeaderThatIsNotAnObjectRaisesInvalidPayloadException() {
        Exchange result = send(GEN, Map.of("sub", "a"), Map.of(JwtConstants.JWT_CLAIMS, List.of("x")));
        assertInstanceOf(InvalidPayloadException.class, result.getException(), () -> "got " + result.getException());
    }

    // --- claims and headers written by options ---------------------------------------------------------------------

    @Test
    void issuerAndSubjectOptionsAreWritten() throws Exception {
        Map<String, Object> claims = claimsOf(generate(GEN + "&issuer=https://idp.example&subject=svc-1", null));
        assertEquals("https://idp.example", claims.get("iss"));
        assertEquals("svc-1", claims.get("sub"));
    }

    @Test
    void oneAudienceIsAStringAndSeveralAreAnArray() throws Exception {
        assertEquals("api", claimsOf(generate(GEN + "&audience=api", null)).get("aud"));
        assertEquals(List.of("api", "web"), claimsOf(generate(GEN + "&audience=api, web", null)).get("aud"));
    }

    @Test
    void expiresInDefaultsToFifteenMinutes() throws Exception {
        Map<String, Object> claims = claimsOf(generate(GEN, null));
        assertEquals(15 * 60L, (Long) claims.get("exp") - (Long) claims.get("iat"));
    }

    @Test
    void expiresInSetsExp() throws Exception {
        Map<String, Object> claims = claimsOf(generate(GEN + "&expiresIn=2h", null));
        assertEquals(2 * 3600L, (Long) claims.get("exp") - (Long) claims.get("iat"));
        long exp = (Long) claimsOf(generate(GEN + "&expiresIn=90000", null)).get("exp");
        assertTrue(Math.abs(exp - (now() + 90)) <= 5, "exp " + exp);
    }

    @Test
    void noExpiryNeedsExpiresInZeroAndAllowNoExpiry() throws Exception {
        Map<String, Object> claims = claimsOf(generate(GEN + "&expiresIn=0&allowNoExpiry=true", null));
        assertFalse(claims.containsKey("exp"));
        assertTrue(claims.containsKey("iat"));

        Exception e = assertThrows(Exception.class, () -> routeTo(GEN + "&expiresIn=0"));
        assertTrue(causeMessages(e).contains("allowNoExpiry"), causeMessages(e));
    }

    @Test
    void allowNoExpiryAloneStillWritesTheDefaultExp() throws Exception {
        assertNotNull(claimsOf(generate(GEN + "&allowNoExpiry=true", null)).get("exp"));
    }

    @Test
    void notBeforeIsAnOffsetFromNow() throws Exception {
        Map<String, Object> claims = claimsOf(generate(GEN + "&notBefore=1m", null));
        assertEquals(60L, (Long) claims.get("nbf") - (Long) claims.get("iat"));
        assertFalse(claimsOf(generate(GEN, null)).containsKey("nbf"));
    }

    @Test
    void issuedAtAndJwtIdAreWrittenByDefault() throws Exception {
        Map<String, Object> first = claimsOf(generate(GEN, null));
        Map<String, Object> second = claimsOf(generate(GEN, null));
        long iat = (Long) first.get("iat");
        assertTrue(Math.abs(iat - now()) <= 5, "iat " + iat);
        assertInstanceOf(String.class, first.get("jti"));
        assertNotEquals(first.get("jti"), second.get("jti"));
    }

    @Test
    void issuedAtFalseAndJwtIdFalseLeaveThemOut() throws Exception {
        Map<String, Object> claims = claimsOf(generate(GEN + "&issuedAt=false&jwtId=false", null));
        assertFalse(claims.containsKey("iat"));
        assertFalse(claims.containsKey("jti"));
        assertTrue(claims.containsKey("exp"));
    }

    @Test
    void claimOptionsAddFixedClaims() throws Exception {
        Map<String, Object> claims = claimsOf(generate(GEN + "&claim.tenant=acme&claim.region=eu", Map.of("sub", "a")));
        assertEquals("acme", claims.get("tenant"));
        assertEquals("eu", claims.get("region"));
        assertEquals("a", claims.get("sub"));
    }

    @Test
    void typeDefaultsToJwtAndCanBeSet() throws Exception {
        assertEquals("JWT", headerOf(generate(GEN, null)).get("typ"));
        assertEquals("at+jwt", headerOf(generate(GEN + "&type=RAW(at+jwt)", null)).get("typ"));
    }

    @Test
    void typeWrittenWithAPlainPlusInTheUriStillMeansPlus() throws Exception {
        // a URI decodes + as a space, and a media type never holds a space
        assertEquals("at+jwt", headerOf(generate(GEN + "&type=at+jwt", null)).get("typ"));
    }

    @Test
    void headerOptionsAddJoseHeaderParameters() throws Exception {
        Map<String, Object> header = headerOf(generate(GEN + "&header.x-tenant=acme&header.x5t=thumbprint", null));
        assertEquals("acme", header.get("x-tenant"));
        assertEquals("thumbprint", header.get("x5t"));
        assertEquals("HS256", header.get("alg"));
    }

    @Test
    void keyIdIsTheKidHeader() throws Exception {
        assertEquals("key-2025", headerOf(generate(GEN + "&keyId=key-2025", null)).get("kid"));
        assertNull(headerOf(generate(GEN, null)).get("kid"));
    }

    @Test
    void rsaPrivateKeyMadeAtTestTimeSignsRs256() throws Exception {
        String uri = "jwt:generate?privateKey=RAW(" + Tokens.pemOneLine(Tokens.rsa().getPrivateKey()) + ")";
        String token = generate(uri, Map.of("sub", "alice"));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        jws.setKey(Tokens.rsa().getPublicKey());
        assertTrue(jws.verifySignature());
        assertEquals("RS256", jws.getAlgorithmHeaderValue());
    }

    // --- where the token goes --------------------------------------------------------------------------------------

    @Test
    void tokenReplacesTheBodyByDefault() throws Exception {
        String token = generate(GEN, Map.of("sub", "alice"));
        assertEquals(3, Tokens.parts(token).length);
        assertEquals("alice", claimsOf(token).get("sub"));
    }

    @Test
    void outputHeaderTakesTheTokenAndLeavesTheBody() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("sub", "alice"));
        Message message = generate(GEN + "&outputHeader=X-Token", body, Map.of());
        assertSame(body, message.getBody());
        assertEquals("alice", claimsOf(message.getHeader("X-Token", String.class)).get("sub"));
    }

    @Test
    void outputHeaderAuthorizationGetsBearerInFront() throws Exception {
        String body = "{\"sub\":\"alice\"}";
        Message message = generate(GEN + "&outputHeader=Authorization", body, Map.of());
        assertSame(body, message.getBody());
        String value = message.getHeader("Authorization", String.class);
        assertTrue(value.startsWith("Bearer "), value);
        assertEquals("alice", claimsOf(value.substring("Bearer ".length())).get("sub"));
    }

    @Test
    void generatedTokenValidatesInTheNextStep() throws Exception {
        String token = generate(GEN + "&issuer=me&audience=api", Map.of("sub", "alice", "roles", List.of("admin")));
        Message message = accepted(sendToken("jwt:validate?secret=" + Tokens.SECRET
                                             + "&issuer=me&audience=api&requiredRoles=admin",
                token));
        assertEquals("alice", message.getHeader(JwtConstants.JWT_SUBJECT));
    }

    private static String causeMessages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append(" | ");
        }
        return text.toString();
    }
}
