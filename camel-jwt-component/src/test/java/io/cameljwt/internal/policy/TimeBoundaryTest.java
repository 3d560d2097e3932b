package io.cameljwt.internal.policy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameljwt.JwtConfiguration;
import io.cameljwt.JwtFailure;
import io.cameljwt.TestSettings;
import io.cameljwt.internal.token.Token;
import io.cameljwt.internal.token.TokenRefusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The time checks exactly at their limits, with a fixed clock: {@code exp} is the first second a token is no longer
 * valid (RFC 7519 section 4.1.4), {@code nbf} the first second it is, the clock skew widens each by exactly its
 * length, and {@code maxAge} allows a token issued exactly that long (plus the skew) ago.
 */
class TimeBoundaryTest {

    private static final long NOW = 1_700_000_000L;

    /** The clock skew in seconds, the claim, its offset from now, and the failure (null: accepted). */
    static Stream<Arguments> limits() {
        return Stream.of(
                Arguments.of(0, "exp", 1, null),
                Arguments.of(0, "exp", 0, JwtFailure.EXPIRED),
                Arguments.of(30, "exp", -29, null),
                Arguments.of(30, "exp", -30, JwtFailure.EXPIRED),
                Arguments.of(0, "nbf", 0, null),
                Arguments.of(0, "nbf", 1, JwtFailure.NOT_YET_VALID),
                Arguments.of(30, "nbf", 30, null),
                Arguments.of(30, "nbf", 31, JwtFailure.NOT_YET_VALID),
                Arguments.of(0, "iat", 0, null),
                Arguments.of(0, "iat", 1, JwtFailure.NOT_YET_VALID),
                Arguments.of(30, "iat", 30, null),
                Arguments.of(30, "iat", 31, JwtFailure.NOT_YET_VALID));
    }

    @ParameterizedTest(name = "clockSkew {0}s, {1} = now {2}s: {3}")
    @MethodSource("limits")
    void timeClaimsAreCheckedExactlyAtTheirLimits(long skewSeconds, String claim, long offset, JwtFailure expected) {
        JwtConfiguration config = config(skewSeconds, 0);
        Map<String, Object> claims = claims("exp", NOW + 3600);
        claims.put(claim, NOW + offset);
        assertOutcome(expected, config, claims);
    }

    /** maxAge in seconds, clock skew in seconds, how long ago the token was issued, and the failure (null: accepted). */
    static Stream<Arguments> ages() {
        return Stream.of(
                Arguments.of(300, 0, 300, null),
                Arguments.of(300, 0, 301, JwtFailure.TOO_OLD),
                Arguments.of(300, 30, 330, null),
                Arguments.of(300, 30, 331, JwtFailure.TOO_OLD));
    }

    @ParameterizedTest(name = "maxAge {0}s, clockSkew {1}s, issued {2}s ago: {3}")
    @MethodSource("ages")
    void maxAgeAllowsExactlyItsLengthPlusTheClockSkew(long maxAge, long skew, long age, JwtFailure expected) {
        assertOutcome(expected, config(skew, maxAge), claims("exp", NOW + 3600, "iat", NOW - age));
    }

    private static JwtConfiguration config(long skewSeconds, long maxAgeSeconds) {
        JwtConfiguration config = new JwtConfiguration();
        config.setClockSkew(skewSeconds * 1000);
        config.setMaxAge(maxAgeSeconds * 1000);
        return config;
    }

    private static void assertOutcome(JwtFailure expected, JwtConfiguration config, Map<String, Object> claims) {
        ClaimsPolicy policy = ClaimsPolicy.from(TestSettings.of(config).policy());
        Token token = token(claims);
        if (expected == null) {
            assertDoesNotThrow(() -> policy.check(token, Instant.ofEpochSecond(NOW)));
        } else {
            TokenRefusal refusal = assertThrows(TokenRefusal.class, () -> policy.check(token, Instant.ofEpochSecond(NOW)));
            assertEquals(expected, refusal.reason(), refusal::getMessage);
        }
    }

    /** A token with these claims and a stand-in signature: nothing here verifies it. */
    private static Token token(Map<String, Object> claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        try {
            return Token.parse(base64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                               + base64.encodeToString(new ObjectMapper().writeValueAsBytes(claims)) + ".c2ln");
        } catch (TokenRefusal | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> claims(Object... namesAndValues) {
        Map<String, Object> claims = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            claims.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return claims;
    }
}
