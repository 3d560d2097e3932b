package io.cameljwt.internal.verify;

import java.util.Map;
import java.util.stream.Stream;

import io.cameljwt.JwtFailure;
import io.cameljwt.internal.verify.WycheproofVectors.Outcome;
import io.cameljwt.internal.verify.WycheproofVectors.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Wycheproof {@code json_web_crypto_test.json}, its JWS groups (the JWE groups belong to decryption). Keys and
 * algorithms are chosen as for the signature vectors. The file has no {@code acceptable} vectors.
 */
class WycheproofCryptoTest {

    private static final String FILE = "json_web_crypto_test.json";

    /** Vectors whose expectation is not the one their comment has in the signature file. */
    private static final Map<Integer, Outcome> BY_TCID = Map.of(
            // flag JsonWebKeyset: an HS256 secret and an ES256 key in one set, refused as a mixed set
            47, Outcome.KEY_REFUSED,
            // flag JsonWebKeyset: two HS256 secrets with distinct kids
            49, Outcome.refused(JwtFailure.SIGNATURE_INVALID));

    static Stream<Arguments> vectors() {
        return WycheproofVectors.jwsVectors(FILE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vectorIsVerifiedOrRefusedAsExpected(String name, Vector vector) {
        assertEquals(expected(vector), WycheproofVectors.verify(vector.verificationJwk(), vector.jws()), name);
    }

    @Test
    void everyJwsVectorOfTheFileIsRun() {
        assertEquals(49, vectors().count());
    }

    @Test
    void theJsonSerializationVectorIsAJsonObject() {
        // tcId 17 holds the token as a JSON object (RFC 7515 section 7.2); the test passes it on as its JSON text
        Vector vector = WycheproofVectors.vector(FILE, 17);
        assertEquals(true, vector.test().get("jws").isObject());
        assertEquals(true, vector.jws().startsWith("{"));
    }

    private static Outcome expected(Vector vector) {
        if (BY_TCID.containsKey(vector.tcId())) {
            return BY_TCID.get(vector.tcId());
        }
        if (vector.valid()) {
            return Outcome.VERIFIED;
        }
        // the JSON serialization, here a JSON object rather than a compact token: this component accepts compact
        // tokens only, so it is MALFORMED
        if (vector.hasFlag("JsonSerialization")) {
            return Outcome.refused(JwtFailure.MALFORMED);
        }
        Outcome byComment = WycheproofVectors.EXPECTED_BY_COMMENT.get(vector.comment());
        assertNotNull(byComment, "no expectation for " + vector);
        return byComment;
    }
}
