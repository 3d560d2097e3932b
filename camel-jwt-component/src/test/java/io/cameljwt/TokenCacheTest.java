package io.cameljwt;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.junit.jupiter.api.Test;

import static io.cameljwt.Tokens.claims;
import static io.cameljwt.Tokens.hs256;
import static io.cameljwt.Tokens.now;
import static io.cameljwt.Tokens.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verified-token cache of validate ({@code tokenCacheSize}): a token seen again skips its parse and signature
 * check, never the checks that depend on the time, the claims policy or revocation; it is the endpoint's own, and it
 * forgets what older keys verified.
 */
class TokenCacheTest extends JwtRouteTestSupport {

    private static final String VALIDATE = "jwt:validate?secret=" + Tokens.SECRET;

    @Test
    void aTokenSeenAgainIsFoundInTheCacheAndAcceptedWithTheSameResults() {
        String token = hs256(validClaims("iss", "https://login.example.com", "aud", List.of("api"),
                "roles", List.of("admin")));
        String uri = VALIDATE + "&rolesClaim=roles";
        Message first = accepted(sendToken(uri, token));
        Message second = accepted(sendToken(uri, token));
        Message third = accepted(sendToken(uri, token));
        assertEquals(1, misses(uri));
        assertEquals(2, hits(uri));
        for (String header : List.of(JwtConstants.JWT_CLAIMS, JwtConstants.JWT_HEADER, JwtConstants.JWT_SUBJECT,
                JwtConstants.JWT_ISSUER, JwtConstants.JWT_AUDIENCE, JwtConstants.JWT_ROLES, JwtConstants.JWT_EXPIRES_AT,
                JwtConstants.JWT_VERIFIED, JwtConstants.JWT_VALID)) {
            assertEquals(first.getHeader(header), second.getHeader(header), header);
            assertEquals(first.getHeader(header), third.getHeader(header), header);
        }
    }

    @Test
    void withTokenCacheSizeZeroEveryTokenIsVerifiedAndNothingIsCounted() {
        String token = hs256(validClaims());
        String uri = VALIDATE + "&tokenCacheSize=0";
        accepted(sendToken(uri, token));
        accepted(sendToken(uri, token));
        assertEquals(0, hits(uri));
        assertEquals(0, misses(uri));
    }

