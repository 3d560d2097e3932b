package io.cameljwt;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

import static io.cameljwt.Tokens.now;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gateway validates (or decodes) an upstream token, then generates its own: what validate or decode left on the
 * message (the upstream claims in {@code CamelJwtClaims}, the caller's request body, decode's claims body) never
 * becomes the new token's claims unless the route chose it. The first three tests are the review's reproductions.
 */
class GatewayResigningTest extends JwtRouteTestSupport {

    private static final String UPSTREAM_SECRET = "upstream-secret-upstream-secret-!";
    private static final String VALIDATE = "jwt:validate?secret=" + UPSTREAM_SECRET
                                           + "&issuer=https://idp.upstream.example&audience=gateway";
    private static final String GENERATE = "jwt:generate?secret=" + Tokens.SECRET
                                           + "&issuer=https://gateway.example&audience=backend&expiresIn=5m"
                                           + "&outputHeader=X-Backend-Token";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                // the naive gateway: the body is the request as it came
                from("direct:naive").to(VALIDATE).to(GENERATE).to(MOCK);
                from("direct:decode").to("jwt:decode").to(GENERATE).to(MOCK);
                from("direct:decode-json").to("jwt:decode?outputFormat=json").to(GENERATE).to(MOCK);
                from("direct:decode-new-body").to("jwt:decode").setBody(constant(null)).to(GENERATE).to(MOCK);
                // a transformation: decode, change the claims, re-sign (a copy, so the route chose what is signed)
                from("direct:decode-copy-change").to("jwt:decode")
                        .setBody(e -> new LinkedHashMap<>(e.getMessage().getBody(Map.class)))
                        .process(e -> {
                            Map<String, Object> claims = e.getMessage().getBody(Map.class);
                            claims.put("sub", "alice@gateway");
                            claims.remove("roles");
                        })
                        .to(GENERATE).to(MOCK);
                from("direct:decode-change-in-place").to("jwt:decode")
                        .process(e -> e.getMessage().getBody(Map.class).put("act", "gateway"))
                        .to(GENERATE).to(MOCK);
                from("direct:pick").to(VALIDATE)
                        .process(e -> {
                            Message m = e.getMessage();
                            Map<String, Object> claims = new LinkedHashMap<>();
                            claims.put("sub", m.getHeader(JwtConstants.JWT_SUBJECT));
                            claims.put("roles", m.getHeader(JwtConstants.JWT_ROLES));
                            m.setBody(claims);
                        })
                        .to(GENERATE).to(MOCK);
                // the route sets CamelJwtClaims itself after validate, relying on "the header wins"
                from("direct:route-header").to(VALIDATE)
                        .process(e -> {
                            Message m = e.getMessage();
                            Map<String, Object> claims = new LinkedHashMap<>();
                            claims.put("sub", m.getHeader(JwtConstants.JWT_SUBJECT));
                            claims.put("roles", m.getHeader(JwtConstants.JWT_ROLES));
                            m.setHeader(JwtConstants.JWT_CLAIMS, claims);
                        })
                        .to(GENERATE).to(MOCK);
                from("direct:whole-body").to(VALIDATE).setBody(header(JwtConstants.JWT_CLAIMS)).to(GENERATE).to(MOCK);
                from("direct:same-header-again").to(VALIDATE)
                        .setHeader(JwtConstants.JWT_CLAIMS, header(JwtConstants.JWT_CLAIMS))
                        .removeHeader(JwtConstants.JWT_VERIFIED)
                        .to(GENERATE).to(MOCK);
                // a login route: no validate, the claims header is the route's
                from("direct:login").to(GENERATE).to(MOCK);
            }
        };
    }

    /** A day-long token from the upstream identity provider, signed with {@code secret}. */
    private static String upstreamToken(String secret) {
        Map<String, Object> claims = Tokens.claims("iss", "https://idp.upstream.example", "aud", "gateway",
                "sub", "alice", "roles", List.of("user"), "tenant", "acme", "iat", now(), "exp", now() + 86400);
        return Tokens.sign(Tokens.json(Tokens.header("HS256")), Tokens.json(claims), "HS256",
                new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static String upstreamToken() {
        return upstreamToken(UPSTREAM_SECRET);
    }

    /** The claims of the token the gateway issued, which must verify with the gateway's secret. */
    private static Map<String, Object> downstreamClaims(Exchange result) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(accepted(result).getHeader("X-Backend-Token", String.class));
        jws.setKey(Tokens.HMAC_KEY);
        assertTrue(jws.verifySignature(), "the token is not signed with the gateway's key");
        return JsonUtil.parseJson(jws.getPayload());
    }

    private Exchange sendWithToken(String route, String token, Object body) {
        return template.send(route, e -> {
            e.getMessage().setHeader("Authorization", "Bearer " + token);
            e.getMessage().setBody(body);
        });
    }

    private Map<String, Object> throughRoute(String route) throws Exception {
        return downstreamClaims(sendWithToken(route, upstreamToken(), null));
    }

    /** generate refused the body validate or decode left, loudly, saying how to go on, and issued no token. */
    private static void assertBodyRefused(Exchange result) {
        InvalidPayloadException e = assertInstanceOf(InvalidPayloadException.class, result.getException(),
                () -> "expected the body to be refused, got " + result.getException());
        assertTrue(e.getMessage().contains("left on the message"), e::getMessage);
        assertTrue(e.getMessage().contains("set the body to the claims to sign"), e::getMessage);
        assertNull(result.getMessage().getHeader("X-Backend-Token"));
    }

    private static void assertGatewayIssued(Map<String, Object> claims) {
        assertEquals("https://gateway.example", claims.get("iss"));
        assertEquals("backend", claims.get("aud"));
        assertEquals(300L, (Long) claims.get("exp") - (Long) claims.get("iat"));
    }

    @Test
    void decodeThenGenerateDoesNotReSignTheUnverifiedUpstreamClaims() {
        // signed with a key nobody checks: decode does not verify
        String forged = upstreamToken("attacker-secret-attacker-secret-!!");
        assertBodyRefused(sendWithToken("direct:decode", forged, null));
        assertBodyRefused(sendWithToken("direct:decode-json", forged, null));
    }

    @Test
    void naiveGatewayDoesNotSignTheCallersRequestBody() {
        String body = "{\"sub\":\"root\",\"roles\":[\"admin\"],\"iss\":\"https://gateway.example\",\"exp\":9999999999}";
        assertBodyRefused(sendWithToken("direct:naive", upstreamToken(), body));
        // as bytes, or a request that is not JSON at all: refused the same way
        assertBodyRefused(sendWithToken("direct:naive", upstreamToken(), body.getBytes(StandardCharsets.UTF_8)));
        assertBodyRefused(sendWithToken("direct:naive", upstreamToken(), "<order id=\"1\"/>"));
    }

    @Test
    void claimsHeaderTheRouteSetsAfterValidateStillWinsOverTheCallersBody() throws Exception {
        // the caller's body is never signed: refused, not merged under the route's header
        assertBodyRefused(sendWithToken("direct:route-header", upstreamToken(), "{\"sub\":\"root\",\"roles\":[\"admin\"]}"));
        // without a body, the route's header is read although CamelJwtVerified is on the message
        Map<String, Object> claims = throughRoute("direct:route-header");
        assertGatewayIssued(claims);
        assertEquals("alice", claims.get("sub"));
        assertEquals(List.of("user"), claims.get("roles"));
        assertFalse(claims.containsKey("tenant"), claims::toString);
    }

    @Test
    void naiveGatewayWithoutBodyIssuesATokenWithItsOwnIssuerAudienceAndLifetimeOnly() throws Exception {
        Map<String, Object> claims = throughRoute("direct:naive");
        assertGatewayIssued(claims);
        // nothing of the upstream token carries over silently: not its subject, not its roles
        assertFalse(claims.containsKey("sub"), claims::toString);
        assertFalse(claims.containsKey("roles"), claims::toString);
        assertFalse(claims.containsKey("tenant"), claims::toString);
    }

    @Test
    void anEmptyRequestBodyThatValidateLeftHoldsNoClaimAndIsNotRefused() throws Exception {
        for (Object empty : new Object[] { "", " \n", new byte[0], "{}", Map.of() }) {
            Map<String, Object> claims = downstreamClaims(sendWithToken("direct:naive", upstreamToken(), empty));
            assertGatewayIssued(claims);
            assertFalse(claims.containsKey("sub"), claims::toString);
        }
    }

    @Test
    void claimsHeaderThatDecodeWroteIsNotReadByGenerate() throws Exception {
        Map<String, Object> claims = throughRoute("direct:decode-new-body");
        assertGatewayIssued(claims);
        assertFalse(claims.containsKey("sub"), claims::toString);
    }

    @Test
    void decodeThenACopyOfTheClaimsChangedByTheRouteIsReSigned() throws Exception {
        Map<String, Object> claims = throughRoute("direct:decode-copy-change");
        assertEquals("alice@gateway", claims.get("sub"));
        assertEquals("acme", claims.get("tenant"));
        assertFalse(claims.containsKey("roles"), claims::toString);
        // the copy is the message's claims, which win over the URI's: the route chose them, upstream times included
        assertEquals("https://idp.upstream.example", claims.get("iss"));
    }

    @Test
    void decodesClaimsChangedInPlaceAreStillWhatDecodeLeftAndAreRefused() {
        assertBodyRefused(sendWithToken("direct:decode-change-in-place", upstreamToken(), null));
    }

    @Test
    void routeThatPicksClaimsFromTheCheckedHeadersCarriesOnlyThose() throws Exception {
        Map<String, Object> claims = throughRoute("direct:pick");
        assertGatewayIssued(claims);
        assertEquals("alice", claims.get("sub"));
        assertEquals(List.of("user"), claims.get("roles"));
        assertFalse(claims.containsKey("tenant"), claims::toString);
    }

    @Test
    void routeThatPutsTheWholeClaimsMapInTheBodyCarriesEverythingOverAsTheMessageWins() throws Exception {
        // validate's claims map is not the body validate left (the request): the route chose it, so it is read
        Map<String, Object> claims = downstreamClaims(sendWithToken("direct:whole-body", upstreamToken(), "{\"sub\":\"root\"}"));
        // on purpose, and as documented: the message's claims win over the URI's, upstream exp included
        assertEquals("alice", claims.get("sub"));
        assertEquals("https://idp.upstream.example", claims.get("iss"));
        assertEquals("gateway", claims.get("aud"));
        assertEquals("acme", claims.get("tenant"));
        assertTrue((Long) claims.get("exp") > now() + 3600);
    }

    @Test
    void validatesClaimsMapSetAgainAsTheHeaderIsStillNotReadAndCamelJwtVerifiedPlaysNoPart() throws Exception {
        Map<String, Object> claims = throughRoute("direct:same-header-again");
        assertGatewayIssued(claims);
        assertFalse(claims.containsKey("sub"), claims::toString);
    }

    @Test
    void aForgedCamelJwtVerifiedHeaderDoesNotDisableTheClaimsHeaderOfALoginRoute() throws Exception {
        Exchange result = template.send("direct:login", e -> {
            e.getMessage().setHeader(JwtConstants.JWT_CLAIMS, Map.of("sub", "bob", "roles", List.of("user")));
            e.getMessage().setHeader(JwtConstants.JWT_VERIFIED, true); // sent by a caller, or left by a step
        });
        Map<String, Object> claims = downstreamClaims(result);
        assertGatewayIssued(claims);
        assertEquals("bob", claims.get("sub"));
        assertEquals(List.of("user"), claims.get("roles"));
    }
}
