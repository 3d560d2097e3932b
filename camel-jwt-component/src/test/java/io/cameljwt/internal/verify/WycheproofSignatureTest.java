package io.cameljwt.internal.verify;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
 * Wycheproof {@code json_web_signature_test.json}: each {@code valid} vector verifies with its group's key and each
 * {@code invalid} one is refused with the one failure named below. The key is the group's public JWK (its private
 * one for HMAC), loaded as the {@code jwks} option is; the algorithm list is the keys' own {@code alg} (see
 * {@link WycheproofVectors#algorithmFor}). The file has no {@code acceptable} vectors.
 */
class WycheproofSignatureTest {

    private static final String FILE = "json_web_signature_test.json";

    /**
     * Vectors the file calls invalid whose token is, character for character, that of tcId 357 (valid): the file
     * contradicts itself (their comments speak of Base64 padding, which the tokens do not have). The token is
     * canonical and its MAC is right, so it verifies.
     */
    private static final Set<Integer> SAME_TOKEN_AS_VALID_357 = Set.of(367, 370);

    /**
     * Vectors the file calls valid that the component refuses on purpose. Wycheproof's reference run is jose4j alone,
     * which ignores a JWK's {@code alg} and decodes Base64url leniently; the component binds a key to its {@code alg}
     * (RFC 7517 section 4.4, RFC 8725 section 3.1) and reads only canonical Base64url (RFC 7515 section 2). Being
     * stricter here cannot let a forged token through.
     */
    private static final Map<Integer, Outcome> STRICTER_THAN_WYCHEPROOF = Map.of(
            // RFC 7520 figure 20, a PS384 token, with a key whose alg is PS256
            346, Outcome.refused(JwtFailure.ALGORITHM_NOT_ALLOWED),
            350, Outcome.refused(JwtFailure.ALGORITHM_NOT_ALLOWED),
            // RFC 7520 figure 27, an ES512 token, with a key whose alg is "ES521", which is no JWS algorithm
            347, Outcome.KEY_REFUSED,
            351, Outcome.KEY_REFUSED,
            // the token of tcId 357 with a '?' inside its header or payload part: a lenient decoder skips it and the
            // MAC still matches, but a character outside Base64url makes the token MALFORMED
            372, Outcome.refused(JwtFailure.MALFORMED),
            373, Outcome.refused(JwtFailure.MALFORMED));

    static Stream<Arguments> vectors() {
        return WycheproofVectors.jwsVectors(FILE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vectorIsVerifiedOrRefusedAsExpected(String name, Vector vector) {
        assertEquals(expected(vector), WycheproofVectors.verify(vector.verificationJwk(), vector.jws()), name);
    }

    @Test
    void everyVectorOfTheFileIsRun() {
        assertEquals(401, vectors().count());
    }

    @Test
    void thePaddingVectorsCarryTheTokenOfTheValidMacVector() {
        Map<Integer, String> tokens = vectors().map(a -> (Vector) a.get()[1])
                .filter(v -> v.tcId() == 357 || SAME_TOKEN_AS_VALID_357.contains(v.tcId()))
                .collect(Collectors.toMap(Vector::tcId, Vector::jws));
        assertEquals(3, tokens.size());
        SAME_TOKEN_AS_VALID_357.forEach(tcId -> assertEquals(tokens.get(357), tokens.get(tcId), "tcId " + tcId));
    }

    private static Outcome expected(Vector vector) {
        Outcome stricter = STRICTER_THAN_WYCHEPROOF.get(vector.tcId());
        if (stricter != null) {
            return stricter;
        }
        if (vector.valid() || SAME_TOKEN_AS_VALID_357.contains(vector.tcId())) {
            return Outcome.VERIFIED;
        }
        // damaged PKCS#1 v1.5 or PSS signatures, and ES256 signatures with out-of-range or oversized r and s
        if (vector.hasFlag("ModifiedPadding") || vector.hasFlag("ModifiedSignature")
            || "SpecialCaseEs256".equals(vector.groupComment())) {
            return Outcome.refused(JwtFailure.SIGNATURE_INVALID);
        }
        if (vector.hasFlag("AlgIsNone")) {
            return Outcome.refused(JwtFailure.ALGORITHM_NOT_ALLOWED);
        }
        // the JSON serialization (RFC 7515 section 7.2) is not a compact token: this component never accepts it
        if (vector.hasFlag("JsonSerialization")) {
            return Outcome.refused(JwtFailure.MALFORMED);
        }
        // a PS512 key: a token whose header says PS512 but is signed with another scheme does not verify; a token
        // whose header names the other scheme is refused for its algorithm before any key is used
        if (vector.hasFlag("WrongPrimitive")) {
            return "PS512".equals(WycheproofVectors.tokenAlgorithm(vector.jws()))
                    ? Outcome.refused(JwtFailure.SIGNATURE_INVALID)
                    : Outcome.refused(JwtFailure.ALGORITHM_NOT_ALLOWED);
        }
        Outcome byComment = WycheproofVectors.EXPECTED_BY_COMMENT.get(vector.comment());
        assertNotNull(byComment, "no expectation for " + vector);
        return byComment;
    }
}
