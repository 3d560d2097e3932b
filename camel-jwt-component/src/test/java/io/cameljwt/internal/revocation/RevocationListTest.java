package io.cameljwt.internal.revocation;

import java.util.List;
import java.util.Map;

import io.cameljwt.internal.token.Token;
import io.cameljwt.internal.token.TokenRefusal;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a token is keyed in the revocation repository, and which keys a purge removes, with the values docs/revocation.md shows (computed there with
 * {@code openssl dgst -sha256 -binary | basenc --base64url}).
 */
class RevocationListTest {

    /** {"alg":"HS256"}.{"sub":"alice"} with a stand-in signature: nothing here verifies it. */
    private static final String SIGNING_INPUT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9";
    private static final String JTI = "9b2e4c1a-7d35-4f0e-8a61-2c3d5e7f9a10";

    private static Token token(String signature) throws TokenRefusal {
        return Token.parse(SIGNING_INPUT + "." + signature);
    }

    @Test
    void tokenWithJtiIsKeyedByTheHashOfIssuerNulAndJti() throws TokenRefusal {
        assertEquals("jti:OyiD_Pb3HyIB2SoS36_oHQCyFcWqtans7ov134PTDAA",
                RevocationList.id(SIGNING_INPUT, Map.of("iss", "https://login.example.com", "jti", JTI)));
    }

    @Test
    void tokenWithJtiAndNoIssuerIsKeyedWithAnEmptyIssuer() throws TokenRefusal {
        assertEquals("jti:YJ9uNtJAVYUYjVz9dh9AfHzEan0_MUyIJwRp3eMV_NE", RevocationList.id(SIGNING_INPUT, Map.of("jti", "abc")));
    }

    @Test
    void sameJtiFromTwoIssuersGivesTwoKeys() throws TokenRefusal {
        assertNotEquals(RevocationList.id(SIGNING_INPUT, Map.of("iss", "https://a.example", "jti", "1")),
                RevocationList.id(SIGNING_INPUT, Map.of("iss", "https://b.example", "jti", "1")));
    }

    @Test
    void tokenWithoutJtiIsKeyedByTheHashOfItsSigningInputWhateverItsSignature() throws TokenRefusal {
        String expected = "jws:qo8fMeTRptH55JSG7up73BQtvb4AU8gxi7xQs0Amql4";
        assertEquals("9999999999999:" + expected, RevocationList.key(token("c2ln")));
        assertEquals("9999999999999:" + expected, RevocationList.key(token("b3RoZXI")));
    }

    @Test
    void jtiThatIsNotAStringOrIsEmptyOrAnIssuerThatIsNotAStringFallsBackToTheSigningInput() throws TokenRefusal {
        String bySigningInput = "jws:qo8fMeTRptH55JSG7up73BQtvb4AU8gxi7xQs0Amql4";
        assertEquals(bySigningInput, RevocationList.id(SIGNING_INPUT, Map.of("jti", 42L)));
        assertEquals(bySigningInput, RevocationList.id(SIGNING_INPUT, Map.of("jti", "")));
        assertEquals(bySigningInput, RevocationList.id(SIGNING_INPUT, Map.of("jti", "abc", "iss", 7L)));
    }

    @Test
    void everyKeyHasTheSameLengthWhateverTheToken() throws TokenRefusal {
        assertEquals(47, RevocationList.id(SIGNING_INPUT, Map.of("jti", "x".repeat(5000))).length());
        assertEquals(47, RevocationList.id(SIGNING_INPUT, Map.of("sub", "alice")).length());
    }

    // --- the key: exp, then the id -------------------------------------------------------------------------------------

    @Test
    void keyIsTheExpZeroPaddedToThirteenDigitsAColonAndTheId() throws TokenRefusal {
        assertEquals("0001767225600:jti:OyiD_Pb3HyIB2SoS36_oHQCyFcWqtans7ov134PTDAA",
                RevocationList.key(SIGNING_INPUT, Map.of("iss", "https://login.example.com", "jti", JTI, "exp", 1767225600L)));
    }

    @Test
    void tokenWithoutExpIsKeyedAfterEveryOtherSoItsEntryIsNeverPurged() throws TokenRefusal {
        String key = RevocationList.key(SIGNING_INPUT, Map.of("sub", "alice"));

        assertEquals("9999999999999:jws:qo8fMeTRptH55JSG7up73BQtvb4AU8gxi7xQs0Amql4", key);
        assertTrue(key.compareTo(RevocationList.firstLiveKey(9_999_999_999_999L, 0)) > 0);
    }

    @Test
    void everyKeyHasTheSameLengthAndFitsCamelsJdbcColumn() throws TokenRefusal {
        for (Map<String, Object> claims : List.<Map<String, Object>>of(Map.of("jti", "x".repeat(5000), "exp", 1L),
                Map.of("sub", "alice"), Map.of("exp", 1e300), Map.of("exp", -5L), Map.of("exp", 1767225600.7))) {
            assertEquals(61, RevocationList.key(SIGNING_INPUT, claims).length(), claims.toString());
        }
    }

    @Test
    void keysBelowTheFirstLiveKeyAreExactlyThoseOfTokensExpiredWithTheClockSkew() throws TokenRefusal {
        long now = 1767225600L;
        String firstLive = RevocationList.firstLiveKey(now, 60);
        // validate refuses a token once now - clockSkew >= exp
        assertTrue(key(now - 61).compareTo(firstLive) < 0, "expired beyond the clock skew: purged");
        assertTrue(key(now - 60).compareTo(firstLive) > 0, "refused already, but kept one second more");
        assertTrue(key(now - 59).compareTo(firstLive) > 0, "still accepted within the clock skew: kept");
        assertTrue(key(now + 3600).compareTo(firstLive) > 0);
        assertTrue(key(99_999_999_999L).compareTo(RevocationList.firstLiveKey(100_000_000_000L, 0)) < 0,
                "the order holds across a power of ten");
    }

    private static String key(long exp) throws TokenRefusal {
        return RevocationList.key(SIGNING_INPUT, Map.of("jti", "1", "exp", exp));
    }
}