    @Test
    void aCachedTokenThatHasExpiredSinceIsRefusedAsExpired() throws Exception {
        String token = hs256(claims("sub", "alice", "exp", now() + 2));
        String uri = VALIDATE + "&clockSkew=0";
        accepted(sendToken(uri, token));
        // the token expires within three seconds; the cached one must then be refused like any other
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sendToken(uri, token).getException() == null) {
            assertTrue(System.nanoTime() < deadline, "the token was still accepted 10s after it expired");
            Thread.sleep(100);
        }
        refused(sendToken(uri, token), JwtFailure.EXPIRED, token);
        assertEquals(1, misses(uri), "every later message found the token in the cache");
        assertTrue(hits(uri) >= 2);
    }

    @Test
    void aCachedTokenRevokedSinceIsRefusedAsRevoked() {
        context.getRegistry().bind("revoked", new JwtRevocationMemoryStore());
        String uri = VALIDATE + "&revocationRepository=#revoked";
        String token = hs256(validClaims("jti", "t-1"));
        accepted(sendToken(uri, token));
        accepted(sendToken("jwt:revoke?secret=" + Tokens.SECRET + "&revocationRepository=#revoked", token));
        refused(sendToken(uri, token), JwtFailure.REVOKED, token);
        assertEquals(1, hits(uri), "found in the cache, refused all the same");
    }

    @Test
    void theClaimsPolicyIsCheckedOnEveryMessage() {
        String token = hs256(validClaims("aud", "web"));
        String uri = VALIDATE + "&audience=api&failOnInvalid=false";
        for (int i = 0; i < 2; i++) {
            Message message = accepted(sendToken(uri, token));
            assertEquals("AUDIENCE_MISMATCH", message.getHeader(JwtConstants.JWT_ERROR));
        }
        assertEquals(1, hits(uri), "the signature check is remembered, the refusal is made again");
    }

    @Test
    void twoEndpointsNeverShareWhatTheyVerified() {
        String token = hs256(validClaims());
        String other = "jwt:validate?secret=" + "fedcba9876543210fedcba9876543210";
        accepted(sendToken(VALIDATE, token));
        accepted(sendToken(VALIDATE, token));
        refused(sendToken(other, token), JwtFailure.SIGNATURE_INVALID, token);
        refused(sendToken(other, token), JwtFailure.SIGNATURE_INVALID, token);
        assertEquals(1, hits(VALIDATE));
        assertEquals(0, hits(other));
        assertEquals(2, misses(other), "a refusal is not cached");
    }

    @Test
    void aRouteChangingTheClaimsOfOneMessageDoesNotChangeTheNextOne() {
        String token = hs256(validClaims());
        Map<String, Object> claims = accepted(sendToken(VALIDATE, token)).getHeader(JwtConstants.JWT_CLAIMS, Map.class);
        claims.put("sub", "mallory");
        Message next = accepted(sendToken(VALIDATE, token));
        assertEquals("alice", next.getHeader(JwtConstants.JWT_CLAIMS, Map.class).get("sub"));
        assertEquals("alice", next.getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals(1, hits(VALIDATE));
    }

    @Test
    void aRouteChangingTheHeaderMapOfOneMessageDoesNotChangeTheNextOneWithTheSameOrAnotherToken() {
        String token = hs256(validClaims());
        String another = hs256(validClaims("jti", "another")); // the same encoded header, not in the cache
        Map<String, Object> header = accepted(sendToken(VALIDATE, token)).getHeader(JwtConstants.JWT_HEADER, Map.class);
        header.put("alg", "none");
        header.put("kid", "mallory");
        for (String next : List.of(token, another)) {
            Map<?, ?> nextHeader = accepted(sendToken(VALIDATE, next)).getHeader(JwtConstants.JWT_HEADER, Map.class);
            assertEquals(Map.of("alg", "HS256", "typ", "JWT"), nextHeader);
        }
        assertEquals(1, hits(VALIDATE));
    }

    @Test
    void aRestartEmptiesTheCacheAndTheCountsGoOn() throws Exception {
        String token = hs256(validClaims());
        accepted(sendToken(VALIDATE, token));
        context.getRouteController().stopAllRoutes();
        context.getRouteController().startAllRoutes();
        accepted(sendToken(VALIDATE, token));
        assertEquals(2, misses(VALIDATE));
        assertEquals(0, hits(VALIDATE));
    }

    @Test
    void aTokenOver8192CharactersIsNotKept() {
        String token = hs256(validClaims("padding", "x".repeat(8192)));
        String uri = VALIDATE + "&maxTokenLength=20000";
        accepted(sendToken(uri, token));
        accepted(sendToken(uri, token));
        assertEquals(0, hits(uri));
        assertEquals(2, misses(uri));
    }

    @Test
    void keysFetchedAgainEmptyTheCacheAndARetiredKeyIsRefused() {
        try (JwksServer jwks = JwksServer.http()) {
            jwks.serveKeys(RemoteKeysTest.jwkSet(RemoteKeysTest.K1));
            String uri = "jwt:validate?jwksUri=" + jwks.url() + "&jwksRefreshInterval=1s";
            String k1 = RemoteKeysTest.token(RemoteKeysTest.K1);
            accepted(sendToken(uri, k1));
            accepted(sendToken(uri, k1));
            assertEquals(1, hits(uri));

            // k2 is new: its kid makes the keys be fetched again (once the interval allows), which also serve k1 (as a
            // new key entry)
            jwks.serveKeys(RemoteKeysTest.jwkSet(RemoteKeysTest.K1, RemoteKeysTest.K2));
            String k2 = RemoteKeysTest.token(RemoteKeysTest.K2);
            accepted(Refetch.afterInterval(() -> sendToken(uri, k2)));
            accepted(sendToken(uri, k1));
            assertEquals(1, hits(uri), "verified again with the keys fetched since");

            // k1 is retired: once the keys are fetched again (here for an unknown kid), its cached token is refused
            jwks.serveKeys(RemoteKeysTest.jwkSet(RemoteKeysTest.K2));
            String unknownKid = RemoteKeysTest.signedAs(RemoteKeysTest.K1, "RS256", "k3");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            Exchange k1Again = sendToken(uri, k1);
            while (k1Again.getException() == null && System.nanoTime() < deadline) {
                refused(sendToken(uri, unknownKid), JwtFailure.KEY_NOT_FOUND, unknownKid);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                k1Again = sendToken(uri, k1);
            }
            refused(k1Again, JwtFailure.KEY_NOT_FOUND, k1);
        }
    }

    @Test
    void aNegativeTokenCacheSizeStopsTheRouteFromStarting() {
        ConfigurationErrorTest.assertRouteDoesNotStart(context,
                ConfigurationErrorTest.wrong("negative cache", VALIDATE + "&tokenCacheSize=-1", "tokenCacheSize"));
    }

    private long hits(String uri) {
        return context.getEndpoint(uri, JwtEndpoint.class).getTokenCacheHits();
    }

    private long misses(String uri) {
        return context.getEndpoint(uri, JwtEndpoint.class).getTokenCacheMisses();
    }
}
