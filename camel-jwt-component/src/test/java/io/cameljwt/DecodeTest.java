package io.cameljwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.cameljwt.Tokens.claims;
import static io.cameljwt.Tokens.hs256;
import static io.cameljwt.Tokens.json;
import static io.cameljwt.Tokens.now;
import static io.cameljwt.Tokens.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@code jwt:decode} through real routes: the token's claims without any check, marked as not verified.
 */
class DecodeTest extends JwtRouteTestSupport {

    private static final String DECODE = "jwt:decode";

    @Test
    void bodyBecomesTheClaimsAsAMap() {
        Message message = accepted(send(DECODE, hs256(validClaims("roles", List.of("admin"), "n", 5)), Map.of()));
        Map<?, ?> body = assertInstanceOf(Map.class, message.getBody());
        assertEquals("alice", body.get("sub"));
        assertEquals(List.of("admin"), body.get("roles"));
        assertEquals(5L, body.get("n"));
    }

    @Test
    void outputFormatJsonGivesThePayloadText() throws Exception {
        Map<String, Object> claims = validClaims("tenant", "acme");
        Message message = accepted(send(DECODE + "?outputFormat=json", hs256(claims), Map.of()));
        String body = assertInstanceOf(String.class, message.getBody());
        assertEquals(json(claims), body);
        assertEquals("acme", JsonUtil.parseJson(body).get("tenant"));
    }

    @Test
    void decodedTokenIsMarkedNotVerifiedAndHasTheIdentityHeaders() {
        long exp = now() + 300;
        String token = hs256(claims("sub", "alice", "iss", "idp", "jti", "j1", "aud", "api", "roles", "admin",
                "exp", exp));
        Message message = accepted(send(DECODE, null, Map.of(JwtConstants.JWT_TOKEN, token,
                JwtConstants.JWT_VERIFIED, true)));
        assertEquals(Boolean.FALSE, assertInstanceOf(Boolean.class, message.getHeader(JwtConstants.JWT_VERIFIED)));
        assertEquals("alice", message.getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals("idp", message.getHeader(JwtConstants.JWT_ISSUER));
        assertEquals("j1", message.getHeader(JwtConstants.JWT_ID));
        assertEquals(List.of("api"), message.getHeader(JwtConstants.JWT_AUDIENCE));
        assertEquals(List.of("admin"), message.getHeader(JwtConstants.JWT_ROLES));
        assertEquals(Instant.ofEpochSecond(exp), message.getHeader(JwtConstants.JWT_EXPIRES_AT));
        assertEquals("HS256", ((Map<?, ?>) message.getHeader(JwtConstants.JWT_HEADER)).get("alg"));
        assertEquals("alice", ((Map<?, ?>) message.getHeader(JwtConstants.JWT_CLAIMS)).get("sub"));
    }

    @Test
    void aRouteChangingTheMapsOfOneDecodedMessageDoesNotChangeTheNextOne() {
        String token = hs256(validClaims());
        Message first = accepted(send(DECODE, token, Map.of()));
        first.getHeader(JwtConstants.JWT_HEADER, Map.class).put("alg", "none");
        first.getHeader(JwtConstants.JWT_CLAIMS, Map.class).put("sub", "mallory");
        first.getBody(Map.class).put("sub", "mallory");
        for (String next : List.of(token, hs256(validClaims("jti", "another")))) {
            Message message = accepted(send(DECODE, next, Map.of()));
            assertEquals(Map.of("alg", "HS256", "typ", "JWT"), message.getHeader(JwtConstants.JWT_HEADER));
            assertEquals("alice", message.getHeader(JwtConstants.JWT_CLAIMS, Map.class).get("sub"));
            assertEquals("alice", message.getBody(Map.class).get("sub"));
        }
    }

    @Test
    void decodeNeedsNoKeyAndChecksNothing() {
        // signed by a key nobody configured, expired an hour ago, with a foreign issuer: decode unpacks it anyway
        String token = Tokens.sign(json(Tokens.header("HS256")), json(validClaims("exp", now() - 3600, "iss", "x")),
                "HS256", Tokens.OTHER_HMAC_KEY);
        Message message = accepted(send(DECODE + "?issuer=me", token, Map.of()));
        assertEquals("alice", ((Map<?, ?>) message.getBody()).get("sub"));
        assertEquals(Boolean.FALSE, message.getHeader(JwtConstants.JWT_VERIFIED));
    }

    @Test
    void unsignedTokenDecodesButIsNeverMarkedVerified() {
        String token = Tokens.unsigned("{\"alg\":\"none\"}", json(validClaims()), "");
        Message message = accepted(send(DECODE, token, Map.of()));
        assertEquals("alice", ((Map<?, ?>) message.getBody()).get("sub"));
        assertEquals(Boolean.FALSE, message.getHeader(JwtConstants.JWT_VERIFIED));
    }

    @Test
    void tokenIsFoundLikeValidateFindsIt() {
        Message fromHeader = accepted(send(DECODE, "body text", Map.of(
                JwtConstants.JWT_TOKEN, hs256(validClaims("sub", "first")),
                "Authorization", "Bearer " + hs256(validClaims("sub", "second")))));
        assertEquals("first", fromHeader.getHeader(JwtConstants.JWT_SUBJECT));

        Message fromAuthorization = accepted(send(DECODE, "body text",
                Map.of("Authorization", "bearer " + hs256(validClaims("sub", "second")))));
        assertEquals("second", fromAuthorization.getHeader(JwtConstants.JWT_SUBJECT));

        Message fromCustom = accepted(send(DECODE + "?tokenHeader=X-Jwt", null,
                Map.of("X-Jwt", hs256(validClaims("sub", "third")))));
        assertEquals("third", fromCustom.getHeader(JwtConstants.JWT_SUBJECT));
    }

    @ParameterizedTest
    @ValueSource(strings = { "hello world", "not-a-jwt", "a.b", "not.a.jwt", "{\"sub\":\"alice\"}", "e30.e30.e30.e30",
            "e30.W10.", "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.", "....", "a.b.c.d.e" })
    void textThatIsNotAJwtIsRefusedAsMalformed(String text) {
        Exchange result = send(DECODE, text, Map.of());
        refused(result, JwtFailure.MALFORMED, text);
    }

    @Test
    void noTokenAtAllIsRefusedAsTokenMissing() {
        refused(send(DECODE, null, Map.of()), JwtFailure.TOKEN_MISSING, null);
        refused(send(DECODE, "   ", Map.of()), JwtFailure.TOKEN_MISSING, null);
    }

    @Test
    void decodeRespectsMaxTokenLength() {
        String token = hs256(validClaims());
        refused(send(DECODE + "?maxTokenLength=50", token, Map.of()), JwtFailure.TOO_LARGE, token);
    }

    @Test
    void failedDecodeLeavesNoForgedIdentityHeaders() {
        Exchange result = send(DECODE, "not-a-jwt", Map.of(JwtConstants.JWT_SUBJECT, "admin"));
        refused(result, JwtFailure.MALFORMED, null);
        assertNull(result.getMessage().getHeader(JwtConstants.JWT_SUBJECT));
    }
}
