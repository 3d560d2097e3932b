package io.cameljwt;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.cameljwt.Tokens.hs256;
import static io.cameljwt.Tokens.now;
import static io.cameljwt.Tokens.validClaims;

/**
 * Limits through real routes, where a test can hold them exactly although the clock runs: the route's "now" is never
 * earlier than the test's, so a token that expires at the test's "now" is already expired, and one that becomes valid
 * at the test's "now" plus the skew already is. The exact second of every time check is in
 * {@code internal/policy/TimeBoundaryTest}.
 */
class BoundaryTest extends JwtRouteTestSupport {

    private static final String HS = "jwt:validate?secret=" + Tokens.SECRET;

    @Test
    void expEqualToNowIsExpiredWithoutClockSkew() {
        String token = hs256(validClaims("exp", now()));
        refused(sendToken(HS + "&clockSkew=0", token), JwtFailure.EXPIRED, token);
    }

    @Test
    void expExactlyTheDefaultClockSkewAgoIsExpired() {
        String token = hs256(validClaims("exp", now() - 60));
        refused(sendToken(HS, token), JwtFailure.EXPIRED, token);
    }

    @Test
    void nbfAndIatExactlyTheClockSkewAheadAreAccepted() {
        accepted(sendToken(HS + "&clockSkew=30s", hs256(validClaims("nbf", now() + 30))));
        accepted(sendToken(HS + "&clockSkew=30s", hs256(validClaims("iat", now() + 30))));
    }

    /**
     * A body may hold the token and up to 1 KiB of whitespace around it; a longer body is refused without reading it,
     * as text or as bytes.
     */
    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void bodyOfATokenOfMaxTokenLengthWithOneKibibyteOfWhitespaceIsStillRead(boolean bytes) {
        String token = hs256(validClaims());
        String uri = HS + "&maxTokenLength=" + token.length();
        accepted(send(uri, body(token + " ".repeat(1024), bytes), Map.of()));
        refused(send(uri, body(token + " ".repeat(1025), bytes), Map.of()), JwtFailure.TOO_LARGE, token);
    }

    private static Object body(String text, boolean bytes) {
        return bytes ? text.getBytes(StandardCharsets.UTF_8) : text;
    }
}
