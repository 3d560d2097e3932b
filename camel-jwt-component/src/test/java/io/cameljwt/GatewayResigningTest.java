package io.cameljwt;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

import static io.cameljwt.Tokens.now;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gateway validates an upstream token, then generates its own: what validate (or decode) wrote about the upstream
 * token never becomes the new token's claims unless the route copies them on purpose.
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
                from("direct:naive").to(VALIDATE).to(GENERATE).to(MOCK);
                // decode's body is the claims it read: a route that generates after it sets the body first
                from("direct:decode-new-body").to("jwt:decode").setBody(constant(null)).to(GENERATE).to(MOCK);
                from("direct:pick").to(VALIDATE)
                        .process(e -> {
                            Message m = e.getMessage();
                            Map<String, Object> claims = new LinkedHashMap<>();
                            claims.put("sub", m.getHeader(JwtConstants.JWT_SUBJECT));
                            claims.put("roles", m.getHeader(JwtConstants.JWT_ROLES));
                            m.setBody(claims);
                        })
                        .to(GENERATE).to(MOCK);
                from("direct:whole-body").to(VALIDATE).setBody(header(JwtConstants.JWT_CLAIMS)).to(GENERATE).to(MOCK);
                from("direct:unmarked").to(VALIDATE).removeHeader(JwtConstants.JWT_VERIFIED).to(GENERATE).to(MOCK);
            }
        };
    }

    /** A day-long token from the upstream identity provider, for the gateway. */
    private static String upstreamToken() {
        Map<String, Object> claims = Tokens.claims("iss", "https://idp.upstream.example", "aud", "gateway",
                "sub", "alice", "roles", List.of("admin"), "tenant", "acme", "iat", now(), "exp", now() + 86400);
        return Tokens.sign(Tokens.json(Tokens.header("HS256")), Tokens.json(claims), "HS256",
                new HmacKey(UPSTREAM_SECRET.getBytes(StandardCharsets.UTF_8)));
    }

    /** The claims of the token the gateway issued, which must verify with the gateway's secret. */
    private static Map<String, Object> downstreamClaims(Message message) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(message.getHeader("X-Backend-Token", String.class));
        jws.setKey(Tokens.HMAC_KEY);
        assertTrue(jws.verifySignature(), "the token is not signed with the gateway's key");
        return JsonUtil.parseJson(jws.getPayload());
    }

    private Map<String, Object> throughRoute(String route) throws Exception {
        Exchange result = template.send(route, e -> e.getMessage().setHeader("Authorization", "Bearer " + upstreamToken()));
        return downstreamClaims(accepted(result));
    }

    private static void assertGatewayIssued(Map<String, Object> claims) {
        assertEquals("https://gateway.example", claims.get("iss"));
        assertEquals("backend", claims.get("aud"));
        assertEquals(300L, (Long) claims.get("exp") - (Long) claims.get("iat"));
    }

    @Test
    void naiveGatewayIssuesATokenWithItsOwnIssuerAudienceAndLifetime() throws Exception {
        Map<String, Object> claims = throughRoute("direct:naive");
        assertGatewayIssued(claims);
        // nothing of the upstream token carries over silently: not its subject, not its roles
        assertFalse(claims.containsKey("sub"), claims::toString);
        assertFalse(claims.containsKey("roles"), claims::toString);
        assertFalse(claims.containsKey("tenant"), claims::toString);
    }

    @Test
    void claimsHeaderThatDecodeWroteIsNotReadByGenerate() throws Exception {
        Map<String, Object> claims = throughRoute("direct:decode-new-body");
        assertGatewayIssued(claims);
        assertFalse(claims.containsKey("sub"), claims::toString);
    }

    @Test
    void routeThatPicksClaimsFromTheCheckedHeadersCarriesOnlyThose() throws Exception {
        Map<String, Object> claims = throughRoute("direct:pick");
        assertGatewayIssued(claims);
        assertEquals("alice", claims.get("sub"));
        assertEquals(List.of("admin"), claims.get("roles"));
        assertFalse(claims.containsKey("tenant"), claims::toString);
    }

    @Test
    void routeThatPutsTheWholeClaimsMapInTheBodyCarriesEverythingOverAsTheMessageWins() throws Exception {
        Map<String, Object> claims = throughRoute("direct:whole-body");
        // on purpose, and as documented: the message's claims win over the URI's, upstream exp included
        assertEquals("https://idp.upstream.example", claims.get("iss"));
        assertEquals("gateway", claims.get("aud"));
        assertEquals("acme", claims.get("tenant"));
        assertTrue((Long) claims.get("exp") > now() + 3600);
    }

    @Test
    void routeThatRemovesCamelJwtVerifiedHasCamelJwtClaimsReadAgain() throws Exception {
        Map<String, Object> claims = throughRoute("direct:unmarked");
        assertEquals("alice", claims.get("sub"));
        assertEquals("https://idp.upstream.example", claims.get("iss"));
    }
}
