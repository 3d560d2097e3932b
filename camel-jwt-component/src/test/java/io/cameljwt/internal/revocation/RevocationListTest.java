package io.cameljwt.internal.revocation;

import java.util.Map;

import io.cameljwt.internal.token.Token;
import io.cameljwt.internal.token.TokenRefusal;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * How a token is keyed in the revocation repository, with the values docs/revocation.md shows (computed there with
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
        assertEquals(expected, RevocationList.id(token("c2ln")));
        assertEquals(expected, RevocationList.id(token("b3RoZXI")));
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
}
